package rights_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/rights"
)

// A question of whether a former partner, an abuser or a partner can get where the writer lives,
// or their records, through the council is read for which it asks, and whether the one named is
// someone the writer may need to be kept safe from by name. Someone else ("my mum", "my ex's
// mum"), or a partner named beside a question about something else, is no such question.
func TestAsksWhetherTheyCanGetIt(t *testing.T) {
	for _, tc := range []struct {
		says   string
		reach  rights.Reach
		byAnEx bool
	}{
		{"im in a refuge. if my husband asks the council where i live will they tell him", rights.ReachTold, false},
		{"will the council tell my ex where I live?", rights.ReachTold, true},
		{"could my abuser get my new address from the council?", rights.ReachTold, true},
		{"my ex husband works for the council, can he look up my address on the system?", rights.ReachLookedUp, true},
		{"my ex-wife works at the council. can she see my records?", rights.ReachLookedUp, true},
		{"can my ex get my records?", rights.ReachRecords, true},
		{"can my ex-partner get a copy of my records", rights.ReachRecords, true},
		{"is my abuser able to see my file?", rights.ReachRecords, true},
		{"can my husband get my records?", rights.ReachRecords, false},
		{"my abusive ex keeps threatening me, can he get my records from the council?", rights.ReachRecords, true},
		{"can my mum get a copy of my records", rights.ReachNone, false},
		{"can my ex's mum get my records?", rights.ReachNone, false},
		{"my husband works for the council, how long do you keep CCTV", rights.ReachNone, false},
		{"my ex works for the council, how long do you keep CCTV?", rights.ReachNone, false},
		{"can I get my records?", rights.ReachNone, false},
		{"how do I stop my ex finding my address through the council", rights.ReachNone, false},
	} {
		t.Run(tc.says, func(t *testing.T) {
			reach, byAnEx := rights.AsksWhetherTheyCanGetIt(tc.says)
			assert.Equal(t, tc.reach, reach)
			assert.Equal(t, tc.byAnEx, byAnEx)
		})
	}
}
