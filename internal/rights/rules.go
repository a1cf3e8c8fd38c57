package rights

// A cue is one piece of evidence: a pattern over the normalised text (lower
// case, single spaces, punctuation as tokens) and the weight it adds.
//
// Unless negOK is set, a match is ignored when a negator (not, don't, never,
// …) stands just before it in the same clause: "I'm not asking you to delete
// anything" is not an erasure request. Cues that carry their own negation
// ("don't delete", "no longer consent") set negOK.
type cue struct {
	name     string
	weight   float64
	re       pattern
	negOK    bool
	requires *pattern // if set, the cue counts only when this also matches
	excludes *pattern // if set, the cue counts only when this does not match
}

func c(name string, w float64, pattern string) cue {
	return cue{name: name, weight: w, re: mustPattern(pattern)}
}

func cn(name string, w float64, pattern string) cue {
	cu := c(name, w, pattern)
	cu.negOK = true
	return cu
}

func (cu cue) needs(pattern string) cue {
	p := mustPattern(pattern)
	cu.requires = &p
	return cu
}

func (cu cue) unless(pattern string) cue {
	p := mustPattern(pattern)
	cu.excludes = &p
	return cu
}

// Shared fragments.
const (
	poss  = `(?:my|his|her|their|our)`
	third = `(?:me|him|her|them|us)`
	data  = `(?:data|details|information|records?|files?|notes|account|personal data|personal information)`
	gap3  = `(?: \S+){0,3}`
	// contacting is being contacted, as an objection stops it: "stop emailing me", "I don't want
	// you texting me".
	contacting = `(?:emailing|e mailing|texting|calling|phoning|ringing|messaging|writing to|spamming|bothering|chasing)`
	// firstPersonData is the writer's own data asked for: "held on me", "my records", "send me
	// everything".
	firstPersonData = `\b(?:about|on|relating to|concerning) me\b|\b(?:my|our) (?:own )?(?:\S+ ){0,2}?(?:data|records?|files?|information|personal data|notes)\b|\bsend me everything\b|\beverything (?:you|the council) (?:hold|holds|have|has|keep|keeps)\b`
	// item is one value in a record, which can be wrong or out of date.
	item = `(?:name|surname|first name|last name|address|email|email address|number|phone number|mobile|mobile number|details|date of birth|dob|birthday|title|gp|gender|spelling|bank details)`
	// oldValueHeld is the council holding or using a value of the writer's that is no longer
	// theirs: "you still have my old address", "we've got his previous email on file". The
	// council, or its records, must be who holds it: "my ex has my old address" tells of no
	// record to correct. Supposed ("if the council has my old address I want it removed"), it is
	// not told, and what is wanted done to it says the right (oldValueSupposed).
	oldValueHeld     = `\b` + oldValueHolder + `\b(?: \S+){0,2}? ` + oldValueHolding
	oldValueSupposed = `\b(?:if|whether|in case) (?:the )?` + oldValueHolder + `\b(?: \S+){0,2}? ` + oldValueHolding
	oldValueHolder   = `(?:we|we've|you|you've|they|they've|council|system|records?|file|account)`
	oldValueHolding  = `(?:have|has|got|hold|holds|held|keep|keeps|kept|use|uses|using|list|lists|listed|show|shows|say|says)\b(?: \S+)? (?:my|his|her|their|our|the) (?:old|previous|former) (?:\S+ )?` + item + `\b`
)

// theRecordsWanted is records of something, wanted by the writer and no one's said: "i want the
// safeguarding review records", "I need the notes from the meeting". notTheirRecords are the
// council's own documents.
const (
	theRecordsWanted = `\bi (?:want|need|would like|'d like|d like|am requesting|request|am asking for|'m asking for) (?:a copy of |copies of |to see |to get |to have |to read )?the (?:\S+ ){0,3}(?:records|file|notes)\b`
	notTheirRecords  = `\brecords? of processing\b|\bretention\b`
	// recordsSaidHeld says the records are held on someone, or asks for a copy: "I want the file
	// you have on me", "the records you hold on my son", "a copy of the fraud file": asked for,
	// not asked about.
	recordsSaidHeld = `\b(?:on|about|for|of|relating to) (?:me|my|him|her|them|us)\b|\b(?:you|the council|they|council) (?:have|has|hold|holds|held|keep|keeps|kept|got)\b|\bcop(?:y|ies) of\b`
)

// Two grievances about handling told without the word "complaint": personal
// data sent to the wrong person (the writer received someone else's), and
// records looked at without a reason.
const (
	misdirected  = `\b(?:received|receive|got|get|been sent|was sent|were sent|sent me|given|opened)\b(?: \S+){0,3} (?:someone|another person|somebody|other people|another (?:resident|tenant|family|person|customer|patient|child|woman|man))(?: else)?'s (?:\S+ ){0,2}(?:data|details|information|letters?|post|mail|emails?|records?|files?|documents?|paperwork|bills?|statements?|reports?|notes|address|name|forms?)\b`
	unauthorised = `\b(?:looked|look|looking|accessed|accessing|viewed|viewing|read|reading|went|gone|go|going|opened|checked|checking|nosing|nosed)\b(?: \S+){0,5} without (?:my |any |a |good |proper )?(?:permission|consent|authori[sz]ation|knowledge|telling me|asking|reason|need)\b|\bno (?:right|business|reason) (?:to )?(?:look|looking|access|accessing|view|read|go|going) (?:at |into |through )?` + poss + ` `
)

// noneBase is the score a message must beat to be about a right at all.
const noneBase = 1.5

