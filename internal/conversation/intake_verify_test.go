package conversation_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A statement at the details step that opens with a word a question may open with ("When I
// moved house…", "Did not get any reply…") is the details, filed; only a message that ends with
// a question mark, or opens as a question does (a question word, an auxiliary and its subject:
// "will you tell the ICO"), is answered (a review: the answering of questions at the details
// step answered these, and dropped them).
func TestAStatementOpeningLikeAQuestionIsFiled(t *testing.T) {
	for _, says := range []string{
		"When I moved house in 2019 you sent a letter to my old address",
		"Where I was filmed: the library CCTV on 3 May",
		"Did not get any reply to my letter of 3 March",
		"Is about the CCTV at the library on 3 May",
		"Who I spoke to at the housing office, and what they wrote down",
		"How my details got to the landlord, that's what I want to know",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"),
				line{says: says, kind: conversation.KindIntake, contains: []string{"Shall I send"}, lacks: []string{"don't answer that", "still open"}},
				line{says: "yes", kind: conversation.KindSubmitted}))
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Contains(t, cases[0].Description, says)
		})
	}
	// A question without its question mark is still answered.
	for _, asks := range []string{"will you tell the ICO about my complaint", "what do you do with my complaint", "is it free", "does the council tell the ICO"} {
		t.Run(asks, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", append(upTo("you sent my file to the wrong address, I want to complain", "Sandra Okafor", "sandra@example.com", "housing"),
				line{says: asks, kind: conversation.KindIntake, contains: []string{"still open"}, lacks: []string{"Shall I send"}}))
			require.NotNil(t, last.Intake)
			assert.Equal(t, conversation.StepDescription, last.Intake.Step)
		})
	}
}

// At the summary, a statement opening like a question is no question answered either: it is
// asked about as any other message that is not a yes.
func TestAStatementAtTheSummaryIsNotAnsweredAsAQuestion(t *testing.T) {
	for _, says := range []string{"When I said housing I meant the repairs team", "Did not mean to put housing"} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"),
				line{says: "all of it", kind: conversation.KindIntake, contains: []string{"Shall I send"}},
				line{says: says, kind: conversation.KindIntake, lacks: []string{"don't answer that", "privacy notices"}}))
			assert.Empty(t, q.cases())
		})
	}
}

