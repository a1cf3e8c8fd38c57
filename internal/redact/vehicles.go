package redact

import "strings"

// A vehicle registration identifies its keeper through the DVLA, and residents give theirs when
// they ask about parking fines, permits and CCTV ("my car reg is AB12 CDE"). The current format
// (since September 2001) is two letters, two digits and three letters, and is redacted wherever
// it stands: its shape is rare in prose. Older formats ("A123 BCD", "ABC 123D") look like too
// many other things, so they count only after a cue ("reg", "registration", "number plate").

// currentPlate is the current format, letters in any case: a memory tag (no I, Q or Z), an age
// identifier and three random letters (no I or Q), with or without a space.
const currentPlate = `[a-hj-pr-y]{2}[0-9]{2}[ \t]?[a-hj-pr-z]{3}`

// olderPlate is the prefix format (1983–2001: "A123 BCD") or the suffix format (1963–1983: "ABC
// 123D").
const olderPlate = `[a-z][0-9]{1,3}[ \t]?[a-z]{3}|[a-z]{3}[ \t]?[0-9]{1,3}[a-z]`

// currentPlateRE finds a registration in the current format where a word starts.
var currentPlateRE = newPattern(`(?i)`+currentPlate+`\b`, 9, plateStart)

// cuedPlateRE finds a registration in any format after a cue: "reg AB12 CDE", "registration
// number: A123 BCD", "number plate was ABC 123D", "VRM AB12CDE". Group 1 is the registration.
var cuedPlateRE = newPattern(`(?i)(?:reg(?:istration)?|plate|vrm)(?:[\s.:\-]+(?:no|number|num|mark|plate|is|was|of))*[\s.:\-]+(`+
	currentPlate+`|`+olderPlate+`)\b`, 64, wordStartWith("reg", "plate", "vrm"))

// plateStart reports whether a registration in the current format can start at byte i: a word
// starts there with two letters and two digits, and does not go on a reference ("DPO-AB12CDE").
func plateStart(s string, i int) bool {
	return i+4 <= len(s) && isASCIILetter(s[i]) && isASCIILetter(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]) &&
		!wordBefore(s, i) && (i == 0 || s[i-1] != '-' && s[i-1] != '/')
}

// findVehicleRegistrations appends the spans of vehicle registrations: the current format
// anywhere, the older ones after a cue.
func findVehicleRegistrations(s string, out []span) []span {
	currentPlateRE.each(s, func(m []int) int {
		if !plausiblePlate(s[m[0]:m[1]]) {
			return -1
		}
		out = append(out, span{KindVehicle, m[0], m[1]})
		return m[1]
	})
	cuedPlateRE.each(s, func(m []int) int {
		if !plausiblePlate(s[m[2]:m[3]]) {
			return -1
		}
		out = append(out, span{KindVehicle, m[2], m[3]})
		return m[1]
	})
	return out
}

// plausiblePlate reports whether a registration's shape found in text is one rather than a
// code before a word: where a space splits it, its letters after the space are no ordinary word
// ("MK10 and", "FY24 the", "plate A1 was"). Typed solid ("ab12cde") it always counts.
func plausiblePlate(p string) bool {
	k := strings.LastIndexAny(p, " \t")
	if k < 0 {
		return true
	}
	tail := strings.ToLower(p[k+1:])
	if tail == "" || !isASCIILetter(tail[0]) {
		return true // "ABC 123D": the letters come first
	}
	return !ordinaryWord(tail) && !threeLetterWords[tail]
}

// threeLetterWords are short words that follow a code ("in MK14 you can", "FY24 was") and that
// the lists of ordinary words do not hold.
var threeLetterWords = setOf(`the and you has was are for not but can our all any how why who
	its his her one two six ten yes pls plz etc per via off own out may now new old too use got
	get let set say see saw did had him she day way bus car van cab job`)
