package rights

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		want       Type
		actionable bool
		safe       bool
		behalf     bool
	}{
		// Asking about a right versus exercising it.
		{"what is erasure", "what is the right to erasure?", Erasure, false, false, false},
		{"may I ask for deletion", "Can I ask you to delete my data?", Erasure, false, false, false},
		{"polite request is a request", "can you delete my data please", Erasure, true, false, false},
		{"bare imperative", "delete my account", Erasure, true, false, false},
		{"how to get records", "can you tell me how to get a copy of my records", Access, false, false, false},
		{"I want a copy", "I want a copy of everything you hold on me", Access, true, false, false},
		{"a copy of a bill is no access request", "I need a copy of my council tax bill", None, false, false, false},
		{"how long does access take", "how long does a request for my records take?", Access, false, false, false},
		{"address wrong", "my address on your system is wrong, please fix it", Rectification, true, false, false},
		{"stop marketing", "stop using my data for marketing", Objection, true, false, false},
		{"withdraw consent", "I withdraw my consent", WithdrawConsent, true, false, false},
		{"human review", "I want a human to review the automated decision on my claim", AutomatedDecision, true, false, false},
		{"portable export", "please export my data as a spreadsheet so I can move it to another council", Portability, true, false, false},
		{"restrict while checked", "please restrict use of my data until you've checked it", Restriction, true, false, false},
		{"complain about handling", "I want to complain, you sent my details to the wrong address", Complaint, true, false, false},
		{"how to complain", "how do I complain to the ICO?", Complaint, false, false, false},

		// On-behalf phrasing; "on my behalf" is not someone else.
		{"mother's file", "I'm calling on behalf of my mother who wants her file", Access, true, false, true},
		{"on my behalf", "I consented to you contacting employers on my behalf but I withdraw that consent", WithdrawConsent, true, false, false},

		// Negation.
		{"not asking to delete", "I'm not asking you to delete anything, how long do you keep records?", None, false, false, false},
		{"not complaining", "I don't want to complain, I just want to know why you need my phone number", None, false, false, false},
		{"don't delete, restrict", "don't delete my file, I need it for court, just stop using it", Restriction, true, false, false},

		// Plain information and near-misses.
		{"dpo contact", "who is the DPO at Bucks?", None, false, false, false},
		{"cookies", "do you use cookies", None, false, false, false},
		{"service complaint", "I want to complain about my bins", None, false, false, false},
		{"safeguarding data question", "How does MK Together use safeguarding data?", None, false, false, false},
		{"idiom", "this website is killing me lol, where's the privacy notice", None, false, false, false},

		// Typos, text-speak, shouting.
		{"text speak", "pls delte all my infomation u hold", Erasure, true, false, false},
		{"shouting", "I WANT A COPY OF MY RECORDS NOW", Access, true, false, false},
		{"curly apostrophe", "I’d like my records corrected, my name’s spelt wrong", Rectification, true, false, false},

		// Safeguarding overrides intake; OnBehalf then says the person at
		// risk is someone else.
		{"child at risk", "my neighbours little boy is being hurt by his dad", None, false, true, true},
		{"self harm", "i keep hurting myself and i cant stop", None, false, true, false},
		{"domestic violence", "my husband hits me, I need help", None, false, true, false},
		{"danger plus request", "please delete my address, my ex is threatening to kill me", None, false, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, tr := classify(tc.text)
			assert.Equal(t, tc.want, got.Type, "type; %s", tr)
			assert.Equal(t, tc.actionable, got.Actionable, "actionable; %s", tr)
			assert.Equal(t, tc.safe, got.Safeguarding, "safeguarding; %s", tr)
			assert.Equal(t, tc.behalf, got.OnBehalf, "on behalf; %s", tr)
			assert.GreaterOrEqual(t, got.Confidence, 0.0)
			assert.LessOrEqual(t, got.Confidence, 1.0)
		})
	}
}

func TestClassifyConfidenceOrdersClearOverVague(t *testing.T) {
	clear := Classify("Please delete all my personal data from your systems")
	vague := Classify("data")
	assert.Greater(t, clear.Confidence, vague.Confidence)
}

