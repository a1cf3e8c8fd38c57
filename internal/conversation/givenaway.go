package conversation

import (
	"context"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/rights"
)

// addressGivenAwaySerious opens the reply to a writer whose address the council gave to a former
// partner or an abuser (rights.TellsOfAddressGivenAway): said plainly, before anything is asked
// of them.
const addressGivenAwaySerious = "What you describe is serious. If someone at the council gave your address to a former partner, or to anyone you need to be kept safe from, that is a personal data breach, and it may put you in danger."

// addressGivenAwayOffer offers the complaint, the breach report, when the message made none.
const addressGivenAwayOffer = "You can report this to the council's data protection team as a complaint: they must look into how it happened, and can keep your address confidential from now on. I can pass your complaint to them now: say \"yes\" to start it."

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
// (answerGrievance), no alarm and no flag: where to turn is said for if they feel unsafe.
func (b *Bot) addressGivenAwayComplaint(ctx context.Context, s *session, t Turn, intent rights.Intent) (Reply, error) {
	r, err := b.startIntake(ctx, s, t, intent)
	if err != nil {
		return Reply{}, err
	}
	r.Answer.Answer = addressGivenAwaySerious + " " + b.ifAtRisk() + "\n\n" + r.Answer.Answer
	s.rememberedAs(r.Answer.Answer)
	return r, nil
}

// addressGivenAwayUrgent is the reply to an urgent message telling of the council giving the
// writer's address to a former partner or an abuser: "housing gave out my address and now my ex
// knows where I am" got the safety contacts and an offer to keep the address confidential, but
// no word that it is a breach, nor a way to report it (a QA pass). It gets that it is serious,
// the contacts, and the complaint offered (the team can keep the address confidential too); the
// case is flagged and asks for a contact that is safe to use, as any after a safeguarding reply.
func (b *Bot) addressGivenAwayUrgent(ctx context.Context, s *session, t Turn, intent rights.Intent) (Reply, error) {
	s.riskTold = true
	s.atRisk = true
	text := addressGivenAwaySerious + " If you feel unsafe, please get help now:\n" + b.safeguardingContacts(intent, t.Org) + "\n" + addressGivenAwayOffer
	complaint := rights.Intent{Type: rights.Complaint, Actionable: true, Confidence: max(intent.Confidence, 0.5)}
	s.offered = offer{typ: rights.Complaint, question: t.Text}
	s.remember(t.Text, text)
	return Reply{
		Answer: answer.Answer{Question: t.Text, Answer: text, Citations: []answer.Citation{}, Mode: "extractive",
			Safeguarding: true, Request: requestOf(complaint)},
		Session: s.ID, Kind: KindSafeguarding,
	}, nil
}
