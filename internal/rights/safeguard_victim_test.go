package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A writer who is themselves escaping a partner's or former partner's abuse is told apart from
// one reporting someone else at risk (OnBehalf), so the chat can speak to them: the domestic abuse
// helpline, not "to report a concern about a child or an adult at risk". "I've had to leave my
// partner because he was violent and I'm in a refuge now …" got the reporter's reply (a QA pass).
func TestAWriterEscapingAbuseIsMarked(t *testing.T) {
	for _, text := range []string{
		"I've had to leave my partner because he was violent and I'm in a refuge now in Aylesbury… Can you make sure my new address is kept secret?",
		"I left my husband because he was abusive and I'm staying in a refuge, please don't give my new address to anyone",
		"I'm in a women's refuge after my boyfriend beat me, can you hide my address",
		"my ex hits me and I'm scared he'll find where I live",
		"my husband keeps finding my address",
		"I'm fleeing domestic abuse and need my address kept confidential",
		"my partner is violent and I'm terrified of him",
	} {
		in, tr := classify(text)
		assert.True(t, in.Safeguarding, "%q: %s", text, tr)
		assert.True(t, in.DomesticAbuse, "%q: %s", text, tr)
		assert.False(t, in.OnBehalf, "%q: %s", text, tr)
	}
	// Someone else at risk, or no partner's abuse: the reporter's reply, or the crisis lines.
	for _, text := range []string{
		"my neighbour's husband beats her, I can hear it through the wall right now",
		"my sister's boyfriend hits her and she's too scared to leave",
		"the kid next door is being beaten",
		"I don't want to live anymore",
		"my dad is going to kill me and he means it",
	} {
		in, tr := classify(text)
		assert.True(t, in.Safeguarding, "%q: %s", text, tr)
		assert.False(t, in.DomesticAbuse, "%q: %s", text, tr)
	}
	// Past and resolved, or a question about refuges: no danger now.
	for _, text := range []string{
		"I fled domestic abuse years ago and I'm safe now, can I have a copy of my housing file",
		"do you share information with women's refuges?",
	} {
		in, tr := classify(text)
		assert.False(t, in.Safeguarding, "%q: %s", text, tr)
	}
}

// A writer escaping abuse who names a child or a relative harmed too is marked OthersAtRisk, so
// the reply names the safeguarding team beside the helpline ("my husband hits our daughter, I
// left him last week" lost it: a review). Leaving or a refuge needs a partner, and being in one:
// a review found "I left a review because they were abusive to me on the phone" and "we went to
// the refuge to drop off donations" urgent.
func TestAbuseOfOthersTooAndWordsThatOnlySoundLikeIt(t *testing.T) {
	for _, text := range []string{
		"my husband hits our daughter, I left him last week",
		"my boyfriend is hurting my son, I'm scared for him",
		"I'm in a refuge with my kids because my ex beat us, he must not find my address",
	} {
		in, tr := classify(text)
		assert.True(t, in.Safeguarding, "%q: %s", text, tr)
		assert.True(t, in.DomesticAbuse && in.OthersAtRisk, "%q: %s", text, tr)
	}
	for _, text := range []string{
		"I've had to leave my partner because he was violent and I'm in a refuge now in Aylesbury. Can you make sure my new address is kept secret?",
		"my ex hits me and I'm scared he'll find where I live",
	} {
		in, tr := classify(text)
		assert.True(t, in.DomesticAbuse, "%q: %s", text, tr)
		assert.False(t, in.OthersAtRisk, "%q: %s", text, tr)
	}
	for _, text := range []string{
		"I left a review because they were abusive to me on the phone",
		"I left a comment as they were abusive to staff on the phone",
		"we went to the refuge to drop off donations, do you share data with refuges?",
		"I went to a refuge open day, what data do you keep about visitors?",
	} {
		in, tr := classify(text)
		assert.False(t, in.Safeguarding, "%q: %s", text, tr)
	}
}

// Someone at the door is a visitor until the writer fears them: "hang on, he's at the door and
// I'm scared" got no safeguarding reply (a verifying QA pass), and "he's at the door, brb" is no
// danger.
func TestSomeoneFearedAtTheDoorIsUrgent(t *testing.T) {
	for text, urgent := range map[string]bool{
		"hang on, he's at the door and I'm scared":  true,
		"my ex is at the door, I'm frightened":      true,
		"she's at the window and I'm terrified":     true,
		"he's at the door, brb":                     false,
		"the postman is at the door, back in a sec": false,
	} {
		in, tr := classify(text)
		assert.Equal(t, urgent, in.Safeguarding, "%q: %s", text, tr)
	}
}

// The chat or the council driving the writer up the wall is frustration, not a crisis: "this chat
// is driving me crazy, can I just speak to someone" was urgent (a verifying QA pass). A person
// doing it, with harm, still is.
func TestDrivenMadByTheChatIsNoDanger(t *testing.T) {
	for text, urgent := range map[string]bool{
		"this chat is driving me crazy, can I just speak to someone":  false,
		"this is driving me insane, let me talk to a person":          false,
		"the council is driving me up the wall, who do I complain to": false,
		"my husband is driving me crazy, he keeps hitting me":         true,
	} {
		in, tr := classify(text)
		assert.Equal(t, urgent, in.Safeguarding, "%q: %s", text, tr)
	}
}
