package rights

import (
	"regexp/syntax"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSafeguardingCategories checks each way people describe risk without
// the obvious keywords, in wordings that are not in the labelled sets, and
// the near-misses that must stay non-urgent (records, the past, "safe now").
func TestSafeguardingCategories(t *testing.T) {
	urgent := categoryUrgent
	for _, tc := range urgent {
		got, tr := classify(tc.text)
		assert.True(t, got.Safeguarding, "%s: %q must be urgent; %s", tc.category, tc.text, tr)
		assert.Equal(t, None, got.Type, "%s: an urgent message starts no intake", tc.category)
		assert.False(t, got.Actionable, "%s: an urgent message starts no intake", tc.category)
	}

	calm := categoryCalm
	for _, tc := range calm {
		got, tr := classify(tc.text)
		assert.False(t, got.Safeguarding, "%s: %q is not urgent; %s", tc.category, tc.text, tr)
	}
}

// TestSafeguardingNegation: a denial of the risk is not a report of it, but
// doubt ("I don't think she's safe") still is.
func TestSafeguardingNegation(t *testing.T) {
	assert.False(t, Classify("he's not hitting her, they just argue loudly, do you keep noise complaint records").Safeguarding)
	assert.True(t, Classify("I don't know if he's hitting her but I hear screaming every night").Safeguarding)
}

// TestSafeguardingOnBehalf: OnBehalf on an urgent message says whether the
// person at risk is someone other than the writer.
func TestSafeguardingOnBehalf(t *testing.T) {
	tests := []struct {
		text   string
		behalf bool
	}{
		{"my partner takes all my money and won't let me leave the house", false},
		{"I'm 15 and my mum's new partner comes into my room at night, I don't feel safe", false},
		{"he's outside my door right now banging and shouting, I've got the kids with me", false},
		{"my friend told me she's being forced to marry a man abroad next month", true},
		{"the kids next door are left on their own every night", true},
	}
	for _, tc := range tests {
		got := Classify(tc.text)
		require.True(t, got.Safeguarding, tc.text)
		assert.Equal(t, tc.behalf, got.OnBehalf, tc.text)
	}
}

// TestSafeguardingVocabularyParses keeps safeguarding.txt well formed: every
// line compiles, names are unique and there are cues of both signs.
func TestSafeguardingVocabularyParses(t *testing.T) {
	require.NotEmpty(t, safeCues)
	names := map[string]bool{}
	var pos, neg int
	for _, cu := range safeCues {
		assert.False(t, names[cu.name], "duplicate cue name %q", cu.name)
		names[cu.name] = true
		if cu.weight > 0 {
			pos++
		} else {
			neg++
		}
	}
	assert.Greater(t, pos, 20)
	assert.Greater(t, neg, 2)
	assert.NotEmpty(t, safeIdioms)
	for _, id := range safeIdioms {
		assert.False(t, names[id.name], "duplicate cue name %q", id.name)
		names[id.name] = true
	}
	assert.Panics(t, func() { mustParseSafeVocab("not a cue line") })
}

// TestPrefilterIsSound: the literal prefilter may only skip a cue that
// could not have matched, on every labelled message and test phrase.
func TestPrefilterIsSound(t *testing.T) {
	var texts []string
	for _, name := range []string{"messages.jsonl", "messages2.jsonl"} {
		for _, ex := range loadExamples(t, name) {
			texts = append(texts, normalize(ex.Text))
		}
	}
	var pats []pattern
	for _, cues := range typeCues {
		for _, cu := range cues {
			pats = append(pats, cu.re)
		}
	}
	for _, cu := range append(requestCues, infoCues...) {
		pats = append(pats, cu.re)
	}
	for _, cu := range append(safeCues, safeIdioms...) {
		pats = append(pats, cu.re)
	}
	filtered := 0
	for _, p := range pats {
		if p.lits != nil {
			filtered++
		}
		for _, s := range texts {
			if !p.possible(s) {
				require.False(t, p.MatchString(s), "prefilter of %s skipped a match in %q", p, s)
			}
		}
	}
	assert.Greater(t, filtered, len(pats)/2, "most cues should have a prefilter")

	tree, err := syntax.Parse(`\b(?:kill|hurt) (?:me|her)\b`, syntax.Perl)
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"kill", "hurt"}, requiredLiterals(tree.Simplify()))
}

