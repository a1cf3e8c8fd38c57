package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/config"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/editdist"
	"github.com/privacybot/privacybot/internal/rights"
)

// requestUsage is how /request is typed: what the adviser is shown when it is typed wrong.
const requestUsage = "/request TYPE [--received YYYY-MM-DD] [--via phone|post|email]"

const chatHelp = `Type a question, or:
  /sources          the full passages behind the last answer
  /org NAME         answer only from this organisation's notices (/org alone: all)
  ` + requestUsage + `
                    log a caller's rights request (access, erasure, …), stamped with the call time,
                    or with the day it reached the council and how (a letter, an e-mail, a voicemail):
                    --received needs --via (a past day says nothing of how it came)
  /new              the next caller: nothing of this conversation carries over
  /help             this help
  /quit             leave (or Ctrl-D)`

func runChat(ctx context.Context, app *App, args []string) error {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return err
	}
	fs := newFlags(app, "chat", `chat [--org ORG] [--corpus DIR]

An interactive chat for advisers on a call: follow-up questions keep their context; works with
piped input too.

`+chatHelp)
	var ef engineFlags
	ef.register(fs, cfg)
	ef.registerThreshold(fs)
	org := fs.String("org", "", "answer only from this organisation's notices")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usageError("chat takes no arguments; type questions at its prompt")
	}
	svc, closeService, err := openService(ctx, app, cfg, ef)
	if err != nil {
		return err
	}
	defer closeService()
	bot := svc.bot
	if *org != "" {
		// A council misspelt here would file every /request where no DPO looks.
		name, ok := bot.CanonicalOrg(*org)
		if !ok {
			if meant, ok := bot.Closest(*org); ok {
				return usageError("--org: I don't know %q: did you mean %s? The organisations are %s", *org, meant, strings.Join(bot.Orgs, ", "))
			}
			return usageError("--org: I don't know %q; the organisations are %s", *org, strings.Join(bot.Orgs, ", "))
		}
		*org = name
	}
	c := &chat{app: app, bot: bot, org: *org}
	return c.loop(ctx)
}

// newConversation starts a new conversation (a new caller, another council): nothing of the
// last one, neither its topic nor its council, carries over. The bot gives it an id with its first
// reply: an id the chat made up would be one the bot never issued, which it takes for a
// conversation that ended (a restart, an expiry), and its "ok" for a reply to a lost request.
func (c *chat) newConversation() {
	c.session = ""
}

// follow keeps the conversation the bot answered in, so the next line continues it.
func (c *chat) follow(rep conversation.Reply) {
	if rep.Session != "" {
		c.session = rep.Session
	}
}

type chat struct {
	requests   int // requests started with /request, for their idempotency keys
	region     deadline.Region
	taking     bool   // a request is being taken in this conversation
	prompt     string // the question the request being taken asked last
	app        *App
	bot        *conversation.Bot
	session    string // the id the bot gave the conversation; "" until its first reply
	org        string
	last       []answer.Citation
	quitWarned bool // /quit was typed once while a request was being taken
}

func (c *chat) loop(ctx context.Context) error {
	w := c.app.Stdout
	fmt.Fprintln(w, "privacybot chat — ask about the councils' privacy notices. /help for commands.")
	in := bufio.NewReader(c.app.Stdin)
	for {
		fmt.Fprint(w, "> ")
		text, tooLong, err := readLine(in, maxChatLine)
		if tooLong {
			c.refuseLine()
			continue
		}
		if err != nil {
			fmt.Fprintln(w)
			if !errors.Is(err, io.EOF) {
				return fmt.Errorf("read input: %w", err)
			}
			if c.taking {
				// The caller was told their request is being logged: the end of the input must
				// not lose it without a word (and a script must see it failed).
				return errors.New("the input ended while a request was being taken: it was NOT sent")
			}
			return nil
		}
		line := strings.TrimSpace(text)
		if line == "" {
			continue
		}
		if ctx.Err() != nil {
			return nil
		}
		if strings.HasPrefix(line, "/") && !strings.HasPrefix(strings.ToLower(line), "/cancel") {
			if quit := c.command(ctx, line); quit {
				return nil
			}
			continue
		}
		// The adviser's chat is a phone call: a request the caller makes in it came by phone, as
		// one logged with /request does.
		rep, err := c.bot.Reply(ctx, conversation.Turn{Session: c.session, Channel: "phone", Org: c.org, Text: line, ReceivedAt: c.app.Now()})
		if err != nil {
			c.printError(err)
			continue
		}
		c.render(rep)
	}
}

// maxChatLine is the longest line the chat reads, in bytes: far past what any message may be (a
// request's details, 5,000 characters), and the bot says how long that is; longer is a paste gone
// wrong, not read into memory.
const maxChatLine = 1 << 20

