package redact_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/redact"
)

// requireConsistent checks what every caller relies on: findings are in order, do not overlap,
// lie inside the input on rune boundaries, and the output is the input with exactly those spans
// replaced by their placeholders.
func requireConsistent(t testing.TB, in, out string, findings []redact.Finding) {
	t.Helper()
	var b strings.Builder
	prev := 0
	for i, f := range findings {
		require.GreaterOrEqual(t, f.Start, prev, "finding %d starts before the previous one ends", i)
		require.Less(t, f.Start, f.End, "finding %d is empty", i)
		require.LessOrEqual(t, f.End, len(in), "finding %d ends past the input", i)
		if utf8.ValidString(in) {
			require.True(t, utf8.ValidString(in[f.Start:f.End]), "finding %d splits a character", i)
		}
		b.WriteString(in[prev:f.Start])
		b.WriteString(f.Kind.Placeholder())
		prev = f.End
	}
	b.WriteString(in[prev:])
	require.Equal(t, b.String(), out, "output is not the input with the findings replaced")
}

// redaction is a text, what it becomes, and the kind of every span found in it.
type redaction struct {
	name, in, want string
	kind           redact.Kind
}

// assertRedacts checks each text is redacted as wanted, every span found being of its kind.
func assertRedacts(t *testing.T, tests []redaction) {
	t.Helper()
	r := redact.New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, findings := r.Redact(tt.in)
			assert.Equal(t, tt.want, got)
			requireConsistent(t, tt.in, got, findings)
			require.NotEmpty(t, findings)
			for _, f := range findings {
				assert.Equal(t, tt.kind, f.Kind, "span %q", tt.in[f.Start:f.End])
			}
		})
	}
}

