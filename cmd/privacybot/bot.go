package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/config"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/llm"
	"github.com/privacybot/privacybot/internal/notice"
	"github.com/privacybot/privacybot/internal/redact"
	"github.com/privacybot/privacybot/internal/rights"
)

// sessionTTL is how long an idle conversation keeps its context.
const sessionTTL = 30 * time.Minute

// newBot wires the conversation shared by every channel. queue may be nil, for commands that
// only answer questions.
func newBot(app *App, cfg config.Config, eng *engine, queue *dpo.Queue) (*conversation.Bot, error) {
	region, err := deadline.ParseRegion(cfg.Region)
	if err != nil {
		return nil, fmt.Errorf("PRIVACYBOT_REGION: %w", err)
	}
	var orgs []string
	for _, o := range eng.corpus.Organisations.All() {
		orgs = append(orgs, o.Name)
	}
	sessions := conversation.NewSessions(sessionTTL)
	sessions.Now = app.Now
	b := &conversation.Bot{
		Answerer:      eng.answerer,
		Decider:       eng.composer,
		Classify:      rights.Classify,
		Region:        region,
		Orgs:          orgs,
		Canonical:     eng.corpus.Organisations.Canonical,
		Mentioned:     eng.corpus.Organisations.Mentioned,
		Closest:       eng.corpus.Organisations.Closest,
		Contacts:      eng.composer.Contacts,
		Notices:       conversation.NoticeTitles(eng.corpus.Notices),
		Now:           app.Now,
		Sessions:      sessions,
		Emergency:     cfg.EmergencyContact,
		Safeguarding:  cfg.SafeguardingContact,
		Crisis:        cfg.CrisisContact,
		DomesticAbuse: cfg.DomesticAbuseContact,
		Redact:        redact.Keeping(publishedDetails(eng.corpus), redact.Text),
	}
	if queue != nil {
		b.Queue = queue
		b.Calendar = queue.Calendar
	}
	if m, ok := eng.answerer.(*llm.Answerer); ok {
		b.Rewriter = m // follow-ups rewritten by the model, falling back to carrying the topic over
	}
	return b, nil
}

// service is everything a conversational channel needs: the answer engine, the DPO's queue
// and the conversation over both.
type service struct {
	eng   *engine
	store dpo.Store
	queue *dpo.Queue
	bot   *conversation.Bot
}

// noticeProblems are what residents would meet in the notices (an organisation with no data
// protection contact to give, …), for the channels to say at start-up: the bot still runs,
// answering what it can.
func noticeProblems(comp *answer.Composer) []string {
	var out []string
	for _, f := range comp.Check() {
		if f.Level != answer.LevelProblem {
			continue
		}
		var who []string
		for _, w := range []string{f.Organisation, f.Notice} {
			if w != "" {
				who = append(who, w)
			}
		}
		out = append(out, fmt.Sprintf("%s: %s (privacybot notices --check)", strings.Join(who, ", "), f.Message))
	}
	return out
}

// openService opens the engine and the queue and wires the conversation; close releases both.
func openService(ctx context.Context, app *App, cfg config.Config, ef engineFlags) (*service, func(), error) {
	eng, err := openEngine(app, ef)
	if err != nil {
		return nil, nil, err
	}
	for _, p := range noticeProblems(eng.composer) {
		fmt.Fprintf(app.Stderr, "privacybot: notices: %s\n", p)
	}
	store, closeStore, err := openStore(ctx, app)
	if err != nil {
		eng.Close()
		return nil, nil, err
	}
	closeAll := func() {
		_ = closeStore()
		_ = eng.Close()
	}
	queue, err := newQueue(app, store)
	if err != nil {
		closeAll()
		return nil, nil, err
	}
	bot, err := newBot(app, cfg, eng, queue)
	if err != nil {
		closeAll()
		return nil, nil, err
	}
	return &service{eng: eng, store: store, queue: queue, bot: bot}, closeAll, nil
}

// publishedDetails are the people's names the notices publish (a Data Protection Officer's, as the
// redactor reads a name in them), and the councils' own postal addresses, postcodes and phone
// numbers, each once: a question keeps them when its personal details are taken out. An address
// counts as the council's where a postcode follows it on its line, as in a notice's contact block ("Civic, 1 Saxon Gate East,
// Milton Keynes MK9 3EJ"): it is no one's home, and "can I hand it in at 1 Saxon Gate East?"
// needs it to be answered.
func publishedDetails(c *notice.Corpus) []string {
	var published []string
	seen := map[string]bool{}
	finder := redact.New(redact.WithKinds(redact.KindName, redact.KindAddress, redact.KindPostcode, redact.KindPhone))
	for _, p := range c.Passages() {
		_, found := finder.Redact(p.Text)
		for i, f := range found {
			n := p.Text[f.Start:f.End]
			switch f.Kind {
			case redact.KindPostcode, redact.KindPhone:
				// A council's postcode and phone numbers in its contact blocks ("Aylesbury HP20 1UA",
				// "Tel. No: 01908 254900") are its own: a case's conversation quoting the DPO's
				// contact showed "[postcode]" and "[phone]" (a QA pass).
			case redact.KindAddress:
				if !postcodeOnLine(p.Text, f.End, found[i+1:]) || !strings.ContainsRune(n, ' ') {
					continue
				}
			default:
				if !strings.ContainsRune(n, ' ') {
					continue
				}
			}
			if !seen[n] {
				seen[n] = true
				published = append(published, n)
			}
		}
	}
	return published
}

// postcodeOnLine reports whether one of later, the findings after byte i, is a postcode on the
// same line as i.
func postcodeOnLine(text string, i int, later []redact.Finding) bool {
	for _, f := range later {
		if strings.ContainsAny(text[i:f.Start], "\n\r") {
			return false
		}
		if f.Kind == redact.KindPostcode {
			return true
		}
	}
	return false
}
