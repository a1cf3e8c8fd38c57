package rights

import "regexp"

// Reach is what a writer asks of someone they may need to be kept safe from getting where they
// live, or their records, through the council (AsksWhetherTheyCanGetIt).
type Reach int

const (
	// ReachNone is no such question.
	ReachNone Reach = iota
	// ReachTold asks whether the council would tell them where the writer lives: "im in a
	// refuge. if my husband asks the council where i live will they tell him".
	ReachTold
	// ReachLookedUp asks whether one who works for the council can look the writer up: "my ex
	// husband works for the council, can he look up my address on the system?".
	ReachLookedUp
	// ReachRecords asks whether they can get the writer's records: "can my ex get my records?".
	ReachRecords
)

const (
	// reachWho is someone the writer may need to be kept safe from (givenTo), or a partner
	// (partners, safeguard.go), who is one only in a message already read as urgent (the caller
	// decides).
	reachWho = `(?:` + givenTo + `|(?:my|our) (?:` + partners + `))`
	// whereILive is the writer's address, or where they live.
	whereILive = `(?:where (?:i|we) (?:live|am|are|stay|'m living|'re living|now live|live now|moved to)|(?:my|our) (?:new |current |home |safe )?(?:address|postcode|location))`
	// councilTells is the council, or someone at it, passing something on, asked: "will they
	// tell him", "would the council give".
	councilTells = ` (?:will|would|could|can|do|does|might|may|wo n't|won't|would n't|wouldn't) (?:the council|you|they|you lot|housing|staff|the staff|someone|anyone|it)(?: \S+)?? ` +
		`(?:tell|give|say|share|pass|disclose|send|show|release|hand|let \S+ know)\b`
)

var (
	// reachWhoRe is reachWho as a whole phrase of a normalised message, not "my ex's mum".
	reachWhoRe = regexp.MustCompile(` ` + reachWho + ` `)
	// byAnExRe is someone the writer may need to be kept safe from by name (givenTo).
	byAnExRe = regexp.MustCompile(` ` + givenTo + ` `)
	// toldDirect asks whether the council would pass the address on: "will the council tell my
	// ex where i live".
	toldDirect = regexp.MustCompile(councilTells + `(?: \S+){0,3}? ` + whereILive + ` `)
	// asksTheCouncil is someone asking the council where the writer lives: "if my husband asks
	// the council where i live".
	asksTheCouncil = regexp.MustCompile(` (?:asks|ask|asked|contacts|contact|rings|ring|phones|phone|calls|call|emails|email|writes to|write to|goes to|go to|comes to|come to|turns up at) ` +
		`(?:the council|you|housing|the housing (?:office|team|department))(?: \S+){0,3}? ` + whereILive + ` `)
	// councilTellsRe is councilTells alone, after asksTheCouncil: "… will they tell him".
	councilTellsRe = regexp.MustCompile(councilTells)
	// worksForTheCouncil is someone working at the council: "my ex husband works for the council".
	worksForTheCouncil = regexp.MustCompile(` (?:works|work|worked|is working|'s working|is employed|'s employed) (?:for|at|in) (?:the council|housing|social services|the \S+ (?:department|team|office)|council) `)
	// looksUp asks whether they can look the writer up: "can he look up my address on the system".
	looksUp = regexp.MustCompile(` (?:can|could|will|would|might|may|is|does) (?:he|she|they|` + reachWho + `)(?: \S+){0,2}? (?:look up|look at|looks up|see|access|find|get|check|search|view|read|pull up)(?: \S+){0,3}? ` +
		`(?:my|our) (?:new |current |home |personal )?(?:address|records|record|details|file|files|information|info|data|postcode) `)
	// getsMine asks whether they can get what is held of the writer: "can my ex get my records?",
	// "my abusive ex keeps threatening me, can he get my records from the council?".
	getsMine = regexp.MustCompile(` (?:can|could|will|would|might|may|is|are) (?:he|she|they|` + reachWho + `)(?: \S+){0,2}? (?:get|see|access|obtain|request|ask for|have|look at|read|find out|find)(?: \S+){0,4}? ` +
		`(?:(?:my|our) (?:\S+ )?(?:records|record|data|file|files|information|info|details|notes)|` + whereILive + `) `)
	// whereILiveLast is a getsMine asking for the address: where the writer lives is told, or not.
	whereILiveLast = regexp.MustCompile(whereILive + ` $`)
)

// AsksWhetherTheyCanGetIt reads a question of whether a former partner, an abuser or a partner
// (reachWho) can get where the writer lives, or their records, through the council: "can my ex
// get my records?" was offered a copy of the writer's own data, and "my ex husband works for the
// council, can he look up my address on the system?" told only that the notices don't answer (a
// QA pass). byAnEx says whether the one named is a former partner or an abuser by name (givenTo):
// a husband is no danger said, unless the message is urgent by itself.
func AsksWhetherTheyCanGetIt(text string) (reach Reach, byAnEx bool) {
	return asksWhetherTheyCanGetIt(normalize(text))
}

// AsksWhetherTheyCanGetIt is AsksWhetherTheyCanGetIt(text), for the message in was read from:
// its normalised text, kept by Classify, is read, not made again (another message is normalised
// as usual).
func (in Intent) AsksWhetherTheyCanGetIt(text string) (reach Reach, byAnEx bool) {
	return asksWhetherTheyCanGetIt(in.read.of(text))
}

// asksWhetherTheyCanGetIt is AsksWhetherTheyCanGetIt of a message already normalised.
func asksWhetherTheyCanGetIt(s string) (reach Reach, byAnEx bool) {
	if !reachWhoRe.MatchString(s) {
		return ReachNone, false
	}
	byAnEx = byAnExRe.MatchString(s)
	switch {
	case worksForTheCouncil.MatchString(s) && looksUp.MatchString(s):
		return ReachLookedUp, byAnEx
	case toldDirect.MatchString(s):
		return ReachTold, byAnEx
	case asksTheCouncil.MatchString(s) && councilTellsRe.MatchString(s[asksTheCouncil.FindStringIndex(s)[1]-1:]):
		return ReachTold, byAnEx
	case getsMine.MatchString(s):
		if whereILiveLast.MatchString(getsMine.FindString(s)) {
			return ReachTold, byAnEx
		}
		return ReachRecords, byAnEx
	}
	return ReachNone, false
}
