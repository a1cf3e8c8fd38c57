package answer

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/privacybot/privacybot/internal/notice"
)

// Limits on what a question may be.
const (
	// MaxQuestionRunes bounds a question: longer text is not a question but a paste.
	MaxQuestionRunes = 2000
	// staleAfter is how old a notice may be before its citation carries a warning.
	staleAfter = 3 * 365 * 24 * time.Hour
)

// Errors for questions that can't be answered as asked.
var (
	ErrEmptyQuestion   = errors.New("the question is empty")
	ErrQuestionTooLong = fmt.Errorf("the question is longer than %d characters; ask it in a sentence or two", MaxQuestionRunes)
	// ErrUnreadable is a message mostly of bytes that are no text (random bytes piped in, a
	// binary file pasted): read as words, its scraps were answered, and even taken for danger.
	ErrUnreadable = errors.New("that doesn't look like a question (it is mostly unreadable characters)")
)

// Composer is the extractive answerer: it quotes the notices and never writes a fact of its own.
// It is the default, and the fallback of every other answerer.
type Composer struct {
	Retriever Retriever
	Corpus    *notice.Corpus
	Vocab     *Vocabulary
	Now       func() time.Time

	// MinCoverage is the share of the question's weighted terms that a sentence must cover to
	// be quoted as another council's answer; without an abstention model, the share the best
	// sentence must cover for the bot to answer rather than abstain.
	MinCoverage float64
	// MinMatched (without an abstention model) is, in units of the weight of the rarest word, how
	// much of a question the best sentence must match to answer when it covers less than
	// MinCoverage of it: a long question ("My husband had a stroke in the spring… what do I send
	// with a blue badge application?") is answered by a sentence matching what a short one would
	// ask, however long the story.
	MinMatched float64
	// UnseenWeight is the weight of a question word no notice uses, as a multiple of the
	// largest weight. Such a word may be the topic ("CCTV") or a turn of phrase ("hang on to").
	UnseenWeight float64
	// MaxUnseenShare (without an abstention model) is the share of a question's topic, in words
	// no notice uses ("CCTV footage", "parking tickets"), at which the question is about
	// something the notices don't cover, however well its other words ("how long", "records")
	// match.
	MaxUnseenShare float64
	// RankWeight, HeadingWeight and PassageWeight are what a passage's retrieval rank (relative
	// to the best), a heading naming what is asked, and the passage's sentences covering the
	// question together add to a sentence's coverage when choosing what to quote.
	RankWeight, HeadingWeight, PassageWeight float64
	// TypeWeight is what a sentence having the answer type the question asks in adds.
	TypeWeight float64
	// AskingSentenceWeight is how much more than the rest of the question the words of its asking
	// sentence count when choosing what to quote: a story tells its context first ("I sent in a
	// thank you for a brilliant bin man.") and asks at the end ("How long do you keep
	// compliments?").
	AskingSentenceWeight float64
	// AskingWordsWeight is what a sentence using every word of the question's asking sentence
	// adds, in proportion to the share it uses: counted plainly, not weighed by rarity, so the
	// everyday words of what is asked ("do the cameras pick up what people are saying?") count
	// as much as its topic.
	AskingWordsWeight float64
	// NearWordWeight is what a sentence gains for words near in meaning to those of the question
	// it doesn't use, as a multiple of the coverage they add (nearCoverage); NearWordFrom is the
	// cosine of two words' vectors from which they are near at all. GistWeight is what the
	// cosine of the sentence's gist and the question's adds.
	NearWordWeight, NearWordFrom, GistWeight float64
	// Abstention decides whether the best sentence answers: the model trained on the development
	// question sets by default. Without one, MinCoverage, MinMatched and MaxUnseenShare decide.
	Abstention *AbstentionModel

	idf     map[string]float64
	maxIDF  float64
	orgWord map[string]bool // concepts of the organisations' names: they scope, not ask
	byOrg   map[string][]notice.Passage
	passage map[string]notice.Passage
	pieces  map[string]pieces // passage ID → its units, analysed once
	// section maps a notice's section (notice ID and heading path) to the concepts of all its
	// passages: a one-sentence passage ("The Council has 40 calendar days …") is read in the
	// context of the passages beside it under the same heading ("apply … using request forms").
	section map[string]map[string]bool
	// tableRows are the rows of each table an organisation's notices hold, in their order, by
	// organisation and table (tableOf): what wholeTables quotes, worked out once.
	tableRows map[[2]string][]notice.Passage
	// titleWord are the concepts of the notices' titles and services: what a notice is about
	// ("Planning and Building Control") is a topic, however everyday the word.
	titleWord map[string]bool
	// lex reads a question's words the notices don't use ("hb", "assesment") as theirs.
	lex *Lexicon
	// acronyms are those the notices define: a sentence, heading or title spelling one out names
	// it, and one using it names what it stands for.
	acronyms *Acronyms
	// retentionPointers say, for each organisation whose notices do, where its retention
	// periods are set out (retention.go).
	retentionPointers map[string]retentionPointer
	// personalDataConcepts are the concepts of personalDataWords (retention.go).
	personalDataConcepts map[string]bool
	// foldedByOrg is the text of each organisation's notices, folded (notice.FoldName).
	foldedByOrg map[string]string
	// dpoPassage is, for each organisation, the passage organisations.yaml says states its data
	// protection contact.
	dpoPassage map[string]notice.Passage
}

func sectionKey(p notice.Passage) string { return p.NoticeID + "\x00" + p.Section() }

// pieces are a passage's units, the concepts of each and the kinds of fact each states.
type pieces struct {
	units    []unit
	concepts []map[string]bool
	// kinds are worked out the first time an answer reads the passage, once, whichever answer
	// that is: at start-up they would add a third to the time to build the index.
	kinds func() []kindSet
}

// analyse splits a passage's text into its units and works out what each names. A lead-in is
// read with its list: "may include:" covers what the bullets name.
func analyse(concepts func(string) map[string]bool, text string) pieces {
	ps := pieces{units: units(text)}
	for _, u := range ps.units {
		ps.concepts = append(ps.concepts, concepts(u.read()))
	}
	ps.kinds = sync.OnceValue(func() []kindSet {
		ks := make([]kindSet, len(ps.units))
		for i, u := range ps.units {
			ks[i] = kindsOf(u.read())
		}
		return ks
	})
	return ps
}

