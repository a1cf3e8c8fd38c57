package dpo

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSearchFold(t *testing.T) {
	for in, want := range map[string]string{
		"Niamh O’Sullivan":   "niamh osullivan",
		"O'Connor":           "oconnor",
		"N`Diaye":            "ndiaye",
		"Siobhán":            "siobhan",
		"Zoe\u0308":          "zoe", // the accent typed as a combining mark
		"ZOË ŁUKASZ":         "zoe lukasz",
		"Søren Strauß":       "soren strauss",
		"  Priya \t Sharma ": "priya sharma",
		"Jo\u200bBloggs":     "jobloggs", // a zero-width space pasted with the name
		"Anne-Marie":         "anne-marie",
		"100%_Sure":          "100%_sure",
	} {
		assert.Equal(t, want, SearchFold(in), "%q", in)
	}
}

func TestSearchPhone(t *testing.T) {
	for in, want := range map[string]string{
		"+44 7700 900456":     "07700900456",
		"0044 7700 900456":    "07700900456",
		"+44 (0)7700 900456":  "07700900456",
		"447700900456":        "07700900456",
		"07700-900-456":       "07700900456",
		"(01908) 654 321":     "01908654321",
		"+44 7700":            "07700", // a part of one, after its +44
		"+353 87 123 4567":    "353871234567",
		"00353 87 123 4567":   "353871234567",
		"7700 900456":         "7700900456",
		"000123":              "000123", // a reference's number, not a call abroad
		"12345":               "",       // too few digits to be a phone number
		"07700 900456 please": "",
		"priya.sharma@":       "",
	} {
		assert.Equal(t, want, SearchPhone(in), "%q", in)
	}
}

func TestSearchWords(t *testing.T) {
	for in, want := range map[string][]string{
		"Priya  Sharma":           {"priya", "sharma"},
		"Anne-Marie O’Sullivan":   {"anne", "marie", "osullivan"},
		"jo.bloggs@example":       {"jo.bloggs@example"},
		"Sharma, Priya":           {"sharma", "priya"},
		"100%_":                   {"100%_"},
		"-":                       {"-"},
		"   ":                     nil,
		"Al–Rashid (the brother)": {"al", "rashid", "the", "brother"},
	} {
		assert.Equal(t, want, Filter{Search: in}.SearchWords(), "%q", in)
	}
}

// A case is found by what its requester and the person it is for are called, in each way they
// may be typed, and by its contact and reference; one field a line, so no word spans two.
func TestSearchText(t *testing.T) {
	c := Case{Ref: "DPO-2026-000123", Requester: Requester{Name: "Anne-Marie O’Sullivan",
		Contact: Contact{Kind: ContactPhone, Value: "+44 7700 900456"}, OnBehalfOf: true, OnBehalfOfWhom: "Siobhán Al-Rashid"}}
	assert.Equal(t, "dpo-2026-000123\nanne-marie osullivan\nannemarieosullivan\nsiobhan al-rashid\nsiobhanalrashid\n+44 7700 900456\n07700900456",
		SearchText(c))
	c.Requester = Requester{Name: "Jo Bloggs", Contact: Contact{Kind: ContactEmail, Value: "Jo.Bloggs@Example.org"}}
	assert.Equal(t, "dpo-2026-000123\njo bloggs\njobloggs\njo.bloggs@example.org", SearchText(c))
	// A postal address is also there run together, for a postcode typed without its space.
	c.Requester = Requester{Name: "Jo Bloggs", Contact: Contact{Kind: ContactPostal, Value: "12 Mill Lane, Olney MK46 4BB"}}
	assert.Equal(t, "dpo-2026-000123\njo bloggs\njobloggs\n12 mill lane, olney mk46 4bb\n12milllaneolneymk464bb", SearchText(c))
}
