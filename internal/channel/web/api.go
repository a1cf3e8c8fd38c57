package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/transcript"
)

// maxAPIBody bounds a chat or feedback body: a message is at most a few hundred words.
const maxAPIBody = 16 << 10

// maxRequestFormBody bounds a request form's body: its fields at their limits (a 5,000-character
// description among them) in any script, even written as JSON escapes ("\ud83d\ude00" is 12
// bytes for one character), so that the field limits, which name the field, refuse first.
const maxRequestFormBody = 96 << 10

// maxChatBody bounds a chat message's body: a request's details at their limit (5,000
// characters, conversation.MaxDescriptionRunes) in any script, even written as JSON escapes (12
// bytes for a character outside the BMP), with the session and council beside them, so that the
// chat, which says how long the details may be, refuses first. A question's limit (2,000) is the
// conversation's to say too.
const maxChatBody = 64 << 10

// chatTimeout bounds one answer, so a stuck model call can't hold a connection for ever.
const chatTimeout = 20 * time.Second

// ChatRequest is the body of POST /api/chat and /api/chat/stream.
type ChatRequest struct {
	Session string `json:"session,omitempty"`
	Message string `json:"message"`
	Org     string `json:"org,omitempty"`
}

// FeedbackRequest is the body of POST /api/feedback. Only the verdict is counted; nothing of the
// conversation is kept with it.
type FeedbackRequest struct {
	Session string `json:"session,omitempty"`
	Helpful *bool  `json:"helpful"` // required: a click on neither button counts as nothing
}

// ErrorResponse is every API error's body: a message fit for a resident, and the field at fault
// when there is one.
type ErrorResponse struct {
	Error string `json:"error"`
	Field string `json:"field,omitempty"`
}

// NoticeInfo is one notice in GET /api/notices.
type NoticeInfo struct {
	ID           string `json:"id"`
	Title        string `json:"title"`
	Organisation string `json:"organisation"`
	Service      string `json:"service,omitempty"`
	Source       string `json:"source,omitempty"`
	Updated      string `json:"updated,omitempty"`
}

// decode reads a JSON body of at most limit bytes into v.
func decode(w http.ResponseWriter, r *http.Request, v any, limit int64) error {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	dec := json.NewDecoder(r.Body)
	if err := dec.Decode(v); err != nil {
		var (
			mbe *http.MaxBytesError
			ute *json.UnmarshalTypeError
		)
		switch {
		case errors.As(err, &mbe):
			return err
		case errors.As(err, &ute) && ute.Field != "":
			// {"message": 42} is a JSON object: what is wrong is the field, and the client
			// should be told which and what it must be.
			return &badRequest{msg: fmt.Sprintf("The field %q must be %s.", ute.Field, jsonKind(ute.Type.Kind()))}
		}
		return &badRequest{msg: "The request body must be a JSON object."}
	}
	// One object, and nothing after it: a second one would be silently dropped, and a client
	// that sent two messages in one body would believe both were read.
	if err := dec.Decode(&json.RawMessage{}); !errors.Is(err, io.EOF) {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return &badRequest{msg: "The request body must be one JSON object, with nothing after it."}
	}
	return nil
}

// jsonKind names what a JSON value of Go kind k is, as a client writes it.
func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16,
		reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return "an object"
}

type badRequest struct{ msg string }

func (e *badRequest) Error() string { return e.msg }

