package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The readings asked of a message after Classify take the normalised text it kept, and read
// every message as the package functions do: the message Classify read, another message (whose
// text it did not keep), the same message with space around it (normalised otherwise: a new line
// is a full stop), and an Intent no classifier filled in (a test's fake).
func TestIntentReadingsAreThePackageFunctions(t *testing.T) {
	texts := []string{
		"what info does customer services hold about me",
		"what data do you have on me",
		"hi, what personal information do you hold about me?",
		"i want to see what you hold about me",
		"what do you hold about me, send it to me",
		"what do you hold on my dad",
		"my husband reads all my letters so please don't post anything to my house",
		"my ex keeps opening my post",
		"my wife reads my letters to me",
		"my partner is controlling and goes through all my mail",
		"",
		"\n",
	}
	for _, file := range []string{"messages.jsonl", "messages2.jsonl", "heldout.jsonl"} {
		for _, ex := range loadExamples(t, file) {
			texts = append(texts, ex.Text)
		}
	}
	other := Classify("my ex reads my post, what do you hold about me")
	for _, text := range texts {
		in := Classify(text)
		assert.Equal(t, normalize(text), in.read.s, "%q: the normalised text kept", text)
		for _, variant := range []string{text, "\n" + text + " \n"} {
			held, post := AsksWhatIsHeld(variant), TellsOfPostRead(variant)
			for name, in := range map[string]Intent{"classified": in, "another message's": other, "unfilled": {}} {
				assert.Equal(t, held, in.AsksWhatIsHeld(variant), "%q, %s intent: AsksWhatIsHeld", variant, name)
				assert.Equal(t, post, in.TellsOfPostRead(variant), "%q, %s intent: TellsOfPostRead", variant, name)
			}
		}
	}
}

// The readings of an address let out or asked after take the normalised text Classify kept as
// the package functions read every message: the message Classify read, another message, the
// same message with space around it, and an Intent no classifier filled in.
func TestIntentAddressReadingsAreThePackageFunctions(t *testing.T) {
	texts := []string{
		"I think someone in housing gave my ex my new address",
		"housing gave out my address and now my ex knows where I am",
		"my abuser found out where I live from a council letter",
		"my ex found my new address on a letter from the council",
		"my ex found my number in my address book",
		"my ex keeps turning up at my new flat",
		"can my ex get my records?",
		"my ex husband works for the council, can he look up my address on the system?",
		"im in a refuge. if my husband asks the council where i live will they tell him",
		"",
		"\n",
	}
	for _, file := range []string{"messages.jsonl", "messages2.jsonl", "heldout.jsonl"} {
		for _, ex := range loadExamples(t, file) {
			texts = append(texts, ex.Text)
		}
	}
	other := Classify("the council sent my new address to my ex-husband, can he get my records?")
	for _, text := range texts {
		in := Classify(text)
		for _, variant := range []string{text, "\n" + text + " \n"} {
			given, found, byAnEx, beingFound := TellsOfAddressGivenAway(variant), TellsOfFoundThroughTheCouncil(variant),
				TellsOfAnExFindingItThroughTheCouncil(variant), TellsOfBeingFound(variant)
			reach, reachByAnEx := AsksWhetherTheyCanGetIt(variant)
			for name, in := range map[string]Intent{"classified": in, "another message's": other, "unfilled": {}} {
				assert.Equal(t, given, in.TellsOfAddressGivenAway(variant), "%q, %s intent: TellsOfAddressGivenAway", variant, name)
				assert.Equal(t, found, in.TellsOfFoundThroughTheCouncil(variant), "%q, %s intent: TellsOfFoundThroughTheCouncil", variant, name)
				assert.Equal(t, byAnEx, in.TellsOfAnExFindingItThroughTheCouncil(variant), "%q, %s intent: TellsOfAnExFindingItThroughTheCouncil", variant, name)
				assert.Equal(t, beingFound, in.TellsOfBeingFound(variant), "%q, %s intent: TellsOfBeingFound", variant, name)
				r, b := in.AsksWhetherTheyCanGetIt(variant)
				assert.Equal(t, reach, r, "%q, %s intent: AsksWhetherTheyCanGetIt", variant, name)
				assert.Equal(t, reachByAnEx, b, "%q, %s intent: AsksWhetherTheyCanGetIt, by an ex", variant, name)
			}
		}
	}
}