func TestRedactFindsEachKind(t *testing.T) {
	tests := []redaction{
		{"email", "write to jane.doe@example.co.uk please", "write to [email] please", redact.KindEmail},
		{"email with plus and digits", "it's j.o'neil+dpo2@mk-council.gov.uk.", "it's [email].", redact.KindEmail},
		{"email in brackets", "(someone@example.com)", "([email])", redact.KindEmail},
		{"email with non-ASCII", "é-mail: zoë@exämple.fr", "é-mail: [email]", redact.KindEmail},

		{"landline spaced", "ring 01908 254900 today", "ring [phone] today", redact.KindPhone},
		{"mobile +44 (0)", "mobile +44 (0)7700 900123.", "mobile [phone].", redact.KindPhone},
		{"mobile unbroken", "07700900123", "[phone]", redact.KindPhone},
		{"+44 unbroken", "+447700900123", "[phone]", redact.KindPhone},
		{"0044", "0044 7700 900123", "[phone]", redact.KindPhone},
		{"London 3-4-4", "020 7946 0000", "[phone]", redact.KindPhone},
		{"area code in brackets", "tel (01908) 254900", "tel [phone]", redact.KindPhone},
		{"dashes", "01908-254900", "[phone]", redact.KindPhone},
		{"03 number", "0300 123 4567", "[phone]", redact.KindPhone},
		{"freephone", "0800 123 4567", "[phone]", redact.KindPhone},
		{"followed by a small number", "call 01908 254900 2 times", "call [phone] 2 times", redact.KindPhone},
		{"unmatched bracket", "(01908 254900", "([phone]", redact.KindPhone},
		{"bracket straight after a word", "tel(01908) 254900", "tel[phone]", redact.KindPhone},
		{"44 without the plus", "my number is 447700900123 thanks", "my number is [phone] thanks", redact.KindPhone},
		{"44 without the plus, grouped", "44 7700 900123", "[phone]", redact.KindPhone},
		{"44 without the plus, (0)", "44 (0)7700 900123", "[phone]", redact.KindPhone},
		{"44 without the plus, landline", "441908254900", "[phone]", redact.KindPhone},
		{"a count of 44 before a number", "I rang 44 07700 900123", "I rang 44 [phone]", redact.KindPhone},

		{"postcode", "MK9 3HS", "[postcode]", redact.KindPostcode},
		{"postcode AA99", "Aylesbury HP19 8FF.", "Aylesbury [postcode].", redact.KindPostcode},
		{"postcode lowercase no space", "sw1a1aa", "[postcode]", redact.KindPostcode},
		{"postcode AA9A", "EC1A 1BB", "[postcode]", redact.KindPostcode},
		{"postcode A9A", "W1A 1AA", "[postcode]", redact.KindPostcode},
		{"postcode A9", "M1 1AE", "[postcode]", redact.KindPostcode},
		{"postcode A99", "B33 8TH", "[postcode]", redact.KindPostcode},
		{"postcode mixed case", "mk9 3hs", "[postcode]", redact.KindPostcode},
		{"Girobank", "GIR 0AA", "[postcode]", redact.KindPostcode},

		{"NHS valid unbroken", "number 9434765919 please", "number [NHS number] please", redact.KindNHSNumber},
		{"NHS valid 3-3-4", "943 476 5919", "[NHS number]", redact.KindNHSNumber},
		{"NHS dashes", "401-023-2137", "[NHS number]", redact.KindNHSNumber},

		{"NI spaced", "NI: QQ 12 34 56 C", "NI: [NI number]", redact.KindNINumber},
		{"NI solid", "AB123456C", "[NI number]", redact.KindNINumber},
		{"NI lowercase solid", "mine is ab123456c", "mine is [NI number]", redact.KindNINumber},
		{"NI in context, no suffix", "my NI number is JG 10 37 42", "my NI number is [NI number]", redact.KindNINumber},
		{"NI in context, bad prefix", "national insurance number: DQ123456A", "national insurance number: [NI number]", redact.KindNINumber},

		{"Visa spaced", "card 4111 1111 1111 1111 expires", "card [card number] expires", redact.KindCard},
		{"Mastercard solid", "5555555555554444", "[card number]", redact.KindCard},
		{"Amex 4-6-5", "3782 822463 10005", "[card number]", redact.KindCard},
		{"card dashes", "4111-1111-1111-1111", "[card number]", redact.KindCard},

		{"born numeric", "I was born 3/4/1985.", "I was born [date of birth].", redact.KindDateOfBirth},
		{"DOB dashes", "DOB 03-04-1985", "DOB [date of birth]", redact.KindDateOfBirth},
		{"date of birth words", "date of birth: 3 April 1985", "date of birth: [date of birth]", redact.KindDateOfBirth},
		{"D.O.B. ordinal", "D.O.B. 3rd of April 1985", "D.O.B. [date of birth]", redact.KindDateOfBirth},
		{"born on month first", "born on April 3, 1985", "born on [date of birth]", redact.KindDateOfBirth},
		{"birthday short year", "my birthday is 03.04.85", "my birthday is [date of birth]", redact.KindDateOfBirth},
		{"dob ISO", "dob: 1985-04-03", "dob: [date of birth]", redact.KindDateOfBirth},

		{"my name is", "Hello, my name is Jane Smith and I want my records", "Hello, my name is [name] and I want my records", redact.KindName},
		{"I'm with apostrophe in name", "Hi, I'm John O'Neil.", "Hi, I'm [name].", redact.KindName},
		{"this is … calling", "this is Priya Patel calling about my data", "this is [name] calling about my data", redact.KindName},
		{"name label lowercase", "name: jane smith\nrequest: copy", "name: [name]\nrequest: copy", redact.KindName},
		{"my name is lowercase", "my name is jane smith and i live here", "my name is [name] and i live here", redact.KindName},
		{"I am with title", "I am Mrs Zoë Brontë-Hughes", "I am [name]", redact.KindName},
		{"particle", "I'm Ludwig van Beethoven", "I'm [name]", redact.KindName},
		{"curly apostrophe", "I’m Siobhán Ní Bhriain", "I’m [name]", redact.KindName},
		{"sign-off", "Please help.\n\nKind regards,\nJane Smith\n", "Please help.\n\nKind regards,\n[name]\n", redact.KindName},
		{"initial", "my name is J. Smith.", "my name is [name].", redact.KindName},
		{"name repeated later", "My name is Jane Okafor. Mrs Okafor has moved.", "My name is [name]. Mrs [name] has moved.", redact.KindName},
		{"someone close, named", "my son Oliver Smith has autism", "my son [name] has autism", redact.KindName},
		{"someone close, between commas", "my husband, David Jones, died last year", "my husband, [name], died last year", redact.KindName},
		{"someone close, then a place", "my mum Mary Jones is in a care home in Aylesbury", "my mum [name] is in a care home in Aylesbury", redact.KindName},

		{"street", "I live at 12 High Street, Bletchley", "I live at [address], Bletchley", redact.KindAddress},
		{"flat", "Flat 3, 45 Station Road", "[address]", redact.KindAddress},
		{"house letter", "12a church lane", "[address]", redact.KindAddress},
		{"The", "moved to 7 The Green", "moved to [address]", redact.KindAddress},
		{"saint", "at 4 St Mary's Road.", "at [address].", redact.KindAddress},
		{"abbreviated", "22 Acacia Ave", "[address]", redact.KindAddress},

		{"ipv4", "from 192.168.10.254 at", "from [IP address] at", redact.KindIP},

		{"sort code, printed", "pay it to 20-00-00 please", "pay it to [sort code] please", redact.KindSortCode},
		{"sort code, typographic dashes", "40–47–84", "[sort code]", redact.KindSortCode},
		{"sort code, labelled, spaced", "sort code 20 00 00", "sort code [sort code]", redact.KindSortCode},
		{"sort code, labelled, solid", "Sortcode: 200000.", "Sortcode: [sort code].", redact.KindSortCode},
		{"sort code, labelled, shaped like a date", "my sort code is 20-10-26", "my sort code is [sort code]", redact.KindSortCode},
		{"ipv4 with a zero", "10.0.0.1", "[IP address]", redact.KindIP},
	}
	assertRedacts(t, tests)
}