func TestClassifyHostileInput(t *testing.T) {
	long := strings.Repeat("please delete my records and ", 20000) // ~600 KB
	got := Classify(long)
	assert.Equal(t, Erasure, got.Type)
	assert.True(t, got.Actionable)

	for _, s := range []string{"", "   ", "????", "\x00\xff\xfe", strings.Repeat("a", 100000), "🙂🙂🙂", "'''", "don't"} {
		assert.NotPanics(t, func() { Classify(s) }, "%q", s)
		assert.Equal(t, None, Classify(s).Type, "%q", s)
	}
}

func TestTypesAndParse(t *testing.T) {
	types := Types()
	require.Len(t, types, 9)
	assert.Equal(t, Access, types[0])
	assert.Equal(t, Complaint, types[8])
	seen := map[string]bool{}
	for _, ty := range types {
		got, err := ParseType(string(ty))
		require.NoError(t, err)
		assert.Equal(t, ty, got)
		assert.NotEqual(t, string(ty), ty.Label(), "%s needs a human label", ty)
		assert.False(t, seen[ty.Label()], "labels must differ")
		seen[ty.Label()] = true
	}

	got, err := ParseType(" Automated-Decision ")
	require.NoError(t, err)
	assert.Equal(t, AutomatedDecision, got)
	got, err = ParseType("none")
	require.NoError(t, err)
	assert.Equal(t, None, got)

	_, err = ParseType("deletion")
	assert.ErrorIs(t, err, ErrUnknownType)
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Pls DELTE my Info!!", " please delete my information ! ! "},
		{"I’d like it", " i'd like it "},
		{"remote backup", " remote backup "},     // a real word, not a typo of remove
		{"deleted records", " deleted records "}, // inflections are left alone
		{"line one\nline two", " line one . line two "},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, normalize(tc.in), tc.in)
	}
	huge := normalize(strings.Repeat("word ", 100000))
	assert.LessOrEqual(t, len(strings.Fields(huge)), maxTokens)
}

func FuzzClassify(f *testing.F) {
	for _, s := range []string{"please delete my records", "what is the right to erasure?", "my partner hits me", "", "\xff", "on behalf of my mum's"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := Classify(s)
		if in.Confidence < 0 || in.Confidence > 1 {
			t.Fatalf("confidence %v out of range", in.Confidence)
		}
		if in.Safeguarding && (in.Actionable || in.Type != None) {
			t.Fatalf("safeguarding must not start intake: %+v", in)
		}
		if in.Type == None && in.Actionable {
			t.Fatalf("actionable without a right: %+v", in)
		}
		if _, err := ParseType(string(in.Type)); err != nil {
			t.Fatalf("unknown type %q", in.Type)
		}
		if !utf8.ValidString(normalize(s)) {
			t.Fatalf("normalize produced invalid UTF-8")
		}
	})
}

func BenchmarkClassify(b *testing.B) {
	short := []string{
		"Hi, I'm calling on behalf of my mother who wants her file from adult social care",
		"how long do you keep complaint records?",
		"pls delte all my infomation u hold",
		"my partner hits me and i'm scared to go home",
	}
	b.Run("short", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			Classify(short[i%len(short)])
		}
	})
	long := strings.Repeat("some long pasted letter text about my records and my address. ", 200)
	b.Run("long", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Classify(long)
		}
	})
}