// fail maps an error to its HTTP outcome: this is the one place that does. Residents never see
// internals, and logs never see what they wrote.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var (
		br  *badRequest
		mbe *http.MaxBytesError
		fe  *dpo.FieldError
	)
	code, body := http.StatusInternalServerError, ErrorResponse{Error: "Sorry, something went wrong. Please try again in a moment."}
	switch {
	case errors.As(err, &mbe):
		code, body.Error = http.StatusRequestEntityTooLarge, "That message is too long."
	case errors.As(err, &br):
		code, body.Error = http.StatusBadRequest, br.msg
	case errors.Is(err, answer.ErrEmptyQuestion):
		code, body.Error = http.StatusBadRequest, "Please type a message."
	case errors.Is(err, answer.ErrUnreadable):
		code, body.Error = http.StatusBadRequest, "That doesn't look like a question (it is mostly unreadable characters)."
	case errors.Is(err, answer.ErrQuestionTooLong):
		code, body.Error = http.StatusRequestEntityTooLarge, fmt.Sprintf("That message is too long: please keep it under %s characters.", conversation.Thousands(answer.MaxQuestionRunes))
	case errors.As(err, &fe):
		code, body.Error, body.Field = http.StatusUnprocessableEntity, capitalise(fe.Reason), formField(fe.Field)
		if fe.Reason == "empty" {
			body.Error = "Please fill this in."
		}
	case errors.Is(err, dpo.ErrKeyReused):
		code, body.Error = http.StatusConflict, "That request key was already used for a different request; send this one with a new key."
	case errors.Is(err, dpo.ErrInvalid):
		code, body.Error = http.StatusUnprocessableEntity, "Some of the details aren't right."
	case errors.Is(err, conversation.ErrNoQueue):
		code, body.Error = http.StatusServiceUnavailable, "Requests can't be taken here at the moment; please contact the council's data protection officer."
	case errors.Is(err, context.DeadlineExceeded):
		code, body.Error = http.StatusGatewayTimeout, "That took too long. Please try again."
	case s.BadInput != nil && s.BadInput(err):
		code, body.Error = http.StatusBadRequest, capitalise(err.Error())
	}
	if code >= 500 {
		s.log().Error("request failed", "path", r.URL.Path, "code", code, "err", err)
	}
	writeJSON(w, code, body)
}