// DefaultMinCoverage is the abstention threshold chosen on testdata/eval/questions.jsonl.
const DefaultMinCoverage = 0.35

// Defaults of the composer's weights, chosen with DefaultMinCoverage on the development sets.
const (
	DefaultUnseenWeight   = 0.6
	DefaultMaxUnseenShare = 0.4
	DefaultRankWeight     = 0.25
	DefaultHeadingWeight  = 0.15
	DefaultPassageWeight  = 0.3
	DefaultMinMatched     = 1.6
	// DefaultTypeWeight was chosen on the development sets, each left out in turn: 0.05 and 0.1
	// decided the most questions right (1,160 and 1,161 of 1,558, against 1,151 without).
	DefaultTypeWeight = 0.05
	// DefaultAskingSentenceWeight was chosen on the development sets, each left out in turn with
	// the abstention model retrained: 0, 0.5, 1 and 2 decide 1,753, 1,762, 1,765 and 1,759 of
	// 2,398 right; the validation sets agree that it helps (692, 703, 703 and 706 of 1,055).
	DefaultAskingSentenceWeight = 1.0
	// DefaultAskingWordsWeight was chosen the same way (round 31, with the abstention model reading
	// the share too): 0, 0.1, 0.15, 0.2 and 0.3 decide 1,773, 1,780, 1,783, 1,784 and 1,774 of
	// 2,398 right (1,767 before round 31); the validation sets agree that it helps (710, 715,
	// 721, 724 and 727 of 1,055, against 705).
	DefaultAskingWordsWeight = 0.2
	// DefaultNearWordWeight, DefaultNearWordFrom and DefaultGistWeight were chosen the same way
	// (round 32, with the abstention model reading the near-word coverage too). Of 2,398 left out
	// in turn (validation, of 1,055): with the signal but neither weight 1,788 (725); near words
	// alone 1,789 (728); the gist alone 1,786 (727); near words 0.5, 1 and 1.5 with the gist at
	// 0.4: 1,793 (739), 1,795 (738) and 1,790 (723); the gist 0.2 and 0.6 with near words at 1:
	// 1,790 (733) and 1,789 (734); words near from a cosine of 0.4: 1,798 (735). Before round
	// 32: 1,784 (724). Not kept: the gist counting the heading's words, 1,794 (735); a signal of
	// how near the best sentence comes to the question's words no notice uses, 1,793 (734).
	DefaultNearWordWeight = 1.0
	DefaultNearWordFrom   = 0.3
	DefaultGistWeight     = 0.4
)

// NewComposer makes an extractive answerer over a corpus and a retriever of the same corpus.
func NewComposer(r Retriever, c *notice.Corpus, v *Vocabulary) *Composer {
	comp := &Composer{Retriever: r, Corpus: c, Vocab: v, Now: time.Now, MinCoverage: DefaultMinCoverage, UnseenWeight: DefaultUnseenWeight,
		MaxUnseenShare: DefaultMaxUnseenShare, RankWeight: DefaultRankWeight, HeadingWeight: DefaultHeadingWeight,
		PassageWeight: DefaultPassageWeight, MinMatched: DefaultMinMatched, TypeWeight: DefaultTypeWeight,
		AskingSentenceWeight: DefaultAskingSentenceWeight, AskingWordsWeight: DefaultAskingWordsWeight,
		NearWordWeight: DefaultNearWordWeight, NearWordFrom: DefaultNearWordFrom, GistWeight: DefaultGistWeight, idf: map[string]float64{}, orgWord: map[string]bool{},
		byOrg: map[string][]notice.Passage{}, passage: map[string]notice.Passage{},
		pieces: map[string]pieces{}, section: map[string]map[string]bool{}, tableRows: map[[2]string][]notice.Passage{}}
	df := map[string]int{}
	passages := c.Passages()
	texts := make([]string, 0, len(passages))
	for _, p := range passages {
		texts = append(texts, p.Text)
	}
	comp.acronyms = NewAcronyms(v, texts)
	for _, p := range passages {
		for t := range comp.acronyms.Concepts(p.Section() + " " + p.Text) {
			df[t]++
		}
		org := comp.canonical(p.Organisation)
		comp.byOrg[org] = append(comp.byOrg[org], p)
		if t := tableOf(p); t != "" {
			comp.tableRows[[2]string{org, t}] = append(comp.tableRows[[2]string{org, t}], p)
		}
		comp.passage[p.ID] = p
		ps := analyse(comp.acronyms.Concepts, p.Text)
		comp.pieces[p.ID] = ps
		sec := comp.section[sectionKey(p)]
		if sec == nil {
			sec = map[string]bool{}
			comp.section[sectionKey(p)] = sec
		}
		for _, cs := range ps.concepts {
			for k := range cs {
				sec[k] = true
			}
		}
	}
	for _, o := range c.Organisations.All() {
		for _, name := range append([]string{o.Name}, o.Aliases...) {
			for _, t := range Terms(name) {
				comp.orgWord[v.Concept(t)] = true
			}
		}
	}
	if m, err := DefaultAbstention(); err == nil { // a test keeps the embedded model readable
		comp.Abstention = m
	}
	comp.lex = NewLexicon(passages, v)
	comp.foldedByOrg = map[string]string{}
	for org, ps := range comp.byOrg {
		var b strings.Builder
		b.WriteString(" ")
		for _, p := range ps {
			b.WriteString(notice.FoldName(p.Section()+" "+p.Text) + " ")
		}
		comp.foldedByOrg[org] = b.String()
	}
	comp.findConfiguredContacts()
	comp.findRetentionPointers()
	comp.personalDataConcepts = conceptSet(v, personalDataWords)
	comp.titleWord = map[string]bool{}
	for _, n := range c.Notices {
		for k := range comp.acronyms.Concepts(n.Title + " " + n.Service) {
			comp.titleWord[k] = true
		}
	}
	n := float64(len(passages))
	comp.maxIDF = math.Log(1 + n/0.5)
	for t, d := range df {
		comp.idf[t] = math.Log(1 + n/(float64(d)+0.5))
	}
	return comp
}

