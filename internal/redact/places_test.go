package redact

import "testing"

// skipSpacesComma and townWord are the steps townAfter, skipPlaces, lowerStreet, buildingName
// and placeOrPostcodeFollows share.
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