// TestClassifyFreshWording holds the rules to requests worded unlike the
// labelled sets: a category of wording, not a memorised sentence.
func TestClassifyFreshWording(t *testing.T) {
	tests := []classified{
		{"I'd like to see everything the housing team has written about me", Access, true},
		{"send me my file", Access, true},
		{"could you tell me what information you keep on me", Access, true},
		{"what information do you hold about me?", Access, true},
		// What a service would hold is information about the service, not the person's data.
		{"what sort of info will they hold on me?", Access, false},
		{"if I sign up, what details would you keep about me?", Access, false},
		{"how do i get hold of my social care notes", Access, false},
		{"Under Article 15 please provide copies of all emails mentioning me", Access, true},
		{"please can I have the recording of my phone call on 4 May", Access, true},
		{"my date of birth is wrong on the council tax bill, it should be 12/03/1971", Rectification, true},
		{"the assessment says I live alone, I don't, please update it", Rectification, true},
		{"how do I get a wrong record corrected", Rectification, false},
		{"wipe my details from the parking system", Erasure, true},
		{"I'd like you to delete the photos of me from the library event", Erasure, true},
		{"will you delete my data if I ask", Erasure, false},
		{"please stop using my data until my appeal is decided, but keep it", Restriction, true},
		{"what does restricting processing actually do", Restriction, false},
		{"I want my data in a machine readable format so I can give it to another provider", Portability, true},
		{"can I move my data to a different council", Portability, false},
		{"stop sending me marketing emails about events", Objection, true},
		{"I object to my data being used for research", Objection, true},
		{"can I object to profiling", Objection, false},
		{"I want a human to look at my benefit decision, not a computer", AutomatedDecision, true},
		{"are decisions about school places made by a computer", AutomatedDecision, false},
		{"please unsubscribe me from the residents newsletter", WithdrawConsent, true},
		{"I withdraw permission for you to use my photo", WithdrawConsent, true},
		{"how do I withdraw my consent", WithdrawConsent, false},
		{"you sent my medical letter to my old address and my ex opened it, I want to complain", Complaint, true},
		{"who do I complain to about a data breach", Complaint, false},
		{"how long do you keep housing benefit records", None, false},
		{"what's your privacy notice for libraries", None, false},
		{"I want to complain about the state of the roads", None, false},
		{"do you share my data with the police", None, false},
	}
	assertClassified(t, tests)
}

// TestClassifyQAPass holds the rules to wordings a QA pass found
// misclassified, each with a variant or two of the same category, and to
// the near-misses those fixes must leave alone.
func TestClassifyQAPass(t *testing.T) {
	tests := []struct {
		text       string
		want       Type
		actionable bool
		behalf     bool
	}{
		// "hold on me" is what is held about someone, not a hold on processing.
		{"please provide all the information you hold on me", Access, true, false},
		{"I'd like to know what you hold on me", Access, true, false},
		{"I'm a solicitor acting for my client, please provide all records you hold on him", Access, true, true},
		{"please send me all records you hold on me", Access, true, false},
		{"send me whatever the council holds on me", Access, true, false},
		{"can you put a hold on my data until the appeal is heard", Restriction, true, false},
		{"hold on, what do you mean?", None, false, false},

		// "Stop using my data" with no purpose named is an objection (no purpose
		// is needed to object); kept-but-paused would be restriction.
		{"stop using my data", Objection, true, false},
		{"stop processing my personal data", Objection, true, false},
		{"Stop processing my data please", Objection, true, false},
		{"please cease processing my data", Objection, true, false},
		{"I want you to stop using my information", Objection, true, false},
		{"stop using my data until you've checked it", Restriction, true, false},
		{"how do I stop you using my data?", Objection, false, false},

		// Erasure, access and rectification in everyday words.
		{"take my details off your system", Erasure, true, false},
		{"get my details off your database", Erasure, true, false},
		{"take me off your mailing list please", WithdrawConsent, true, false},
		{"get rid of my info", Erasure, true, false},
		{"I don't want you holding my data anymore", Erasure, true, false},
		{"I don't want the council keeping my details any more", Erasure, true, false},
		{"stop storing my information", Erasure, true, false},
		{"can I have my file?", Access, true, false},
		{"could I have my social care records?", Access, true, false},
		{"can I have my records deleted if I move away?", Erasure, false, false},
		{"can I have a copy of my council tax bill?", None, false, false},
		{"the social worker's report about me is full of lies", Rectification, true, false},
		{"the notes from my assessment are all lies", Rectification, true, false},

		// The material a case or decision against the person rested on is
		// their data.
		{"I want the data your enforcement team used to prosecute me", Access, true, false},
		{"I want the evidence you used against me in court", Access, true, false},
		{"please send me the evidence the council relied on to evict me", Access, true, false},
		{"I need the photos the parking team used to fine me", Access, true, false},
		{"how do I get the evidence you used against me?", Access, false, false},
		{"what evidence do you need for a blue badge application?", None, false, false},
		{"the evidence against me was made up", Rectification, true, false},

		// Grievances about handling told without the word "complaint"; the
		// writer who received someone else's data is not acting for them.
		{"I received someone else's personal information in the post from you", Complaint, true, false},
		{"you sent me someone else's data", Complaint, true, false},
		{"I got someone else's parcel", None, false, false},
		{"someone at the council looked at my records without permission", Complaint, true, false},
		{"a member of staff went through my file without any reason", Complaint, true, false},
		{"what happens if someone looked at my records without permission?", Complaint, false, false},
		{"I'm requesting someone else's data on behalf of my mother", Access, true, true},
		// A bare "request …" instructs, as "send …" does (a QA pass: answered, and no request offered).
		{"request my data on behalf of my mother", Access, true, true},
		{"request a copy of my housing file", Access, true, false},

		// Near-misses that stay as they are.
		{"how do I make a subject access request?", Access, false, false},
		{"can I ask you to delete my data?", Erasure, false, false},
		{"do you share my data with the police?", None, false, false},
		{"how long do you keep my housing application?", None, false, false},
		{"I want a copy of my council tax bill", None, false, false},
		{"my bins weren't collected, I want to complain", None, false, false},
		{"I want to restrict how you use my data", Restriction, true, false},
		{"please don't use my data while you check it's accurate", Restriction, true, false},
		// Bare commands: the chat handles them before classifying; pinned as
		// they are so a rule change here is noticed.
		{"stop", None, false, false},
		{"cancel", WithdrawConsent, true, false},
	}
	for _, tc := range tests {
		got, tr := classify(tc.text)
		assert.Equal(t, tc.want, got.Type, "type of %q; %s", tc.text, tr)
		assert.Equal(t, tc.actionable, got.Actionable, "actionable %q; %s", tc.text, tr)
		assert.Equal(t, tc.behalf, got.OnBehalf, "on behalf %q; %s", tc.text, tr)
		assert.False(t, got.Safeguarding, "%q", tc.text)
	}
}