// threshold is how sure the abstention model must be that a sentence of org's notices answers:
// the organisation's own abstain_threshold (organisations.yaml) when it has one, else the
// model's (the trained one, or PRIVACYBOT_ABSTAIN_THRESHOLD).
func (c *Composer) threshold(org string) float64 {
	if o, ok := c.Corpus.Organisations.Get(org); ok && o.AbstainThreshold > 0 {
		return o.AbstainThreshold
	}
	return c.Abstention.Threshold
}

func (c *Composer) canonical(org string) string {
	if name, ok := c.Corpus.Organisations.Canonical(org); ok {
		return name
	}
	return org
}

// Answer answers a question by quoting the notices, or abstains.
func (c *Composer) Answer(ctx context.Context, q Question) (Answer, error) {
	return c.answerRespelt(ctx, q, nil)
}

// answerRespelt answers a question, and asks it again with its everyday words as meant when
// the notices don't seem to answer it as typed ("how lng do u kepp complant records"); the
// answer then says how it was read. A question answered as typed is not second-guessed. When
// ex is not nil it records why the answer given was given.
func (c *Composer) answerRespelt(ctx context.Context, q Question, ex *Explanation) (Answer, error) {
	first := ex
	if ex != nil {
		first = &Explanation{}
	}
	ans, err := c.answerWith(ctx, q, first, nil)
	// "Do I need ID to get my records?" answered with how long records are kept: "ID" is no
	// word the composer reads (it is "I'd" typed in a hurry), and the answer says nothing of
	// identity. Asked again with "identity", an answer that quotes it is better.
	missedID := err == nil && !ans.Abstained && asksForID(ans.Question) && !quotesIdentity(ans)
	if err != nil || !ans.Abstained && !missedID {
		keep(ex, first)
		return ans, err
	}
	// An answer about ID that says nothing of identity, which asking again doesn't mend, is
	// given as unsure: the notices may not say what proof they want.
	unsureOfID := func(ans Answer) Answer {
		if missedID && !ans.Hedged {
			if ex != nil {
				ex.Decision += "; unsure: it asks about ID, and no quote says anything of identity"
			}
			return c.hedge(ans)
		}
		return ans
	}
	respelt := c.lex.Respell(ans.Question)
	if respelt == ans.Question {
		keep(ex, first)
		return unsureOfID(ans), nil
	}
	again := q
	again.Text = respelt
	// An embedding model is sent what was typed: respelt, a postcode may escape redaction
	// ("ec1y" read as another word).
	again.AsTyped = cmp.Or(q.AsTyped, q.Text)
	second := ex
	if ex != nil {
		second = &Explanation{}
	}
	got, err := c.answerWith(ctx, again, second, nil)
	if err != nil || got.Abstained || missedID && !quotesIdentity(got) {
		// The abstention as typed stands: the respelt question is the bot's guess, and an error
		// of it (none is expected of a question already cleaned once) is no error of the one asked.
		keep(ex, first)
		return unsureOfID(ans), nil
	}
	keep(ex, second)
	if ex != nil {
		ex.Decision = fmt.Sprintf("asked again as %q, as typed it %s; then %s, unsure (respelt)", respelt, first.Decision, second.Decision)
	}
	if !got.Hedged {
		// A respelling may be wrong ("dept" read as "debt" would be): the answer is given as
		// unsure, with the contact, and no language model rewords it as sure.
		got = c.hedge(got)
	}
	got.Question, got.ReadAs = ans.Question, respelt
	got.Answer = fmt.Sprintf("I read your question as “%s”.\n%s", respelt, got.Answer)
	return got, nil
}

// noticesOf is how many notices an organisation has (any of its names).
func (c *Composer) noticesOf(org string) int {
	n := 0
	if c.Corpus != nil {
		for _, nt := range c.Corpus.Notices {
			if c.canonical(nt.Organisation) == c.canonical(org) {
				n++
			}
		}
	}
	return n
}

// idRe finds "ID" meaning identity: in capitals, or after words that say so ("proof of id").
var idRe = regexp.MustCompile(`\bID\b|(?i:\b(?:proof of|photo|my|your|need|needs|without|bring|show) id\b)`)

// identityRe finds a quote about proving who someone is.
var identityRe = regexp.MustCompile(`(?i)\b(?:identity|identification|ID|proof|passport|driving licen[cs]e)\b`)

// asksForID reports whether a question asks about "ID", meaning identity.
func asksForID(question string) bool { return idRe.MatchString(question) }

// quotesIdentity reports whether an answer quotes something about proving who someone is.
func quotesIdentity(ans Answer) bool {
	for _, c := range ans.Citations {
		if identityRe.MatchString(c.Excerpt) {
			return true
		}
	}
	return false
}

// keep makes an explanation the one recorded.
func keep(ex, from *Explanation) {
	if ex != nil && from != nil {
		*ex = *from
	}
}

