package conversation

import "testing"

// pauseOf matches only a whole message of a pause or a return and the everyday interruption it
// names: it is read before the message is read for danger, so a danger beside a return, an
// interruption not on its list, or anything asked is no pause.
func TestPauseOfIsOnlyTheWholeMessage(t *testing.T) {
	for _, says := range []string{
		"hang on", "erm", "errm", "umm", "one sec", "brb", "sorry, phone rang", "back, had to feed the dog",
		"hang on, someone's at the door", "sorry had to take my daughter to school, back now",
		"ok I'm back, the doorbell went. where were we up to?", "sorry about that, someone was at the door, I'm back now",
		"I’m back, the postman came. Where were we?", "just a sec, kettle's boiled", "give me a moment please",
		"sorry, had to pick my son up from school", "back now, had to do the school run",
	} {
		if _, ok := pauseOf(says); !ok {
			t.Errorf("pauseOf(%q): no pause", says)
		}
	}
	for _, says := range []string{
		// a danger beside a return or an interruption
		"I'm back, he hit me, where were we", "hang on, he's at the door", "sorry, my ex was at the door, I'm back now",
		"hang on, someone's at the door and I'm scared", "the phone rang, it was him again", "back now, he's threatening me",
		"sorry, had to take my daughter to hospital, back now", "someone was at the door, he won't leave",
		// no pause, only the words around one
		"ok", "sorry", "right then", "now", "ok sorry",
		// a step's answer or a question with a pause in it
		"erm I want a copy of my data", "hang on, my email is wrong", "sorry, phone number is 07700 900123",
		"where were we? delete my data", "back office records", "um no", "yes, one sec", "the phone records",
	} {
		if _, ok := pauseOf(says); ok {
			t.Errorf("pauseOf(%q): a pause", says)
		}
	}
}