func TestRedactLeavesOrdinaryTextAlone(t *testing.T) {
	tests := []string{
		"We keep your records for 6 years after the case closes, and some for 10 years.",
		"This notice was last updated on 17 May 2018.",
		"Contact the Data Protection Officer about your rights under the UK GDPR.",
		"Your reference is DPO-2026-000123; quote it when you check the status.",
		"See section 3.4.1.2 and section 12 of the Data Protection Act 2018.",
		"Article 6(1)(e) of the UK GDPR, Schedule 1 Part 2.",
		"The fee is £25, or £10.50 for copies, payable by 10:30 on 1 June.",
		"We received 1,234 requests in 2023 and answered 98.5% within a month.",
		"Call between 9am and 5pm, Monday to Friday.",
		"The form has 3 parts and takes 20 minutes.",
		"Numbers like 12345 and 1234567 are not personal data on their own.",
		"Version 1.2.3.4 of the form.",
		"Windows 10.0.19045.1234 and 3.01908254900 and 1,07700900123",
		"I called 44 times, 4477 calls in 2024 and £447700900123 is not a number anyone owes",
		"44.7700900123 and 1.447700900123 and 447,700,900 and 44 7700 and 4477009001234",
		"a 12-digit number starting 44 that is no phone: 448001234567, DPO-447700900123",
		"This is Milton Keynes Council's privacy notice.",
		"This is important: I'm not sure who holds my data. I'm Writing to ask.",
		"my son goes to Olney Middle School and my dad said he would call",
		"my mum Council Tax bill went up",
		"Controller name: Milton Keynes Council",
		"Thanks for your help, I will wait.",
		"I'm in Aylesbury and I am happy with that.",
		"kept for 6 years in the park records",
		"Retention: 2 Years from closure; 7 Years Of Service Road? no.",
		"A1 2ND page of the form",
		"on 12 34 56 a timeline",
		"4111 1111 1111 1112 fails the Luhn check",
		"A 10-digit 1234567890 that fails the NHS check digit",
		"The NHS number is used to identify you in health records.",
		"Your date of birth is kept for 6 years.",
		"Regards,\nData Protection Team",
		"Name: Data Protection Officer",
		"03-04-1985 without any birth context",
		"dates in the shape of bank codes: 20-10-26, 01-02-03, 12-31-99 and 13-05-24",
		"20 00 00 and 200000 with no words to say what they are, 20-30-40 minutes",
		"DPO-20-00-00, 20-00-00-12, 1.20-00-00, 20-10-2026 and 2026-10-20",
		"the sort code is missing and sort code 20 is short; access 12345678",
		"born in 1985",
		"",
	}
	r := redact.New()
	for _, in := range tests {
		got, findings := r.Redact(in)
		assert.Equal(t, in, got)
		assert.Empty(t, findings, "%q", in)
	}
}