// answerWith answers a question; when ex is not nil it records why it answered or abstained.
// When judged is not nil it answers whenever a sentence could, and records the signals the
// decision would have read.
func (c *Composer) answerWith(ctx context.Context, q Question, ex *Explanation, judged *Judged) (Answer, error) {
	text, err := CleanQuestion(q.Text)
	if err != nil {
		return Answer{}, err
	}
	q.Text = text
	asked := q // the question in the notices' words
	asked.Text = c.lex.Expand(text)
	k := q.k()
	ans := Answer{Question: q.Text, Citations: []Citation{}, Mode: "extractive"}
	if other := c.otherCouncilAsked(q); other != "" {
		// Decided before searching: nothing retrieved would be quoted.
		ex.decide(fmt.Sprintf("abstained: the question asks about %s, the answer is scoped to %s", other, c.canonical(q.Organisation)))
		return c.otherCouncil(ans, q, other), nil
	}
	retrieve := asked
	// Look a little wider than we cite. Eight lexical passages hold one that answers for 1,932 of
	// the 2,049 answerable development questions; the eight nearest by GloVe word vectors (IDF-
	// weighted means of each sentence) for 1,228, and two or four of them added after the lexical
	// eight gave 1,893 right of 2,538 against 1,894 (round 34, not kept).
	retrieve.K = max(k, 8)
	// What the conversation was about is searched with the question. It was a question once,
	// so it is cleaned as one; context that isn't one is dropped, not an error.
	about, _ := CleanQuestion(q.Context)
	retrieve.AsTyped = cmp.Or(q.AsTyped, text)
	if about != "" {
		retrieve.AsTyped += " " + about
	}
	about = c.lex.Expand(about)
	retrieve.Context = about // the retriever weighs it below the question's own words
	hits, err := c.retrieve(ctx, retrieve)
	if err != nil {
		return Answer{}, fmt.Errorf("retrieve passages: %w", err)
	}
	if q.Organisation != "" {
		// A question scoped to a council is answered from its notices only, whatever the
		// retriever returned: one council's facts are never given as another's.
		hits = ofOrganisation(hits, c.canonical(q.Organisation), c)
	}
	reqs := c.requirements(asked.Text)
	if about != "" {
		reqs = c.withContext(reqs, asked.Text+" "+about)
	}
	var total float64
	for _, r := range reqs {
		total += r.weight
	}
	ex.start(c, asked.Text, reqs, hits)
	if len(hits) == 0 || total == 0 {
		ex.decide("abstained: no passage matched, or the question has no word to match")
		return c.abstain(ans, q, hits), nil
	}

	hits = c.withConfiguredContacts(hits, q, reqs)
	kind := AskedKind(asked.Text)
	defining := IsDefinitionQuestion(asked.Text)
	if kind != "" {
		// The kind is a gate (a sentence without a period doesn't say how long); what the
		// sentence must also cover is what the question asks it about.
		reqs, total = withoutKindWords(reqs, conceptSet(c.Vocab, kindWords[kind]))
		if onlyEveryday(reqs) {
			// "what's the main phone number?": with the kind asked for, what is left is wording.
			reqs, total = nil, 0
		}
	}
	naming, mentioned := c.councilsNamed(q)
	if q.Organisation == "" {
		if org := c.namedOrganisation(naming, mentioned); org != "" {
			// A question naming its council is answered from that council's notices only:
			// another council's period, fee or partner is not this one's.
			if hits = ofOrganisation(hits, org, c); len(hits) == 0 {
				ex.decide("abstained: no passage of the organisation named")
				return c.abstain(ans, q, hits), nil
			}
		}
	}
	orgNamed := q.Organisation != "" || len(mentioned) > 0
	keeper := c.otherKeeper(asked.Text)
	clause := askingClause(asked.Text)
	typ := ""
	if kind == "" && !defining {
		typ = AskedType(clause)
	}
	creqs, ctotal := c.weighAskingSentence(reqs, total, asked.Text)
	cands := c.candidates(hits, askedFor{reqs: creqs, total: ctotal, kind: kind, typ: typ, defining: defining, orgNamed: orgNamed,
		keeper: keeper, words: c.askingWords(asked.Text, reqs), gist: c.questionGist(creqs)})
	if len(cands) == 0 && kind == KindEmail {
		// Captured pages often lose e-mail addresses to a placeholder ("[email protected]"):
		// where a notice had one, the contact details it still gives (a postal address, a phone
		// number) answer "what's their e-mail?". A notice that never gave one doesn't answer.
		cands = nil
		contacts := askedFor{reqs: reqs, total: total, kind: KindContact, defining: defining, orgNamed: orgNamed, keeper: keeper}
		for _, cd := range c.candidates(hits, contacts) {
			if hasEmailPlaceholder(cd.unit.quote()) {
				cands = append(cands, cd)
			}
		}
	}
	if about != "" {
		cands = meetingOwn(cands, creqs)
	}
	ex.candidates(c, kind, reqs, hits, cands)
	if len(cands) == 0 {
		if judged == nil && kind == KindDuration {
			if rp, ok := c.retentionPointerFor(q, naming, mentioned, reqs); ok {
				// "How long does Buckinghamshire keep my records?" asks of no record in particular,
				// and its notice says where its periods are set out: that is the answer there is.
				ex.decide("answered, unsure: the question names no record in particular, and the council's notices say where its retention periods are set out")
				hits = append(hits, Hit{Passage: rp.passage})
				ans = c.compose(ans, q, hits, []candidate{{hit: len(hits) - 1, unit: unit{text: rp.text}}})
				return c.hedge(ans), nil
			}
		}
		ex.decide(fmt.Sprintf("abstained: no sentence states what was asked (kind %q) about its topic", kind))
		return c.abstain(ans, q, hits), nil
	}
	var sig []float64
	if judged != nil || c.Abstention != nil {
		sig = c.signals(c.fitOf(asked.Text, clause, reqs, total, kind, hits), hits, cands)
	}
	unsure := false
	switch {
	case judged != nil:
		judged.Signals = sig
	case c.Abstention != nil:
		p := c.Abstention.Probability(sig)
		ex.weigh(c.Abstention, sig, p)
		threshold := c.threshold(hits[cands[0].hit].Passage.Organisation)
		if p < threshold {
			ex.decide(fmt.Sprintf("abstained: the abstention model gives %.2f that the best sentence answers, under %.2f", p, threshold))
			return c.abstain(ans, q, hits), nil
		}
		if unsure = p < sureFrom(threshold); unsure {
			ex.decide(fmt.Sprintf("answered, unsure: the abstention model gives %.2f that the best sentence answers, under %.2f", p, sureFrom(threshold)))
		}
	case cands[0].coverage < c.MinCoverage && cands[0].coverage*total < c.MinMatched*c.maxIDF:
		ex.decide(fmt.Sprintf("abstained: the best sentence covers %.2f of the question, under %.2f", cands[0].coverage, c.MinCoverage))
		return c.abstain(ans, q, hits), nil
	case total > 0 && c.unseenShare(reqs) >= c.MaxUnseenShare:
		ex.decide(fmt.Sprintf("abstained: %.2f of the question's topic is in words no notice uses (at most %.2f)", c.unseenShare(reqs), c.MaxUnseenShare))
		return c.abstain(ans, q, hits), nil
	}
	// Two rules read after the model veto an answer. When judging for the abstention model's
	// training they only say so (Judged.Vetoed): it learns from what the sentences say, and a
	// threshold sweep counts the question abstained at every threshold.
	veto := func(why string) bool {
		if judged != nil {
			judged.Vetoed = true
			return false
		}
		ex.decide("abstained: " + why)
		return true
	}
	if to, name := c.recipientAsked(clause); len(to) > 0 && !c.namesAskedRecipient(hits[cands[0].hit].Passage, to, name) &&
		// "Does Westmere share my data with the Home Office?" answered by a list of recipients
		// without it: the notices don't say.
		veto("the question asks about giving information to someone the best passage doesn't name") {
		return c.abstain(ans, q, hits), nil
	}
	if asksSoldRe.MatchString(clause) {
		// "Do you sell my data to companies?" answered by a list of whom the council shares
		// with, which reads as "yes" (a QA pass): quoted first is a sentence saying whether it is
		// sold, and where none near enough the best one does, the notices don't say.
		says := func(cd candidate) bool { return saysSoldRe.MatchString(cd.unit.quote()) }
		if cands = preferred(cands, says, soldFloor); !says(cands[0]) && veto("the question asks whether information is sold, and no sentence near the best says") {
			return c.abstain(ans, q, hits), nil
		}
	}
	if asksToBeToldRe.MatchString(clause) {
		// "Will you tell me before you give my info to the police?" asks whether the person is
		// told: quoted first is a sentence saying so, and where none near enough the best one
		// does, the notices don't say.
		says := func(cd candidate) bool { return tellsThePersonRe.MatchString(cd.unit.quote()) }
		if cands = preferred(cands, says, tellFloor); !says(cands[0]) && veto("the question asks whether the person is told, and no sentence near the best says") {
			return c.abstain(ans, q, hits), nil
		}
	}
	if !unsure && kind == KindDuration && keptRe.MatchString(asked.Text) && !saysKept(hits[cands[0].hit].Passage, cands[0].unit.quote()) {
		// "How long do you keep records about my son?" answered by "The Council has 40
		// calendar days … to provide the information": a period, but not of keeping anything.
		ex.decide("answered, unsure: the best sentence gives a period, but neither it nor its section says what is kept for it")
		unsure = true
	}
	if !unsure && kind == KindDuration && len(reqs) == 0 && about == "" && keptRe.MatchString(asked.Text) &&
		c.noticesOf(hits[cands[0].hit].Passage.Organisation) > 1 {
		// "How long do you keep my data?" asks of no record in particular; a council of
		// several notices keeps each service's records for its own period, and the best
		// sentence gives one of them.
		ex.decide("answered, unsure: the question names no record, and the council's notices give periods of their own")
		unsure = true
	}
	ex.decide("answered")
	if AsksForLaw(asked.Text) {
		// Whether to answer is settled; which sentence to quote is not: "what's the legal
		// basis for …?" is answered by the sentence naming the law, not the one saying why
		// the council uses the information, however many of the question's words that uses.
		cands = preferred(cands, func(cd candidate) bool { return citesLawRe.MatchString(cd.unit.quote()) }, lawFloor)
	}
	if kind == "" && !defining && AsksWhoReceives(asked.Text) {
		// "Who gets my comment if the applicant appeals?" is answered by whom it goes to ("the
		// Planning Inspectorate, if an applicant appeals …"), not by how long it is kept.
		cands = preferred(cands, func(cd candidate) bool { return c.namesRecipient(hits[cd.hit].Passage, cd.unit) }, recipientFloor)
	}
	// A question scoped to an organisation or a notice gets no other council's answer.
	scoped := q.Organisation != "" || q.NoticeID != ""
	chosen := choose(cands, k, func(hit int) string { return c.canonical(hits[hit].Passage.Organisation) },
		scoped, c.MinCoverage)
	hits, chosen = c.withWhatIsAbove(hits, chosen)
	chosen = c.withLeadIns(hits, c.withFollowers(hits, c.withAntecedents(hits, chosen)))
	chosen = c.narrowLists(hits, cands, chosen, creqs)
	hits, chosen = c.wholeTables(hits, chosen, creqs)
	ans = c.compose(ans, q, hits, chosen)
	ans = c.withSilentCouncils(ans, q)
	if unsure {
		ans = c.hedge(ans)
	}
	return ans, nil
}