// Common ways of stopping a request stop it at every step, or, said only as what the resident
// will do instead ("I'll do it later"), ask whether to stop it; none is taken for the step's
// answer (a verifying QA pass: "no thanks, I'll phone them instead" was saved as the service,
// refused as a name, and at the summary deleted the contact and asked for it again).
func TestCommonWaysOfStoppingStopTheRequest(t *testing.T) {
	steps := []struct {
		name  string
		lines []line
	}{
		{"at the name step", upTo("I want a copy of my data", "", "", "")},
		{"at the contact step", upTo("I want a copy of my data", "Sandra Okafor", "", "")},
		{"at the service step", upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "")},
		{"at the details step", upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing")},
		{"at the summary", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"), line{says: "all of it"})},
	}
	for _, says := range []string{
		"no thanks, I'll phone them instead",
		"can we stop please",
		"I'll do it later",
		"no thank you, I'll ring them myself",
		"let's stop here",
		"I'd like to stop now",
		"could we stop this please",
		"I want to stop",
		"not now thanks, I'll do it tomorrow",
		"actually I'll just phone the council",
		"no I'll email them instead thanks",
		"I want to cancel now",
	} {
		for _, step := range steps {
			t.Run(step.name+": "+says, func(t *testing.T) {
				bot, q := newBot(t, qaNow)
				last := script(t, bot, "Milton Keynes", step.lines)
				before := last.Intake
				require.NotNil(t, before)
				session := last.Session
				r := say(t, bot, session, says)
				if r.Kind != conversation.KindCancelled {
					require.Equal(t, conversation.KindIntake, r.Kind, r.Answer.Answer)
					require.Contains(t, r.Answer.Answer, "Do you want to stop this request? Nothing has been sent.")
					require.NotNil(t, r.Intake)
					assert.Equal(t, before.Step, r.Intake.Step, "nothing taken for the step")
					assert.Equal(t, before.Fields, r.Intake.Fields, "nothing changed")
					r = say(t, bot, session, "yes")
				}
				assert.Equal(t, conversation.KindCancelled, r.Kind, r.Answer.Answer)
				assert.Empty(t, q.cases())
			})
		}
	}
	// Asked whether to stop, a "no" keeps the request as it was, and asks the step again.
	bot, _ := newBot(t, qaNow)
	last := script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"), line{says: "all of it"}))
	r := say(t, bot, last.Session, "I'll do it later")
	require.Contains(t, r.Answer.Answer, "Do you want to stop this request?")
	r = say(t, bot, last.Session, "no")
	assert.Equal(t, conversation.KindIntake, r.Kind)
	assert.Contains(t, r.Answer.Answer, "Shall I send")
	require.NotNil(t, r.Intake)
	assert.Equal(t, "sandra@example.com", r.Intake.Fields["contact"])
}

// A question asking to cancel the request being taken asks whether to stop it, at every step,
// and a "yes" cancels it: a QA pass changed "actually can i cancel it? i spoke to my solicitor"
// into a request to withdraw consent, and answered "can i cancel it?" from the notices with the
// request left open. Withdrawing consent is still a right asked for. Cancelled by one who will
// ring the council instead, the reply says whom to ring.
func TestAskingToCancelTheRequestStopsIt(t *testing.T) {
	steps := map[string][]line{
		"at the contact step": upTo("please delete my data", "Ann Lee", "", ""),
		"at the service step": {{says: "i want a copy of my data"}, {says: "Mark Oneill"}, {says: "mark oneill at gmail dot com"}, {says: "the first", contains: []string{"Which council service"}}},
		"at the details step": upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"),
		"at the summary":      append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"), line{says: "all of it"}),
	}
	for _, says := range []string{"can i cancel it?", "actually can i cancel it? i spoke to my solicitor", "can I stop this?", "how do I cancel this request"} {
		for step, lines := range steps {
			t.Run(step+": "+says, func(t *testing.T) {
				bot, q := newBot(t, qaNow)
				last := script(t, bot, "Milton Keynes", lines)
				require.NotNil(t, last.Intake)
				r := say(t, bot, last.Session, says)
				require.Equal(t, conversation.KindIntake, r.Kind, r.Answer.Answer)
				assert.Contains(t, r.Answer.Answer, "Do you want to stop this request?")
				assert.NotContains(t, r.Answer.Answer, "changed the request")
				assert.Equal(t, last.Intake.Fields, r.Intake.Fields, "nothing changed")
				r = say(t, bot, last.Session, "yes")
				assert.Equal(t, conversation.KindCancelled, r.Kind, r.Answer.Answer)
				assert.Contains(t, r.Answer.Answer, "I've cancelled that request; nothing was sent.")
				assert.Empty(t, q.cases())
			})
		}
	}

	bot, _ := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", ""),
		line{says: "actually I want to withdraw my consent", kind: conversation.KindIntake, contains: []string{"Right to withdraw consent"}, lacks: []string{"stop this request"}}))

	// In the details of a request to stop something, "can I stop this?" may be what it wants done.
	bot, _ = newBot(t, qaNow)
	script(t, bot, "Milton Keynes", append(upTo("I object to you using my data for marketing", "Sandra Okafor", "sandra@example.com", "housing"),
		line{says: "they keep sending me leaflets, can I stop this?", lacks: []string{"stop this request"}}))

	for _, says := range []string{"actually nah leave it, ill ring them", "no thanks, I'll phone them instead"} {
		bot, q := newBot(t, qaNow)
		script(t, bot, "Milton Keynes", append(upTo("please delete my data", "Ann Lee", "", ""),
			line{says: says, kind: conversation.KindCancelled, contains: []string{"I've cancelled that request", "contact the data protection team", "01908 254900"}}))
		assert.Empty(t, q.cases())
	}
	// Asked first ("I'll just phone the council"), the "yes" that cancels gives the contact.
	bot, _ = newBot(t, qaNow)
	last := script(t, bot, "Milton Keynes", upTo("please delete my data", "Ann Lee", "", ""))
	r := say(t, bot, last.Session, "actually I'll just phone the council")
	require.Contains(t, r.Answer.Answer, "Do you want to stop this request?")
	r = say(t, bot, last.Session, "yes")
	assert.Equal(t, conversation.KindCancelled, r.Kind)
	assert.Contains(t, r.Answer.Answer, "01908 254900")
}