// TestRedactWhatTheNoticePromises covers the ways residents give their own or a relative's name,
// their address and their numbers that a QA pass found kept, each in the words it was found in
// and in a variant, so that the patterns and not the sentences are under test.
func TestRedactWhatTheNoticePromises(t *testing.T) {
	tests := []redaction{
		{"I'm called", "I'm called Priya Sharma, do you share my data with the police?", "I'm called [name], do you share my data with the police?", redact.KindName},
		{"I am called, lower case", "i am called priya sharma and i want a copy", "i am called [name] and i want a copy", redact.KindName},
		{"I'm known as", "I'm known as Bex Hall.", "I'm known as [name].", redact.KindName},
		{"hi it's, restated", "hi it's dave, dave jones. how long do you keep service requests", "hi it's [name], [name]. how long do you keep service requests", redact.KindName},
		{"hello, this is, lower case", "Hello, this is sam okafor here", "Hello, this is [name] here", redact.KindName},
		{"good morning its", "good morning its Kerry-Ann Lewis", "good morning its [name]", redact.KindName},
		{"call me", "call me Sam Taylor. who is the dpo?", "call me [name]. who is the dpo?", redact.KindName},
		{"please call me, lower case", "please call me sam", "please call me [name]", redact.KindName},
		{"relation's name is", "my son's name is Jake Smith, do you share his data with schools?", "my son's name is [name], do you share his data with schools?", redact.KindName},
		{"relation's full name is", "My mum’s full name is mary o'brien.", "My mum’s full name is [name].", redact.KindName},
		{"her name is", "her name is Ana Lima", "her name is [name]", redact.KindName},
		{"relation's name is, no apostrophe", "my sons name is Tyler", "my sons name is [name]", redact.KindName},
		{"relations' name is, lower case", "my daughters' name is amy and she is 5", "my daughters' name is [name] and she is 5", redact.KindName},
		{"relation, lower case", "my daughter emily brown goes to school here", "my daughter [name] goes to school here", redact.KindName},
		{"relation, lower case first name only", "my husband tom wants a copy", "my husband [name] wants a copy", redact.KindName},
		{"relation, lower case then ing", "my son jake attending the youth club", "my son [name] attending the youth club", redact.KindName},
		{"relation, lower case, then and", "my son tyler and I live here", "my son [name] and I live here", redact.KindName},
		{"relation, lower case, then who", "my son tyler, who is 5, goes to Olney", "my son [name], who is 5, goes to Olney", redact.KindName},
		{"relation, lower case name ending in s", "my son james wants his records", "my son [name] wants his records", redact.KindName},
		{"relation, capitalised, then a verb", "my son Tyler hits his sister, who sees the report?", "my son [name] hits his sister, who sees the report?", redact.KindName},
		{"I'm, a name that is also a word", "I'm Will and I want to know who the DPO is", "I'm [name] and I want to know who the DPO is", redact.KindName},
		{"my name is, a name that is also a word", "my name is Will, who sees my data?", "my name is [name], who sees my data?", redact.KindName},
		{"me llamo", "Quiero borrar mis datos, me llamo Maria Lopez", "Quiero borrar mis datos, me llamo [name]", redact.KindName},
		{"me llamo, lower case, then y", "me llamo maria lopez y quiero borrar mis datos", "me llamo [name] y quiero borrar mis datos", redact.KindName},
		{"je m'appelle", "Bonjour, je m'appelle Jean-Pierre Dubois et je voudrais savoir", "Bonjour, je m'appelle [name] et je voudrais savoir", redact.KindName},
		{"nazywam się", "Dzień dobry, nazywam się Anna Kowalska, chcę usunąć dane", "Dzień dobry, nazywam się [name], chcę usunąć dane", redact.KindName},
		{"mam na imię", "mam na imię Piotr", "mam na imię [name]", redact.KindName},
		{"mă numesc, and without the accent", "Bună, mă numesc Ion Popescu. ma numesc Ion Popescu si vreau", "Bună, mă numesc [name]. ma numesc [name] si vreau", redact.KindName},
		{"chamo-me", "Olá, chamo-me João Silva", "Olá, chamo-me [name]", redact.KindName},
		{"ich heiße", "Hallo, ich heiße Jürgen Müller und ich möchte wissen", "Hallo, ich heiße [name] und ich möchte wissen", redact.KindName},
		{"fy enw i yw", "Helo, fy enw i yw Siân Jones", "Helo, fy enw i yw [name]", redact.KindName},
		{"mi chiamo, an initial", "mi chiamo E. Rossi", "mi chiamo [name]", redact.KindName},
		{"name then here", "Kwame Mensah here. who is the DPO?", "[name] here. who is the DPO?", redact.KindName},
		{"greeting, name then here", "Hi, Dave Smith here, how long do you keep complaint records?", "Hi, [name] here, how long do you keep complaint records?", redact.KindName},
		{"It's and a full name", "It's Dave Smith, how long do you keep complaint records?", "It's [name], how long do you keep complaint records?", redact.KindName},
		{"its and a full name, mid-message", "Thanks for replying. its Dave Smith from Bletchley again", "Thanks for replying. its [name] from Bletchley again", redact.KindName},
		{"i'm, lower-case full name", "i'm ahmed khan, who is the DPO?", "i'm [name], who is the DPO?", redact.KindName},
		{"im, lower-case full name then and", "im ahmed khan and i want my records", "im [name] and i want my records", redact.KindName},
		{"title anywhere", "Mr Ahmed Khan asking: who is the DPO?", "Mr [name] asking: who is the DPO?", redact.KindName},
		{"title with a full stop, mid-sentence", "I spoke to Dr. Okafor yesterday, and Ms Lee", "I spoke to Dr. [name] yesterday, and Ms [name]", redact.KindName},
		{"From:", "From: Anna Kowalska. Who is the data protection officer?", "From: [name]. Who is the data protection officer?", redact.KindName},
		{"dash sign-off", "Who holds my data?\n— Priya Patel", "Who holds my data?\n— [name]", redact.KindName},
		{"dash sign-off, first name on its own line", "Who holds my data?\n– Jane", "Who holds my data?\n– [name]", redact.KindName},
		{"a full name that is the whole message", "Andrei Popescu", "[name]", redact.KindName},
		{"a full name that is the whole message, spaces and a full stop", "  Sam Jones. ", "  [name]. ", redact.KindName},
		{"a three-word name that is the whole message", "Mary Ann Smith", "[name]", redact.KindName},
		{"a hyphenated name that is the whole message", "Jean-Pierre Dubois?", "[name]?", redact.KindName},
		{"I'm, a first name alone", "I'm Mohammed", "I'm [name]", redact.KindName},
		{"I'm, a full name", "I'm Sarah Jones, who is the DPO?", "I'm [name], who is the DPO?", redact.KindName},
		{"I'm, a first name that is also a place", "I'm Giles and I want my records", "I'm [name] and I want my records", redact.KindName},
		{"I'm, a name, then what they are doing", "I'm Sarah writing to ask who sees my data", "I'm [name] writing to ask who sees my data", redact.KindName},
		{"I'm, a title and a surname that is a nationality", "I'm Mrs Welsh from Olney", "I'm [name] from Olney", redact.KindName},
		{"I'm, a relative's name that is also a word", "I'm Will's mum, can I see his records?", "I'm [name]'s mum, can I see his records?", redact.KindName},

		{"live at, flat, no street type", "I live at Flat 3, 22 Queensway, Bletchley and want to know who sees my data", "I live at [address], Bletchley and want to know who sees my data", redact.KindAddress},
		{"my address is, lower case", "my address is 7 the green, olney. who sees my data", "my address is [address], olney. who sees my data", redact.KindAddress},
		{"live at, words end at a stop", "we live at 5 Rose Cottages near the park", "we live at [address] near the park", redact.KindAddress},
		{"live at, flat alone", "I live at Flat 12b", "I live at [address]", redact.KindAddress},
		{"home address label", "My home address: 40 Wolverton Mews", "My home address: [address]", redact.KindAddress},
		{"live on, a street without a number", "I live on Elm Grove in Bletchley, do you share data?", "I live on [address] in Bletchley, do you share data?", redact.KindAddress},
		{"live in, a street", "we live in Station Road", "we live in [address]", redact.KindAddress},
		{"live off, lower case", "i live off elm grove, near the school", "i live off [address], near the school", redact.KindAddress},
		{"live in, The", "I live in The Green, Olney", "I live in [address], Olney", redact.KindAddress},

		{"date of birth corrected", "my DOB is 12/03/1985 not 12/03/1958", "my DOB is [date of birth] not [date of birth]", redact.KindDateOfBirth},
		{"date of birth corrected, far from the words", "my date of birth is wrong, it should be 12/03/1985 not 12/03/1958", "my date of birth is wrong, it should be [date of birth] not [date of birth]", redact.KindDateOfBirth},
		{"wrong date before the words", "You have 12/03/1958 but my date of birth is 12/03/1985", "You have [date of birth] but my date of birth is [date of birth]", redact.KindDateOfBirth},
		{"date of birth in the next sentence", "My son's date of birth is wrong. It should be 3 April 2015, not 4 March 2015.", "My son's date of birth is wrong. It should be [date of birth], not [date of birth].", redact.KindDateOfBirth},
		{"date of birth mistyped", "my DOB is 32/13/1985", "my DOB is [date of birth]", redact.KindDateOfBirth},

		{"NI, lower case and spaced", "my NI is qq 12 34 56 c, who do you share it with?", "my NI is [NI number], who do you share it with?", redact.KindNINumber},
		{"NI no, lower case", "ni no jg 10 37 42 a", "ni no [NI number]", redact.KindNINumber},

		{"account number", "my council tax account number is 12345678", "my council tax account number is [account number]", redact.KindAccount},
		{"customer no, spaced", "customer no. 1234 5678 please", "customer no. [account number] please", redact.KindAccount},
		{"tenancy ref", "Tenancy ref: 00123456", "Tenancy ref: [account number]", redact.KindAccount},
		{"claim number", "housing benefit claim number 123456789", "housing benefit claim number [account number]", redact.KindAccount},
		{"reference number, digits only", "reference number 654321", "reference number [account number]", redact.KindAccount},
		{"tenancy ref with letters", "my tenancy ref is HSG-0045123", "my tenancy ref is [account number]", redact.KindAccount},
		{"tenancy ref with letters, spaced", "my tenancy ref is HSG 0045123, who sees it?", "my tenancy ref is [account number], who sees it?", redact.KindAccount},
		{"claim number with slashes", "my claim number is HB/2024/00123", "my claim number is [account number]", redact.KindAccount},
		{"customer ref, lower case", "customer ref: ab12345c", "customer ref: [account number]", redact.KindAccount},
		{"ref, a letter after the digits", "ref 123456-A", "ref [account number]", redact.KindAccount},
		{"acc no", "my acc no is 12345678", "my acc no is [account number]", redact.KindAccount},
		{"acc. no.", "acc. no. 12345678", "acc. no. [account number]", redact.KindAccount},
	}
	assertRedacts(t, tests)
}

