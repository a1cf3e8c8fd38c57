package dpo

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAssignee(t *testing.T) {
	users := []User{
		{Name: "Maya Patel", Organisations: []string{"Milton Keynes City Council"}},
		{Name: "Zoë Adams", Organisations: []string{"*"}},
		{Name: "Łukasz Nowak", Organisations: []string{"Buckinghamshire Council"}},
		{Name: "Sam Reid", Organisations: []string{"MK Council", "Buckinghamshire Council"}},
	}
	// The notices' names for the councils: "MK Council" is another name for Milton Keynes's.
	canonical := func(name string) (string, bool) {
		switch name {
		case "Milton Keynes City Council", "MK Council", "mk council":
			return "Milton Keynes City Council", true
		case "Buckinghamshire Council":
			return name, true
		}
		return "", false
	}
	tests := []struct {
		name      string
		org       string // the case's
		asked     string
		canonical func(string) (string, bool)
		want      string
		choosable []string // refused, the users who could take it
	}{
		{name: "as the user spells it", org: "Milton Keynes City Council", asked: "Maya Patel", canonical: canonical, want: "Maya Patel"},
		{name: "in any case", org: "Milton Keynes City Council", asked: "maya PATEL", canonical: canonical, want: "Maya Patel"},
		{name: "with a mark taken out", org: "Milton Keynes City Council", asked: "\u200fMaya Patel", canonical: canonical, want: "Maya Patel"},
		{name: "decomposed", org: "Buckinghamshire Council", asked: "zoe\u0308 adams", canonical: canonical, want: "Zoë Adams"},
		{name: "every council's user", org: "Somewhere Else", asked: "Zoë Adams", canonical: canonical, want: "Zoë Adams"},
		{name: "the case under another of its council's names", org: "mk council", asked: "Maya Patel", canonical: canonical, want: "Maya Patel"},
		{name: "the user's council under another of its names", org: "Milton Keynes City Council", asked: "sam reid", canonical: canonical, want: "Sam Reid"},
		{name: "nobody", org: "Milton Keynes City Council", asked: "", canonical: canonical, want: ""},
		{name: "a user of another council", org: "Milton Keynes City Council", asked: "Łukasz Nowak", canonical: canonical,
			choosable: []string{"Maya Patel", "Zoë Adams", "Sam Reid"}},
		{name: "no such user", org: "Buckinghamshire Council", asked: "Maya Patal", canonical: canonical,
			choosable: []string{"Zoë Adams", "Łukasz Nowak", "Sam Reid"}},
		{name: "without the notices' names, compared as given", org: "Milton Keynes City Council", asked: "Sam Reid",
			choosable: []string{"Maya Patel", "Zoë Adams"}},
		{name: "an unknown council compared as given", org: "MK COUNCIL", asked: "Sam Reid", canonical: func(string) (string, bool) { return "", false },
			want: "Sam Reid"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Assignee(users, Case{Organisation: tc.org}, tc.asked, tc.canonical)
			if tc.choosable == nil {
				require.NoError(t, err)
				assert.Equal(t, tc.want, got)
				return
			}
			var refused *NotAssignableError
			require.True(t, errors.As(err, &refused), "%v", err)
			assert.Empty(t, got)
			assert.Equal(t, tc.choosable, refused.Choosable)
			assert.Equal(t, tc.asked, refused.Name)
			assert.Equal(t, tc.org, refused.Organisation)
		})
	}
}

func TestNotAssignableErrorNamesWhoCanBeChosen(t *testing.T) {
	assert.EqualError(t, &NotAssignableError{Name: "Maya Patal", Organisation: "Buckinghamshire Council", Choosable: []string{"Zoë Adams", "Sam Reid"}},
		`no dashboard user "Maya Patal" sees Buckinghamshire Council's cases (the users who do are Zoë Adams, Sam Reid)`)
	_, err := Assignee([]User{{Name: "Maya Patel", Organisations: []string{"Milton Keynes City Council"}}}, Case{Organisation: "Buckinghamshire Council"}, "Maya Patel", nil)
	assert.EqualError(t, err, `no dashboard user "Maya Patel" sees Buckinghamshire Council's cases, and no user does`)
}