// A message about suicide or self-harm is marked so, for a crisis line; one about violence is not.
func TestSelfHarmIsMarked(t *testing.T) {
	for name := range selfHarmCues {
		assert.True(t, slices.ContainsFunc(safeCues, func(c safeCue) bool { return c.name == name }), "safeguarding.txt has no cue %q", name)
	}
	for text, want := range map[string]bool{
		"i dont want to live anymore":         true,
		"my son has been cutting himself":     true,
		"I'm thinking about ending it all":    true,
		"my partner hits me and I'm scared":   false,
		"my stepdad hurts me when mum is out": false,
	} {
		in := Classify(text)
		assert.True(t, in.Safeguarding, text)
		assert.Equal(t, want, in.SelfHarm, text)
	}
}

// TestSafeguardingQAPass holds the scorer to the ways a QA pass as residents
// put risk that it missed (suicidal feelings without the word, threats with a
// weapon, a threat the writer makes against someone else, arson), each with a
// variant, and to the idioms and service talk that must stay calm.
func TestSafeguardingQAPass(t *testing.T) {
	urgent := qaPassUrgent
	assertUrgent(t, urgent)

	calm := qaPassCalm
	assertCalm(t, calm)
}

// TestSafeguardingQAPass3 holds the scorer to a third QA pass as residents:
// a parent's or a boss's "X is going to kill me" over a chore (a bin day, a
// letter, a permit, a bill; being late only for a boss) is an idiom, while the
// same words with no chore, from a partner, "he" or "she", with a condition
// that is no chore ("if I tell anyone", "if I leave him", "if I don't pay him
// the rent"), or with a chore in another sentence are a threat; harassment by
// the council, feeling unsafe about how one's data is held and ending it
// "with the council" or with a partner are not risks of harm, but a person
// after the office word, data given to a person and ending it with a means
// ("my dad's pills") are.
func TestSafeguardingQAPass3(t *testing.T) {
	urgent := qaPass3Urgent
	assertUrgent(t, urgent)

	// Accepted false alarms: a partner's "kill me" with a chore after a comma
	// has the very shape of "he's going to kill me, I lost my phone and can't
	// call anyone", which a regular expression cannot tell apart, and from a
	// partner the words may be coercive control; so only a parent or a boss
	// makes it an idiom, and these get the safeguarding reply.
	accepted := qaPass3Accepted
	assertUrgent(t, accepted)

	calm := qaPass3Calm
	assertCalm(t, calm)
}

// urgentMessage is a message that must get the safeguarding reply, and whether it is about
// suicide or self-harm (crisis lines first).
type urgentMessage struct {
	text     string
	selfHarm bool
}

// assertUrgent checks each message is a safeguarding one, of self-harm or not as said.
func assertUrgent(t *testing.T, urgent []urgentMessage) {
	t.Helper()
	for _, tc := range urgent {
		got, tr := classify(tc.text)
		assert.True(t, got.Safeguarding, "%q must be urgent; %s", tc.text, tr)
		assert.Equal(t, tc.selfHarm, got.SelfHarm, "self-harm %q; %s", tc.text, tr)
	}
}

// assertCalm checks no message is taken for a safeguarding one.
func assertCalm(t *testing.T, calm []string) {
	t.Helper()
	for _, text := range calm {
		got, tr := classify(text)
		assert.False(t, got.Safeguarding, "%q is not urgent; %s", text, tr)
	}
}