// withSilentCouncils says, of each council a question names side by side whose notices gave no
// quote, that its notices don't answer, with its data protection contact: "How long do Bucks and
// MK keep complaints?" quoted Milton Keynes's 6 years alone, which an adviser read out to a
// Buckinghamshire resident as Buckinghamshire's (a QA pass).
func (c *Composer) withSilentCouncils(ans Answer, q Question) Answer {
	if q.Organisation != "" || q.NoticeID != "" {
		return ans
	}
	quoted := map[string]bool{}
	for _, ct := range ans.Citations {
		quoted[c.canonical(ct.Organisation)] = true
	}
	orgs := c.Corpus.Organisations.NamedTogether(q.Text)
	if len(orgs) == 0 && asksDataProtectionContact(q.Text) && len(c.Corpus.Organisations.Mentioned(q.Text)) == 0 {
		// "what's the phone number for the council's data protection team?" asks of whichever
		// council the asker's is: Milton Keynes's number alone read as the only one there is.
		orgs = c.organisationsWithNotices()
	}
	var b strings.Builder
	keeping := AskedKind(q.Text) == KindDuration
	for _, org := range orgs {
		if quoted[org] || len(c.byOrg[org]) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n\n%s privacy notices don't answer that.", Possessive(org))
		if keeping {
			c.writeRetentionPointer(&b, &ans, org) // where its periods are set out, as an abstention says
		}
		c.writeContact(&b, &ans, org)
		ans.NotAnsweredBy = append(ans.NotAnsweredBy, org)
	}
	ans.Answer += b.String()
	return ans
}

// dataProtectionContactRe asks how to reach a council's data protection officer or team: a
// phone number, an e-mail or postal address of theirs.
var dataProtectionContactRe = regexp.MustCompile(`(?i)\b(?:data protection|dpo|information governance|privacy team)\b`)