// readLine reads the next line of r, without its line ending. A line longer than max bytes is read
// to its end and dropped, and tooLong says so; the next call reads the line after it. err is
// io.EOF when the input has ended.
func readLine(r *bufio.Reader, max int) (line string, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		chunk = bytes.TrimSuffix(chunk, []byte("\n"))
		if !tooLong && len(buf)+len(chunk) > max {
			tooLong, buf = true, nil
		}
		if !tooLong {
			buf = append(buf, chunk...)
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && (len(buf) > 0 || tooLong):
			err = nil // the last line, without a line break: the end comes with the next call
		case err != nil:
			return "", false, err
		}
		return strings.TrimSuffix(string(buf), "\r"), tooLong, nil
	}
}

// refuseLine tells the adviser a line was too long to take, and asks a request's question again.
func (c *chat) refuseLine() {
	fmt.Fprintf(c.app.Stdout, "That line is too long (over %d MiB), so none of it was taken.\n", maxChatLine>>20)
	if c.taking {
		fmt.Fprintln(c.app.Stdout, c.prompt)
	}
}

func (c *chat) printError(err error) {
	var fe *dpo.FieldError
	switch {
	case errors.Is(err, answer.ErrUnreadable):
		// Only that: random bytes were answered, and even told to call 999 (a QA pass).
		fmt.Fprintln(c.app.Stdout, "That doesn't look like a question (it is mostly unreadable characters).")
	case errors.Is(err, answer.ErrEmptyQuestion), errors.Is(err, answer.ErrQuestionTooLong):
		fmt.Fprintf(c.app.Stdout, "%v\n", err)
	case errors.As(err, &fe):
		fmt.Fprintf(c.app.Stdout, "That request can't be sent: %v\n", fe)
	default:
		fmt.Fprintf(c.app.Stdout, "Sorry, something went wrong: %v\n", err)
	}
}

func (c *chat) render(rep conversation.Reply) {
	w := c.app.Stdout
	c.follow(rep)
	c.taking = rep.Intake != nil // a request is being taken until a reply has no intake step
	if c.taking {
		c.prompt = rep.Intake.Prompt
	}
	c.quitWarned = false
	fmt.Fprintln(w, rep.Answer.Answer)
	printUnsureContact(w, rep.Answer)
	if len(rep.Citations) > 0 {
		// A question answered while a request is being taken, and a request's first reply quoting
		// the notices, are answers too: /sources shows their passages (a QA pass: "No answer yet."
		// just after one).
		c.last = rep.Citations
	}
	if rep.Kind == conversation.KindAnswer && len(rep.Citations) > 0 {
		fmt.Fprintln(w, "Sources (/sources for the full passages):")
		for _, ct := range rep.Citations {
			fmt.Fprintf(w, "  [%d] %s — %s", ct.N, ct.Title, ct.Organisation)
			if ct.Section != "" {
				fmt.Fprintf(w, " — %s", ct.Section)
			}
			fmt.Fprintln(w)
		}
	}
}