var sayN int

// say sends one more message in a scripted conversation's session, at Milton Keynes's chat.
func say(t *testing.T, bot *conversation.Bot, session, text string) conversation.Reply {
	t.Helper()
	sayN++
	rep, err := bot.Reply(context.Background(), conversation.Turn{Session: session, Channel: "web", Org: "Milton Keynes", Text: text, MessageID: fmt.Sprintf("say%d", sayN)})
	require.NoError(t, err)
	return rep
}

// A "no" at the summary that names a detail is asked about again, but the detail is not wiped:
// "yes" (or "keep it") at its question keeps the one given, and the summary comes back.
func TestANoAtTheSummaryWipesNothing(t *testing.T) {
	for _, keep := range []string{"yes", "keep it", "it's fine as it is", "that's right"} {
		t.Run(keep, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			held := script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"),
				line{says: "all of it"},
				line{says: "no, the email", kind: conversation.KindIntake, contains: []string{"sandra@example.com"}}))
			// Meanwhile the fields a widget shows still hold it (a verifying QA pass: blank).
			require.NotNil(t, held.Intake)
			assert.Equal(t, "sandra@example.com", held.Intake.Fields["contact"])
			for i, l := range []line{
				{says: keep, kind: conversation.KindIntake, contains: []string{"Shall I send", "sandra@example.com"}},
				{says: "yes", kind: conversation.KindSubmitted},
			} {
				rep, err := bot.Reply(context.Background(), conversation.Turn{Session: held.Session, Channel: "web", Org: "Milton Keynes", Text: l.says, MessageID: fmt.Sprintf("then%d", i)})
				require.NoError(t, err)
				l.check(t, i, rep)
			}
			cases := q.cases()
			require.Len(t, cases, 1)
		})
	}
}

// A name corrected at a later step, however it is said ("sorry I meant Jane", "no wait its
// Jane", "typo, should be Jane Doe"), corrects the name, as "oops I meant Jane Doe" does; it is
// no contact refused, and no service (a verifying QA pass).
func TestANameCorrectedAtALaterStepCorrectsTheName(t *testing.T) {
	steps := []struct {
		name, step string
		lines      []line
		asks       string
	}{
		{"at the contact step", conversation.StepContact, upTo("I want a copy of my data", "Janet Doe", "", ""), "contact you"},
		{"at the service step", conversation.StepService, upTo("I want a copy of my data", "Janet Doe", "janet@example.com", ""), "service"},
		{"at the details step", conversation.StepDescription, upTo("I want a copy of my data", "Janet Doe", "janet@example.com", "housing"), "what would you like the council to do"},
	}
	for _, says := range []string{"sorry I meant Jane", "no wait its Jane", "typo, should be Jane Doe", "oops I meant Jane Doe", "sorry, it should be Jane not Janet", "my mistake, it's Jane"} {
		for _, st := range steps {
			t.Run(st.name+": "+says, func(t *testing.T) {
				bot, _ := newBot(t, qaNow)
				last := script(t, bot, "Milton Keynes", append(st.lines,
					line{says: says, kind: conversation.KindIntake, contains: []string{"Jane Doe", st.asks}, lacks: []string{"doesn't look like"}}))
				require.NotNil(t, last.Intake)
				assert.Equal(t, "Jane Doe", last.Intake.Fields["name"])
				assert.Equal(t, st.step, last.Intake.Step)
				assert.NotContains(t, last.Intake.Fields["service"], "Jane")
				assert.NotContains(t, last.Intake.Fields["description"], "Jane")
			})
		}
	}
}

