package rights

// The safeguarding model: what a message is about as a whole, beside the vocabulary's phrases.
//
// A ninth QA pass wrote 200 messages blind. Cues written from half of them caught all of that
// half and none more of the other: "stood on the bridge over the bypass", "he's just thrown me
// down the stairs", "my mums boyfriend comes in my room at night" are each said one way by one
// person, and no list of phrases holds the next. Their words, though, are near in meaning to
// those of other messages about danger (GloVe's vectors, internal/wordvec). A logistic regression
// over a message's mean word vector, trained on the labelled messages, 2,200 messages helpers
// wrote blind as training data and thousands of ordinary questions about privacy notices, marks
// a message urgent when it is sure; the vocabulary still decides everything else, and explains
// itself. (On two fresh test sets the vocabulary and the model together miss about a quarter of
// urgent messages; see safeguard_qa9_test.go.)

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/privacybot/privacybot/internal/logreg"
	"github.com/privacybot/privacybot/internal/redact"
	"github.com/privacybot/privacybot/internal/wordvec"
)

// SafeguardModel is a logistic regression over a message's mean word vector (safeguardVector):
// the probability that the message shows someone at risk now.
type SafeguardModel struct {
	logreg.Model
	// Threshold is the probability from which a message is urgent: high, because a false alarm
	// shows emergency contacts to someone who needed none (the chat answers their question too,
	// Intent.ByModel).
	Threshold float64 `json:"threshold"`
	// Trained says on what, and how it was chosen.
	Trained string `json:"trained"`
}

//go:embed safeguard_model.json
var safeguardModelJSON []byte

// safeguardModel is the embedded model, read on first use (so that a broken one stops only the
// test that retrains it, make train-safeguarding, from reading it).
var safeguardModel = sync.OnceValue(func() *SafeguardModel {
	m, err := ParseSafeguardModel(safeguardModelJSON)
	if err != nil {
		panic("safeguard_model.json: " + err.Error()) // embedded; covered by tests
	}
	return m
})

// safeModelMinWords is the fewest words (punctuation counting) of a message the model judges: in
// a short one a single word makes the whole mean ("I could murder a cuppa", "this chatbot is
// killing me"), and short messages of danger say it in the words the vocabulary has ("he broke
// my arm", "i wanna die").
const safeModelMinWords = 12

// modelMayJudge reports whether the model may mark a message urgent, given the cues that fired
// on it: not when the writer says they are safe now ("I left him, I'm safe now").
//
// Requiring a cue of danger too was tried. On the tenth pass's 600 messages, with the model
// trained without them, the vocabulary alone missed 170 of the 300 urgent ones and raised 15
// false alarms of the 300 calm ones; with the model unrestricted, 117 and 20; needing a cue, 133
// and 15. Counting a miss as three false alarms that is a tie, and a miss is the worse harm: a
// false alarm shows emergency contacts to someone who needed none ("I'm going to end it with you
// lot if you don't reply", "I broke my leg on a broken paving slab, can I have the CCTV?").
func modelMayJudge(fired []string) bool {
	return !slices.Contains(fired, "resolved")
}

// safeguardProbability is the model's probability that a message shows someone at risk now
// (safeguardVector); 0 for one too short to judge (safeModelMinWords, counted on the message
// normalised, and again on what the model reads of it once its personal data and idioms are
// taken out).
func safeguardProbability(text, normalised string) float64 {
	if len(strings.Fields(normalised)) < safeModelMinWords {
		return 0
	}
	s := modelWords(text)
	if len(strings.Fields(s)) < safeModelMinWords {
		// Mostly personal data ("call me on oh one nine oh eight six four four three two one
		// please" read as urgent, a QA pass): what is left is as short as a message too short
		// to judge.
		return 0
	}
	return safeguardModel().urgency(wordvec.MeanOf(s))
}

