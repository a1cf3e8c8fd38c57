package conversation

import (
	"strings"
	"unicode"
)

// englishWords are words nearly every English message has one of: articles, pronouns,
// auxiliaries, prepositions, question words, and the few nouns this chat hears most.
var englishWords = setOf(`a an the i me my mine you your we our us they their them he she his her it its this that these those
	is are was were be been am do does did have has had will would can could should may might must shall
	to of in on at by for from with about into over after before under
	and or but not no yes if so as than then
	what who whom whose which when where why how
	please want need like get give keep send know tell use used share delete copy
	data information info details records record council personal privacy notice request
	long much many there here some any all`)

// foreignWords are common words of the languages most spoken in the UK after English (Polish,
// Welsh, Romanian, Spanish, Portuguese, French, Lithuanian, German) that English doesn't have.
var foreignWords = setOf(`chcę chce proszę prosze moich moje mój moj moje jest nie się sie czy jak dane danych mnie moja kopię kopie
	dw dwi eisiau fy yw ydw mae beth sut gyda chi eich ein hoffwn data'r
	gwybodaeth wybodaeth amdanaf amdanoch ydych ydy chi'n gadw cadw faint pwy pam gennych cyngor ddata dileu copi rwyf rwy
	vreau datele mele este sunt pentru copie va rog
	quiero una mis datos por favor que los las para con del
	quero meus dados uma obrigado
	je veux mes données donnees les une des est pour avec merci
	noriu mano duomenų duomenu prašau
	ich möchte mochte meine daten löschen loschen bitte mein nicht kopie habe`)

// notEnglish reports whether a message of four words or more is almost surely in another
// language: under one word in five is a common English one, and it has a letter English doesn't
// use or words of another language ("Chcę kopię moich danych osobowych", "Dw i eisiau copi o fy
// nata"). A typo-ridden English message keeps its function words ("how lng do u kep complant
// recrds"), and an adviser's keywords ("retention appeal forms hathercombe") have neither.
func notEnglish(text string) bool {
	if otherScript(text) {
		return true // Urdu, Punjabi, Arabic, Chinese, Russian…: no English is written so
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) < 4 {
		return false
	}
	english, foreign := 0, 0
	for _, w := range words {
		switch {
		case englishWords[w]:
			english++
		case foreignWords[w]:
			foreign++
		}
	}
	accented := strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) && r > unicode.MaxASCII }) >= 0
	return english*5 < len(words) && (foreign >= 2 || accented && foreign >= 1)
}

// otherScript reports whether most of a message's letters (three or more) are of another script
// than the Latin alphabet.
func otherScript(text string) bool {
	letters, latin := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Latin, r) {
				latin++
			}
		}
	}
	return letters >= 3 && latin*2 < letters
}