// TestRedactKeepsOrdinaryQuestions holds questions that use the same introducing words without
// giving anything personal; the bot needs their words to answer.
func TestRedactKeepsOrdinaryQuestions(t *testing.T) {
	tests := []string{
		"I'm called back by the council",
		"I am called every week about my arrears",
		"call me back please",
		"can you call me on Monday",
		"call me asap",
		"it's about my council tax",
		"hi it's about my council tax",
		"hi it's taking ages to hear back",
		"hello, it's me again",
		"hi this is Milton Keynes Council's bot?",
		"my son goes to school here",
		"my daughter is at the youth club",
		"my husband wants a copy of his records",
		"my mum passed away last year, who has her records?",
		"my dad doesn't want the council to share his data",
		"my son recently moved out",
		"my partner and I rent from the council",
		// A lower-case word after "my partner" that says what they do is kept: these disclosures
		// are what the DPO needs to read.
		"my partner hits me and I need my address kept secret",
		"my partner beats me",
		"my partner beat me last night, can he see my new address?",
		"my husband drinks and shouts",
		"my husband drinks every day",
		"my dad drinks too much",
		"my son bullies him",
		"my husband punches walls",
		"my partner controls my money",
		"my partner threatens to kill me",
		"my husband shouts at the kids",
		"my husband cheated.",
		"how long do you keep housing records",
		"I live in Bletchley",
		"I live at home with my parents",
		"I live at 12 with my mum",
		"my address is wrong on your records",
		"my account was closed",
		"my account number is on the bill",
		"account 12345 is short",
		"reference DPO-2026-000123",
		"my reference number is DPO-2026-000123",
		"reference DPO 2026 000123, any update?",
		"ref dpo-2026-000123 please",
		"my tenancy ref is DPO-2026-000123",
		"my account ref was sent 12345 times",
		"reference A1234",
		"Milton Keynes",
		"Buckinghamshire Council",
		"Adult Social Care",
		"hi it's Adult Social Care I want to ask about",
		"my NI is not on my payslip",
		"NI 12 34 56 a timeline",
		"I'm Deaf, how do I contact the DPO?",
		"I'm Disabled and need the notice in large print",
		"I'm Single, does that change my council tax?",
		"I'm Homeless. Who keeps my housing records?",
		"I'm Blind",
		"I'm Autistic and find forms hard",
		"I'm Pregnant, who sees my midwife records?",
		"I am Unemployed",
		"I'm Retired now",
		"I'm Vulnerable, is my data protected?",
		"I'm Bucks resident, who is the DPO?",
		"I'm MK resident. how long keep data?",
		"I'm Tenant of MK council",
		"I'm Aylesbury based, who is my DPO?",
		"I'm High Wycombe based",
		"I'm Milton Keynes resident",
		"I'm Leeds Resident, does that matter?",
		"I'm Romanian citizen and want my data",
		"I'm Thinking of asking for my data",
		"I'm Polish, my English not good",
		"I am British Pakistani",
		"I'm Welsh",
		"I'm Leaseholder",
		"I'm Self Employed",
		"this is Bucks resident asking",
		"i'm polish speaker",
		"I'm will be honest, I don't trust you",
		"Hola, me llamo",
		"the name of the game",
		"It's about my council tax",
		"It's Adult Social Care",
		"It's Milton Keynes Council",
		"It's Milton Keynes, do you hold my data?",
		"It's Christmas Eve, are you open?",
		"Thanks, that helps",
		"Regards",
		"i'm not happy with how you handled this",
		"i'm looking for the DPO",
		"i'm worried about my data",
		"i'm fed up, who do I complain to?",
		"i'm so confused.",
		"i'm partially sighted, can I get it in braille?",
		"From: the council",
		"From: Milton Keynes Council",
		"Mr Men books",
		"MS Word files are fine",
		"Same Problem here",
		"Data Protection Officer here?",
		"Council Tax here",
		"we moved from Milton Keynes here in 2019",
		"I live on benefits",
		"it should be 2024 not 2023",
		"my date of birth is wrong on your records, it should be 1985 not 1958",
		"Your date of birth is kept for 6 years. This notice was last updated on 17 May 2018.",
		"Born in Bletchley? The notice of 17 May 2018 applies.",
		"I live in a quiet road",
		"I live in the park",
		"I live on my own in Bletchley",
		"I live in social housing",
		"- Housing\n- Council Tax\n",
		// A capitalised phrase that is the whole message is a name only if no word of it is an
		// ordinary word, a place or a service's.
		"Council Tax",
		"Blue Badge",
		"Bus Pass",
		"Thank You",
		"Good Morning",
		"Data Protection",
		"Universal Credit",
		"Domestic Abuse",
		"Postal Vote",
		"Phone Number",
		"Newport Pagnell",
		"Station Road",
	}
	r := redact.New()
	for _, in := range tests {
		got, findings := r.Redact(in)
		assert.Equal(t, in, got)
		assert.Empty(t, findings, "%q", in)
	}
}

