package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A grievance told with a question ("she looked up my address on the system and told my ex. is
// that allowed? who at the council can see my records") asks the question: it went straight into
// an objection request, its "looked up my address" read as a wish to keep the address
// confidential, and neither question was answered (a QA pass). The notices answer who can see
// the records, and the requests that fit are offered, not started.
func TestALookedUpAddressWithAQuestionIsAnswered(t *testing.T) {
	for _, says := range []string{
		"my neighbour works at the council and i think she looked up my address on the system and told my ex. is that allowed? who at the council can see my records",
		"someone at the council looked up my address and passed it to my ex, is that allowed? who at the council can see my records?",
		"my cousin works in housing and she looked up my address on the system. who at the council can see my records",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, gapsNow)
			rep := script(t, bot, "Milton Keynes", []line{{says: says,
				contains: []string{"need to see it to do their jobs", `say "yes"`},
				lacks:    []string{"It sounds like you want to make a request", "Which council is this request for"}}})
			assert.NotEqual(t, conversation.KindIntake, rep.Kind)
			assert.Empty(t, q.cases())
		})
	}
	// Told that the address went to an ex, the resident is also told where to turn if that puts
	// them at risk: no alarm (no fear is said, and the case is not flagged), but not nothing.
	bot, _ := newBot(t, gapsNow)
	rep := script(t, bot, "Milton Keynes", []line{{says: "my neighbour works at the council and i think she looked up my address on the system and told my ex. is that allowed? who at the council can see my records",
		contains: []string{"puts you at risk", "0808 2000 247"}, lacks: []string{"Call the safeguarding team."}}})
	assert.Equal(t, conversation.KindAnswer, rep.Kind)
	script(t, bot, "Milton Keynes", []line{{says: "my cousin works in housing and she looked up my address on the system. who at the council can see my records",
		lacks: []string{"0808 2000 247"}}})
	// "yes" takes the complaint offered.
	bot, _ = newBot(t, gapsNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "my neighbour works at the council and i think she looked up my address on the system and told my ex. is that allowed? who at the council can see my records"},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Complaint"}},
	})
	// Said as a wish, with no question besides, it is still a request.
	bot, _ = newBot(t, gapsNow)
	script(t, bot, "Milton Keynes", []line{{says: "he's been looking up my new address on the system, can you stop him seeing my records",
		kind: conversation.KindIntake}})
}