// command runs a /command; it reports whether to quit.
func (c *chat) command(ctx context.Context, line string) bool {
	w := c.app.Stdout
	name, arg := line, ""
	if i := strings.IndexFunc(line, unicode.IsSpace); i >= 0 { // "/request\taccess" too
		name, arg = line[:i], strings.TrimSpace(line[i:])
	}
	switch strings.ToLower(name) {
	case "/quit", "/exit", "/q":
		if c.taking && !c.quitWarned {
			c.quitWarned = true
			fmt.Fprintln(w, "A request is being taken and has NOT been sent. Type /quit again to leave without sending it, or answer the question to carry on.")
			return false
		}
		return true
	case "/help":
		fmt.Fprintln(w, chatHelp)
	case "/sources":
		printSources(w, c.last)
	case "/org":
		if c.taking {
			// Changing council would leave the request half taken: the caller decides first.
			fmt.Fprintln(w, "A request is being taken: finish it, or type \"cancel\", before changing the council.")
			break
		}
		if arg == "" {
			c.org = ""
			c.newConversation() // the session would keep the council it was scoped to
			fmt.Fprintln(w, "Answering from every organisation's notices.")
			break
		}
		name, ok := c.bot.CanonicalOrg(arg)
		if !ok {
			if meant, ok := c.bot.Closest(arg); ok {
				// "/org Bukcs", as "/request acess" is: the council meant, to type again.
				fmt.Fprintf(w, "I don't know %q: did you mean %s? Known: %s\n", arg, meant, strings.Join(c.bot.Orgs, ", "))
				break
			}
			fmt.Fprintf(w, "I don't know %q. Known: %s\n", arg, strings.Join(c.bot.Orgs, ", "))
			break
		}
		c.org = name
		c.newConversation()
		fmt.Fprintf(w, "Answering from %s's notices only.\n", name)
	case "/new", "/next", "/reset":
		if c.taking {
			// The next caller is on the line: the adviser starts afresh whatever was under way (a QA
			// pass: refused mid-request, and the next caller's question taken for the last one's
			// answer). The request half taken is dropped, and said plainly to be unsent, as "cancel"
			// would.
			fmt.Fprintln(w, "The request being taken was NOT sent: it was cancelled.")
			c.taking, c.prompt = false, ""
		}
		c.newConversation()
		c.last = nil
		if c.org != "" {
			// The adviser's own scope stays: their desk answers for one council.
			fmt.Fprintf(w, "Next caller: nothing of the last conversation carries over (still answering from %s's notices; /org alone for every council's).\n", c.org)
			break
		}
		fmt.Fprintln(w, "Next caller: nothing of the last conversation carries over.")
	case "/request":
		if c.taking {
			// A second intake would drop the one being taken, never sent.
			fmt.Fprintln(w, "A request is being taken: finish it, or type \"cancel\", before logging another.")
			break
		}
		typ, received, via, problem := c.requestArgs(arg)
		if problem != "" {
			fmt.Fprintln(w, problem)
			break
		}
		// Keyed by when it is logged, not when it was received: two letters of one day are two
		// requests, never one resubmitted.
		c.requests++
		key := fmt.Sprintf("cli/%d/%d", c.app.Now().UnixNano(), c.requests)
		rep, err := c.bot.StartIntake(ctx, conversation.Turn{Session: c.session, Channel: "phone", Org: c.org,
			Text: "/request " + string(typ), ReceivedAt: received, MessageID: key, Via: string(via)}, typ)
		if err != nil {
			c.printError(err)
			break
		}
		c.render(rep)
		c.warnIfOverdue(received)
	default:
		fmt.Fprintf(w, "Unknown command %s. /help lists them.\n", name)
	}
	return false
}

// printSources prints the passages behind the last answer, each under its heading.
func printSources(w io.Writer, cites []answer.Citation) {
	if len(cites) == 0 {
		fmt.Fprintln(w, "No answer yet.")
	}
	for _, ct := range cites {
		fmt.Fprintf(w, "[%d] %s — %s — %s", ct.N, ct.Title, ct.Organisation, ct.Section)
		if ct.Updated != "" {
			fmt.Fprintf(w, " (updated %s)", ct.Updated)
		}
		// A citation made without its passage still has what was quoted: a heading over a blank
		// left the adviser nothing to read out.
		text := cmp.Or(ct.Passage, ct.Excerpt)
		fmt.Fprintf(w, "\n%s\n\n", text)
		if strings.Contains(text, "[email") && strings.Contains(text, "protected]") {
			fmt.Fprintln(w, "(“[email protected]” is where the copy of the notice lost an e-mail address: not an address to give a caller.)")
			fmt.Fprintln(w)
		}
	}
}

// warnIfOverdue tells the adviser when a request logged late is overdue already (its month ran
// out before it was logged) or due today: the DPO must know at once.
func (c *chat) warnIfOverdue(received time.Time) {
	due, ok, err := deadline.Clock{Received: received, Region: c.bot.Region, Calendar: c.bot.Calendar}.Due() // the region and bank holidays newBot read
	today := deadline.LondonDate(c.app.Now())
	switch {
	case err != nil || !ok:
	case due.Before(today):
		fmt.Fprintf(c.app.Stdout, "Note for the adviser: received on %s, this request was due by %s and is overdue already; tell the data protection team now.\n",
			received.In(queueLondon()).Format("Monday 2 January 2006"), due.Format("Monday 2 January 2006"))
	case due.Equal(today):
		// A letter logged on its last day (a QA pass: nothing said so).
		fmt.Fprintf(c.app.Stdout, "Note for the adviser: received on %s, this request is due today; tell the data protection team now.\n",
			received.In(queueLondon()).Format("Monday 2 January 2006"))
	}
}

