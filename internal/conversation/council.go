package conversation

import (
	"regexp"
	"slices"
	"strings"

	"github.com/privacybot/privacybot/internal/redact"
)

// councilOfAddress is the council whose area a postal address in text is in, by the town or
// village written after its street ("14 Oakridge Road, Bletchley, MK3 6AB" is in Milton Keynes,
// Bletchley being a place of its area in organisations.yaml); "" when the text has no address, or
// its places are no council's or more than one's. A place written after a street is where the
// house is, though it follows no "in" (a QA pass asked "Which council?" of a message the README
// says is taken).
func (b *Bot) councilOfAddress(text string) string {
	var after []string // what follows each address, up to the sentence's end
	_, found := addressFinder.Redact(text)
	for i, f := range found {
		if f.Kind != redact.KindAddress {
			continue
		}
		end := len(text)
		if i+1 < len(found) && found[i+1].Kind == redact.KindAddress {
			end = found[i+1].Start
		}
		rest := text[f.End:end]
		if loc := sentenceEndRe.FindStringIndex(rest); loc != nil {
			rest = rest[:loc[0]]
		}
		after = append(after, rest)
	}
	if len(after) == 0 && postalAddress(text) {
		// "PO Box 123, Aylesbury", "Holly Cottage, The Lee": the places after the first line.
		_, rest, _ := strings.Cut(text, ",")
		after = append(after, rest)
	}
	var councils []string
	for _, rest := range after {
		for i, part := range strings.Split(rest, ",") {
			if i > 3 {
				break // a town is within the next few parts of an address, or not in it
			}
			words := strings.Fields(postcodeRe.ReplaceAllString(part, " "))
			if len(words) == 0 {
				continue
			}
			// A place of up to four words ("Chalfont St Giles"), said as where.
			for _, c := range b.councilsNamed("in " + strings.Join(words[:min(len(words), 4)], " ")) {
				if !slices.Contains(councils, c) {
					councils = append(councils, c)
				}
			}
		}
	}
	if len(councils) != 1 {
		return ""
	}
	return councils[0]
}

// sentenceEndRe ends the sentence an address is written in.
var sentenceEndRe = regexp.MustCompile(`[;!?]|\.(?:\s|$)`)