// TestRedactNameBeforeAnAddress covers a full name given with no introduction but directly
// before a street address, as people write an envelope.
func TestRedactNameBeforeAnAddress(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Please delete my data. Jane Doe, 4 Park Lane, Milton Keynes MK9 1AA", "Please delete my data. [name], [address], Milton Keynes [postcode]"},
		{"send it to Kwame Mensah 12a Church Street", "send it to [name] [address]"},
		{"Jane Doe, 4 Park Lane", "[name], [address]"},
		{"Go to Station Road, 4 Park Lane is the old office", "Go to Station Road, [address] is the old office"},
	} {
		got, findings := redact.New().Redact(tt.in)
		assert.Equal(t, tt.want, got)
		requireConsistent(t, tt.in, got, findings)
	}
}

func TestRedactMistypedNHSNumbers(t *testing.T) {
	const valid = "9434765919"
	require.True(t, redact.NHSNumberValid(valid), "precondition: the example is valid")
	tests := []struct {
		name, in, want string
	}{
		{"last digit wrong, grouped 3-3-4", "943 476 5918", "[NHS number]"},
		{"two digits swapped, grouped", "my number is 934 476 5919 ok", "my number is [NHS number] ok"},
		{"wrong check digit, unbroken, in context", "NHS number: 9434765918", "NHS number: [NHS number]"},
		{"NHS no with full stop", "NHS no. 9434765911", "NHS no. [NHS number]"},
		{"grouped oddly, in context", "my nhs number is 9434 765 918", "my nhs number is [NHS number]"},
		{"a digit dropped, in context", "NHS No: 943 476 591", "NHS No: [NHS number]"},
		{"a digit added, in context", "NHS number 943 476 59190", "NHS number [NHS number]"},
		{"hyphenated label", "NHS-number is 943-476-5918", "NHS-number is [NHS number]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, findings := redact.New().Redact(tt.in)
			assert.Equal(t, tt.want, got)
			requireConsistent(t, tt.in, got, findings)
			for _, f := range findings {
				assert.Equal(t, redact.KindNHSNumber, f.Kind)
			}
		})
	}

	// Without the context or the 3-3-4 grouping a wrong check digit is just a number.
	got, findings := redact.New().Redact("order 9434765918 arrived")
	assert.Equal(t, "order 9434765918 arrived", got)
	assert.Empty(t, findings)
}

func TestNHSNumberValid(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"9434765919", true},
		{"4010232137", true},
		{"9434765918", false}, // check digit off by one
		{"4010232138", false},
		{"1234567890", false}, // remainder gives check digit 10, never issued
		{"943476591", false},  // too short
		{"94347659190", false},
		{"943476591a", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, redact.NHSNumberValid(tt.in), tt.in)
	}
}

func TestLuhn(t *testing.T) {
	assert.True(t, redact.Luhn("4111111111111111"))
	assert.True(t, redact.Luhn("378282246310005"))
	assert.False(t, redact.Luhn("4111111111111112"))
	assert.False(t, redact.Luhn(""))
	assert.False(t, redact.Luhn("4111 1111"))
}

func TestNIPrefixValid(t *testing.T) {
	for _, p := range []string{"AB", "JG", "ce", "QQ", "ZA", "NE"} {
		assert.True(t, redact.NIPrefixValid(p), p)
	}
	// D, F, I, Q, U, V never first or second; O never second; the listed pairs are never used.
	for _, p := range []string{"DA", "FA", "IA", "QA", "UA", "VA", "AD", "AO", "AV", "BG", "GB", "KN", "NK", "NT", "TN", "ZZ", "A", "ABC"} {
		assert.False(t, redact.NIPrefixValid(p), p)
	}
	// And an invalid prefix is not redacted outside context.
	got, _ := redact.New().Redact("form DA 12 34 56 C")
	assert.Equal(t, "form DA 12 34 56 C", got)
}

