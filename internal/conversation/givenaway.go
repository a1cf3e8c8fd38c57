package conversation

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/rights"
)

// addressGivenAwaySerious opens the reply to a writer whose address the council gave to a former
// partner or an abuser (rights.TellsOfAddressGivenAway): said plainly, before anything is asked
// of them.
const addressGivenAwaySerious = "What you describe is serious. If someone at the council gave your address to a former partner, or to anyone you need to be kept safe from, that is a personal data breach, and it may put you in danger."

// addressLeakedSerious opens the reply to an urgent message telling of someone the writer fears
// finding where they live through the council (rights.TellsOfFoundThroughTheCouncil): "my abuser
// found out where I live from a council letter" may be a breach, and the team finds out whether.
const addressLeakedSerious = "What you describe is serious. If your address reached someone you need to be kept safe from through the council, by a letter or by someone there, that may be a personal data breach."

// addressGivenAwayOffer offers the complaint, the breach report, when the message made none, says
// where it goes after the team, and that the request to keep the address confidential comes
// after it: one question at a time, so that a "yes" answers the one asked.
const addressGivenAwayOffer = reportToTheTeam + " " + thenTheRegulator + " " + passTheComplaintOn

// reportToTheTeam and passTheComplaintOn are addressGivenAwayOffer's first and last parts: a
// message that makes the complaint itself is told the first, and has it taken.
const (
	reportToTheTeam    = "You can report this to the council's data protection team as a complaint: they must look into how it happened, and reply to you."
	passTheComplaintOn = "I can pass your complaint to them now: say \"yes\" to start it. Once it is sent, and you have its reference, I'll offer to take a request to keep your address confidential from now on too."
)

// thenTheRegulator is where a complaint of an address let out goes after the council's reply.
const thenTheRegulator = "If you're not happy with their reply, you can then complain to the Information Commissioner's Office (ico.org.uk)."

// keepAddressConfidential is the request offered once the complaint of an address let out is
// sent, put as the chat's offer (offer.pitch): the writer didn't ask for it. Its words are what
// "yes" to it asks, not the complaint's, which its case copied (a review: the team read a second
// complaint, filed as an objection).
var keepAddressConfidential = offer{typ: rights.Objection, pitch: "You can also ask the council to keep your address confidential from now on",
	question: "Please keep my address confidential from now on, so that it is not given to anyone again."}

// ifAtRisk is where to turn if someone knowing where the writer lives puts them at risk, said
// to a writer who told of it with no fear (no alarm, and no flag on a case).
func (b *Bot) ifAtRisk() string {
	text := "If someone knowing where you live puts you at risk, call 999 if you are in immediate danger."
	if b.DomesticAbuse != "" {
		text += " " + b.DomesticAbuse
	}
	return text
}

// addressGivenAwayComplaint takes the complaint of a writer whose address the council gave to a
// former partner (rights.TellsOfAddressGivenAway), after saying it is serious and where to turn:
// "I think someone in housing gave my ex my new address" started the complaint with no word of
// either (a QA pass). No fear is said, so, as with the same told as a grievance
// (answerGrievance), no alarm: where to turn is said for if they feel unsafe. But the ex may now
// know their e-mail or phone as well as the address, so the complaint asks for a contact that is
// safe to use, and its case is flagged for the team, as after an urgent message (atRiskOf).
//
// serious opens the reply (addressGivenAwaySerious, or that the address may have been let out for
// one found through the council: addressFoundByAnEx), and then, when set, is the request offered
// once the complaint is sent.
func (b *Bot) addressGivenAwayComplaint(ctx context.Context, s *session, t Turn, intent rights.Intent, serious string, then *offer) (Reply, error) {
	text := serious + " " + b.ifAtRisk()
	atRiskOf(s)
	s.then = then
	r, err := b.startIntake(ctx, s, t, intent)
	if err != nil {
		return Reply{}, err
	}
	r.Answer.Answer = text + "\n\n" + r.Answer.Answer
	s.rememberedAs(r.Answer.Answer)
	return r, nil
}

// atRiskOf marks the conversation as one whose writer is at risk from a former partner who knows,
// or may learn, where they live, and who has been told where to turn: a request it takes asks for
// a contact safe to use, and its case is flagged and noted for the team (intake.teamNotes).
func atRiskOf(s *session) {
	s.riskTold = true
	s.atRisk = true
}