// TestClassifyQAPassRequests holds the rules to requests a QA pass as
// residents found unrecognised: a fraud or prosecution case file about the
// writer (the word "fraud" made it a topic), a blunt "give me my data", data
// held about something of the writer's, "kill my account", and preferring a
// copy to deletion; each with a variant, and the questions they must leave be.
func TestClassifyQAPassRequests(t *testing.T) {
	tests := []classified{
		// A case file about the writer is their data, whatever the case is about.
		{"Send me the data from the benefit fraud investigation into me", Access, true},
		{"I want a copy of the council tax fraud file on me", Access, true},
		{"I want a copy of the fraud investigation file on me", Access, true},
		{"I want a copy of everything about the housing fraud investigation into my tenancy", Access, true},
		{"please send me the blue badge fraud file", Access, true},
		{"I want the evidence you have for prosecuting me", Access, true},
		{"I need the evidence the council holds for prosecuting my son", Access, true},
		{"I want my data please, I'm a victim of fraud and need evidence", Access, true},

		// A blunt demand.
		{"give me my data", Access, true},
		{"gimme my data", Access, true},
		{"this is a fucking joke, give me my data", Access, true},
		{"I've waited weeks, just hand over my file", Access, true},

		// What is held about something of the writer's.
		{"I want all the data you hold about my parking fine", Access, true},
		{"I want all the data you hold about my fly-tipping fine", Access, true},
		{"send me everything you have on my housing application", Access, true},

		// Killing an account is deleting it.
		{"kill my account and delete my data", Erasure, true},
		{"nuke my account", Erasure, true},

		// Preferring a copy names access, not restriction.
		{"no wait, I'd like a copy of my data rather than deleting it", Access, true},
		{"I'd rather have a copy", Access, true},
		{"actually I'd rather have a copy", Access, true},
		{"can I have a copy instead of you deleting it?", Access, true},

		// Questions and services that stay as they are.
		{"do you share data to prevent fraud?", None, false},
		{"how do you use my data to detect fraud?", None, false},
		{"how do I report benefit fraud?", None, false},
		{"Do you take part in the National Fraud Initiative?", None, false},
		{"can I get a copy of my data?", Access, false},
		{"I want a copy of my council tax bill", None, false},
		{"how long do you keep information about my council tax?", None, false},
		{"would you give me my data if I asked?", Access, false},
		{"do you share information about me with the police?", None, false},
	}
	assertClassified(t, tests)
}