// asksDataProtectionContact reports whether a question asks for a data protection contact's
// phone number, e-mail or address.
func asksDataProtectionContact(q string) bool {
	if !dataProtectionContactRe.MatchString(q) { // one expression, before AskedKind's many
		return false
	}
	switch AskedKind(q) {
	case KindPhone, KindEmail, KindPostcode, KindContact:
		return true
	}
	return false
}

// retrieve finds the passages for a question. A question naming councils side by side ("do Bucks
// and MK share data with the police?") is searched in each council's notices, so that each has
// its best passages among the hits: searched once, the council whose notices use the question's
// words most filled every place. (Councils named apart, "I live in Bucks but a friend in MK…",
// are searched once: searched in each, the one that was only context got answered for.)
func (c *Composer) retrieve(ctx context.Context, q Question) ([]Hit, error) {
	named := c.Corpus.Organisations.NamedTogether(q.Text)
	if q.Organisation != "" || q.NoticeID != "" || len(named) < 2 {
		return c.Retriever.Retrieve(ctx, q)
	}
	var each [][]Hit
	for _, org := range named {
		one := q
		one.Organisation = org
		hits, err := c.Retriever.Retrieve(ctx, one)
		if err != nil {
			return nil, err
		}
		each = append(each, hits)
	}
	// Taken in turns, best first: the first places go to each council's best passage.
	var hits []Hit
	for i := 0; len(hits) < q.K; i++ {
		added := false
		for _, hs := range each {
			if i < len(hs) {
				hits, added = append(hits, hs[i]), true
			}
		}
		if !added {
			break
		}
	}
	return hits, nil
}

// meetingOwn keeps the candidates that meet something the question asks itself, when it asks
// anything beyond its context: a sentence about what the conversation was about ("Bucks's IP
// addresses") doesn't answer "do they use google analytics?".
func meetingOwn(cands []candidate, reqs []requirement) []candidate {
	asksOwn := false
	for _, r := range reqs {
		asksOwn = asksOwn || !r.context && !r.everyday
	}
	if !asksOwn {
		return cands
	}
	var out []candidate
	for _, cd := range cands {
		for i, r := range reqs {
			if !r.context && !r.everyday && i < len(cd.met) && cd.met[i] > 0 {
				out = append(out, cd)
				break
			}
		}
	}
	return out
}

// contextWeight is how much a requirement only the conversation's context makes counts. (0.3 and
// 0.5 decided as many of the conversation sets' turns right; 0.7 and 1, fewer.)
const contextWeight = 0.5

// withContext adds to a question's requirements those its context makes, weighed contextWeight:
// "who sees them?" after a question about complaint records requires "see" of the sentence
// that answers, and "complaint records" less.
func (c *Composer) withContext(reqs []requirement, withContext string) []requirement {
	own := conceptsOf(reqs)
	out := reqs
	for _, r := range c.requirements(withContext) {
		if len(r.concepts) > 0 && own[r.concepts[0]] {
			continue
		}
		r.weight *= contextWeight
		r.context = true
		out = append(out, r)
	}
	return out
}

// weighAskingSentence weighs the requirements of a question's asking sentence
// AskingSentenceWeight more, for choosing what to quote; a question of one sentence is weighed as
// it is. (Not its asking clause: in "if the applicant appeals, who gets my comment?" the
// condition is part of what is asked.)
func (c *Composer) weighAskingSentence(reqs []requirement, total float64, asked string) ([]requirement, float64) {
	sentence := askingSentence(asked)
	if c.AskingSentenceWeight <= 0 || sentence == asked {
		return reqs, total
	}
	inSentence := conceptsOf(c.requirements(sentence))
	out, sum := make([]requirement, len(reqs)), 0.0
	for i, r := range reqs {
		out[i] = r
		if madeIn(r, inSentence) {
			out[i].weight *= 1 + c.AskingSentenceWeight
		}
		sum += out[i].weight
	}
	return out, sum
}

// CleanQuestion makes user input safe to process: valid UTF-8, no terminal escape sequences or
// other control characters, folded white space, bounded length; a message mostly of unreadable
// characters is ErrUnreadable.
func CleanQuestion(s string) (string, error) {
	s, err := CleanText(s)
	if err != nil {
		return "", err
	}
	if utf8.RuneCountInString(s) > MaxQuestionRunes {
		return "", ErrQuestionTooLong
	}
	return s, nil
}

// CleanText is CleanQuestion without its bound, for a message whose limit depends on what it
// answers: a request's details may be longer than a question.
func CleanText(s string) (string, error) {
	s = withoutEscapes(s)
	unreadable := mostlyUnreadable(s)
	s = strings.ToValidUTF8(s, " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\uFFFD' || unicode.Is(unicode.Co, r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "", ErrEmptyQuestion
	}
	if unreadable {
		return "", ErrUnreadable
	}
	return s, nil
}

// withoutEscapes replaces a terminal's escape sequences with spaces: a control sequence (ESC [,
// or the one-character CSI, then parameters and a final character: "\x1b[31m"), a string one
// (ESC ] … to BEL or ESC \), or a short one (ESC 7, ESC (B). Only the ESC was a control character
// that CleanText made a space: "[31m" was left in the question and spoiled it (a QA pass).
func withoutEscapes(s string) string {
	if !strings.ContainsRune(s, '\x1b') && !strings.ContainsRune(s, '\u009b') {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\x1b':
			i = escapeEnd(s, i+1)
			b.WriteByte(' ')
		case strings.HasPrefix(s[i:], "\u009b"):
			i = controlSequenceEnd(s, i+len("\u009b"))
			b.WriteByte(' ')
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// escapeEnd returns where the escape sequence whose ESC ends before i ends.
func escapeEnd(s string, i int) int {
	if i == len(s) {
		return i
	}
	switch c := s[i]; c {
	case '[':
		return controlSequenceEnd(s, i+1)
	case ']', 'P', '_', '^', 'X': // a title, a device control string…: up to BEL or ESC \
		for j := i + 1; j < len(s); j++ {
			switch {
			case s[j] == '\a':
				return j + 1
			case s[j] == '\x1b' && j+1 < len(s) && s[j+1] == '\\':
				return j + 2
			case s[j] == '\x1b':
				return j // another escape sequence: this one was never ended
			}
		}
		return i + 1 // never ended: the text after it is the message's, not the sequence's
	}
	// Intermediate characters ("(" in ESC ( B), then a final one. Not a space: "\x1b who" keeps
	// its word.
	j := i
	for j < len(s) && s[j] >= 0x21 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
		return j + 1
	}
	return i // a lone ESC
}

// controlSequenceEnd returns where a control sequence whose parameters start at i ends: after
// its parameters (0x30–0x3F), intermediates (0x20–0x2F) and final character (0x40–0x7E).
func controlSequenceEnd(s string, i int) int {
	j := i
	for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
		j++
	}
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
		return j + 1
	}
	return i // no final character: not a sequence after all, so none of the text is dropped
}