// addressGivenAwayUrgent is the reply to an urgent message telling of the council giving the
// writer's address to a former partner or an abuser, or of such a person finding it through the
// council (serious says which): "housing gave out my address and now my ex knows where I am" got
// the safety contacts and an offer to keep the address confidential, but no word that it is a
// breach, nor a way to report it (a QA pass), and "my abuser found out where I live from a
// council letter" the same later. It gets that it is serious, the contacts, and the complaint
// offered; the case is flagged and asks for a contact that is safe to use, as any after a
// safeguarding reply. The request to keep the address confidential is offered once the complaint
// is sent, with its reference: one question at a time, in the order of what protects them now
// (the contacts), what finds out how it happened (the complaint), and what keeps it from
// happening again.
func (b *Bot) addressGivenAwayUrgent(ctx context.Context, s *session, t Turn, intent rights.Intent, serious string) (Reply, error) {
	atRiskOf(s)
	text := serious + " If you feel unsafe, please get help now:\n" + b.safeguardingContacts(intent, t.Org) + "\n" + addressGivenAwayOffer
	complaint := rights.Intent{Type: rights.Complaint, Actionable: true, Confidence: max(intent.Confidence, 0.5)}
	then := keepAddressConfidential
	s.offered = offer{typ: rights.Complaint, question: t.Text, then: &then}
	s.remember(t.Text, text)
	return Reply{
		Answer: answer.Answer{Question: t.Text, Answer: text, Citations: []answer.Citation{}, Mode: "extractive",
			Safeguarding: true, Request: requestOf(complaint)},
		Session: s.ID, Kind: KindSafeguarding,
	}, nil
}

// addressFoundByAnEx is the reply to a message telling, with no fear said, of a former partner
// or an abuser finding where the writer lives through the council
// (rights.TellsOfAnExFindingItThroughTheCouncil): "my ex found my new address on a letter from
// the council" got a "the notices don't answer that", and no word that the council may have let
// it out (a review), where the same told with fear got addressGivenAwayUrgent. It gets what that
// says, calmly: that it may be a breach, where to turn if they are at risk (no alarm, as for an
// address given away told calmly), and the complaint, to the team and then the regulator. A
// message that makes the complaint has it taken at once (addressGivenAwayComplaint); one that
// doesn't has it offered, one "yes" away. Either way the request to keep the address
// confidential is offered once the complaint is sent, and the complaint asks for a contact safe
// to use and is flagged for the team.
func (b *Bot) addressFoundByAnEx(ctx context.Context, s *session, t Turn, intent rights.Intent) (Reply, error) {
	then := keepAddressConfidential
	if intent.Actionable && intent.Type == rights.Complaint {
		return b.addressGivenAwayComplaint(ctx, s, t, intent, addressLeakedSerious+" "+reportToTheTeam+" "+thenTheRegulator, &then)
	}
	text := addressLeakedSerious + " " + b.ifAtRisk() + "\n\n" + addressGivenAwayOffer
	s.offered = offer{typ: rights.Complaint, question: t.Text, then: &then, atRisk: true}
	s.remember(t.Text, text)
	complaint := rights.Intent{Type: rights.Complaint, Confidence: max(intent.Confidence, 0.5)}
	return Reply{
		Answer: answer.Answer{Question: t.Text, Answer: text, Citations: []answer.Citation{}, Mode: "extractive",
			Request: requestOf(complaint)},
		Session: s.ID, Kind: KindAnswer,
	}, nil
}

// reachSearched is what is searched for a question of whether someone the writer may need to be
// kept safe from can get where they live, or their records, through the council
// (rights.AsksWhetherTheyCanGetIt): the writer's own words found nothing (a QA pass), where the
// notices do say when the council shares information against a person's wishes, which staff can
// see it, and whose the right to see records is.
var reachSearched = map[rights.Reach]string{
	rights.ReachTold:     "do you share my information against my wishes? when must the council give information to courts?",
	rights.ReachLookedUp: "which staff can see my information?",
	rights.ReachRecords:  "who has the right to see records containing personal information about you?",
}

// ownRecordsOnly opens the answer to "can my ex get my records?": the right of access is to a
// person's own data, which the notices' words that follow say; a copy of the writer's own data,
// offered there before, was no answer to it (a QA pass).
const ownRecordsOnly = "The right of access is a person's right to see their own records, not someone else's."

// askTheTeam leads the data protection contact after an answer the notices gave: what the
// council would do in the writer's case, the team can say.
const askTheTeam = "To ask what the council would do in your case:"

// keepItConfidential offers the request to keep the address confidential to a writer who asks
// whether someone they may need to be kept safe from can get it, as to one who fled abuse
// (safeguardingReply).
const keepItConfidential = "You can ask the council to keep your address confidential, so that it isn't shared or given out, and its letters and records don't show it to anyone who shouldn't see it. I can pass that request to the data protection team: say \"yes\" to start it."