func TestRedactOverlapsMergeIntoOneSpan(t *testing.T) {
	tests := []struct {
		name, in, want string
		kind           redact.Kind
	}{
		// The phone number inside the address is part of the e-mail; one span, the e-mail.
		{"phone inside email", "07700900123@example.com", "[email]", redact.KindEmail},
		// An NHS number given after "NHS no" that also reads as a landline.
		{"NHS context vs phone", "NHS no 01908 254900", "NHS no [NHS number]", redact.KindNHSNumber},
		// The surname repeated as part of the street: redacted once, as the address.
		{"repeated name inside address", "My name is Ann Church, of 4 Church Street", "My name is [name], of [address]", redact.KindAddress},
		// The name reader stops at the '@', the e-mail pattern does not: one span, the e-mail.
		{"name that is an email", "my name is jane.doe@example.com", "my name is [email]", redact.KindEmail},
		// Two NI patterns (with and without context) find the same number: one finding.
		{"same span twice", "my NI number is QQ 12 34 56 C", "my NI number is [NI number]", redact.KindNINumber},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, findings := redact.New().Redact(tt.in)
			assert.Equal(t, tt.want, got)
			requireConsistent(t, tt.in, got, findings)
			if tt.kind != "" {
				require.NotEmpty(t, findings)
				assert.Equal(t, tt.kind, findings[len(findings)-1].Kind)
			}
		})
	}
}

func TestRedactMultipleFindingsHaveTheirOffsets(t *testing.T) {
	in := "I'm Priya Patel, priya@example.com, 07700 900123, MK9 3HS, NHS number 943 476 5919, " +
		"NI QQ 12 34 56 C, born 3 April 1985, 12 High Street, card 4111 1111 1111 1111, IP 81.2.69.160. " +
		"Ref DPO-2026-000123, kept 6 years."
	got, findings := redact.New().Redact(in)
	requireConsistent(t, in, got, findings)

	type found struct {
		kind redact.Kind
		text string
	}
	var gotSpans []found
	for _, f := range findings {
		gotSpans = append(gotSpans, found{f.Kind, in[f.Start:f.End]})
	}
	assert.Equal(t, []found{
		{redact.KindName, "Priya Patel"},
		{redact.KindEmail, "priya@example.com"},
		{redact.KindPhone, "07700 900123"},
		{redact.KindPostcode, "MK9 3HS"},
		{redact.KindNHSNumber, "943 476 5919"},
		{redact.KindNINumber, "QQ 12 34 56 C"},
		{redact.KindDateOfBirth, "3 April 1985"},
		{redact.KindAddress, "12 High Street"},
		{redact.KindCard, "4111 1111 1111 1111"},
		{redact.KindIP, "81.2.69.160"},
	}, gotSpans)
	assert.Contains(t, got, "Ref DPO-2026-000123, kept 6 years.")
}

func TestRedactUnicodeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Bore da 👋, fy e-bost yw siân@example.cymru ☕", "Bore da 👋, fy e-bost yw [email] ☕"},
		{"Café №5 — ffôn 01908\u00a0254900 — diolch", "Café №5 — ffôn [phone] — diolch"},
		{"My name is José Álvarez-Núñez 🙂 and my postcode is mk9 3hs", "My name is [name] 🙂 and my postcode is [postcode]"},
		{"電話 07700 900123、メール a@example.jp", "電話 [phone]、メール [email]"},
		{"NHS number：943 476 5919", "NHS number：[NHS number]"},
		{"ölçü 12 High Street düz", "ölçü [address] düz"},
	}
	for _, tt := range tests {
		got, findings := redact.New().Redact(tt.in)
		assert.Equal(t, tt.want, got)
		assert.True(t, utf8.ValidString(got))
		requireConsistent(t, tt.in, got, findings)
	}
}

func TestOptions(t *testing.T) {
	in := "jane@example.com 07700 900123"

	got, findings := redact.New(redact.WithKinds(redact.KindEmail)).Redact(in)
	assert.Equal(t, "[email] 07700 900123", got)
	assert.Len(t, findings, 1)

	got, _ = redact.New(redact.WithoutKinds(redact.KindEmail)).Redact(in)
	assert.Equal(t, "jane@example.com [phone]", got)

	got, findings = redact.New(redact.WithPlaceholder(func(k redact.Kind) string { return "<" + string(k) + ">" })).Redact(in)
	assert.Equal(t, "<email> <phone>", got)
	assert.Len(t, findings, 2)
}

func TestText(t *testing.T) {
	assert.Equal(t, "Email [email] or call [phone].", redact.Text("Email dpo@milton-keynes.gov.uk or call 01908 254900."))
	assert.Equal(t, "nothing personal", redact.Text("nothing personal"))
}

func TestKindPlaceholders(t *testing.T) {
	want := map[redact.Kind]string{
		redact.KindEmail: "[email]", redact.KindPhone: "[phone]", redact.KindPostcode: "[postcode]",
		redact.KindNHSNumber: "[NHS number]", redact.KindNINumber: "[NI number]", redact.KindCard: "[card number]",
		redact.KindName: "[name]", redact.KindAddress: "[address]", redact.KindDateOfBirth: "[date of birth]",
		redact.KindIP: "[IP address]", redact.KindAccount: "[account number]", redact.KindIDDocument: "[ID document number]",
		redact.KindSortCode: "[sort code]", redact.KindVehicle: "[vehicle registration]",
	}
	require.Len(t, redact.Kinds(), len(want), "every kind has a placeholder here")
	for _, k := range redact.Kinds() {
		assert.Equal(t, want[k], k.Placeholder())
	}
}

