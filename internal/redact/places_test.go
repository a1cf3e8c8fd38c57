package redact

import (
	"slices"
	"testing"
)

// skipSpacesComma, townWord, nameWords and endsStreet are the steps the street and town
// readers share (townAfter, skipPlaces, lowerStreet, oneWordStreet, buildingName, …).
func TestSkipSpacesComma(t *testing.T) {
	for _, c := range []struct {
		s    string
		i    int
		want int
	}{
		{"3 kiln bank, olney", 11, 13},
		{"3 kiln bank  ,  olney", 11, 16},
		{"3 kiln bank olney", 11, 12},
		{"3 kiln bank,, olney", 11, 12},
		{"3 kiln bank", 11, 11},
		{"3 kiln bank,", 11, 12},
	} {
		if got := skipSpacesComma(c.s, c.i); got != c.want {
			t.Errorf("skipSpacesComma(%q, %d) = %d, want %d", c.s, c.i, got, c.want)
		}
	}
}

func TestTownWord(t *testing.T) {
	for lw, want := range map[string]bool{
		"olney": true, "fishermead": true, "stony": true, "bletchley": true,
		"Olney": false, "bank": false, "please": false, "": false,
	} {
		if got := townWord(lw); got != want {
			t.Errorf("townWord(%q) = %v, want %v", lw, got, want)
		}
	}
}

func TestNameWords(t *testing.T) {
	for _, c := range []struct {
		s     string
		i     int
		want  []string
		start []int
	}{
		{"at 3 kiln bank, olney", 5, []string{"kiln", "bank"}, []int{5, 10}},
		{"flat 3 The Maltings, Olney", 7, []string{"The", "Maltings"}, []int{7, 11}},
		{"to J. Smith.", 3, []string{"J.", "Smith."}, []int{3, 6}},
		{"22 tudeley  hale", 3, []string{"tudeley"}, []int{3}},
		{"22 tudeley\nhale", 3, []string{"tudeley"}, []int{3}},
		{"22 ", 3, nil, nil},
	} {
		var got []string
		var start []int
		for pos, tok := range nameWords(c.s, c.i) {
			got, start = append(got, tok), append(start, pos)
		}
		if !slices.Equal(got, c.want) || !slices.Equal(start, c.start) {
			t.Errorf("nameWords(%q, %d) = %q at %v, want %q at %v", c.s, c.i, got, start, c.want, c.start)
		}
	}
}

func TestEndsStreet(t *testing.T) {
	for lw, want := range map[string]bool{
		"years": true, "the": true, "and": true, "please": true, "because": true,
		"kiln": false, "bank": false, "hale": false,
	} {
		if got := endsStreet(lw); got != want {
			t.Errorf("endsStreet(%q) = %v, want %v", lw, got, want)
		}
	}
}
