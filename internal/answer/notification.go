package answer

import "regexp"

// asksToBeToldRe finds a question asking whether the council tells the person before or when it
// does something: "will you tell me before you give my info to the police?", "would I be told
// if you put a flag on my record?". What it asks is whether they are told: a list of
// recipients naming the police says nothing of that.
var asksToBeToldRe = regexp.MustCompile(`(?i)\b(?:will|would|do|does|did|should|must|can|could)\s+(?:you|they|the council|\w+)\s+(?:always\s+|ever\s+|first\s+|still\s+)?(?:tell|inform|notify|warn|let)\s+(?:me|us)\b(?:\s+know)?[^?.!]*?\b(?:before|beforehand|first|if|when|whether)\b|` +
	`\b(?:will|would|do|should)\s+(?:i|we)\s+(?:be|get)\s+(?:told|informed|notified|warned|a warning)\b`)

// tellsThePersonRe finds a sentence saying whether the council tells the person concerned:
// "we will usually tell you first", "We will write to tell you if we do this", "unless telling
// you would put a child at greater risk", "parents or carers are usually told that an allegation
// has been made".
var tellsThePersonRe = regexp.MustCompile(`(?i)\b(?:tell|tells|told|telling|inform|informs|informed|informing|notify|notifies|notified|notifying|warn|warns|warned|warning|contact|contacts|contacted)\s+(?:you|them|the person|the family|families|parents|their parents)\b|` +
	`\blet (?:you|them) know\b|\bwrite to (?:you|them)\b|\b(?:you|they)(?:'ll| will| would| may| might)?(?: not)? get (?:told|a letter)\b|` +
	`\b(?:are|is|be|being|been)\s+(?:not\s+)?(?:usually\s+|always\s+|normally\s+|then\s+|also\s+|only\s+)?(?:told|informed|notified|warned|contacted)\b`)

// tellFloor is the share of the best sentence's coverage a sentence saying whether the person
// is told must have to be quoted first for a "will you tell me before …?" question.
const tellFloor = 0.5