// answerWhetherTheyCanGetIt answers a question of whether someone the writer may need to be kept
// safe from can get where they live, or their records, through the council: "im in a refuge. if
// my husband asks the council where i live will they tell him" got the safety contacts alone,
// "my ex husband works for the council, can he look up my address on the system?" that the
// notices don't answer, and "can my ex get my records?" the offer of a copy of the writer's own
// data (a QA pass). Each gets what the notices say (reachSearched), the data protection team's
// contact, where to turn (the safety contacts first when the message was urgent, safe, or calmly
// after the answer), and the request to keep the address confidential offered; taken, it asks
// for a contact safe to use and is flagged for the team. safe is the safeguarding reply to an
// urgent message, or nil.
func (b *Bot) answerWhetherTheyCanGetIt(ctx context.Context, s *session, t Turn, reach rights.Reach, safe *Reply) (Reply, error) {
	r, err := b.whetherTheyCanGetIt(ctx, s, t, reach)
	if err != nil {
		return Reply{}, err
	}
	ans := r.Answer
	if safe == nil {
		ans.Answer += "\n\n" + b.ifAtRisk()
	} else {
		r.Kind = KindSafeguarding
		ans = withAnswer(safe.Answer, ans)
	}
	atRiskOf(s)
	if s.offered.typ == "" { // the safeguarding reply's own offer of it stands
		ans.Answer += "\n\n" + keepItConfidential
		s.offered = offer{typ: rights.Objection, question: keepAddressConfidential.question, atRisk: true}
	}
	r.Answer = ans
	s.remember(t.Text, ans.Answer)
	return r, nil
}

// whetherTheyCanGetIt is what the notices say of whether someone can get where the writer lives,
// or their records, through the council (reachSearched: the writer's own words found nothing),
// with the data protection team's contact: the reply to a partner asking it calmly ("can my
// husband get my records?" was offered a copy of the writer's own data), and the start of the
// reply to one who may need to be kept safe from them. The question searched is the bot's, not
// the writer's: it is asked of the council the conversation is about, and changes nothing of
// the conversation (no notice in focus, no request offered).
func (b *Bot) whetherTheyCanGetIt(ctx context.Context, s *session, t Turn, reach rights.Reach) (Reply, error) {
	org := t.Org
	if named := b.councilsNamed(t.Text); org == "" && len(named) == 1 {
		org = named[0]
	} else if org == "" && len(named) == 0 {
		org = s.council
	}
	ans, err := b.Answerer.Answer(ctx, answer.Question{Text: reachSearched[reach], Organisation: org})
	if err != nil {
		return Reply{}, fmt.Errorf("answer whether they can get it: %w", err)
	}
	ans.Question = t.Text
	ans.Request = requestOf(rights.Intent{Type: rights.None})
	if reach == rights.ReachRecords {
		lead := ownRecordsOnly
		if !ans.Abstained {
			lead += " What the notices say of it:"
		}
		ans.Answer = lead + "\n" + ans.Answer
	}
	if !ans.Abstained && b.Contacts != nil {
		ans = withCited(ans, "\n\n"+askTheTeam+"\n", b.Contacts(org))
	}
	return Reply{Answer: ans, Session: s.ID, Kind: KindAnswer, Council: org}, nil
}

// answerWhetherAPartnerCanGetThem answers a partner's "can my husband get my records?", asked
// calmly: what the notices say of it and whom to ask, and no copy of the writer's own data
// offered, nor any danger read into it.
func (b *Bot) answerWhetherAPartnerCanGetThem(ctx context.Context, s *session, t Turn) (Reply, error) {
	r, err := b.whetherTheyCanGetIt(ctx, s, t, rights.ReachRecords)
	if err != nil {
		return Reply{}, err
	}
	s.remember(t.Text, r.Answer.Answer)
	return r, nil
}

// withCited is ans followed by sep and more, more's citations numbered on from ans's.
func withCited(ans answer.Answer, sep string, more answer.Answer) answer.Answer {
	n := len(ans.Citations)
	ans.Answer += sep + citeMarkRe.ReplaceAllStringFunc(more.Answer, func(m string) string {
		k, _ := strconv.Atoi(m[1 : len(m)-1])
		return "[" + strconv.Itoa(k+n) + "]"
	})
	cited := slices.Clone(ans.Citations)
	for _, c := range more.Citations {
		c.N += n
		cited = append(cited, c)
	}
	ans.Citations = cited
	return ans
}

// citeMarkRe is a citation's mark in an answer: "[2]".
var citeMarkRe = regexp.MustCompile(`\[\d+\]`)