// requestArgs reads /request's arguments: the right (which must be named: taken for access, an
// erasure the adviser forgot to name was filed as the wrong right), when the
// request reached the council (now, a call; or --received DATE, a letter or a voicemail logged
// later, whose month runs from that day) and how (--via phone, post or email; a call by default).
// A problem is said to the adviser, and nothing starts.
func (c *chat) requestArgs(arg string) (typ rights.Type, received time.Time, via dpo.Channel, problem string) {
	received, via = c.app.Now(), dpo.ChannelPhone
	var words []string
	for _, w := range strings.Fields(arg) {
		if flag, v, ok := strings.Cut(w, "="); ok && (flag == "--received" || flag == "--via") { // --received=2026-12-04
			words = append(words, flag, v)
			continue
		}
		words = append(words, w)
	}
	dated, viaGiven := false, false
	for i := 0; i < len(words); i++ {
		switch w := words[i]; {
		case w == "--received" || w == "-received":
			if i+1 == len(words) {
				return "", time.Time{}, "", "--received needs the day the request reached the council: YYYY-MM-DD."
			}
			if dated {
				return "", time.Time{}, "", "--received is given twice: give the one day the request reached the council."
			}
			dated = true
			i++
			day, err := time.Parse(time.DateOnly, words[i])
			if err != nil {
				return "", time.Time{}, "", fmt.Sprintf("--received: %q is not a date like 2026-12-04.", words[i])
			}
			// The London day the request arrived, at its start: the clock runs from the day.
			day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, queueLondon())
			switch today := c.app.Now(); {
			case day.After(today):
				return "", time.Time{}, "", fmt.Sprintf("--received: %s is in the future.", words[i])
			case deadline.LondonDate(day).Before(deadline.LondonDate(today).AddDate(-1, 0, 0)): // a year ago today is allowed
				// A year typed wrong (2016 for 2026, 0001) would file a case long overdue.
				return "", time.Time{}, "", fmt.Sprintf("--received: %s is more than a year ago; check the year.", words[i])
			}
			received = day
		case w == "--via" || w == "-via":
			if via != dpo.ChannelPhone || viaGiven {
				return "", time.Time{}, "", "--via is given twice: say once how the request came."
			}
			viaGiven = true
			if i+1 == len(words) {
				return "", time.Time{}, "", "--via needs how the request came: phone, post or email."
			}
			i++
			// "e-mail", as the README and most people write it, is email.
			switch ch := dpo.Channel(strings.ReplaceAll(strings.ToLower(words[i]), "e-mail", "email")); ch {
			case dpo.ChannelPhone, dpo.ChannelPost, dpo.ChannelEmail:
				via = ch
			default:
				return "", time.Time{}, "", fmt.Sprintf("--via: %q is not phone, post or email.", words[i])
			}
		case strings.HasPrefix(w, "-"):
			// "--recieved" is a flag mistyped, not a request type.
			return "", time.Time{}, "", unknownFlag(w)
		default:
			t, err := rights.ParseType(w)
			if err != nil || t == rights.None {
				// "/request delete", "/request copy", "/request subject access": the words said, for
				// the right they name.
				said := w
				for j := i + 1; j < len(words) && !strings.HasPrefix(words[j], "-"); j++ {
					said += " " + words[j]
				}
				for _, probe := range []string{said + " request", w + " my data", "a " + w + " of my data"} {
					if meant := rights.Classify(probe).Type; meant != rights.None {
						return "", time.Time{}, "", fmt.Sprintf("Unknown request type %q: did you mean /request %s? Types: %s", said, meant, typeNames())
					}
				}
				return "", time.Time{}, "", fmt.Sprintf("Unknown request type %q. Types: %s", w, typeNames())
			}
			if typ != "" {
				return "", time.Time{}, "", fmt.Sprintf("/request names two rights (%s, %s): log each as its own request.", typ, t)
			}
			typ = t
		}
	}
	if typ == "" {
		return "", time.Time{}, "", "Which right is the request? " + requestUsage + ", for example /request erasure. Types: " + typeNames()
	}
	if dated && !viaGiven {
		// A request dated earlier came another way than the call now on the line, or as a
		// voicemail: filed as a call unasked, a letter would be on the trail as a phone call.
		return "", time.Time{}, "", "--received dates a request that reached the council earlier: say how it came with --via phone (a voicemail), post or email. " + requestUsage
	}
	return typ, received, via, ""
}

// unknownFlag is what /request says of a flag it doesn't know: the one meant, when its first
// letter and about its length say which ("--recieved", "--recd", "--vai"), and how /request is
// typed.
func unknownFlag(w string) string {
	name := strings.ToLower(strings.TrimLeft(w, "-"))
	for _, flag := range []string{"received", "via"} {
		// "--recieved", "--recived", "--vai": a letter or two out; not "--reset" or "--rubbish".
		if most := min(2, len(flag)/3); name != "" && editdist.Distance(name, flag) <= most {
			return fmt.Sprintf("Unknown flag %q: did you mean --%s? %s", w, flag, requestUsage)
		}
	}
	return fmt.Sprintf("Unknown flag %q. %s", w, requestUsage)
}

func typeNames() string {
	var s []string
	for _, t := range rights.Types() {
		s = append(s, string(t))
	}
	return strings.Join(s, ", ")
}
