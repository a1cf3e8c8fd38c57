package redact_test

import "testing"

// Full names typed in lower case, as residents type in a chat, that `privacybot transcripts`
// kept: after "im" with a date of birth or an age next, opening a chat before "here", after a
// letter's sign-off, and after a title.
func TestLowerCaseFullNamesAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"im john smith born 14/03/1962, do you share my data with the NHS": "im [name] born [date of birth], do you share my data with the NHS",
		"i'm priya shah aged 34 and want my records":                       "i'm [name] aged 34 and want my records",
		"i am kofi mensah born in 1980":                                    "i am [name] born in 1980",
		"I’m ana lima dob 3/4/1990":                                        "I’m [name] dob [date of birth]",

		"john smith here, who is the dpo":        "[name] here, who is the dpo",
		"john smith here who is the dpo":         "[name] here who is the dpo",
		"hi, jo bloggs here.":                    "hi, [name] here.",
		"Thanks.\namy o'neil here, flat 3":       "Thanks.\n[name] here, flat 3",
		"kwame mensah here again. Mensah is me.": "[name] here again. [name] is me.",
		"jane seymour here, quick question":      "[name] here, quick question",
		"clement jones here, who is the dpo":     "[name] here, who is the dpo",
		"charity smith here, who is the dpo":     "[name] here, who is the dpo",

		"regards, jane doe":                  "regards, [name]",
		"Kind regards,\njane":                "Kind regards,\n[name]",
		"who sees it?\nbest wishes\nsam lee": "who sees it?\nbest wishes\n[name]",
		"thanks, jane doe":                   "thanks, [name]",
		"yours sincerely, mr jones":          "yours sincerely, [name]",

		"this is Mrs patel from flat 2": "this is [name] from flat 2",
		"I'm Mrs jones":                 "I'm [name]",
		"Mr smith rang me":              "Mr [name] rang me",

		// The whole message, opened by a common first name (a QA pass: kept in transcripts).
		"john smith":          "[name]",
		"priya patel.":        "[name].",
		"mohammed ali khan\n": "[name]\n",
		// With a greeting before it or thanks after it (a review).
		"hi john smith":     "hi [name]",
		"hi, priya patel":   "hi, [name]",
		"jack smith please": "[name] please",
		"hi hi smith jones": "hi hi smith jones",
	})
	// Two lower-case words alone that no first name opens are a topic.
	keeps(t, []string{"direct payments", "council tax", "grace period", "mark it urgent", "smith", "hi council tax", "hello direct payments please"})
}

// What those contexts must not take for a name: a phrase of ordinary, role or service words, a
// chat's thanks, "here" starting a phrase.
func TestLowerCaseNearMissesAreKept(t *testing.T) {
	keeps(t, []string{
		"im fed up born and bred here", "i'm really worried born again", "im gonna ask born",
		"i'm not sure how old my records are",

		"same problem here", "new tenant here, who sees my data", "ward councillor here",
		"council tax here", "data protection here?", "first time here", "what happens here",
		"i live here", "the problem here is my data", "foster parent here", "mk resident here",
		"uni student here, how long do you keep records", "single mum here", "long time reader here",
		"fly tipping here", "dog mess here is everywhere", "who is the data protection officer here",
		"rats everywhere here, can you help", "mould infestation here. who do i tell", "anti-social behaviour here, who sees my report",

		"with regards to my data", "best wishes all", "regards council tax team", "thanks again",
		"thanks in advance", "thank you kindly", "cheers love", "thanks lots xx", "thank you so much",
		"cheers mate", "thanks jane", "regards dpo", "Kind regards,\nData Protection Team",
		"thank you, that's helpful", "thanks, that's helpful", "cheers, that's brilliant", // a QA pass

		"Mr Men books", "I spoke to Mrs and she said no",
	})
}

// A first name alone, typed in lower case after "im", as residents open a chat: a transcript
// kept "hi im sarah" whole.
func TestLowerCaseFirstNamesAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"hi im sarah":                       "hi im [name]",
		"hi im sarah, can i see my file":    "hi im [name], can i see my file",
		"i'm priya and i want my records":   "i'm [name] and i want my records",
		"hello i am dev from flat 2":        "hello i am [name] from flat 2",
		"im ahmed. how long do you keep it": "im [name]. how long do you keep it",
		"im emily here about my housing":    "im [name] here about my housing",
	})
}

// What residents say they are after "im", in lower case, is no name: a state ("im pregnant", "im
// unwell"), a word with an adjective's ending, a role, a belief. A word before a phrase goes on
// ("im moving house") is no name either.
func TestLowerCaseStatesAfterImAreKept(t *testing.T) {
	keeps(t, []string{
		"im pregnant", "im skint.", "im new here", "im back", "im poorly", "im unwell", "im suicidal",
		"im 34", "im lost", "im stuck", "im done.", "im homeless and scared", "im retired",
		"im traumatised", "im gutted", "im knackered, who do i ask", "im vulnerable", "im hopeful",
		"im anxious", "im carer", "im leaseholder", "im vegan", "im catholic", "im bipolar", "im widower",
		"im abroad", "im staff", "im sober", "im moving house", "im eighteen, can i see my file", "im seventy and confused", "im fat", "im lazy, sorry",
	})
}

