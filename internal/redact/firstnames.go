package redact

import (
	"strings"
	"unicode/utf8"
)

// A full name told without an introduction, mid-sentence ("does the council share data about
// Jane Smith with the police?", "and for Gary Wilson?"), reached the language model: a
// capitalised phrase there is as often a place or a service, so findBareNames wants a context.
// A common first name is that context: "Jane Smith" is a person wherever it stands, "Newport
// Pagnell" and "Adult Social Care" are not, and no first name opens them. In lower case a first
// name counts only after words that say whom something is about: "its for jane doe her dob is…".

// firstNames are common given names in the UK, in lower case. Names that are also ordinary words
// ("Rose", "Mark", "Will") are left out: readCapitalisedName refuses them, and in lower case
// they are words.
var firstNames = setOf(`aaron abdul abigail adam adrian ahmed aisha alan albert alex alexander alexandra
	alfie alice alison amanda amelia amir amy andrea andrew angela anita ann anna anne annie anthony
	arjun arthur ashley barbara barry beatrice ben benjamin bernard beth bethany betty beverley brenda
	brian bridget callum carl carol caroline catherine charles charlie charlotte chloe chris christine
	christopher claire clare colin connor craig daniel danielle darren david dawn deborah debbie denise
	derek diana diane donna dorothy douglas dylan edward eileen elaine eleanor elizabeth ella ellie
	emily emma eric ethan evelyn fatima fiona frances francesca freddie gareth gary gemma geoffrey
	george georgia gerald gillian glenn gordon graham hannah harriet harry harvey hassan hayley heather
	helen henry holly hugh ian imran isaac isabel isabella isla jack jacob jacqueline james jamie jane
	janet janice jasmine jason jayden jean jennifer jenny jeremy jessica jill joan joanne jodie joe
	joel john jonathan jordan joseph joshua judith julia julie justin karen kate katherine kathleen
	katie kayleigh keith kelly kenneth kevin kieran kim kirsty laura lauren leah lee leo leon lesley
	lewis liam lily linda lindsey lisa logan louise lucy luke lynn lynne madison maisie malcolm
	margaret maria marie marion martin mary matthew maureen megan melanie michael michelle mohammed
	muhammad natalie nathan neil nicholas nicola nigel noah oliver olivia oscar owen pamela patricia
	patrick paul paula pauline peter philip phillip priya rachel rebecca richard robert robin ronald
	rosemary ross ruby ryan sally samantha samuel sandra sarah scott sean shane sharon sheila shirley
	simon sophie stacey stephanie stephen steven stuart susan suzanne sylvia tanya teresa theresa
	thomas timothy tina tom tony tracey tracy trevor valerie vanessa vincent wayne wendy william yasmin
	zara zoe tommy danny billy bobby jimmy johnny sammy freddy teddy archie alfie ollie jake josh sam ben max ali omar yusuf hamza zainab ayesha sana nadia leila amira maya aria ava mia
	dave steve mike pete andy jim liz jen dan kev shaun dean marcus kwame kofi chidi tunde raj ravi sunita
	deepak oksana piotr agnieszka tomasz jakub`)

// FirstName reports whether w is a common UK first name, as the name finder knows them ("Jane",
// "priya"): a caller telling a name from a place said alone ("I meant Jane", "I meant Luton").
func FirstName(w string) bool { return firstNames[strings.ToLower(w)] }

// aboutWords say whom what follows is about: "data about jane doe", "it's for jane doe".
var aboutWords = setOf(`about for on regarding re concerning of called named`)

// firstNameFirst reports whether the capitalised phrase name opens with a common first name, and
// names no place or building ("Victoria Road Surgery", "Lloyd Park", "Stacey Bushes" were
// redacted as people; a QA pass).
func firstNameFirst(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 || !firstNames[strings.ToLower(words[0])] {
		return false
	}
	return !namesPlace(name)
}

// namesPlace reports whether a capitalised phrase ends in a word of a place or building after its
// first: "Victoria Road Surgery", "Ashley Green".
func namesPlace(name string) bool {
	words := strings.Fields(name)
	for _, w := range words[1:] {
		if placeTypeWords[strings.ToLower(strings.Trim(w, ".,"))] {
			return true
		}
	}
	return false
}

// placeTypeWords end the names of places and buildings that open with a first name.
var placeTypeWords = setOf(`road street lane avenue close way park green bushes surgery house court hall centre center
	school academy college church chapel library hospital estate gardens fields field heath common bridge mill farm
	square place terrace walk grove wood woods hill view lodge manor`)

// findLowerFirstNames appends the spans of full names typed in lower case after a word saying
// whom something is about ("its for jane doe her dob is…", "what about gary wilson"): a common
// first name, then a word that is no ordinary, place, service or role word.
func findLowerFirstNames(s string, out []span, addWords func([]string)) []span {
	for i := 0; i < len(s); {
		ws := i
		for ws < len(s) && !isASCIILetter(s[ws]) {
			ws++
		}
		if ws >= len(s) {
			break
		}
		we := ws
		for we < len(s) && (isASCIILetter(s[we]) || s[we] == '\'' || s[we] == '-') {
			we++
		}
		i = we
		if !aboutWords[strings.ToLower(s[ws:we])] || we >= len(s) || s[we] != ' ' {
			continue
		}
		first, after := readNameToken(s, we+1)
		if first == "" || !firstNames[first] || after == 0 { // lower case only: a capital is findBareNames's
			continue
		}
		last, _ := readNameToken(s, after)
		last = strings.TrimRight(last, ".,")
		if !lowerNameWord(last) || wordShaped(last) || utf8.RuneCountInString(last) < 2 {
			continue
		}
		end := after + len(last)
		out = append(out, span{KindName, we + 1, end})
		addWords([]string{first, last})
		i = end
	}
	return out
}