// TestClassifyQAPass3 holds the rules to a third QA pass as residents: a
// correction told as deleting the old or wrong value, a service transaction
// that names no right, an access request in poor English, keeping an address
// confidential (an objection to its disclosure: see the package doc), and a
// question about making a subject access request here; each with variants,
// and the requests and questions they must leave be.
func TestClassifyQAPass3(t *testing.T) {
	tests := []classified{
		// Deleting the old or wrong value to put the right one is a correction.
		{"Can you delete my old email address and use my new one instead", Rectification, true},
		{"please remove my old address from your records and put my new one", Rectification, true},
		{"please erase the wrong date of birth you have for me", Rectification, true},
		{"my surname changed when I got married, please delete the old one", Rectification, true},
		{"please delete my maiden name and use my married name", Rectification, true},
		{"remove my previous phone number, the new one is 07700 900123", Rectification, true},
		{"delete the incorrect address you hold for me", Rectification, true},
		{"delete my old account", Erasure, true},
		{"delete all my old records", Erasure, true},
		{"delete my data", Erasure, true},
		{"the council keeps harassing me with letters, delete my details", Erasure, true},

		// A service transaction is not a right.
		{"I want to cancel my blue badge", None, false},
		{"I want to update my council tax direct debit", None, false},
		{"Can you delete the message I just sent?", None, false},
		{"cancel my parking permit", None, false},
		{"I want to change my bin collection day", None, false},
		{"I'd like to renew my parking permit", None, false},
		{"can you cancel my direct debit?", None, false},
		{"delete my last message", None, false},
		{"I need to book a bulky waste collection", None, false},
		{"I want to withdraw my consent to the newsletter", WithdrawConsent, true},
		{"I want to cancel my newsletter subscription", WithdrawConsent, true},
		{"cancel my consent", WithdrawConsent, true},
		{"update my address on your records, it's wrong", Rectification, true},
		{"delete my account", Erasure, true},

		// Access in poor English.
		{"i want see my informations", Access, true},
		{"i want all paper about me", Access, true},
		{"hello i am from romania my english not so good. council have my informations? i want see", Access, true},
		{"i want see all paper about me from housing office", Access, true},
		{"i want all documents about me", Access, true},
		{"please i want the papers you have about me", Access, true},

		// Keeping an address confidential is objecting to its disclosure.
		{"can you make sure my address isn't shared with anyone?", Objection, true},
		{"please don't share my address with anyone", Objection, true},
		{"I need my address kept confidential", Objection, true},
		{"please mark my records as confidential so my ex can't find me", Objection, true},
		{"keep my details private please", Objection, true},
		{"don't give my phone number to anyone", Objection, true},
		{"how do you keep my data confidential?", None, false},
		{"do you share my address with anyone?", None, false},

		// A question about a copy of one's file.
		{"my child protection case file - can I get a copy?", Access, false},
		{"I need to see what social services wrote about me", Access, true},
		{"i wnat a copy of my infomation", Access, true},
		{"I want to make a subject acess request", Access, true},
		{"my housing file, can I get a copy?", Access, false},
		{"my council tax bill - can I get a copy?", None, false},
	}
	assertClassified(t, tests)

	// A question about making a subject access request here: information
	// about access, sure enough that the chat offers to take it.
	for _, text := range []string{
		"can I do my SAR here?",
		"I'm hanging on the phone for ages, can I do my SAR here?",
		"can i make a subject access request through this chat?",
	} {
		got, tr := classify(text)
		assert.Equal(t, Access, got.Type, "type of %q; %s", text, tr)
		assert.False(t, got.Actionable, "actionable %q; %s", text, tr)
		assert.GreaterOrEqual(t, got.Confidence, 0.5, "confidence of %q; %s", text, tr)
		assert.False(t, got.Safeguarding, "%q; %s", text, tr)
	}
}