// safeguardVector is what the model reads of a message: the mean word vector of its words, with
// its personal data taken out (modelText) and the words of idioms blanked ("my mum will kill me
// if I lose my keys", "end it with my boyfriend"), as the vocabulary reads them.
func safeguardVector(text string) []float32 {
	return wordvec.MeanOf(modelWords(text))
}

// modelWords are the words the model reads of a message: normalised, without its personal data
// and with its idioms blanked.
func modelWords(text string) string {
	s, _ := blankIdioms(modelText(text))
	return s
}

// withoutPersonalData takes names, addresses, contacts and numbers out of a message, leaving a
// space.
var withoutPersonalData = redact.New(redact.WithPlaceholder(func(redact.Kind) string { return " " }))

// modelText is a message as the model reads it: normalised, without its personal data. A name
// or an address says nothing of danger, but their words' vectors moved the mean: "my name is
// Priya Sharma, my address is Flat 2, 12 Acacia Avenue, Aylesbury" read as urgent (0.96), and so
// did a status check giving its reference and a postal address (two QA passes).
func modelText(text string) string {
	if len(text) > maxBytes {
		text = text[:maxBytes] // as normalize reads it: bounded work on any input
	}
	red, _ := withoutPersonalData.Redact(text)
	return normalize(red)
}

// ParseSafeguardModel reads a model, checking that its parts agree.
func ParseSafeguardModel(b []byte) (*SafeguardModel, error) {
	var m SafeguardModel
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("safeguarding model: %w", err)
	}
	if len(m.Weights) == 0 {
		return nil, errors.New("safeguarding model: no weights")
	}
	if err := m.Check(len(m.Weights)); err != nil {
		return nil, fmt.Errorf("safeguarding model: %w", err)
	}
	if m.Threshold <= 0 || m.Threshold >= 1 {
		return nil, fmt.Errorf("safeguarding model: threshold %v is not a probability", m.Threshold)
	}
	return &m, nil
}

// urgency is the model's probability that a message with this mean word vector shows someone
// at risk; 0 for a message without a word it knows.
func (m *SafeguardModel) urgency(vec []float32) float64 {
	if len(vec) != len(m.Weights) {
		return 0
	}
	return m.Probability(float64s(vec))
}

// SafeguardExample is one labelled message the model learns from.
type SafeguardExample struct {
	Text   string
	Urgent bool
}

// TrainSafeguardModel fits the model (logreg.Train), each class weighing as much as the other
// (urgent messages are few), with an L2 penalty of l2 on the standardised weights. It is
// deterministic: the same examples give the same model.
func TrainSafeguardModel(examples []SafeguardExample, l2 float64, iterations int) (*SafeguardModel, error) {
	var xs [][]float64
	var ys []float64
	var urgent int
	for _, ex := range examples {
		vec := safeguardVector(ex.Text)
		if vec == nil {
			continue // no word it knows: nothing to learn
		}
		xs = append(xs, float64s(vec))
		if ex.Urgent {
			ys = append(ys, 1)
			urgent++
		} else {
			ys = append(ys, 0)
		}
	}
	if urgent == 0 || urgent == len(xs) {
		return nil, fmt.Errorf("train safeguarding model: %d urgent of %d examples; it needs both", urgent, len(xs))
	}
	// Balanced: each class's examples together weigh half.
	weights := make([]float64, len(xs))
	for k, y := range ys {
		if y == 1 {
			weights[k] = float64(len(xs)) / (2 * float64(urgent))
		} else {
			weights[k] = float64(len(xs)) / (2 * float64(len(xs)-urgent))
		}
	}
	m, err := logreg.Train(xs, ys, weights, l2, iterations)
	if err != nil {
		return nil, fmt.Errorf("train safeguarding model: %w", err)
	}
	return &SafeguardModel{Model: *m}, nil
}

// float64s is a word vector as the regression reads it.
func float64s(vec []float32) []float64 {
	x := make([]float64, len(vec))
	for i, v := range vec {
		x[i] = float64(v)
	}
	return x
}
