package answer

// Ranking passages as the composer reads them: the second stage of retrieval, for whoever wants
// passages rather than an answer (privacybot search, the evaluation's recall).

import "context"

// Retrieve ranks passages as the composer reads a question: its retriever's passages (those it
// reads to answer: at least eight), ordered by how well their best sentence answers (the score
// that chooses what to quote, which reads the question's topic, the kind of fact it asks for,
// headings, and words near in meaning), then those no sentence of which could answer, in the
// retriever's order; k of them. A hit's Score is its best sentence's score, 0 for those after.
//
// Bleve ranks by shared words alone: on the development sets the passage that answers came
// first for 68% of the answerable questions and in the first three for 87%; ranked so, 74% and
// 89%; on the validation sets, whose notices nobody tuned on, 66% and 86% against 74% and 90%.
// The answer itself is unchanged: the composer reads the retriever's ranking, as before.
func (c *Composer) Retrieve(ctx context.Context, q Question) ([]Hit, error) {
	var ex Explanation
	if _, err := c.answerRespelt(ctx, q, &ex); err != nil {
		return nil, err
	}
	return c.ranking(ctx, q, ex.ranked)
}

// AnswerRanked answers q as Answer does and ranks passages for rank as Retrieve does, in one
// composition when rank is q as the composer reads it (the same text, scope, context and number
// of passages): the ranking is then that of reading q to answer it. For another rank the ranking
// is nil, and a caller wanting it retrieves it. Whoever wants both (the evaluation, the language
// model's prompt) composed every question twice.
func (c *Composer) AnswerRanked(ctx context.Context, q, rank Question) (Answer, []Hit, error) {
	if !readsAlike(q, rank) {
		ans, err := c.answerRespelt(ctx, q, nil)
		return ans, nil, err
	}
	var ex Explanation
	ans, err := c.answerRespelt(ctx, q, &ex)
	if err != nil {
		return ans, nil, err
	}
	hits, err := c.ranking(ctx, rank, ex.ranked)
	if err == nil && hits == nil {
		hits = []Hit{} // nothing retrieved, which nil doesn't say
	}
	return ans, hits, err
}

// readsAlike reports whether the composer reads two questions alike: every field the same, and
// as many passages (K itself may differ, 0 and 5 are both the default).
func readsAlike(a, b Question) bool {
	a.K, b.K = a.k(), b.k()
	return a == b
}

// ranking is what Retrieve gives of the passages ranked as the composer read q: k of them.
func (c *Composer) ranking(ctx context.Context, q Question, hits []Hit) ([]Hit, error) {
	if hits == nil {
		// Decided before reading a sentence (nothing matched, or the question asks of another
		// council than its scope): the retriever's own ranking, whatever there is of it.
		var err error
		if hits, err = c.Retriever.Retrieve(ctx, q); err != nil {
			return nil, err
		}
	}
	k := q.k()
	if len(hits) > k {
		hits = hits[:k]
	}
	return hits, nil
}

// rankByCandidates orders the passages searched by their best candidate's score, then those
// with none in their order.
func rankByCandidates(hits []Hit, cands []candidate) []Hit {
	out := make([]Hit, 0, len(hits))
	placed := make([]bool, len(hits))
	for _, cd := range cands { // best first
		if !placed[cd.hit] {
			placed[cd.hit] = true
			out = append(out, Hit{Passage: hits[cd.hit].Passage, Score: cd.score})
		}
	}
	for i, h := range hits {
		if !placed[i] {
			out = append(out, Hit{Passage: h.Passage})
		}
	}
	return out
}
