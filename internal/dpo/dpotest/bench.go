package dpotest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/privacybot/privacybot/internal/dpo"
)

// SearchBenchCases is how many cases BenchSearch's queue holds: a few years of a council's
// requests.
const SearchBenchCases = 5000

// benchFirst and benchLast make the benchmark's requesters' names: accents, apostrophes and
// hyphens among them, as a council's residents write them.
var (
	benchFirst = []string{"Priya", "Siobhán", "Zoë", "Anne-Marie", "Niamh", "David", "Chidi", "Margaret", "Łukasz", "Sam", "Aisha", "Tom"}
	benchLast  = []string{"Sharma", "O’Sullivan", "O'Connor", "Okafor", "Al-Rashid", "Wright", "Pritchard", "Nowak", "Bloggs", "Khan", "Evans"}
)

// BenchSearch fills s with SearchBenchCases cases of two councils (a third of them for someone
// else, a third reached by phone in one of the ways people write UK numbers) and measures the
// dashboard's searches: within one council's open cases, as its Find box asks.
func BenchSearch(b *testing.B, s dpo.Store) {
	ctx := context.Background()
	base := Date(b, "2026-01-05T09:00:00Z")
	q := &dpo.Queue{Store: s, Now: func() time.Time { return base.Add(SearchBenchCases * 5 * time.Minute) }}
	phones := []string{"+44 7700 9%05d", "07700 9%05d", "(07700) 9%05d", "0044 7700-9%05d"}
	for i := range SearchBenchCases {
		sub := Sample(base.Add(time.Duration(i)*5*time.Minute), fmt.Sprintf("bench-%d", i))
		sub.Description = fmt.Sprintf("%s (%d)", sub.Description, i)
		sub.Requester.Name = benchFirst[i%len(benchFirst)] + " " + benchLast[(i/len(benchFirst))%len(benchLast)]
		if i%2 == 1 {
			sub.Organisation = "Bristol City Council"
		}
		switch i % 3 {
		case 0:
			sub.Requester.Contact = dpo.Contact{Kind: dpo.ContactPhone, Value: fmt.Sprintf(phones[(i/3)%len(phones)], i)}
		case 1:
			sub.Requester.OnBehalfOf = true
			sub.Requester.OnBehalfOfWhom = benchFirst[(i+5)%len(benchFirst)] + " " + benchLast[(i+3)%len(benchLast)]
		}
		if _, err := q.Submit(ctx, sub); err != nil {
			b.Fatal(err)
		}
	}
	for _, term := range []struct{ name, search string }{
		{"name", "okafor"},
		{"full name", "Priya Sharma"},
		{"phone", "07700 900456"},
		{"reference", "DPO-2026-004321"},
		{"nobody", "Nobody Here"},
	} {
		f := dpo.Filter{Search: term.search, Organisations: []string{"Leeds City Council"}, Statuses: dpo.OpenStatuses()}
		b.Run(term.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.List(ctx, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