// classified is a message and how it must be classified: its type, and whether it is a request
// to act on now.
type classified struct {
	text       string
	want       Type
	actionable bool
}

// assertClassified checks each message is classified as wanted, and as no safeguarding message.
func assertClassified(t *testing.T, tests []classified) {
	t.Helper()
	for _, tc := range tests {
		got, tr := classify(tc.text)
		assert.Equal(t, tc.want, got.Type, "type of %q; %s", tc.text, tr)
		assert.Equal(t, tc.actionable, got.Actionable, "actionable %q; %s", tc.text, tr)
		assert.False(t, got.Safeguarding, "%q; %s", tc.text, tr)
	}
}

// Plain speech for deleting: "rub out", "bin", "scrub" (a QA pass of low-literacy messages got no
// offer of a request).
func TestPlainSpeechForDeleting(t *testing.T) {
	for _, text := range []string{"can u rub out my data", "please bin my details", "scrub my records please"} {
		if got := Classify(text); got.Type != Erasure {
			t.Errorf("%q: %s, want erasure", text, got.Type)
		}
	}
	for _, text := range []string{"my bin wasn't collected", "the bin men scrub the street"} {
		if got := Classify(text); got.Actionable {
			t.Errorf("%q: an actionable %s request", text, got.Type)
		}
	}
}

// "… please delete my mum's." asks for the relative's records, though it doesn't say the noun (a
// QA pass filed it as the writer's own request); "my mum's house was burgled" asks for nothing
// of hers.
func TestAnElidedRelativesRecordsAreSomeoneElses(t *testing.T) {
	if !Classify("How long do you keep adult social care records? Please delete my mum's.").OnBehalf {
		t.Error("\"Please delete my mum's.\" is not read as for someone else")
	}
	if Classify("my mum's house was burgled, do you share crime reports?").OnBehalf {
		t.Error("a relative's house is not a request for her")
	}
}

// A relative named in full is still someone else (a QA pass filed "my son Jack Hall's school
// records" as the writer's own request).
func TestANamedRelativesRecordsAreSomeoneElses(t *testing.T) {
	for _, text := range []string{"I want a copy of my son Jack Hall's school records from Bucks council", "I want a copy of my son Jack's data",
		"I want the data you hold on my son Jack Hall, Bucks"} {
		if !Classify(text).OnBehalf {
			t.Errorf("%q is not read as for someone else", text)
		}
	}
	if Classify("I want a copy of my data, my son helped me write this").OnBehalf {
		t.Error("help from a son makes no request for him")
	}
}

// "I'd like my records" asks for them as "I want my records" does (it was answered from the
// notices' retention passages); liking one's file in a question is not a request.
func TestWouldLikeMyRecordsIsAnAccessRequest(t *testing.T) {
	for _, text := range []string{"I'd like my records", "id like my records please", "I would like my file", "we would like our data"} {
		if got := Classify(text); got.Type != Access || !got.Actionable {
			t.Errorf("%q: %s (actionable %v), want an actionable access request", text, got.Type, got.Actionable)
		}
	}
	for _, text := range []string{"would you like my details for the form?", "how long do you keep records i'd like to know"} {
		if got := Classify(text); got.Actionable && got.Type == Access {
			t.Errorf("%q: an access request", text)
		}
	}
}

// An adviser tells of a caller's request in the third person: "Mrs Patel is asking us to delete
// her records" abstained, and "caller asks for a copy of all the data we hold on her son" got the
// list of rights (a QA pass of advisers). A request told of as made before is still none.
func TestAnAdvisersAccountOfACallersRequestIsARequest(t *testing.T) {
	for text, want := range map[string]Type{
		"Mrs Patel is asking us to delete her records":              Erasure,
		"caller asks for a copy of all the data we hold on her son": Access,
		"the resident asked us to correct his address":              Rectification,
	} {
		if got := Classify(text); got.Type != want || !got.Actionable {
			t.Errorf("%q: %s (actionable %v), want an actionable %s request", text, got.Type, got.Actionable, want)
		}
	}
	if !Classify("caller asks for a copy of all the data we hold on her son").OnBehalf {
		t.Error("the caller's son's data is not read as for someone else")
	}
	if got := Classify("my mum asked for her records last year, how long do you keep them?"); got.Actionable {
		t.Errorf("a request told of is taken as one: %s", got.Type)
	}
}

