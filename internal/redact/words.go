package redact

import (
	"strings"
	"unicode/utf8"
)

// commonWords are ordinary English words that residents put where a bare name could stand: after
// "i'm" in lower case ("i'm fed up", "i'm so confused"), or capitalised at the start of a sentence
// ("It's Christmas Eve", "Same Problem here", "Mr Men books"). A phrase with one of them in it is
// not read as a name unless the writer says it is one ("my name is Will Grace"). The last lines
// are the council services and topics residents type on their own ("Blue Badge", "Universal
// Credit", "Phone Number"), which would otherwise read as a full name that is the whole message;
// words that are also common surnames (Day, Post, Grant, Bill) are left out, so that "Mr Day"
// stays a person.
var commonWords = setOf(`
	about above across actually after again against ago ahead alone along already also although
	always am among angry anonymous anxious anyone anything anyway anywhere apparently around
	asleep away awful bad badly basically being below beside besides best better between beyond
	big bit both bored brief broke busy but by certainly cheap clear clearly close cold complete
	completely confident confused considering cool could cross curious currently daft dead deeply
	definitely desperate different difficult disgusted distressed done double down due during
	each early easy either else elsewhere embarrassed empty enough entirely especially even ever
	every everyone everything exactly excited exhausted extremely fair fairly fed few fine finished
	first fit following for forever fortunately free frightened from full fully furious further
	generally genuinely getting glad gone good great grateful guilty half hard hardly heartbroken
	helpless honest honestly hopeful hopeless horrible hot hungry hurt ill in inside instead
	just kind kinda last late lately least less let lost low lucky mad many maybe mean meanwhile
	mere merely more most mostly much nervous never nevertheless next nice nobody none normal
	normally not nothing now nowhere obviously off okay old on once only open or other otherwise
	out outside over overwhelmed own panicking particularly perfectly perhaps personally plain
	pleased polite poor possibly pretty probably proper properly quite rather ready real really
	relieved rightly round sad safe same scared seriously shocked short shy sick similar simply
	since slightly small so sole solely some someone something sometimes somewhat somewhere sorry
	sort sorta stressed strong stuck stupid such super supposed sure surely surprised suspicious
	terrible terribly terrified thankful thankfully then there though through thus tired together
	too total totally tough true truly trusting twice unclear under unfortunately unhappy unless
	unlikely up upon upset urgently used usually utterly very waiting way weird welcome well what
	whatever whether while whole why wide with within without worried worse worst worth wrong yet
	lonely lovely poorly skint suicidal emotional mental patient different independent
	gonna wanna gotta
	men women man woman people person boy girl kids family folks guys everybody somebody anybody
	question questions query problem problems issue issues help request complaint concern update
	quick long new second final general another friendly local
	christmas easter year eve bank holiday friday weekend today tonight
	mum mam dad parent carer tenant landlord owner resident citizen member user customer client
	patient worker employee volunteer victim witness applicant claimant recipient
	afraid aware able unable allowed eligible entitled responsible liable registered
	moving leaving calling writing asking staying going trying
	driver nurse teacher doctor cleaner builder plumber electrician chef pharmacist
	solicitor lawyer manager assistant receptionist mechanic farmer teaching supply agency
	leaseholder freeholder homeowner lodger landlady self
	badge blue pass permit licence license passport card ticket penalty charge fine rates rent
	benefit credit universal allowance pension vote voter postal proxy poll id photo certificate
	birth death marriage roll register form forms record records account details contact payment
	refund repair repairs bins collection recycling rubbish litter noise pest control pothole
	potholes lights lighting tree gas water electricity energy mail vaccine covid abuse
	domestic violence mental legal lawful basis period retention category special personal subject
	breach access erasure deletion appeal decision admissions meals children bus taxi
	business chat message menu human mate week month bye test world hours job jobs vacancies
	phone number email address reference case
	food hygiene missed bulky garden fly graffiti dog fouling abandoned vehicle vehicles trading
	standards allotment allotments cemetery burial cremation flooding drainage compost clinical
	grass hedge kerb dropped footpath pavement fostering adoption respite hardship discount
	exemption reduction arrears bailiff bailiffs enforcement nuisance transport leisure toilets
	bin bag bags sack sacks box caddy paper papers belt belts goods waste`)

// surnameWords are common British surnames that are also ordinary words or street types. On its
// own a capitalised "Hill" or "Green" is as likely a street ("Castle Hill", "The Green") or a
// colour ("Green Bin") as a surname, so such a word may end a full name that is the whole message
// or stands on its own line ("Kate Hill", "Mary Green") only after a first word that is no
// ordinary, place or street word (streetFirstWords), and it never starts one ("Green Belt",
// "Brown Bin", "White Paper"), unless it is a first name too (givenNameWords).
var surnameWords = setOf(`hill hills green greene brown white black wood woods king young hall wright
	walker baker turner cook cooke carter bell ward fox rose long marsh lane field fields ford shaw
	mills mill price day page hunt gray grey knight stone rice little moss reed read west bird cross
	booth holmes parks park banks bank wells well brooks brook newman bishop chambers porter hope
	frost lamb nash payne sharp sweet waters rivers river gates gate croft dale vale chase mead meade
	heath moor moore hart head short summers winter winters north south east snow rich bush
	underwood forest lake lord mason fisher fletcher hunter butler cooper taylor miller potter
	archer webb rowe court drake pond pool poole spring lodge steel steele dean coates best`)