// formField is the key of RequestForm (openapi.yaml) a queue's field error is about, so the
// widget can mark the field it shows: the queue says "requester name" where the form says "name".
func formField(queueField string) string {
	switch queueField {
	case "requester name":
		return "name"
	case "organisation":
		return "org"
	case "on behalf of":
		return "on_behalf_of"
	}
	return queueField
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// reply runs one chat turn and records it (metrics, transcript).
func (s *Server) reply(r *http.Request, req ChatRequest) (conversation.Reply, error) {
	return s.replyStream(r, req, nil)
}

// replyStream answers a chat message, passing streamed text to onDelta when the bot streams.
func (s *Server) replyStream(r *http.Request, req ChatRequest, onDelta func(string)) (conversation.Reply, error) {
	if strings.TrimSpace(req.Message) == "" {
		return conversation.Reply{}, answer.ErrEmptyQuestion
	}
	// A session id the server didn't issue, however long, is unknown like any other: the
	// conversation issues a new one (web sessions are issued only) and says a request under way
	// had ended. A 5 KB id was refused while "abc" was not (a QA pass).
	ctx, cancel := context.WithTimeout(r.Context(), chatTimeout)
	defer cancel()
	received := s.now()
	if req.Org != "" {
		org, known := s.canonicalKnown(req.Org)
		if !known {
			// A widget's data-org naming no council the bot knows is the site's mistake: say so
			// plainly, and which councils it can be.
			return conversation.Reply{}, &badRequest{msg: fmt.Sprintf("This chat is set up for %q, which is not a council I answer for. I answer about %s.",
				req.Org, strings.Join(s.Orgs, " and "))}
		}
		req.Org = org
	}
	turn := conversation.Turn{Session: req.Session, Channel: "web", Org: req.Org, Text: req.Message, ReceivedAt: received}
	var rep conversation.Reply
	var err error
	if sb, ok := s.Bot.(streamingBot); ok && onDelta != nil {
		rep, err = sb.ReplyStream(ctx, turn, onDelta)
	} else {
		rep, err = s.Bot.Reply(ctx, turn)
	}
	if err != nil {
		return rep, err
	}
	s.metrics.reply(rep)
	s.keep(ctx, rep, req.Org, req.Message, received)
	return rep, nil
}

// keep stores a redacted exchange; a failure is logged, not shown: the resident got the answer.
// Text is redacted here, before it reaches any buffer.
func (s *Server) keep(ctx context.Context, rep conversation.Reply, org, said string, at time.Time) {
	if s.Transcripts == nil {
		return
	}
	red := s.Redact
	if red == nil {
		return // never store unredacted text
	}
	if read, err := answer.CleanText(said); err == nil {
		said = read // as the bot read it: no NUL or escape bytes for the DPO's CSV to carry
	}
	if org == "" {
		org = rep.Council // "does Buckinghamshire Council sell data?" asked unscoped: Buckinghamshire's
	}
	if org == "" && rep.Intake != nil {
		org = rep.Intake.Fields["organisation"] // a request's steps: the council it is for, once known
	}
	// What is kept: for most turns the exchange redacted; for these, a placeholder in its place,
	// so the redactor runs only on what is kept.
	var resident, bot string
	switch {
	case rep.AnsweredStep:
		// What a resident types to a request's questions (names, a contact, other people's names
		// in the details) is the request's, kept with the case for the DPO: the transcript,
		// which is for seeing what the notices don't answer, keeps only that a step was answered.
		// ("Kate Hill" on its own is two words no redactor can tell from others.)
		resident, bot = transcript.StepAnswer, transcript.StepQuestion
		if rep.Kind == conversation.KindSubmitted {
			bot = transcript.RequestSent // not "the next question": the request was sent
		}
	case rep.Kind == conversation.KindIntake:
		// The request's own words, often about health or family; and the reply, which says back
		// the name and contact the message gave ("From your message I have your name as …", a
		// QA pass found it kept).
		resident, bot = transcript.RequestStart, transcript.StepQuestion
	case rep.Kind == conversation.KindSafeguarding:
		resident, bot = transcript.Urgent, redactReply(red, rep.Answer)
	case rep.Kind == conversation.KindStatus || rep.AboutRequest || conversation.MentionsReference(said):
		// "status of DPO-2026-000001 please", "cancel my request DPO-…": the reference would tie
		// these lines to the named case, which the chat's notice says the transcript doesn't (a
		// QA pass; a review found withdrawals still kept it).
		resident, bot = transcript.StatusCheck, transcript.StatusReply
	default:
		resident, bot = red(said), redactReply(red, rep.Answer)
	}
	err := s.Transcripts.AppendTranscripts(ctx, []TranscriptEntry{
		{Session: rep.Session, Channel: "web", Org: org, Role: transcript.RoleResident, Text: resident, At: at},
		{Session: rep.Session, Channel: "web", Org: org, Role: transcript.RoleBot, Text: bot, At: at, Outcome: rep.Outcome()},
	})
	if err != nil {
		s.log().Warn("store transcript", "err", err)
	}
}

// redactReply redacts a bot's reply for the transcript, but not what it quotes from the notices:
// those are published, and the DPO reviewing a transcript must see which contact was given
// ("Maria Damigos, Data Protection Officer", "Tel. No: 01908 254900"), not "[name]" and "[phone]"
// (a QA pass). Whatever else the reply says (a summary of a request, a name said back) is
// redacted.
func redactReply(red func(string) string, ans answer.Answer) string {
	text := ans.Answer
	type span struct{ start, end int }
	var quoted []span
	for _, c := range ans.Citations {
		for _, q := range strings.Split(c.Excerpt, " … ") {
			if len(q) < 8 {
				continue // too short to be told from the reply's own words
			}
			for from := 0; ; {
				i := strings.Index(text[from:], q)
				if i < 0 {
					break
				}
				quoted = append(quoted, span{from + i, from + i + len(q)})
				from += i + len(q)
			}
		}
	}
	if len(quoted) == 0 {
		return red(text)
	}
	slices.SortFunc(quoted, func(a, b span) int { return a.start - b.start })
	var b strings.Builder
	at := 0
	for _, q := range quoted {
		if q.start < at {
			continue // inside a quote already kept
		}
		b.WriteString(red(text[at:q.start]))
		b.WriteString(text[q.start:q.end])
		at = q.end
	}
	b.WriteString(red(text[at:]))
	return b.String()
}

func (s *Server) handleChat(w http.ResponseWriter, r *http.Request) {
	var req ChatRequest
	if err := decode(w, r, &req, maxChatBody); err != nil {
		s.fail(w, r, err)
		return
	}
	rep, err := s.reply(r, req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

// handleChatStream answers as server-sent events: "delta" events carry text as it is made,
// then one "answer" event carries the whole reply (the same object as /api/chat), or an
// "error" event an ErrorResponse. The extractive engine makes its answer at once, so it sends
// one delta.
func (s *Server) handleChatStream(w http.ResponseWriter, r *http.Request) {
	var req ChatRequest
	if err := decode(w, r, &req, maxChatBody); err != nil {
		s.fail(w, r, err)
		return
	}
	rc := http.NewResponseController(w)
	started := false
	start := func() {
		if started {
			return
		}
		started = true
		_ = rc.SetWriteDeadline(time.Now().Add(chatTimeout + 10*time.Second))
		w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Accel-Buffering", "no")
		w.WriteHeader(http.StatusOK)
	}
	onDelta := func(text string) {
		start()
		writeEvent(w, "delta", map[string]string{"text": text})
		_ = rc.Flush()
	}
	rep, err := s.replyStream(r, req, onDelta)
	if err != nil {
		if !started {
			// Errors before the first byte keep their status code, so a client can tell 429 from 400.
			s.fail(w, r, err)
			return
		}
		writeEvent(w, "error", ErrorResponse{Error: "Sorry, something went wrong. Please try again."})
		_ = rc.Flush()
		return
	}
	if !started { // the extractive engine makes its answer at once: one delta
		onDelta(rep.Answer.Answer)
	}
	// The final answer is authoritative: a streamed answer that failed its checks was replaced.
	writeEvent(w, "answer", rep)
	_ = rc.Flush()
}

func writeEvent(w http.ResponseWriter, event string, v any) {
	b, _ := json.Marshal(v)
	// JSON has no raw newlines, so one data line carries it.
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, b)
}

// handleRequest takes a rights request filled in at once and answers with its reference.
func (s *Server) handleRequest(w http.ResponseWriter, r *http.Request) {
	var f conversation.RequestForm
	if err := decode(w, r, &f, maxRequestFormBody); err != nil {
		s.fail(w, r, err)
		return
	}
	f.Channel = "web"
	if f.Org != "" {
		f.Org = s.canonical(f.Org) // one the bot doesn't serve is refused by SubmitForm (field org)
	}
	f.ReceivedAt = s.now() // the server's clock starts the statutory clock, not the browser's
	ctx, cancel := context.WithTimeout(r.Context(), chatTimeout)
	defer cancel()
	rep, err := s.Bot.SubmitForm(ctx, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.metrics.reply(rep)
	writeJSON(w, http.StatusOK, rep)
}

func (s *Server) handleFeedback(w http.ResponseWriter, r *http.Request) {
	var f FeedbackRequest
	if err := decode(w, r, &f, maxAPIBody); err != nil {
		s.fail(w, r, err)
		return
	}
	if f.Helpful == nil {
		s.fail(w, r, &dpo.FieldError{Field: "helpful", Reason: "say whether the answer helped (true or false)"})
		return
	}
	s.metrics.feedback("web", *f.Helpful)
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleNotices(w http.ResponseWriter, r *http.Request) {
	out := make([]NoticeInfo, 0, len(s.Notices))
	for _, n := range s.Notices {
		out = append(out, NoticeInfo{ID: n.ID, Title: n.Title, Organisation: n.Organisation, Service: n.Service,
			Source: n.Source, Updated: n.UpdatedString()})
	}
	writeJSON(w, http.StatusOK, out)
}