// What is wanted done to the records, said after them, is the right: "I'd like my records
// corrected" was an access request (a QA pass), wanting one's records being asking for them. And
// very short messages ("want my info", "i want my stuff") and an adviser's "the lady on the phone
// wants her file" ask for the records.
func TestWhatIsWantedDoneToTheRecordsIsTheRight(t *testing.T) {
	for text, want := range map[string]Type{
		"I'd like my records corrected":                  Rectification,
		"id like my records fixed please":                Rectification,
		"I'd like my details updated":                    Rectification,
		"I want my records removed":                      Erasure,
		"i want my records moved to another council":     Portability,
		"I'd like my records not shared with the police": Objection,
		"I want my records":                              Access,
		"want my info":                                   Access,
		"i want my stuff":                                Access,
		"the lady on the phone wants her file":           Access,
	} {
		if got := Classify(text); got.Type != want || !got.Actionable {
			t.Errorf("%q: %s (actionable %v), want an actionable %s request", text, got.Type, got.Actionable, want)
		}
	}
	if got := Classify("how long are records kept before they are deleted?"); got.Actionable {
		t.Errorf("a question of retention is a %s request", got.Type)
	}
}

// A complaint about case notes e-mailed to the wrong family is a complaint, not a request to
// correct records (a QA pass filed it as rectification).
func TestAComplaintAboutNotesSentToTheWrongFamilyIsAComplaint(t *testing.T) {
	for _, text := range []string{"I'm making a complaint on behalf of my brother about Buckinghamshire council - a social worker emailed his case notes to the wrong family",
		"I want to make a complaint about Buckinghamshire council - a social worker emailed my case notes to the wrong family"} {
		if got := Classify(text); got.Type != Complaint {
			t.Errorf("%q: %s, want a complaint", text, got.Type)
		}
	}
}

// Text-speak reads as the plain words it stands for: a request typed "wot info do u hav on me" is
// the request "what information do you have on me" is (a QA pass refused the one as a question
// the notices don't answer, and answered others with no offer). A report that one's data is wrong
// is one however it is put, and not wanting to be e-mailed any more objects to being contacted.
func TestTextSpeakReadsAsThePlainWords(t *testing.T) {
	for _, tt := range []struct {
		typed, plain string
		want         Type
		actionable   bool
	}{
		// A question of whether one may, offered by the conversation, as its plain words are.
		{"cn i get a copy of my recrods", "can I get a copy of my records", Access, false},
		{"wot info do u hav on me", "what information do you have on me", Access, true},
		{"can u stp usin my info", "can you stop using my information", Objection, true},
		{"wrong adress on my file", "the wrong address is on my file", Rectification, true},
		{"u got my adress wrong", "you got my address wrong", Rectification, true},
		{"i dont want u emailin me no more", "I don't want you emailing me any more", Objection, true},
		{"wat data do u hold on me", "what data do you hold on me", Access, true},
		{"pls stp sharin my details", "please stop sharing my details", Objection, true},
		{"u hav my name spelt wrong on my account", "you have my name spelt wrong on my account", Rectification, true},
		{"stop textin me", "stop texting me", Objection, true},
	} {
		for _, text := range []string{tt.plain, tt.typed} {
			got := Classify(text)
			assert.Equal(t, tt.want, got.Type, text)
			assert.Equal(t, tt.actionable, got.Actionable, text)
		}
	}
	assert.Equal(t, " i don't want you emailing me any more ", normalize("i dont want u emailin me no more"))
	assert.Equal(t, " can't cope any more . ", normalize("cant cope no more."))
	assert.Equal(t, " no more emails please ", normalize("no more emails please"), "no more asked for, not said for any more")
	assert.Equal(t, " a robin in the cabin ", normalize("a robin in the cabin"), "only the -ing words the rules read lose their g")

	// Asked about, not reported, they stay questions.
	for _, text := range []string{"what happens if you got my address wrong?", "how do I stop you emailing me?", "can you explain why you text people?"} {
		assert.False(t, Classify(text).Actionable, text)
	}
}