// typeCues hold the evidence for each right. None's cues are information
// topics that are not rights (retention, cookies, the DPO's contact), so a
// passing mention of "delete" in "when do you delete complaint records?"
// loses to retention.
var typeCues = map[Type][]cue{
	Access: {
		c("subject access", 3.5, `\bsubject access\b`),
		c("sar", 3.5, `\b(?:sar|dsar)\b`),
		c("article 15", 3.5, `\barticle 15\b`),
		c("right of access", 3, `\bright of access\b|\baccess to `+poss+`\b|\brequest for access\b`),
		c("copy of", 2.5, `\bcop(?:y|ies) of\b`),
		// A copy asked for after naming the file: "my case file - can I get a copy?".
		c("get a copy", 3, `\b(?:get|have|want|need|request|send|receive|obtain|see)\b(?: \S+){0,2} (?:a )?cop(?:y|ies)\b`).needs(`\b(?:file|files|records?|notes|case|report|reports|data|information|details)\b`),
		c("see/get my records", 2, `\b(?:see|view|get|have|access|obtain|receive|request|requests|want|wants|need|needs|provide|send|email|post|forward|disclose|release|ask|asking|(?:would|'d| d) like)\b(?: \S+){0,6} (?:`+poss+`|own) (?:\S+ ){0,3}(?:records?|files?|notes|data|information|details|stuff)\b`),
		c("what do you hold about me", 1, `\b(?:what|which)(?: \S+){0,2} (?:data|information|details|records)\b(?: \S+){0,3} (?:hold|have|got|keep)\b(?: \S+){0,2} (?:about|on) me\b`),
		c("held about me", 2.5, `\b(?:hold|holds|held|have|has|got|keep|kept|store|stored|made)\b`+gap3+` (?:about|on) `+third+` `),
		// "I'd like to see what the council holds about my mum" (a QA pass: no request).
		c("held about my relative", 2.5, `\b(?:see|know|find out|tell me|show me) what\b(?: \S+){0,5} (?:hold|holds|held|have|has|got|keep|keeps|kept|store|stores|stored)\b`+gap3+` (?:about|on) my (?:late )?`+relatives+`\b`),
		// "what do you have on my dad": what is held on a relative, asked straight out.
		c("what do you hold about my relative", 2.5, `\b(?:what|which)(?: \S+){0,3} (?:hold|holds|have|has|got|keep|keeps|store|stores)\b(?: \S+){0,2} (?:about|on) my (?:late )?`+relatives+`\b`),
		// "records for my dad", "my data for my mum": records named for a relative, or theirs.
		c("records for my relative", 2, data+`(?: \S+){0,3} (?:for|on|about) my (?:late )?`+relatives+`\b|\bmy (?:late )?`+relatives+`'s (?:\S+ ){0,2}?`+data+`\b`),
		c("relating to me", 2.5, `\b(?:relating to|concerning|that mention|mentioning|held on|held about) `+third+` |\b(?:file|files|records?|notes|dossier|data|information|details|everything|anything|evidence|paper|papers|paperwork|documents?) (?:on|about) (?:me|him|her|them|us) `),
		// What is held about something of the writer's ("the data you hold about my parking fine").
		c("held about my case", 2.5, `\b(?:data|information|details|records?|everything|anything|all)\b(?: \S+){0,3} (?:hold|holds|held|have|has|got|keep|kept|store|stored)\b(?: \S+){0,2} (?:about|on|relating to|regarding|for) (?:my |our )`),
		// A demand for one's data in any words: "give me my data", "hand over my file".
		c("give me my data", 2.5, `\b(?:give|hand|show|let) (?:me|us)(?: back| over| have| see)? (?:all |a copy of |copies of |everything (?:in|on) )?(?:my|our|all my|all of my) (?:\S+ ){0,3}`+data+`\b|\bhand over `+poss+` (?:\S+ ){0,2}`+data+`\b`),
		// Preferring a copy to the alternative ("I'd rather have a copy", "a copy instead of
		// deleting it"): access, however the alternative is named.
		c("a copy instead", 5, `\b(?:rather|instead|prefer)\b(?: \S+){0,3} (?:a )?cop(?:y|ies)\b|\bcop(?:y|ies)\b(?: \S+){0,5} (?:rather than|instead of)\b`),
		// What was written about the writer: "I need to see what social services wrote about me".
		c("what was written about me", 3, `\b(?:see|read|know|get|have)\b(?: \S+){0,2} what (?:\S+ ){0,4}(?:wrote|written|write|writes|recorded|said|put|noted|say|says|reported)\b(?: \S+){0,3} (?:about|on|of) (?:me|my (?:son|daughter|child|mum|dad))\b`),
		c("on file for me", 2.5, `\bon file (?:for|about|on) `+third+` |\b(?:got|have|hold|held|is) on (?:file|record|your system)\b`),
		c("disclose records", 2.5, `\b(?:disclose|release|supply)\b(?: \S+){0,2} (?:records?|files?|data|information|notes|copies|documents)\b|\brecords held by\b`),
		c("authority enclosed", 3, `\b(?:enclose\w*|attached|signed) (?:\S+ ){0,2}(?:consent|authority|authorisation|mandate)\b|\b(?:consent|authority|authorisation) (?:is )?(?:enclosed|attached)\b`),
		c("footage", 3, `\b(?:asking for|ask for|want|wants|request\w*|need|needs|copy of|copies of|send me|get|see|have|hear|listen to)\b(?: \S+){0,3} (?:cctv|footage|recordings?|bodycam|body cam)\b`),
		c("email me the notes", 2.5, `\b(?:send|email|post|forward) me (?:all|a copy|copies|the|everything|my)\b|\bsee what (?:was|you|is|they|has been)\b(?: \S+){0,2} (?:written|wrote|said|have|hold|held|recorded|on)\b`),
		c("get the report", 3, `\b(?:get|see|have|obtain|access|read) (?:a copy of )?the (?:report|notes|minutes|assessment|investigation report|findings|file|case file)\b`),
		// A record of something that happened, asked for by the writer: "my son was hurt at school
		// and i want the safeguarding review records" (a QA pass: no right at all). Whether it is
		// personal data the council holds is unsaid (a school's review?), so the wish is weighed as
		// a question too (the info cue "the records wanted"): offered, not taken at once.
		c("i want the records", 4, theRecordsWanted).unless(notTheirRecords),
		c("send me everything", 2, `\bsend me (?:everything|all|a copy)\b`),
		cn("records request", 3, `\b(?:records?|file|data) request\b|\b(?:my|an|the|your|his|her) access request\b|\brequest for `+poss+` (?:records|file|data)\b`),
		// The material a decision or case against the person rested on is their
		// data: "the evidence you used against me", "the data your team used to
		// prosecute me".
		c("evidence used against me", 3, `\b(?:used|relied on|based|gathered|collected|obtained|have|has|hold|holds|held|got)\b(?: \S+){0,2} (?:against `+third+` |(?:to|in|when|for) (?:prosecut\w*|fin(?:e|ed|ing)|convict\w*|evict\w*|sanction\w*|charg\w*|caution\w*) (?:`+third+`|`+poss+` \S+) )|\b(?:want|need|see|get|have|send|copy of|copies of|request\w*|obtain|access|provide|disclose|show)\b(?: \S+){0,3} evidence\b(?: \S+){0,5} against `+third+` `).needs(`\b(?:data|information|evidence|records?|documents?|notes|details|files?|photos|footage|statements?)\b`),
		// What is held about a case against the writer ("all the information you hold about the
		// fly-tipping investigation against me", "the file you have on me about the complaint
		// against me"): their data, asked for. A complaint or an investigation against them is no
		// complaint of theirs (a QA pass filed the first as one). Said with a complaint of their
		// own ("I want to complain about …"), the complaint still outweighs it.
		c("held about a case against me", 4, `\b(?:data|information|info|details|records?|files?|notes|everything|anything|evidence|documents?|paperwork|dossier|reports?)\b(?: \S+){0,6} (?:about|on|regarding|relating to|concerning|for|from|in|of) (?:the|this|that|your|an?) (?:\S+ ){0,3}?(?:investigations?|cases?|complaints?|allegations?|accusations?|prosecution|enquiry|inquiry|proceedings|action|claim|dispute|matter|incident|referral|report) (?:\S+ ){0,2}?(?:against|into|about|involving|concerning|on|of) (?:me|us|my (?:late )?`+relatives+`)\b`),
		c("someone else's records", 2.5, `\brequest on behalf\b|\bsomeone else's (?:records|data|file|information|details)\b`),
		c("request", 1, `\brequests?\b`),
		c("my records", 1, `\b(?:`+poss+`|own) (?:\S+ ){0,2}(?:records|file)\b`),
	},
	Rectification: {
		// What is wanted done to the records said after them: "I'd like my records corrected"
		// (a QA pass: an access request, since wanting one's records is asking for them).
		c("records corrected", 3.5, `\b(?:records?|data|details|file|files|information|address|name|account)\b(?: \S+){0,2} (?:corrected|updated|amended|fixed|changed|put right)\b`),
		c("defect", 3, `\b(?:wrong|incorrect|inaccurate|inaccuracy|inaccuracies|out of date|outdated|mistake|mistakes|error|errors|typo|misspelt|misspelled|not true|untrue|false)\b`),
		c("correct", 3, `\b(?:correct|corrected|correcting|correction|amend|amended|amending|amendment|rectify|rectified|rectification)\b`),
		c("fix it", 1.5, `\b(?:update|change|fix|sort|put right)\b(?: \S+)? (?:it|that|this|them|my|his|her)\b`),
		// The records as what is to be changed: "i want to correct my records", "i want to update my
		// records" (a QA pass filed both as access, for wanting one's records).
		// Or one value in them: "wants us to update her address on our records" (a QA pass of
		// advisers filed it as access, the caller wanting "our records", where "I've moved, please
		// update my address" had nothing to outweigh its weaker cues).
		c("change my records", 3, `\b(?:correct|correcting|update|updating|amend|amending|change|changing|fix|fixing|rectify|rectifying|edit|editing|alter|altering)\b(?: \S+)? `+poss+` (?:\S+ ){0,2}?(?:records?|files?|notes|data|information|details|account|`+item+`)\b`),
		// The council still holding a value the writer has left behind: "we have her old address,
		// she moved last month" (a QA pass of advisers: no request at all).
		c("an old value held", 3.5, oldValueHeld).unless(oldValueSupposed),
		c("data item", 1, `\b`+poss+` (?:name|surname|first name|last name|address|date of birth|dob|phone number|mobile number|number|email|email address|title|gp|gender|ethnicity|nationality)\b`),
		c("new value", 1.5, `\bnew (?:one|address|number|name|email|surname)\b`),
		c("article 16", 3.5, `\barticle 16\b`),
		c("to be fixed", 2.5, `\bto be (?:fixed|corrected|amended|changed|updated|put right|rectified)\b`),
		c("changed to", 3, `\b(?:changed|updated|corrected|amended) to\b|\b(?:change|update|correct) (?:it|this|that|them) to\b|\bwants? (?:it|them|this|that) (?:changed|updated|corrected|amended)\b`),
		c("change what was written", 3, `\b(?:change|changes|changed|alter|edit|remove)\b(?: \S+){0,3} (?:opinion|entry|wrote|written)\b`),
		// Calling the record lies is saying it is wrong.
		c("lies", 3, `\b(?:lies|made up|lied|fabricated|lying|misleading|twisted|exaggerated|not what happened|never happened)\b`).needs(`\b(?:report|reports|notes|record|records|file|assessment|letter|statement|minutes|entry|evidence|wrote|written|says|said|data|information|details)\b`),
		// Deleting the wrong or the old value to put the right one in its place is a
		// correction, not erasure: "erase the wrong date of birth", "delete my old email
		// and use my new one", "my surname changed, please delete the old one".
		c("delete the wrong value", 4.5, `\b(?:delete|erase|remove|wipe|get rid of|take off|take out)\b(?: \S+){0,3} (?:wrong|incorrect|inaccurate|outdated|out of date|misspelt|misspelled) (?:\S+ )?`+item+`\b`),
		c("delete the old value", 4.5, `\b(?:delete|erase|remove|wipe|get rid of|take off|take out)\b(?: \S+){0,2} (?:old|previous|former|maiden) (?:\S+ )?(?:one|`+item+`)\b`).needs(`\b(?:new|instead|replac\w*|changed|current|updated?|married|correct|right one)\b`),
		// A detail to go on the writer's own records: "I want my mum's new address put on my
		// account" (a review: refused as asking for someone else's details).
		c("put on my records", 3, `\b(?:put|putting|add|added|adding)\b(?: \S+){0,4} (?:on|onto|to) my (?:\S+ )?(?:records?|account|file|files|details)\b`),
		c("lists me as", 1.5, `\b(?:lists?|listed|says?) `+third+` (?:as|is)\b|\brecords? says?\b`),
	},
	Erasure: {
		c("records removed", 3.5, `\b(?:records?|data|details|file|files|information|account)\b(?: \S+){0,2} (?:removed|deleted|erased|wiped|destroyed|got rid of|gotten rid of)\b`),
		c("delete", 4, `\b(?:delete|deleted|deleting|deletion|erase|erased|erasing|erasure|wipe|wiped|wiping|purge|purged|destroy|destroyed|get rid of|rub out|rub it out|rub them out|scrub|scrubbed)\b`),
		// "bin my details", in plain speech: the verb before what is the writer's.
		c("bin it", 4, `\bbin (?:my|our|all my|all of my|the) (?:data|details|information|info|records|file|files)\b`),
		c("remove", 3, `\b(?:remove|removed|removing)\b`),
		c("forgotten", 4, `\bforgotten\b`),
		// The verb on whose data it is: "I want to delete my mum's data" read as a request for a
		// copy of it (a QA pass), the "want … my mum's data" of access outweighing "delete".
		c("delete a relative's data", 3, `\b(?:delete|erase|wipe|destroy|remove)\b (?:all (?:of )?)?my (?:late )?`+relatives+`(?:'s|s)? (?:\S+ ){0,2}?`+data+`\b`),
		c("article 17", 3.5, `\barticle 17\b`),
		c("kill my account", 3, `\b(?:kill|nuke|scrap|terminate|get rid of) (?:my|his|her|our|the) (?:\S+ )?account\b`),
		c("take it down", 2.5, `\btake (?:it|them|this|that|the \S+) down\b`),
		// Off the system, not off a mailing list (that is withdrawing consent).
		c("off your system", 3.5, `\b(?:take|taken|get|got|wipe|clear|scrub)\b(?: \S+){0,4} (?:off|out of) (?:your|the|all|every|any)(?: \S+)? (?:system|systems|database|databases|records|computer|computers|books|files)\b`),
		// A detail to come off the writer's own records: "I want my ex's phone number taken off
		// my account", "I don't want my ex-husband's address on my records any more" (a review:
		// refused as asking for someone else's details).
		cn("off my records", 3.5, `\b(?:take|taken|taking|took|get|got|getting)\b(?: \S+){0,4} (?:off|out of) my (?:\S+ )?(?:records?|account|file|files|details)\b|`+
			`\b(?:don't|do not|no longer) want\b(?: \S+){1,4} (?:on|in) my (?:\S+ )?(?:records?|account|file|files|details)\b`),
		// Not wanting the council to hold the data at all; not wanting it used is objection.
		cn("don't want you holding it", 3.5, `\b(?:don't|do not|doesn't|does not|no longer) want (?:you|the council|anyone|them) (?:to )?(?:hold|holding|keep|keeping|have|having|store|storing|retain|retaining)\b|\b(?:stop|cease) (?:holding|keeping|storing|retaining)\b`),
	},
	Restriction: {
		c("restrict", 4, `\brestrict\w*\b`),
		c("limit", 2.5, `\blimit(?:s|ed|ing)?\b`),
		// "a hold on my data", not "what you hold on me" or "hold on, what do you mean?".
		c("hold/freeze", 3.5, `\b(?:a hold|on hold|freeze|frozen|suspend\w*|pause\w*)\b`),
		cn("don't delete", 3.5, `\b(?:don't|do not) (?:delete|erase|destroy|remove|wipe)\b`),
		c("only for", 2.5, `\b(?:except|anything else|only use|other than|certain way)\b`),
		c("until", 1, `\b(?:until|while|pending)\b`),
		c("accuracy dispute", 1.5, `\b(?:accuracy|contest\w*|disput\w*)\b`),
		c("article 18", 3.5, `\barticle 18\b`),
		cn("don't use meanwhile", 3.5, `\b(?:don't|do not|not to|stop|pause|suspend) (?:use|using|process|processing|share|sharing|do anything with)\b`).needs(`\b(?:until|while|pending|for now|in the meantime|meanwhile|for the time being)\b`),
		cn("keep but don't use", 4.5, `\b(?:only (?:be )?(?:kept|stored)|just (?:keep|store) (?:it|them)|keep (?:it|them) but|(?:don't|do not) do anything (?:else )?with|lock (?:it |them |my \S+ )?(?:down|up)|lock down|(?:kept|stored) (?:and|but) not used|store (?:it|them) but)\b`),
		cn("instead of deleting", 4.5, `\b(?:instead of|rather than|without|but not|not) (?:deleting|erasing|removing)\b`),
		c("whether correct", 2, `\bwhether\b(?: \S+){0,4} (?:is|are) (?:correct|accurate|right)\b`),
	},
	Portability: {
		c("records moved", 3.5, `\b(?:records?|data|file|files|information)\b(?: \S+){0,2} (?:moved|transferred|sent over) to\b`),
		c("portability", 4, `\bportab\w*\b`),
		c("article 20", 3.5, `\barticle 20\b`),
		c("machine format", 2, `\b(?:machine readable|structured|commonly used|electronic|electronically|csv|json|spreadsheet|xml|excel|can open in|their system can read)\b`),
		c("port", 3, `\bport (?:my|his|her|our|their|it|the|all)\b|\bport(?:ed|ing)\b`),
		c("send to a new provider", 2.5, `\b(?:send|sent|transfer\w*|move|moved)\b(?: \S+){0,4} (?:to|straight to|directly to) (?:another|a new|the new|my new|a different|a private)\b|\b(?:send|sent) (?:\S+ ){0,2}(?:data|records|information|details) to them\b`),
		c("format", 2, `\bformat\b`),
		c("export", 2, `\b(?:export\w*|download\w*)\b`),
		c("transfer", 2.5, `\b(?:transfer\w*|transmit\w*)\b`),
		c("move elsewhere", 2, `\b(?:move|moving|switch\w*|reuse|re use|give it to|port)\b(?: \S+){0,6} (?:another|other|new|elsewhere|different|private)\b`),
	},
	Objection: {
		cn("records not shared", 3.5, `\b(?:records?|data|details|information)\b(?: \S+){0,2} not (?:shared|used|passed on|passed|given|disclosed)\b`),
		c("object", 3.5, `\bobject(?:s|ed|ing|ion)?\b`),
		c("article 21", 3.5, `\barticle 21\b`),
		c("opt out", 3, `\bopt(?:ed|ing)? (?:me )?out\b`),
		// With no purpose named, "stop using my data" is still an objection: the
		// right to object needs no purpose, and nothing says to keep the data
		// meanwhile (which would be restriction). An adviser's "us" is the council, as a
		// resident's "you" is: "caller wants to stop us sharing his data with the police" (a QA
		// pass of advisers answered it with the list of recipients).
		c("stop using", 2.5, `\b(?:stop|cease|halt) (?:you |the council |them |anyone |us )?(?:from )?(?:using|sending|passing|sharing|analysing|processing|profiling|contacting|giving|`+contacting+`)\b`),
		c("stop", 1, `\bstop\b`),
		// "I don't want you emailing me any more": being contacted is a use of one's details too.
		cn("don't want my data used", 3, `\b(?:don't|do not|doesn't|does not) want `+poss+` (?:data|details|information|personal data|name)\b|\b(?:don't|doesn't|do not|does not) want (?:you|the council) (?:to )?(?:use|using|share|sharing|pass|passing|contact|`+contacting+`|email|e mail|text|call|phone|ring|message|write to)\b`),
		c("purpose", 1, `\b(?:marketing|research|surveys?|press|media|political parties|councillors|performance|planning|analysis|analysing|nhs number)\b`),
		cn("never asked", 1, `\bnever asked for\b`),
		// Keeping an address confidential objects to one use of it, disclosure, while
		// the council goes on using it for its services (restriction would pause every
		// use): "please don't share my address with anyone", "I need my address kept
		// confidential", "mark my records as confidential so my ex can't find me".
		cn("don't disclose my data", 4.5, `\b(?:don't|do not|never|not to|stop) (?:(?:us|you|them|the council) )?(?:share|sharing|disclose|disclosing|pass on|passing on|pass|passing|give out|giving out|give|giving|release|releasing|publish|publishing|hand over|handing over)\b(?: \S+)? `+poss+` (?:\S+ )?(?:`+item+`|data|information|location|whereabouts|personal data|personal information|records?)\b|\b`+poss+` (?:\S+ )?(?:`+item+`|data|information|location|whereabouts|records?)\b(?: \S+){0,2} (?:isn't|is not|aren't|are not|not be|never be|won't be|not being|not get|doesn't get|don't get|never gets?) (?:\S+ )?(?:shared|disclosed|passed on|passed|given out|given|released|handed over|published)\b`),
		// Hiding it, or not giving it out said after it (a QA pass filed "my husband keeps finding my
		// new address, i need you to not give it out to anyone" as a correction, for "new address").
		cn("hide my address", 4.5, `\b(?:hide|hiding|hidden|conceal|concealing|withhold|withholding|protect|protecting) `+poss+` (?:\S+ )?(?:address|location|whereabouts|details)\b|`+
			`\b`+poss+` (?:\S+ )?(?:address|location|whereabouts) (?:to be |be |kept )?(?:hidden|concealed|withheld)\b|\baddress\b(?: \S+){0,12} (?:don't|do not|never|not|not to) (?:\S+ )?(?:give|giving|share|sharing|pass|passing|disclose|disclosing|hand|handing|release|releasing) (?:it|them) (?:out|on|over)?\b`),
		c("keep it confidential", 4.5, `\b(?:keep|kept|keeping|mark|marked|flag|flagged|treat|treated|make|made|hold|held|list|listed|stay|stays|remain|remains)\b(?: \S+){0,3} (?:as )?(?:confidential|private|secret|hidden|ex directory|anonymous)\b`).needs(`\b(?:need|needs|want|wants|please|can you|could you|would you|would like|i'd like|make sure|ensure)\b`),
	},
	AutomatedDecision: {
		c("automated", 3.5, `\bautomat\w*\b`),
		c("algorithm", 3.5, `\balgorithm\w*\b`),
		c("profiling", 2.5, `\bprofil(?:ing|ed|e)\b`),
		c("computer", 1, `\b(?:computer|system|machine)\b`),
		c("human", 2, `\b(?:human|humans|real person|a person|human being)\b|\b(?:someone|somebody|a member of staff) to (?:look|check|review)\b`),
		c("decision", 1.5, `\b(?:decision|decisions|decided|decide|decides|deciding)\b`),
		c("article 22", 4, `\barticle 22\b`),
		c("flagged", 2, `\b(?:flagged|flags|risk scor\w*|rated|ranked)\b`),
		c("logic", 2.5, `\blogic\b`),
		c("scored", 1.5, `\b(?:scored|scoring)\b`),
		c("review", 1, `\b(?:reviewed|reconsider\w*|look at it again|look at it properly)\b`),
	},
	WithdrawConsent: {
		c("consent", 3, `\bconsent\w*\b`),
		cn("no longer consent", 4, `\b(?:don't|do not|no longer|not) (?:give )?consent\b|\bno longer agree\b`),
		cn("said yes", 2.5, `\b(?:already|previously) (?:said yes|agreed)\b|\bticked the box\b`),
		c("withdraw", 2.5, `\b(?:withdraw\w*|revok\w*|take back|cancel\w*|retract\w*)\b`),
		c("unsubscribe", 3.5, `\bunsubscrib\w*\b`),
		c("mailing list", 2, `\b(?:mailing list|newsletters?|email updates)\b`),
		c("signed up", 2, `\b(?:signed up|sign up|opted in|opt in|i agreed|agreed to)\b`),
		c("changed my mind", 1.5, `\bchanged my mind\b`),
		c("take me off", 2.5, `\btake me off\b`),
	},
	Complaint: {
		c("complain", 3.5, `\bcomplain\w*\b`).needs(`\b(?:data|information|details|records?|notes|privacy|breach|personal|gdpr|files?|letter|ico|commissioner|sar|request|disclos\w*|shar\w*|leak\w*|address|emailed|sent)\b`),
		c("breach", 2.5, `\b(?:breach|breached|leak\w*|lost|disclosed|disclosure|misused|mishandled)\b`).needs(`\b` + poss + `\b`),
		c("report you", 2.5, `\breport(?:ing)? (?:you|the council|this|them)\b`),
		c("sent my data", 2, `\b(?:sent|told|gave|emailed|posted|shared|passed|given|disclosed)\b(?: \S+){0,4} `+poss+` `),
		cn("upset", 1.5, `\b(?:how dare|furious|unacceptable|not ok|not happy|unhappy|disgusted|appalled|outrageous)\b`),
		c("ico", 2.5, `\b(?:ico|ico's|information commissioner\w*)\b`),
		c("investigate", 1.5, `\binvestigat\w*\b`),
		c("failure to respond", 2, `\b(?:failure|failed|failing) to (?:respond|reply|answer|deal)\b|\b(?:ignor(?:ed|ing)|no response|not responded|haven't responded|hasn't responded|never replied|missed the deadline)\b`),
		c("looked me up", 2.5, `\blooked (?:me|him|her|us) up\b|\bsnoop\w*\b|\baccessed (?:my|his|her) (?:\S+ )?(?:records?|file|details|data) without\b`),
		c("received someone else's", 3.5, misdirected),
		c("looked without permission", 3.5, unauthorised),
		c("wrong recipient", 1.5, `\bwrong (?:person|address|family|household|house|people|tenant|resident|email address)\b|\bsomeone else's letter\b`),
	},
	None: {
		// "Do you transfer my data outside the UK?" asks where the council sends it (a notice's
		// international transfers), not for it to go to another provider (a QA pass: a data
		// portability request was offered). Only asked, and of the data: "I've moved abroad,
		// please delete my data" and "stop sending my data outside the UK" are requests (a review).
		// The data need no "my": "does milton keynes council transfer data outside the uk" asks
		// the same (a QA pass offered portability).
		c("sent abroad", 4, `\b(?:do|does|did|will|would|can|could|is|are|was|were)\b (?:\S+ ){0,3}?(?:transfer\w*|send|sent|stor(?:e|ed|es|ing)|kept|keep|held|hold|process\w*) (?:(?:my|our|your|people's|personal|any|the) )?(?:\S+ )?(?:data|information|records|details|info) (?:\S+ ){0,2}?(?:outside (?:of )?(?:the )?(?:uk|united kingdom|country|eea|eu|europe|european union)|abroad|overseas|out of the country)\b|\b(?:is|are|was|were) (?:(?:my|our|your|people's|personal|any|the) )?(?:\S+ )?(?:data|information|records|details|info) (?:\S+ ){0,2}?(?:stored|kept|held|sent|transferred|processed) (?:\S+ ){0,2}?(?:outside (?:of )?(?:the )?(?:uk|united kingdom|country|eea|eu|europe|european union)|abroad|overseas|out of the country)\b|\b(?:third countries|international(?:ly)? transfer\w*)\b`),
		// "a copy of my council tax bill" asks the service for a document it sends anyway, not
		// for the personal data the council holds.
		c("a document's copy", 4, `\bcop(?:y|ies) of (?:my|our|the|a|his|her|their) (?:\S+ ){0,2}(?:bill|bills|statement|statements|receipt|receipts|invoice|invoices|certificate|certificates|licence|license|permit|permits|payslip|payslips|p60|tenancy agreement|contract|bin calendar|badge|pass)\b`),
		// A copy of one of the council's own documents ("the information asset register", "your
		// retention schedule") is no copy of the resident's data (a QA pass took the register
		// for a subject access request). Only asked for: "delete my records, your retention
		// policy says six years" still asks for erasure. Nor when the writer's own data is asked
		// for too: "send me all the data you hold on me, and can I see your retention policy?"
		// is a subject access request (a review: it read as no right at all).
		c("a council document", 6, `\b(?:cop(?:y|ies) of|see|get|have|read|view|send|send me|email me|publish|published|find|access|look at|show me|obtain|request|requesting)\b(?: \S+){0,3}? (?:the|your|a|an|council's|its|their) (?:\S+ )?(?:information asset register|asset register|records? of processing(?: activities)?|ropa|retention (?:schedule|policy)|records management policy|(?:data protection|information governance|information security|appropriate) policy(?: document)?|data protection impact assessments?|dpias?|(?:data|information) sharing (?:agreements?|protocols?)|publication scheme)\b`).unless(firstPersonData),
		// A service transaction names no right: cancelling a blue badge or a permit,
		// changing a bin day or a direct debit. (Cancelling a newsletter or one's
		// consent is withdrawing consent: neither is an errand here.)
		c("service transaction", 4, `\b(?:cancel\w*|renew\w*|updat\w*|chang\w*|amend\w*|book\w*|rebook\w*|reschedul\w*|rearrang\w*|pay|paying|top up|set up|setting up|apply for|applying for|order\w*|replac\w*)\b (?:(?:my|our|the|a|an|this|that|his|her|their) )?(?:\S+ ){0,2}(?:blue badge|badge|permit|permits|direct debit|direct debits|standing order|bin day|collection day|(?:bin|waste|garden waste|bulky waste|recycling) collection|bins?|appointment|booking|instalments?|payment date|payment plan|bus pass|parking ticket|pcn|licence|license)\b`),
		// The message the writer just sent in this chat is not a record to erase.
		c("this chat's message", 5, `\b(?:delete|remove|erase|unsend|undo|cancel)\b (?:the|that|this|my) (?:last |previous |earlier )?(?:message|msg|text|question|comment)\b(?: (?:i|i've))?(?: just)?(?: (?:sent|wrote|typed|posted|asked))?(?: (?:you|to you|here|in this chat))? (?:$|[.,!?;]|please|thanks)`),
		c("how long", 2.5, `\bhow long\b`),
		c("retention", 2.5, `\b(?:retention|retain\w*)\b`),
		c("keep", 1, `\b(?:keep|kept)\b`),
		c("cookies", 4, `\bcookies?\b`),
		c("ip address", 3, `\bip address\w*\b`),
		c("dpo", 1.5, `\b(?:dpo|data protection officer)\b`),
		c("lawful basis", 2.5, `\b(?:lawful|legal) basis\b`),
		c("share with", 1.5, `\bshar\w*\b(?: \S+){0,4} (?:with|to protect|to safeguard|to prevent)\b`),
		c("consent as basis", 3, `\b(?:need|needs|require|requires|rely on|relies on|based on) (?:my |your |our |their )?consent\b`),
		c("ico registration", 3, `\bregistered with (?:the )?(?:ico|information commissioner\w*)\b|\bico registration\b`),
		c("security", 1.5, `\b(?:secure|security)\b`),
		c("topic", 1.5, `\b(?:special category|stored|sell|gdpr|privacy statement|privacy notice|privacy policy|website)\b`),
		// Fraud as a topic (preventing, detecting, reporting it, the National Fraud Initiative),
		// not the fraud case against the writer, whose file is their data.
		c("fraud topic", 1.5, `\b(?:prevent\w*|detect\w*|tackl\w*|combat\w*|counter|report|reporting|fight\w*|stop|stopping) (?:\S+ ){0,2}fraud\b|\bfraud (?:prevention|detection|initiative|checks?|checking|risk|score|scoring)\b|\banti fraud\b`),
		c("when do you delete", 4.5, `\bwhen do you (?:delete|destroy|get rid of|remove)\b`),
		c("safeguarding topic", 1, `\b(?:child protection|safeguarding|mk together)\b`),
	},
}