var categoryUrgent = []struct{ category, text string }{
	{"suicidal ideation", "my mate says he's got nothing left to live for and has been giving his stuff away"},
	{"suicidal ideation", "i feel like everyone would be better off if i wasnt around"},
	{"suicidal ideation", "I have no reason to carry on"},
	{"suicidal ideation", "i dont see the point in living"},
	{"suicidal ideation", "I keep thinking about ending it"},
	{"suicidal ideation", "there's no point anymore"},
	{"suicidal ideation", "i dont want to live anymore"},
	{"suicide plan", "i've written letters to my kids and i'm going to do it tonight"},
	{"overdose", "i've taken a load of paracetamol"},
	{"self-harm", "my daughter has been cutting her arms and says she wants to die"},
	{"goodbye message", "my friend sent me a message saying goodbye and now she won't answer her phone"},
	{"sexual abuse", "the man next door is touching kids"},
	{"abuse now", "someone is abusing me"},
	{"abuse now", "someone is abusing my child"},
	{"threat now", "someone is threatening me"},
	{"followed", "a man is following my daughter home from school"},
	{"rape", "I've been raped"},
	{"stalked, with a request", "my ex is stalking me, please delete my address from your records"},
	{"fleeing, with a request", "I'm fleeing domestic violence and need my new address removed from bucks council records"},
	{"inappropriate contact", "my daughter's teacher sent her inappropriate messages"},
	{"threat", "my husband said he will kill me if i leave"},
	{"threat", "I'm scared he'll find us"},
	{"threat", "please help me he is going to hurt me"},
	{"violence", "my boyfriend strangled me last night and i'm scared to go back"},
	{"violence", "i'm 14 and my dad hits me when he's drunk"},
	{"violence", "please help my neighbour is screaming and i can hear things being thrown"},
	{"someone trying to get in", "someone is trying to get in through my back door"},
	{"someone trying to get in", "my ex has turned up at the house and is kicking the door in"},
	{"followed", "my ex keeps turning up at my work and following me home"},
	{"followed", "someone keeps following me home from the bus stop and i'm scared"},
	{"control", "my boyfriend checks my phone, takes my bank card and won't let me see my friends"},
	{"control", "i am being kept in the house and not allowed to see my family"},
	{"control and injury", "the woman downstairs has bruises all over her arms and her husband won't let her go out"},
	{"money taken", "an old man on our road is being scammed out of his savings by a man who visits"},
	{"money taken", "i think my grandad's carer is stealing from him"},
	{"money taken", "my elderly mum's new lodger has taken her bank cards and she's scared of him"},
	{"exploitation", "my nephew is being used to carry packages for a gang"},
	{"exploitation", "my 12 year old keeps going missing overnight and comes back with new phones and cash"},
	{"grooming", "my son's new friend is 25 and buys him gifts and tells him not to tell us"},
	{"grooming", "there's a man hanging around the school gates giving the girls vapes"},
	{"sexual abuse", "a girl in my class says her uncle touches her"},
	{"child alone", "there's a 6 year old walking round the estate on his own at 11pm"},
	{"child alone", "the toddler next door is always outside on her own in a nappy"},
	{"child alone", "my neighbour's toddler was crying on the balcony for an hour with no one there"},
	{"child not fed", "the kids in the flat above never seem to get fed, they're always asking us for food"},
	{"not seen", "the lady next door hasnt opened her curtains in 3 days"},
	{"not seen", "we havent seen the old man at number 7 for over a week"},
	{"not seen", "my flatmate hasn't come out of her room for days and won't answer"},
	{"no care", "my dads carers havent been for 3 days and hes got no heating"},
	{"no care", "my dad with dementia hasn't eaten for three days and his carers stopped coming"},
	{"no care", "my mum can't get out of bed and there's no food in the house"},
	{"no care", "an old man on our street has no heating and no food and hasn't been out in days"},
}