// mostlyUnreadable reports whether a message is mostly characters nobody writes: under half of
// them letters and their marks in any script, digits, white space, punctuation or symbols (emoji
// among them), or over a third bytes that are no UTF-8 and control characters. Lines of random
// bytes are some 45% of the first, by chance, but over half of the second; a message someone
// typed, in any language, has next to none of them.
func mostlyUnreadable(s string) bool {
	all, readable, bad := 0, 0, 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		all++
		switch {
		case r == utf8.RuneError:
			bad++
		case unicode.IsSpace(r), unicode.IsLetter(r), unicode.IsMark(r), unicode.IsNumber(r),
			unicode.IsPunct(r), unicode.IsSymbol(r), unicode.Is(unicode.Cf, r): // Cf: the joiner in 👩‍💻
			readable++
		case unicode.IsControl(r):
			bad++
		}
	}
	return readable*2 < all || bad*3 > all
}

// compose writes the answer from the chosen units: grouped by organisation (naming each, so two
// councils' facts are never blended), then by passage, in the notice's own order.
func (c *Composer) compose(ans Answer, q Question, hits []Hit, chosen []candidate) Answer {
	// Citation numbers in order of first use. Passages of one section of a notice are read in
	// the notice's order, under the section's heading once, where the best of them ranks: "We
	// will only share information with these organisations …" came before the sentence naming
	// them, under the same long heading twice (a QA pass).
	best := slices.MinFunc(chosen, func(a, b candidate) int { return a.hit - b.hit }).hit
	heading := map[int]string{} // each quoted passage's heading, read once
	for _, cd := range chosen {
		if _, ok := heading[cd.hit]; !ok {
			heading[cd.hit] = strings.Join(quotedSection(hits[cd.hit].Passage), " › ")
		}
	}
	section := func(cd candidate) string { return hits[cd.hit].Passage.NoticeID + "\x00" + heading[cd.hit] }
	first := map[string]int{} // the best ranked hit of each section
	for _, cd := range chosen {
		if h, ok := first[section(cd)]; !ok || cd.hit < h {
			first[section(cd)] = cd.hit
		}
	}
	sort.SliceStable(chosen, func(i, j int) bool {
		a, b := chosen[i], chosen[j]
		if fa, fb := first[section(a)], first[section(b)]; fa != fb {
			return fa < fb
		}
		if pa, pb := hits[a.hit].Passage.Position, hits[b.hit].Passage.Position; pa != pb {
			return pa < pb
		}
		return a.order < b.order
	})
	num := map[int]int{}
	var orgs []string
	byOrg := map[string][]candidate{}
	for _, cd := range chosen {
		org := c.canonical(hits[cd.hit].Passage.Organisation)
		if _, ok := byOrg[org]; !ok {
			orgs = append(orgs, org)
		}
		byOrg[org] = append(byOrg[org], cd)
	}
	for _, org := range orgs {
		// A notice more than three years old is quoted after the council's current ones: its
		// "we do not pass on your details to any third party" must not open an answer whose
		// next quotes list the partners, with its date only in the note at the end.
		slices.SortStableFunc(byOrg[org], func(a, b candidate) int {
			return cmpBool(c.isStale(hits[a.hit].Passage.Updated), c.isStale(hits[b.hit].Passage.Updated))
		})
		for _, cd := range byOrg[org] {
			if _, ok := num[cd.hit]; !ok {
				num[cd.hit] = len(num) + 1
				p := hits[cd.hit].Passage
				ans.Citations = append(ans.Citations, Citation{
					N: num[cd.hit], Notice: p.NoticeID, Title: p.Title, Organisation: p.Organisation,
					Section: p.Section(), Source: p.Source, Updated: p.Updated,
					Score: round(hits[cd.hit].Score), Passage: p.Text,
				})
			}
		}
	}
	if len(chosen) > 0 {
		ans.Best = num[best]
	}
	// Excerpts: the chosen units of each cited passage, in the passage's order.
	for i := range ans.Citations {
		var parts []string
		for _, cd := range chosen {
			if num[cd.hit] == ans.Citations[i].N {
				parts = append(parts, cd.unit.quote())
			}
		}
		ans.Citations[i].Excerpt = strings.Join(parts, " … ")
	}

	var b strings.Builder
	if len(orgs) > 1 {
		switch same, compared := sameFigures(orgs, byOrg); {
		case same:
			// Every council quoting the ICO's helpline gives the same number: saying they
			// differ would send a resident looking for a difference that isn't there.
			fmt.Fprintf(&b, "The notices of %d organisations say the same:\n", len(orgs))
		case compared:
			fmt.Fprintf(&b, "The notices of %d organisations answer this differently:\n", len(orgs))
		default:
			// No figures to compare ("who do you share my data with?"): what each says, without
			// claiming they differ (a QA pass found "differently" over answers that agreed).
			fmt.Fprintf(&b, "What the notices of each of %d organisations say:\n", len(orgs))
		}
	}
	lost := false       // a quote holds an e-mail address the captured page replaced
	var cutOff []string // the organisations of quotes whose end the captured page lost
	for oi, org := range orgs {
		if oi > 0 {
			b.WriteString("\n")
		}
		lastSection := ""
		for _, cd := range byOrg[org] {
			p := hits[cd.hit].Passage
			if section(cd) != lastSection {
				if lastSection != "" {
					b.WriteString("\n")
				}
				fmt.Fprintf(&b, "%s — %s", p.Organisation, p.Title)
				if s := heading[cd.hit]; s != "" {
					fmt.Fprintf(&b, ", “%s”", shorten(s, 90))
				}
				b.WriteString(":\n")
				lastSection = section(cd)
			}
			fmt.Fprintf(&b, "• “%s” [%d]\n", cd.unit.quote(), num[cd.hit])
			lost = lost || hasEmailPlaceholder(cd.unit.quote())
			if brokenOff(cd.unit.quote()) && !slices.Contains(cutOff, org) {
				cutOff = append(cutOff, org)
			}
		}
	}
	ans.Answer = strings.TrimRight(b.String(), "\n")
	if lost {
		// Read out on a call, "[email protected]" sounds like an address; it is what the
		// captured page put where an e-mail address was.
		ans.Answer += "\nNote: “[email protected]” is where the copy of the notice I have lost an e-mail address; it is not an address to use. Use the other contact details quoted."
	}
	if len(cutOff) > 0 {
		// "… please contact us on" quoted as it stands: the captured page lost the number or
		// link it ended with, and the quote left the resident nowhere to turn (a QA pass). The
		// data protection contact the notices do give follows.
		var nb strings.Builder
		nb.WriteString("\nNote: a quote above ends where the copy of the notice I have lost what followed it (a phone number, an address or a link).")
		for _, org := range cutOff {
			c.writeContact(&nb, &ans, org)
		}
		ans.Answer += nb.String()
	}
	ans.Stale = c.Stale(ans.Citations)
	for _, s := range ans.Stale {
		ans.Answer += fmt.Sprintf("\nNote: %s was %s; what it says may no longer be current.", s.Title, s.Note)
	}
	return ans
}