// A phone given with "my phone is" at a later step is a contact, not the service or the details
// (a verifying QA pass: "oh and my phone is 07700 900123" was saved as the service).
func TestAPhoneGivenAtALaterStepIsAContact(t *testing.T) {
	for _, says := range []string{"oh and my phone is 07700 900123", "my phone is 07700 900123", "and my mobile number is 07700 900123", "you can ring me on 07700 900123 too"} {
		for _, st := range []struct {
			name, step string
			lines      []line
		}{
			{"at the service step", conversation.StepService, upTo("I want a copy of my data", "Janet Doe", "janet@example.com", "")},
			{"at the details step", conversation.StepDescription, upTo("I want a copy of my data", "Janet Doe", "janet@example.com", "housing")},
		} {
			t.Run(st.name+": "+says, func(t *testing.T) {
				bot, q := newBot(t, qaNow)
				last := script(t, bot, "Milton Keynes", append(st.lines,
					line{says: says, kind: conversation.KindIntake, contains: []string{"07700 900123"}}))
				require.NotNil(t, last.Intake)
				assert.Equal(t, st.step, last.Intake.Step)
				assert.NotContains(t, last.Intake.Fields["service"], "07700")
				assert.NotContains(t, last.Intake.Fields["description"], says, "no detail")
				// Kept as the contact ("my phone is …" said alone corrects it), or beside it.
				assert.True(t, last.Intake.Fields["contact"] == "07700 900123" ||
					strings.Contains(last.Intake.Fields["description"], "Also given as a contact: 07700 900123"), "%v", last.Intake.Fields)
				assert.Empty(t, q.cases())
			})
		}
	}
}

// An e-mail address the first message gives as the resident's own is the contact, not asked for
// again; one mistyped is asked about ("did you mean …?") as at the contact step, and once
// corrected, the address mistyped is nowhere in the case (a verifying QA pass: it was asked for
// again, and the details kept "…my email is tom.hart@gmial.com").
func TestAnEmailInTheFirstMessage(t *testing.T) {
	t.Run("typed right", func(t *testing.T) {
		bot, q := newBot(t, qaNow)
		script(t, bot, "", []line{
			{says: "I want a copy of my data from Milton Keynes council, my email is tom.hart@gmail.com", kind: conversation.KindIntake, contains: []string{"full name"}},
			{says: "Tom Hart", kind: conversation.KindIntake, contains: []string{"service"}, lacks: []string{"How should the data protection team contact you"}},
			{says: "skip", kind: conversation.KindIntake},
			{says: "everything", kind: conversation.KindIntake, contains: []string{"tom.hart@gmail.com", "Shall I send"}},
			{says: "yes", kind: conversation.KindSubmitted},
		})
		cases := q.cases()
		require.Len(t, cases, 1)
		assert.Equal(t, "tom.hart@gmail.com", cases[0].Requester.Contact.Value)
	})
	for _, yes := range []string{"yes", "tom.hart@gmail.com"} {
		t.Run("mistyped, then "+yes, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "", []line{
				{says: "I want a copy of my data from Milton Keynes council, my email is tom.hart@gmial.com", kind: conversation.KindIntake,
					contains: []string{"did you mean tom.hart@gmail.com?"}},
				{says: yes, kind: conversation.KindIntake, contains: []string{"full name"}},
				{says: "Tom Hart", kind: conversation.KindIntake, contains: []string{"service"}, lacks: []string{"How should the data protection team contact you"}},
				{says: "skip", kind: conversation.KindIntake},
				{says: "everything", kind: conversation.KindIntake, contains: []string{"Shall I send"}, lacks: []string{"gmial"}},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, "tom.hart@gmail.com", cases[0].Requester.Contact.Value)
			assert.NotContains(t, cases[0].Description, "gmial")
		})
	}
	t.Run("mistyped, passed over, then given at the contact step", func(t *testing.T) {
		bot, q := newBot(t, qaNow)
		script(t, bot, "", []line{
			{says: "I want a copy of my data from Milton Keynes council, my email is tom.hart@gmial.com", kind: conversation.KindIntake},
			{says: "Tom Hart", kind: conversation.KindIntake, contains: []string{"How should the data protection team contact you"}},
			{says: "tom.hart@gmail.com", kind: conversation.KindIntake, contains: []string{"service"}},
			{says: "skip", kind: conversation.KindIntake},
			{says: "everything", kind: conversation.KindIntake, contains: []string{"Shall I send"}, lacks: []string{"gmial"}},
			{says: "yes", kind: conversation.KindSubmitted},
		})
		cases := q.cases()
		require.Len(t, cases, 1)
		assert.NotContains(t, cases[0].Description, "gmial")
		assert.NotContains(t, cases[0].Excerpt, "gmial", "nor in the excerpt")
	})
}