// bigInput is about 100 KB of transcript-like text with personal data every few lines, plus
// stretches that stress the scanners (long digit runs, many capitals, many '@').
func bigInput() string {
	chunk := "Resident: Hi, I'm Jane Smith, my email is jane.smith@example.com and my phone is 07700 900123.\n" +
		"Bot: We keep council tax records for 6 years (notice of 17 May 2018, section 3.4.1.2). Ref DPO-2026-000123.\n" +
		"Resident: My NHS number is 943 476 5918 and I live at Flat 3, 45 Station Road, MK9 3HS.\n" +
		"Data: 0000000000000000000000000000000000000000 1111 2222 3333 4444 5555 6666 @@@@ a@b @ c.d\n" +
		"THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG I'M I AM THIS IS Name: Thanks, \n"
	var b strings.Builder
	for b.Len() < 100_000 {
		b.WriteString(chunk)
	}
	return b.String()
}

func TestRedactLargeInput(t *testing.T) {
	in := bigInput()
	got, findings := redact.New().Redact(in)
	requireConsistent(t, in, got, findings)
	n := strings.Count(in, "jane.smith@example.com")
	assert.Equal(t, n, strings.Count(got, "[email]"))
	assert.Equal(t, n, strings.Count(got, "[NHS number]"))
	assert.Equal(t, n, strings.Count(got, "DPO-2026-000123"))
	assert.NotContains(t, got, "07700 900123")
	assert.NotContains(t, got, "Smith")
}

// proseInput is about 100 KB of privacy-notice wording with no personal data in it.
func proseInput() string {
	para := "We keep your council tax records for 6 years after the end of the financial year, as " +
		"required by section 3.4 of our retention schedule (last reviewed 17 May 2018). If you ask " +
		"for a copy of your data we will reply within one calendar month. Contact the Data " +
		"Protection Officer, quoting your reference such as DPO-2026-000123, if you have questions.\n\n"
	return strings.Repeat(para, 100_000/len(para)+1)
}

// adversarialInput is about 100 KB built to make scanners retry: many triggers, '@'s, digit runs
// and introductions of different names.
func adversarialInput() string {
	var b strings.Builder
	for i := 0; b.Len() < 100_000; i++ {
		b.WriteString("my name is Xy")
		b.WriteByte(byte('a' + i%26))
		b.WriteByte(byte('a' + i/26%26))
		b.WriteString(". a@a@a@ 0 0 0 0 0 0 0 0 (0(0(0 NHS no NHS no 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 1.1.1.1.1.1 ")
	}
	return b.String()
}

func TestRedactAdversarialInput(t *testing.T) {
	in := adversarialInput()
	got, findings := redact.New().Redact(in)
	requireConsistent(t, in, got, findings)
	assert.NotContains(t, got, "Xyaa")
}

func BenchmarkRedact(b *testing.B) {
	for _, bm := range []struct {
		name string
		in   string
	}{
		{"transcript", bigInput()},
		{"prose", proseInput()},
		{"adversarial", adversarialInput()},
		// A pasted table of zeros: every word could open a phone number said aloud.
		{"zeros", strings.Repeat("0, ", 33_000)},
		{"number words", strings.Repeat("oh seven seven double oh ", 4_000)},
		// One long word, and a long run of spaces: scanning back from every byte for the word
		// before made 20 KB take a second (a review).
		{"one long word", strings.Repeat("a", 100_000)},
		{"spaces", strings.Repeat(" ", 99_999) + "1"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			r := redact.New()
			b.SetBytes(int64(len(bm.in)))
			for b.Loop() {
				r.Redact(bm.in)
			}
		})
	}
}

// TestRedactBankDetails covers a sort code and the account number given with it, the way
// residents paste their bank details for a refund.
func TestRedactBankDetails(t *testing.T) {
	redactsTo(t, map[string]string{
		"my bank details are 20-00-00 12345678":                "my bank details are [sort code] [account number]",
		"20-00-00, 12345678":                                   "[sort code], [account number]",
		"sort code and account number are 20-00-00 12345678":   "sort code and account number are [sort code] [account number]",
		"sort code is 40-47-84 and account number is 12345678": "sort code is [sort code] and account number is [account number]",
		"sort code 20 00 00 and 12345678, refund please":       "sort code [sort code] and [account number], refund please",
	})
	keeps(t, []string{
		"on 20-10-26 I paid 12345678 pence", "20 00 00 12345678", "20-10-26 12345678",
	})
}

// The names the notices publish are kept, in any case, however often; the rest is redacted.
func TestKeepingKeepsThePublishedNames(t *testing.T) {
	red := redact.Keeping([]string{"Maria Damigos"}, redact.Text)
	assert.Equal(t, "who is Maria Damigos? I'm [name], not maria damigos", red("who is Maria Damigos? I'm Jane Smith, not maria damigos"))
	assert.Equal(t, "does the council share data about [name]?", red("does the council share data about Jane Smith?"))
}

// Keeping works on the text as typed: letters whose lower case is longer or shorter than they
// are ("Ⱥ", "İ") crashed it and let a phone number through, and a published name inside a longer
// one kept that one (a review).
func TestKeepingHoldsOnAnyText(t *testing.T) {
	red := redact.Keeping([]string{"Maria Damigos", "John Smith"}, redact.Text)
	assert.Equal(t, "Ⱥ who is Maria Damigos", red("Ⱥ who is Maria Damigos"))
	got := red("İİİİİİİİ ring me on 07700 900123 is Maria Damigos")
	assert.NotContains(t, got, "07700")
	assert.Contains(t, got, "Maria Damigos")
	assert.Equal(t, "data about [name] please", red("data about John Smithson please"))
	many := strings.Repeat("Maria Damigos and ", 30)
	assert.NotPanics(t, func() { red(many) })
	assert.NotContains(t, red(many), "\ue000")
}
