package facts

// The speaker rule: a quote's speaker is a person of the article, a noun
// phrase naming a source as written ("the document", "a company
// spokesperson", "prosecutors"), or nothing. A phrase that reads as a clause
// ("he'd been harassed", "campaign sent a fundraising email"), a headline in
// capitals ("OBAMA FOCUSED") or a lone sentence adverb ("Also") is never a
// speaker: Analyze drops it and leaves the quote unattributed.

import (
	"strings"
	"unicode"
)

// maxBarePluralWords: a source phrase without an article may be a plural
// of this many words ("union leaders").
const maxBarePluralWords = 3

// A heading in capitals has minHeadingWords words of minHeadingWordLetters
// letters or more; shorter capitals are acronyms ("the FBI", "US").
const (
	minHeadingWords       = 2
	minHeadingWordLetters = 4
)

// maxSourceWords bounds a source phrase: "a spokesperson for the
// Department of Homeland Security" is nine words; longer runs are clauses.
const maxSourceWords = 10

// clauseWords never occur in a noun phrase naming a source: pronouns,
// auxiliaries, modals, negation and subordinators make a clause.
var clauseWords = lazySet(`he she it they we i you him them us me he'd she'd they'd it's he's she's
	they're we're i'm you're he’d she’d they’d it’s he’s she’s they’re we’re i’m you’re
	is are was were be been being am has have had do does did may might can could would will
	shall should must not never n't no than that which who whom whose if because although though
	while when whenever where whether so`)

// sourceOpeners may open a source phrase in lower case besides
// determiners, quantifiers and role words.
var sourceOpeners = lazySet(`police prosecutors officials authorities investigators experts
	analysts critics supporters residents witnesses researchers scientists doctors lawyers
	regulators lawmakers organisers organizers sources aides diplomats economists activists
	protesters fans voters parents teachers students workers employees staff military troops
	state federal local senior former court judges jurors`)

// inPhrasePrepositions may precede a determiner inside a source phrase: "a
// spokesperson for the company", "one of the organisers".
var inPhrasePrepositions = lazySet(`of for at in from with to on by and or & within behind inside near`)

// sourcePhrase reports whether s may stand as a quote's speaker written as
// a source: a noun phrase, not a clause, a capitalised heading or an
// adverb.
func sourcePhrase(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > maxSourceWords {
		return false
	}
	if headingCaps(words) {
		return false
	}
	L := wordLists()
	for i, w := range words {
		l := strings.ToLower(strings.Trim(w, ",.;:!?()\"“”‘’"))
		if l == "" || L.speech[l] || L.monthDay[l] && i > 0 {
			return false
		}
		// "Will Tjernlund", "May Chen": a capitalised word before a name
		// part is a given name, not a modal; "US" is a country
		if clauseWords()[l] && w == strings.ToLower(w) || clauseWords()[l] && i == 0 && !nameStart(words) {
			return false
		}
		if strings.HasSuffix(l, "n't") || strings.HasSuffix(l, "n’t") {
			return false
		}
		// an article or possessive inside the phrase opens a prepositional
		// or coordinated part; after anything else it is a verb's object
		if i > 0 && (determiner(l) || l == "a" || l == "an") && !determinerAllowedAfter(words[i-1]) {
			return false
		}
	}
	return nameStart(words) || opensSource(words[0], len(words))
}

// nameStart: the phrase opens with two capitalised words, as a name does.
func nameStart(words []string) bool {
	return len(words) > 1 && startsUpper(words[0]) && startsUpper(words[1])
}

// determinerAllowedAfter: the word before an inner determiner is a
// preposition, a conjunction or a possessive.
func determinerAllowedAfter(prev string) bool {
	l := strings.ToLower(strings.TrimRight(prev, ","))
	return inPhrasePrepositions()[l] || strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s") ||
		strings.HasSuffix(prev, ",")
}

// opensSource checks the first word of a source phrase of n words.
func opensSource(first string, n int) bool {
	L := wordLists()
	l := strings.ToLower(first)
	if determiner(l) || quantifier()[l] || L.roleNoun[l] || L.title[l] || roleModifiers()[l] || sourceOpeners()[l] {
		return true
	}
	if skipBefore()[l] || L.stopSpeaker[l] || prepositions()[l] || L.pronoun[l] || isAdverbWord(l) {
		return false // "Also", "However", "Then"
	}
	if startsUpper(first) {
		// a lone capitalised ordinary word opening a sentence is an
		// adverb or a verb, not a name: "Meanwhile", "Asked"
		return !(n == 1 && isCommon(l) && !strings.HasSuffix(l, "s"))
	}
	return strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && n <= maxBarePluralWords // "officers", "union leaders"
}

// isAdverbWord: an ordinary word ending in -ly that is not a noun
// ("Finally", but not "Havenly" or "family").
func isAdverbWord(l string) bool {
	switch l {
	case "family", "ally", "italy", "daily", "assembly", "supply", "rally", "bully":
		return false
	}
	return len(l) > minAdverbLen && strings.HasSuffix(l, "ly") && isCommon(l)
}

func startsUpper(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// headingCaps: two or more words written in capitals that are not
// acronyms of an organisation ("OBAMA FOCUSED", but not "the FBI").
func headingCaps(words []string) bool {
	caps := 0
	for _, w := range words {
		letters, upper := 0, 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		if letters >= minHeadingWordLetters && upper == letters {
			caps++
		}
	}
	return caps >= minHeadingWords
}

// speakerFor returns the speaker the rule allows for a quote's source,
// written to slot, or nil: a person who is listed among the article's
// people, or a source phrase.
func speakerFor(src source, pp *people, slot *string) (speaker *string, role string) {
	switch {
	case src.person >= 0:
		per := pp.list[src.person]
		if per.count <= 0 {
			return nil, ""
		}
		*slot = per.name
		return slot, per.role
	case src.phrase != "" && sourcePhrase(src.phrase):
		*slot = src.phrase
		return slot, ""
	}
	return nil, ""
}