// Policy: asking what is held about oneself is a subject access request, so these outweigh the
// question form. Named here, outside requestCues, for AsksWhatIsHeld to leave them out
// (questionsOwnCues): they are the question itself, not a request besides it.
var (
	heldAboutMeCue      = c("what do you hold about me", 5, `\b(?:what|which)(?: \S+){0,2} (?:data|information|details|records)\b(?: \S+){0,3} (?:hold|have|got|keep)\b(?: \S+){0,2} (?:about|on) me\b`)
	heldAboutTheCaseCue = c("what do you hold about the case against me", 5, `\b(?:what|which)(?: \S+){0,2} (?:data|information|details|records|evidence)\b(?: \S+){0,3} (?:hold|have|got|keep)\b(?: \S+){0,2} (?:about|on|regarding|relating to|concerning|for) (?:the|this|that|your|an?) (?:\S+ ){0,3}?(?:investigations?|cases?|complaints?|allegations?|accusations?|prosecution|enquiry|inquiry|proceedings|claim|dispute|matter|incident|referral) (?:\S+ ){0,2}?(?:against|into|about|involving|concerning) (?:me|us)\b`)
)

// Request and information cues decide Actionable once a right is found.
var requestCues = []cue{
	c("please", 2, `\b(?:please|kindly)\b`),
	c("i would like", 2.5, `\b(?:i|we)(?: would|'d| d) (?:like|rather|prefer)\b`),
	// "give me my data" opening a clause is a demand, wherever the clause stands: "this is a
	// joke, give me my data" ("would you give me my data if …" is a question).
	c("give me", 2.5, `(?:^ |[.,!;:] |\b(?:please|just|now|and|so|then|actually|ok|okay|right|yes|no) )(?:give|hand|send) (?:me|us) (?:my|our|all|a copy|copies|everything|back)\b|\bhand over\b`),
	// An order to send what was asked about, opening a clause: "what do you hold about me, send it
	// to me" asks for it, as "…? send it to me" does (a review: answered from the notices). Enough
	// alone to outweigh the question before it; "can you send it to me?" opens with no order.
	c("send it to me", 4, `(?:^ |[.,!?;:] |\b(?:please|just|and|then|so|now) )(?:send|email|e-mail|post|forward) (?:it|them|that|this|a copy|everything|the lot|all of it)(?: \S+){0,2}? to (?:me|us)\b|`+
		`(?:^ |[.,!?;:] |\b(?:please|just|and|then|so|now) )(?:send|email|e-mail|post|forward) (?:me|us) (?:it|them|that|this|a copy|copies|everything|the lot|all of it)\b`),
	// An instruction opening a later clause: "the council keeps writing to me, delete my details".
	c("clause imperative", 2.5, `[,;:] (?:delete|remove|erase|wipe|correct|update|fix|amend|rectify|restrict|stop|unsubscribe|transfer|export|forward|disclose|release) (?:my|our|all|it|them|everything|the|his|her|their)\b`),
	// "want my info", typed without the "I" (a QA pass of very short messages).
	c("i want", 2.5, `\b(?:i|we)(?: \S+ly| really| just| also| still| now)? (?:want|need|wish|demand|require)\b|\b(?:and|but|so) (?:now )?(?:want|wish|would like)\b|^ (?:want|need) (?:my|all my|a copy)\b`),
	cn("i don't want it used", 2.5, `\b(?:i|we) (?:don't|do not) want (?:you|my|his|her|the council|it|them|anyone)\b`),
	cn("please don't", 2.5, `\b(?:please|just|so) (?:don't|do not) (?:use|share|process|do|delete|pass|send|contact|destroy)\b`),
	c("changed my mind", 2.5, `\bchanged (?:my|her|his|their|our) minds?\b`),
	c("i am writing to", 3, `\b(?:i|we) (?:\S+ ){0,2}(?:writing|write) to (?:request|ask|withdraw|object|complain|make|exercise|inform|formally)\b|\brequest that (?:you|the council)\b`),
	// An adviser of a caller: "Mrs Patel is asking us to delete her records", "caller asks for a
	// copy of all the data we hold on her son".
	c("they want", 2.5, `\b(?:who|he|she|they|she's|he's|they've|caller|resident|customer|applicant|tenant|`+relatives+`|(?:mr|mrs|ms|miss|dr) \S+|lady|gentleman|gent|man|woman|person|client|someone|somebody)\b(?: \S+){0,4} (?:wants|would like|requests|needs|objects|withdraws|withdrawn|revokes|doesn't want|does not want|is asking for|asking for|asks for|asked for|(?:is )?asking (?:us|you|the council) to|asks (?:us|you|the council) to|asked (?:us|you|the council) to)\b`),
	c("i am requesting", 2.5, `\b(?:i|we|i'm|we're|i am|we are) (?:hereby |formally |now )?(?:request|requesting|asking for|making a|withdraw|withdrawing|revoke|object|complaining|reporting|lodging|raising|contest|challenge|dispute)\b`),
	// "I'm asking on behalf of my father, John Smith, for a copy of …" (a QA pass: answered).
	c("asking on behalf", 2.5, `\b(?:i'm|i am|we're|we are|i'm just|im) (?:asking|writing|contacting you|getting in touch|enquiring) on behalf of\b`),
	cn("i no longer consent", 2.5, `\b(?:no longer|don't|do not) consent\b|\bno longer agree\b`),
	c("this is a request", 3, `\b(?:this is|treat this as|accept this(?: \S+)? as)\b(?: \S+){0,3} (?:request|complaint)\b`),
	c("polite you", 3, `\b(?:can|could|would|will) (?:you|someone|somebody)(?: please)? (?:delete|remove|erase|wipe|send|give|stop|correct|update|change|fix|amend|sort|unsubscribe|take|cancel|restrict|freeze|transfer|export|put|pause|get rid|provide|confirm|get|check|review|look|email|post|forward|disclose|move|lock|revoke|release|show|make sure|ensure|mark|flag|keep|hide|withhold|let (?:me|us) (?:have|see|get))\b`),
	// "can I have my file?" asks for the thing, as "can I ask for it?" does not.
	c("could i have", 3, `\b(?:can|could|may) (?:i|we)(?: please)? have\b|\bcould i please\b`),
	// "can I get a copy of my data please" asks for it as "could I have it" does, where "can I get
	// a copy of my data?" may ask whether one can (a web QA pass answered it with a sentence about
	// cookies). The "please" in its own clause; "how can I get …, please?" still asks how.
	c("can i get it please", 3, `\b(?:can|could|may) (?:i|we) (?:please )?(?:get|receive)\b[^.?!;,]*? please\b|\b(?:can|could|may) (?:i|we) please (?:get|receive)\b`).
		unless(`\b(?:how|where|when|why|whether|if|who|what) (?:\S+ )?(?:can|could|may) (?:i|we)\b`),
	// Policy: asking what is held about oneself is a subject access request,
	// so this outweighs the question form.
	c("tell me what you hold", 5, `\b(?:know|see|tell me|find out|show me) what (?:\S+ ){0,4}(?:holds?|has|have|got|keeps?|held|stores?)\b(?: \S+){0,3} (?:about|on|for) (?:me|my (?:\S+ )?`+relatives+`)\b`),
	c("they want it changed", 2.5, `\bwants? (?:it|them|this|that|her \S+|his \S+) (?:changed|updated|corrected|deleted|removed|amended|sent)\b`),
	heldAboutMeCue,
	// The same asked of a case against the writer: "what information do you hold about the
	// complaint against me?" is what is held about them.
	heldAboutTheCaseCue,
	// "wrong address on my file", "you've got my name wrong": the same report, said the other way
	// round.
	// The same told of an old value the council still holds: "we have her old address, she moved".
	// Asked ("do you still have my old address?"), the question outweighs it.
	c("an old value held", 2, oldValueHeld).unless(oldValueSupposed),
	c("wrong on my file", 2, `\b(?:wrong|incorrect|inaccurate|outdated|out of date|misspelt|misspelled) (?:\S+ )?`+item+` (?:is |are |was )?(?:on|in|for|against) (?:my|our|his|her|their|your|the) (?:\S+ )?(?:file|files|records?|account|system|details|database|notes)\b|`+
		`\b(?:got|have|has|had|put|put down|recorded|listed|spelt|spelled|written|wrote|entered|typed)\b (?:my|our|his|her|their) (?:\S+ ){0,2}(?:`+item+`|data|details|information|records?) (?:down )?(?:all )?(?:wrong|incorrect|incorrectly|wrongly|inaccurately)\b`),
	c("it is wrong", 2, `\b(?:is|are|was|were) (?:all |completely |totally )?(?:wrong|incorrect|inaccurate|out of date|not true|untrue|false|lies|made up|fabricated|misleading)\b|\bfull of (?:lies|mistakes|errors|inaccuracies)\b|\bthere's a mistake\b|\bspelt `+gap3+`wrong\b`),
	c("grievance", 2, `\b(?:you|someone|staff|council|contractor) (?:\S+ ){0,2}(?:sent|told|gave|emailed|shared|passed|lost|leaked|disclosed)\b|\b(?:were|was) disclosed\b|\bdata breach\b`),
	c("misdirected or snooped", 2, misdirected+`|`+unauthorised),
	// A relative's records named and nothing else: "records for my dad", "the data you hold on my
	// dad", "copy of my dad's data" ask for them as "I want my dad's records" does (a QA pass
	// answered them from the notices). Only a message that is the records named, to its end.
	c("their records named", 3, `^(?: (?:hi|hello|hey|please|ok|okay|so|and|also|right)| [,.!])* (?:(?:a|the|all|all the|any|full|complete|all of) )?`+
		`(?:(?:full |complete )?cop(?:y|ies) of (?:(?:the|all|all the|all of) )?)?`+
		`(?:my (?:late )?`+relatives+`'s (?:\S+ ){0,2}?`+data+`|(?:(?:my|all my|any) )?(?:\S+ )?`+data+`(?: (?:that |which )?(?:you|the council|they) (?:hold|holds|have|has|got|keep|keeps|store|stores|held|kept))? (?:for|on|about|of) my (?:late )?`+relatives+`)`+
		`(?: (?:from|at|with) (?:the )?(?:\S+ ){0,3}?(?:council|team|services?|care|department|school))?(?: please| pls| thanks| thank you| cheers| [.!?])* $`),
	c("would it be possible", 2, `\bwould it be possible\b`),
	c("formal", 2, `\b(?:formally|formal|under article|hereby)\b`),
}