// Asking whether data goes abroad is a question about the council's international transfers, not
// a request to move one's data to another provider (a QA pass: "Do you transfer my data outside
// the UK?" was offered a data portability request); moving it to another council still is one.
func TestInternationalTransfersAreAskedAbout(t *testing.T) {
	for _, m := range []string{"Do you transfer my data outside the UK?", "do you send my data abroad", "Is my data stored outside the EU?"} {
		assert.Equal(t, None, Classify(m).Type, m)
	}
	for _, m := range []string{"can you transfer my data to another council", "please transfer my records to my new GP"} {
		in := Classify(m)
		assert.Equal(t, Portability, in.Type, m)
		assert.True(t, in.Actionable, m)
	}
	// Someone who has moved abroad, or wants their data kept at home, still asks for something.
	for m, want := range map[string]Type{
		"I've moved abroad, please delete my data":                                  Erasure,
		"I'm moving overseas so please delete my data":                              Erasure,
		"can you transfer my data to my new council, I've moved out of the country": Portability,
		"please stop sending my data outside the UK":                                Objection,
	} {
		in := Classify(m)
		assert.Equal(t, want, in.Type, m)
		assert.True(t, in.Actionable, m)
	}
}

// A relative's possessive typed without its apostrophe is still theirs: "can u delete my sons
// info" was filed as the asker's own request (a QA pass), while "my son's info" went the way of
// one for someone else. Only before what is theirs: "my sons are at school" keeps its meaning.
func TestARelativesPossessiveWithoutItsApostropheIsTheirs(t *testing.T) {
	for _, text := range []string{"can u delete my sons info", "i want a copy of my daughters file", "please delete my sons data",
		"correct my wifes address", "stop usin my kids data", "my husbands details are wrong", "I want my partners records",
		"please send me my brothers school records", "delete my late grandads details", "i want a copy of my tenants file"} {
		assert.True(t, Classify(text).OnBehalf, text)
	}
	assert.Equal(t, " can you delete my son's information ", normalize("can u delete my sons info"))
	assert.Equal(t, " my daughter's school file ", normalize("my daughters school file"))
	for _, text := range []string{"my sons are at school", "my sons have their own data", "my friends and their data", "my sons, data and more"} {
		assert.NotContains(t, normalize(text), "'s", text)
	}
	for _, text := range []string{"I want a copy of my data, my sons are at school all day", "delete my data please, my kids have moved out"} {
		assert.False(t, Classify(text).OnBehalf, text)
	}
}

// A relative's records named and nothing else ask for them, as "I want my dad's records" does
// (a QA pass answered "the records you hold for my dad" and "copy of my dad's data" from the
// notices). Asked what is held on a relative, it is an access question, which the conversation
// offers to make a request of; with a question about records, it is the question.
func TestARelativesRecordsNamedAloneAreARequest(t *testing.T) {
	for _, text := range []string{"the records you hold for my dad", "records for my dad", "the data you hold on my dad",
		"copy of my dad's data", "my dads records", "the care records for my mum please"} {
		got := Classify(text)
		assert.Equal(t, Access, got.Type, text)
		assert.True(t, got.Actionable, text)
		assert.True(t, got.OnBehalf, text)
	}
	// Whose "my data for my mum" is, the conversation asks.
	got := Classify("my data for my mum")
	assert.True(t, got.Actionable && got.Type == Access && !got.OnBehalf, "my data for my mum: %+v", got)
	for _, text := range []string{"wot do u hav on my dad", "what data do you hold on my dad?"} {
		got := Classify(text)
		assert.Equal(t, Access, got.Type, text)
		assert.False(t, got.Actionable, text)
		assert.True(t, got.OnBehalf, text)
	}
	for _, text := range []string{"how long do you keep records for my dad", "my dad's records were lost in a flood"} {
		assert.False(t, Classify(text).Actionable, text)
	}
}