var categoryCalm = []struct{ category, text string }{
	{"records of inappropriate messages", "what do you do with inappropriate messages sent to the council website?"},
	{"past abuse, records", "I was abused as a child and want my records from children's services"},
	{"past case, records", "can i get a copy of the child protection plan from when my kids were on one in 2017"},
	{"past, register", "I was a victim of domestic violence and need my address hidden on the electoral register"},
	{"past grooming, records", "my son was groomed online two years ago, can I see the police referral you hold"},
	{"false allegation", "please remove the old allegation of abuse from my file, it was found to be false"},
	{"safe now", "i left my partner because he was violent, i am safe now, please don't give him my new address"},
	{"complaint about handling", "i want to complain that my social worker shared my self harm history with my employer"},
	{"retention question", "how long does children's social care keep records of neglect investigations"},
	{"sharing question", "who do you share information about vulnerable adults with"},
	{"sharing question", "do you share domestic abuse referrals with the police"},
	{"records question", "is information about self harm kept on my school record"},
	{"board question", "is the safeguarding adults board covered by your privacy notice"},
	{"MK Together", "who does MK Together share data with"},
	{"referral question", "I made a referral about my neighbour's kids last week, will they know it was me"},
	{"attorney request", "my mum has dementia and I have power of attorney, can I get her care records"},
	{"data worry", "I'm scared my data has been leaked, who do I complain to"},
	{"data worry", "i'm worried the council shares my data with the home office"},
	{"forms", "i can't cope with all these forms, can someone help me fill in the SAR"},
	{"post piling up elsewhere", "can you stop sending letters to my old address, post is piling up there"},
	{"records not seen", "I haven't seen a copy of my file since I asked for it in March"},
	{"slow SAR", "I haven't had a reply to my subject access request for two months"},
	{"mailing list", "please delete my account, I don't want to be on your mailing list anymore"},
	{"electoral register", "I don't want to be on the electoral register anymore"},
	{"subscription", "I want to end my subscription to the newsletter"},
	{"account", "I am locked out of my council tax account"},
	{"street repair", "the kids' playground on our estate has broken glass, who do I report it to"},
	{"bins", "our neighbour's bins have been piling up for weeks, who do I complain to"},
	{"nuisance calls", "can you stop the automated calls, they ring at 11pm"},
	{"wrong recipient", "my elderly father's care home sent his records to the wrong family"},
	{"child's own SAR", "my daughter is 14, can she make her own subject access request"},
	{"fall, records", "my mum had a fall last year and I need her care records for the insurer"},
}

var qaPassUrgent = []urgentMessage{
	{"I feel like ending it all", true},
	{"i feel like ending it all, nobody would care", true},
	{"sometimes i just feel like ending it", true},
	{"my life isn't worth living", true},
	{"life is not worth living without her", true},
	{"I can't go on anymore", true},
	{"i cant carry on like this any more", true},
	{"im going to kms", true},
	{"i wish i wasn't alive", true},
	{"I want to kill myself", true},
	{"I'm suicidal", true},

	{"there's a man outside my house with a knife", false},
	{"there's a group of lads outside my flat with a machete", false},
	{"my neighbour is going to kill me, he has a knife", false},
	{"my brother is going to hurt me when he gets home", false},
	{"I'm going to hurt my ex", false},
	{"i'm going to kill my neighbour", false},
	{"I'm going to burn the council offices down", false},
	{"someone said they will set fire to the school", false},
	{"my husband hits me", false},
	{"someone is trying to break in right now", false},
}

var qaPassCalm = []string{
	"how long do you keep knife crime records?",
	"do you share information about domestic abuse with the police?",
	"this chatbot is killing me",
	"I'm dying to know how long you keep my data",
	"can I kill my account?",
	"I can't go on the website, it's down",
	"delete it all",
	"end my subscription",
	"my life insurance company asked for my data",
	"the council is going to kill the library",
	"the new parking charges will kill the high street",
	"the council tax rise really hit me hard",
	"she meant it when she promised a reply",
	"he was serious about moving out",
	"my son beat me at chess",
	"it hit me that I never got a reply",
	"I'll end it here, thanks",
	"no one would care if the library was gone",
	"my son is dangerous when he drives",
	"I need to top myself up on the parking app",
	"the council hit me with a £70 fine",
	"I'm in danger of missing the deadline for my appeal",
	"It beats me why you need my date of birth",
	"I feel unsafe giving my address to a chatbot",
	"I'm being stalked by marketing emails from the council",
	"it's going to take me ages to fill in this form",
}