var infoCues = []cue{
	c("the records wanted", 3.5, theRecordsWanted).unless(notTheirRecords + `|` + recordsSaidHeld),
	c("what is", 2.5, `\b(?:what|what's) (?:is|are|does|happens|'s|is the|counts)\b`),
	c("how do", 2.5, `\bhow (?:do|can|long|much|many|does|would|should|is|are)\b`),
	c("can i", 2, `\b(?:can|may|could) (?:i|we|someone|my) (?:ask|request|apply|make|withdraw|opt|object|complain|report|stop|get|be|see)\b`),
	c("do i have the right", 2.5, `\bdo i have (?:the |a )?right\b|\bam i (?:able|allowed|entitled)\b|\bis it possible\b|\bis there\b|\bare there\b`),
	c("conditional", 1.5, `\bif (?:i|we|you|my|someone)\b`),
	c("want to know", 3, `\b(?:to know|don't know|find out|understand|wondering|curious|clarify)\b`),
	c("tell me how", 2, `\btell me (?:how|about|if|whether|what the right)\b|\b(?:can|could) you explain\b`),
	// "what sort of info will they hold on me?" asks what a service would collect, not for the
	// person's own data: what it holds now is a subject access request, what it would hold is not.
	c("what would you hold", 4.5, `\b(?:what|which)\b(?: \S+){0,4} (?:will|would|might|could|may) (?:you|they|the council|it|we|he|she)(?: \S+)? (?:hold|keep|have|collect|store|record|need|ask for)\b`),
	// What a request needs, asked: "do i need id to get my data", "will I have to send proof of
	// who I am?" (a QA pass started the request on the "i need" in "do i need id").
	c("what does it need", 4, `\b(?:do|will|would|does|did|must|should) (?:i|we|you|they|my \S+|someone)(?: \S+)? (?:need|have to|got to|require)(?: to)?(?: (?:show|send|provide|give|bring|prove|upload|include|have))?(?: (?:a|an|some|any|my|me|the|your|photo|proof of|copies of|a copy of|\S+'s))* (?:id|i d|identification|identity|proof|passport|driving licence|driving license|documents?|utility bill|fee|payment|form|signature|consent|authority|permission|reason)\b|`+
		`\b(?:is|are) (?:id|identification|proof of (?:id|identity)|a fee|a form|a reason)(?: \S+)? (?:needed|required|necessary)\b|\bwhat (?:id|identification|proof|documents?)\b(?: \S+){0,3} (?:need|needed|required|have to)\b`),
	// How, where or why the council came by the writer's data, asked: "how did they get my new
	// address", "where did you get my number from", "why do they even have it". A grievance told
	// before it ("the council sent a letter to my old address, …") is what prompts the question,
	// not a request (a QA pass started a complaint: the question, after a comma, opens no
	// sentence for "open:wh" to read).
	c("how did they get it", 2, `\b(?:how|where|why)(?: on earth| else)? (?:did|do|does|has|have|had|would|could|can|is|are|was|were) (?:you|they|the council|council|the \S+|it|he|she|someone|somebody|anyone|staff|housing)(?: \S+){0,2} `+
		`(?:get|got|gotten|obtain|obtained|find|found|know|knew|come by|came by|receive|received|hold|have|keep|access|accessed|learn|learnt|learned|pick up|picked up)\b`),
	c("wh-word", 1, `\b(?:what|how|when|which|who|where|why)\b`),
	c("question mark", 1, `\?`),
}