// isStale reports whether a notice updated on updated (YYYY-MM-DD) is more than three years old.
func (c *Composer) isStale(updated string) bool {
	t, err := time.Parse(time.DateOnly, updated)
	return err == nil && c.Now().Sub(t) > staleAfter
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// Stale lists cited notices last updated more than three years ago, each once: an answer's
// "stale", and search's note on a passage of such a notice.
func (c *Composer) Stale(cits []Citation) []StaleNotice { return StaleAt(cits, c.Now()) }

// StaleAt is Stale at now: what a generated answer's citations say too, as the extractive
// answer's do (internal/llm).
func StaleAt(cits []Citation, now time.Time) []StaleNotice {
	var out []StaleNotice
	seen := map[string]bool{}
	for _, ct := range cits {
		t, err := time.Parse(time.DateOnly, ct.Updated)
		if seen[ct.Notice] || err != nil || now.Sub(t) <= staleAfter {
			continue
		}
		seen[ct.Notice] = true
		out = append(out, StaleNotice{Notice: ct.Notice, Title: ct.Title, Updated: ct.Updated,
			Note: "last updated " + t.Format("2 January 2006")})
	}
	return out
}

// sameFigures reports whether the quotes of each organisation state figures (periods, prices,
// phone numbers) to compare, and whether they are the same: what the organisations could differ
// on, they don't. Quotes without such a figure can't be told to agree or to differ.
func sameFigures(orgs []string, byOrg map[string][]candidate) (same, compared bool) {
	var first []string
	same = true
	for i, org := range orgs {
		var quotes []string
		for _, cd := range byOrg[org] {
			quotes = append(quotes, cd.unit.quote())
		}
		fs := figures(strings.Join(quotes, "\n"))
		if len(fs) == 0 {
			return false, false
		}
		if i == 0 {
			first = fs
		} else if !slices.Equal(fs, first) {
			same = false
		}
	}
	return same, true
}

// figureRe finds a number (digits in groups, as a phone number is written; not the digits of a
// postcode, "SK9 5AF"), a pound sign before it and the word after it.
var figureRe = regexp.MustCompile(`(?i)(£\s?)?\b(\d+(?:[ ,.]\d+)*)\b(?:\s+([a-z]+))?`)

// figureUnits are the words that make a number a period.
var figureUnits = setOf("year years month months week weeks day days hour hours minute minutes working calendar")

// figures are the periods, prices and phone numbers of a text ("6years", "£10", "03031231113"),
// sorted, once each. Other numbers ("Article 6(1)(e)", a house number) are not what
// organisations differ on, or not alone.
func figures(text string) []string {
	var out []string
	for _, m := range figureRe.FindAllStringSubmatch(text, -1) {
		num := strings.Map(func(r rune) rune {
			if r == ' ' || r == ',' {
				return -1
			}
			return r
		}, m[2])
		unit := strings.ToLower(m[3])
		var f string
		switch {
		case m[1] != "":
			f = "£" + num
		case figureUnits[unit]:
			f = num + unit
		case len(num) >= 6:
			f = num // a phone number
		default:
			continue
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n])
	if r[n] != ' ' {
		// At the last word's start, not inside it: "… time limits for eras…" read as a word.
		if sp := strings.LastIndexByte(cut, ' '); sp > len(cut)/2 {
			cut = cut[:sp]
		}
	}
	return strings.TrimRight(cut, " ,;:–-›") + "…"
}

func round(f float64) float64 { return math.Round(f*1000) / 1000 }

var (
	// asksSoldRe asks whether someone's information is sold: "do you sell my data?", "does the
	// council sell residents' details".
	asksSoldRe = regexp.MustCompile(`(?i)\b(?:sell|sells|selling)\b(?:\s+[\w'’]+){0,3}?\s+(?:data|details|information|info|names?|addresses|emails?)\b|` +
		`\b(?:data|details|information|info)\s+(?:be\s+|being\s+|is\s+|are\s+|get\s+|gets\s+)?sold\b`)
	// saysSoldRe is a sentence that says whether it is: selling, a sale, commercial or marketing use.
	saysSoldRe = regexp.MustCompile(`(?i)\b(?:sell|sells|selling|sold|sale|resell|commercial(?:ly)?|for profit|marketing)\b`)
)

// soldFloor is the share of the best sentence's coverage a sentence saying whether information is
// sold must have to be quoted first for a "do you sell my data?" question.
const soldFloor = 0.35