// A full name typed in lower case straight before a question, with no comma, as residents type
// in a chat: transcripts kept "im sarah jones how long do you keep my data" whole. After "this
// is" or "it's" the question must be about the writer's own things.
func TestLowerCaseFullNamesBeforeAQuestionAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"im sarah jones how long do you keep my data":        "im [name] how long do you keep my data",
		"this is mark taylor can i see my file":              "this is [name] can i see my file",
		"hello im mark taylor can i see my file":             "hello im [name] can i see my file",
		"i'm dave from bletchley how long do you keep cctv":  "i'm [name] from bletchley how long do you keep cctv",
		"I am kofi mensah what do you hold on me":            "I am [name] what do you hold on me",
		"i’m priya shah could i have a copy of my records":   "i’m [name] could i have a copy of my records",
		"im ahmed khan do you share my data with the police": "im [name] do you share my data with the police",
		"it's jane smith how do i get my file":               "it's [name] how do i get my file",
		"im reed bryant when will you reply":                 "im [name] when will you reply",

		// A name that is also a word is redacted where it names the writer, and nowhere else;
		// typed again capitalised, the whole name is.
		"this is mark taylor can i see my file. please mark it urgent": "this is [name] can i see my file. please mark it urgent",
		"im mark taylor, please mark it urgent. Mark Taylor":           "im [name], please mark it urgent. [name]",
		"hi im mark, please mark it":                                   "hi im [name], please mark it",
	})
}

// What comes before a question after "im", "this is" or "it's" and is no name: how the writer
// is, what they are, what the message is about.
func TestLowerCaseNearMissesBeforeAQuestionAreKept(t *testing.T) {
	keeps(t, []string{
		"im fed up how do i complain", "i'm not sure what to do", "this is council tax how do i pay",
		"im still waiting why has nobody replied", "this is taking ages can you hurry",

		// Adverbs and adjectives, roles and states.
		"this is absolutely ridiculous why do you need my data", "this is frankly outrageous why",
		"im visually impaired how do i get large print", "im legally blind can i get help",
		"im newly qualified can i see my file", "im ex forces can i get priority",
		"im army veteran can i get priority", "im lpa holder can i see my mums records",
		"im sixth former can i see my school records", "im scout leader can i see the records",
		"im market trader can i", "im part time can i", "im wheelchair bound can i",
		"im private tenant what are my rights", "im council tenant can i see my file",
		"im mums executor can i", "im computer illiterate can i",

		// Topics: after "this is" or "it's" only a question about the writer's own things counts,
		// and words that name a topic never do.
		"this is road closure how do i apply", "this is gym membership can i cancel",
		"this is boiler broken who do i call", "this is pupil premium who qualifies",
		"this is solar panels can i get a grant", "its debt advice where can i get it",
		"this is damp mould who do i tell about my flat", "this is tenancy fraud how do i report my neighbour",
		"this is antisocial behaviour who sees my report", "this is sewage leak can you fix my drain",
		"it's council tax how do i pay my bill",
	})
}

// A town that is also a surname, after a first name, is a surname (a QA pass: "Wendy Chesham
// here" was kept, "John Denham here" redacted); a town alone, or a two-word town, stays.
func TestTownSurnamesAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"Wendy Chesham here - how long do you keep complaint records?": "[name] here - how long do you keep complaint records?",
		"Sarah Marlow here, how long do you keep complaint records?":   "[name] here, how long do you keep complaint records?",
		"Peter Olney here, who is the DPO?":                            "[name] here, who is the DPO?",
	})
	keeps(t, []string{"Milton Keynes here", "I live in Marlow", "Marlow Council here", "Great Marlow here", "High Wycombe here, who is the DPO?"})
}

// A full name typed in lower case after "im" and straight before the writer's address, phone
// number or postcode, with no comma, is theirs: "im john smith 22 tudeley hale mk6 2hy" kept the
// name and the street (a QA pass).
func TestLowerCaseNamesBeforeTheWritersDetailsAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"im john smith 22 tudeley hale mk6 2hy":      "im [name] [address] [postcode]",
		"i'm priya shah 07700900123 call me back":    "i'm [name] [phone] call me back",
		"im sarah jones mk6 2hy, can I see my file?": "im [name] [postcode], can I see my file?",
	})
	keeps(t, []string{"im not sure 2 years is right", "im really sorry 3 times now", "i'm so angry 4 letters lost"})
}