var qaPass3Urgent = []urgentMessage{
	{"my partner is going to kill me", false},
	{"he said he's going to kill me if I tell anyone", false},
	{"my husband will kill me if I leave him", false},
	{"he said he'd kill me if I left, I lost my keys and can't get in", false},
	{"he'll kill me if I leave him and take the car", false},
	{"he'll kill me if I don't pay him back the rent", false},
	{"he'll kill me if he finds out I called you", false},
	{"my dad will kill me when he gets home, he hit me last time I lost a letter", false},
	{"I feel unsafe at home", false},
	{"I don't feel safe with my ex knowing my address", false},
	{"my ex keeps harassing me and turning up at my house", false},
	{"my ex keeps harassing me with texts", false},
	{"my ex who works at the council keeps harassing me", false},
	{"he will literally kill me", false},
	{"my dad will really kill me if I tell anyone", false},
	{"my partner will actually kill me if I tell anyone", false},
	{"he will really hurt me", false},
	{"my dad is going to kill me if I forget the recycling. He broke my arm last time", false},
	{"my mum will kill me if I miss the bin day. She burns me with cigarettes", false},
	{"my dad broke my arm", false},
	{"i feel like killing myself", true},
	{"I'm going to top myself", true},
	{"I might as well be dead", true},
	{"Nobody would miss me if I was gone", true},
	{"i want to kil myself", true},
	{"suicidel thoughts", true},
	{"i want to kill my self", true},
	{"I'll end it if I don't get my records", true},
	{"I want my records. Then I'm going to end it.", true},
	{"he is really going to hurt me", false},
	{"my boyfriend is violent", false},
	{"my partner forces me to have sex", false},
	{"he told me he'd burn the house down with me in it", false},
	{"I'm scared for my life", false},
	{"my ex has been stalking me for weeks", false},
	{"the price rise hit me hard and he hit me too", false},
	{"he said he'd kill me if I asked for my records", false},
	{"he'll kill me if he finds out I asked for my file", false},
	{"he said he'd kill me if I ever asked for these records", false},
	{"I want to end it all", true},
	{"I'm going to end it with pills", true},
	{"I'm going to end it with him tonight, I want to die", true},
	// Found by a review: an idiom hid each of these.
	{"He's going to kill me. I lost my phone and can't call anyone", false},
	{"my partner said he will kill me. I lost my keys", false},
	{"he said he will kill me if I'm late home again", false},
	{"he'll kill me because I was late back from work", false},
	{"my boyfriend says he'll kill me if I don't pay him the rent", false},
	{"I lost my phone, he took it and he will kill me", false},
	{"the council carer keeps threatening me", false},
	{"your staff member keeps threatening me", false},
	{"the council tenant keeps threatening me", false},
	{"I don't feel safe because the council gave my address to my ex", false},
	{"I'm going to end it with my dad's pills", true},
	{"I'm going to end it with my husband's shotgun", true},
	{"he'll kill me if I miss the bin day", false},
	{"my mum will kill me if I'm late home", false},
	{"I lost my keys, he will kill me", false},
	{"bailiffs keep threatening me", false},
	{"I'm going to end it with my kids", true},
}

var qaPass3Accepted = []urgentMessage{
	{"my wife's going to kill me, I missed the recycling again", false},
}

var qaPass3Calm = []string{
	"my mum is going to kill me if I miss the bin day",
	"my dad is going to kill me, I lost the council tax letter",
	"My mum will kill me if I forget to renew the parking permit",
	"my nan will kill me if we forget to put the bins out",
	"I lost the parking permit, my dad will kill me",
	"my boss will kill me if I'm late for the appointment",
	"my mum will kill me if I don't pay the bill",
	"the council keeps harassing me with letters, delete my details",
	"you keep hounding me about the council tax",
	"hello, bailiffs keep harassing me about a parking fine",
	"I feel unsafe with you having my data",
	"I don't feel safe with the council holding my information",
	"I feel unsafe about my data",
	"I'm going to end it with the council if they don't answer, do you share with the police?",
	"my dad will kill me if I lose my phone",
	"I lost my keys, my mum will kill me",
	"the council keeps threatening me",
	"I'm going to end it with my boyfriend",
}

// "Who gets it?" asks who receives the data, and gets no safeguarding reply (a QA pass: "pcn info
// who gets it" did); a threat that someone "gets it" is still one. (Not among the labelled
// messages, which the model is trained on.)
func TestWhoGetsItIsAQuestionNotAThreat(t *testing.T) {
	for _, m := range []string{"who gets it", "pcn info who gets it", "council tax who gets it then", "which departments gets it?"} {
		assert.False(t, Classify(m).Safeguarding, m)
	}
	for _, m := range []string{"the next one who kicks my fence gets it.", "if he comes back he gets it"} {
		assert.True(t, Classify(m).Safeguarding, m)
	}
}