// givenNameWords are surnameWords that are first names too, so that they may start a full name
// ("Rose Hill", "Hope Green").
var givenNameWords = setOf(`rose hope dale chase dean hunter mason summer winter brook brooke
	heath price day bell ford drake forest`)

// streetFirstWords open street and place names that end in a street type: "Station Hill",
// "Church Green", "Castle Hill", "Mill Lane". A full name that is the whole message does not
// start with one.
var streetFirstWords = setOf(`station church chapel mill castle tower forest manor park high bridge
	market queen queens queen's king kings king's windmill farm orchard spring water bank oak oaks elm
	ash beech birch cedar cherry chestnut hazel maple willow pine meadow brook priory abbey college
	school vicarage rectory mount north south east west upper lower old new little great long broad
	red golden silver green grange hall court cross well wells fountain pond pound dovecote
	common village town city london bath bedford oxford cambridge northampton luton watford
	buckingham stony shenley loughton bradwell wavendon walton woughton fishermead
	springfield coffee brickhill gold
	rose lime garden gardens field fields sandy stone hanger heath hill top bottom back front
	cemetery pump tannery wharf canal dock quarry saxon roman knoll`)

// surnameEnds reports whether the capitalised phrase name, a full name that is the whole message
// or a line of its own, ends with a surname that is also a street type or a word ("Kate Hill")
// rather than being a street ("Castle Hill") or a phrase ("Green Belt").
func surnameEnds(name string) bool {
	words := strings.Fields(name)
	if len(words) < 2 {
		return false
	}
	first := strings.ToLower(strings.TrimSuffix(words[0], "."))
	last := strings.ToLower(strings.TrimSuffix(words[len(words)-1], "."))
	return surnameWords[last] && !streetFirstWords[first] && !placeWords[first]
}

// startsWithWord reports whether the capitalised phrase name starts with a surname that is also
// an ordinary word and is no first name ("Green Belt", "White Paper").
func startsWithWord(name string) bool {
	first := strings.ToLower(strings.TrimSuffix(strings.Fields(name)[0], "."))
	return surnameWords[first] && !givenNameWords[first]
}

// placeWords are words of the places the bot's councils serve that come in two-word names
// ("It's Milton Keynes, do you hold my data?"): a capitalised phrase with one in it is a place.
var placeWords = setOf(`keynes wycombe pagnell stratford buzzard chalfont giles amersham
	beaconsfield marlow chesham aylesbury bletchley wolverton olney buckingham princes risborough
	gerrards cross bucks buckinghamshire mk newport woburn wendover haddenham`)

// placeFirstNames are placeWords that are also first names: "I'm Giles" introduces someone.
var placeFirstNames = setOf(`giles`)

// nationalityWords are nationalities and languages, which residents capitalise after "I'm"
// ("I'm Polish, my English not good"). Some are surnames too (English, French, Welsh); a full
// name with one in it is read as a name only where the writer says it is one ("my name is").
var nationalityWords = setOf(`english british welsh scottish irish cornish polish romanian
	pakistani indian bangladeshi nigerian ghanaian somali kenyan zimbabwean eritrean sudanese
	ethiopian jamaican caribbean african asian european portuguese spanish italian french german
	lithuanian latvian estonian bulgarian hungarian czech slovak ukrainian russian albanian kosovan
	greek turkish kurdish afghan syrian iraqi iranian arab arabic chinese filipino nepali nepalese
	tamil punjabi gujarati bengali urdu hindi brazilian`)

// ordinaryWord reports whether lw, a word in lower case, is an ordinary word rather than a name.
func ordinaryWord(lw string) bool {
	return commonWords[lw] || placeWords[lw] || nationalityWords[lw] || nameStop[lw] || notNameWords[lw] || statusWords[lw] || orgWords[lw] ||
		strings.HasSuffix(lw, "n't") || strings.HasSuffix(lw, "n’t") ||
		utf8.RuneCountInString(lw) >= 5 && strings.HasSuffix(lw, "ing")
}

// describesWriter reports whether lw, a capitalised word in lower case read first after "I'm",
// "this is" or a sign-off, describes the writer rather than names them: an ordinary word ("I'm
// Leaseholder", "I'm Self Employed"), a place ("I'm Aylesbury based"), a nationality or language
// ("I'm Welsh") or a word ending in "ing" ("I'm Thinking of asking"). Names that are also words
// ("Will", "Eve") still count there.
func describesWriter(lw string) bool {
	if noRepeat[lw] || placeFirstNames[lw] {
		return false
	}
	return commonWords[lw] || placeWords[lw] || nationalityWords[lw] ||
		utf8.RuneCountInString(lw) >= 5 && strings.HasSuffix(lw, "ing")
}

// placeNounWords follow a place or a nationality, not a name, after "I'm": "I'm Bucks resident",
// "I'm Leeds based", "I'm Romanian citizen".
var placeNounWords = setOf(`resident residents based born bred raised citizen citizens national
	nationals native origin descent heritage background council tenant tenants leaseholder
	homeowner area local household family person lady man woman guy girl boy community speaker`)