// "where were we" (or "where was I"), whatever the resident was away for, is small talk: with
// nothing open, what the bot can do; with a request open, its step's question (a verifying QA
// pass: "sorry, my kids were fighting, where were we" got a hedged answer quoting a notice about
// a child who died).
func TestWhereWereWeIsSmallTalk(t *testing.T) {
	for _, says := range []string{
		"sorry, my kids were fighting, where were we",
		"where were we?",
		"sorry about that, where was I",
		"sorry, had to answer the phone, where was I up to?",
		"right, what was I saying",
	} {
		t.Run("nothing open: "+says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindHelp, lacks: []string{"MK Together", "may not answer"}}})
			assert.Empty(t, q.cases())
		})
		t.Run("at the contact step: "+says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "", ""),
				line{says: says, kind: conversation.KindIntake, contains: []string{"still open", "how should the data protection team contact you"},
					lacks: []string{"doesn't look like"}}))
			require.NotNil(t, last.Intake)
			assert.Equal(t, conversation.StepContact, last.Intake.Step)
			assert.Empty(t, q.cases())
		})
	}
}

// An e-mail address spelt out in words at the contact step ("janet at example dot com") is read
// as the redactor reads it, said back, and taken on a "yes" (a verifying QA pass: refused).
func TestASpokenEmailAtTheContactStep(t *testing.T) {
	for says, addr := range map[string]string{
		"my email is janet at example dot com": "janet@example.com",
		"janet dot doe at gmail dot com":       "janet.doe@gmail.com",
		"jdoe(at)example(dot)co(dot)uk":        "jdoe@example.co.uk",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Janet Doe", "", ""),
				line{says: says, kind: conversation.KindIntake, contains: []string{"did you mean " + addr + "?"}, lacks: []string{"doesn't look like"}},
				line{says: "yes", kind: conversation.KindIntake, contains: []string{addr, "service"}},
				line{says: "skip"},
				line{says: "all of it", contains: []string{"Contact: " + addr}},
				line{says: "yes", kind: conversation.KindSubmitted}))
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, addr, cases[0].Requester.Contact.Value)
		})
	}
}

// A council changed at the summary is the summary's council, said so, whatever the details said
// of the one before (a verifying QA pass).
func TestACouncilChangedAtTheSummaryIsShown(t *testing.T) {
	bot, q := newBot(t, qaNow)
	script(t, bot, "", append(upTo("I want a copy of my data from Milton Keynes council", "Janet Doe", "janet@example.com", "skip"),
		line{says: "all of it", contains: []string{"Council: Milton Keynes City Council"}},
		line{says: "actually it's for Bucks not Milton Keynes", kind: conversation.KindIntake,
			contains: []string{"changed the council to Buckinghamshire Council", "Council: Buckinghamshire Council", "Shall I send"}},
		line{says: "yes", kind: conversation.KindSubmitted}))
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Equal(t, "Buckinghamshire Council", cases[0].Organisation)
}

// Spelt out at a later step as the resident's own ("my email is …"), an address is said back
// too, and a "yes" makes it the contact, the one before kept out of the case.
func TestASpokenEmailAtALaterStep(t *testing.T) {
	for _, st := range []struct {
		name  string
		lines []line
	}{
		{"at the service step", upTo("I want a copy of my data", "Janet Doe", "janet@example.org", "")},
		{"at the summary", append(upTo("I want a copy of my data", "Janet Doe", "janet@example.org", "housing"), line{says: "all of it"})},
	} {
		t.Run(st.name, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", append(st.lines,
				line{says: "sorry my email is janet at example dot com", kind: conversation.KindIntake, contains: []string{"did you mean janet@example.com?"}},
				line{says: "yes", kind: conversation.KindIntake, contains: []string{"janet@example.com"}}))
			require.NotNil(t, last.Intake)
			assert.Equal(t, "janet@example.com", last.Intake.Fields["contact"])
			assert.Empty(t, q.cases())
		})
	}
}
