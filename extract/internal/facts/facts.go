// Package facts reads the dateline, the people named and the direct
// quotations from an article's paragraphs.
//
// Everything is rule-based and offline: capitalised runs are weighed against
// embedded given-name, surname and common-word lists (lexicon.tsv.gz, loaded
// on the first call) and a few hand-made lists of titles, roles and
// organisation words; quotes are attributed through speech verbs in their
// sentence ("said", "told", "according to"), apposition, pronouns resolved
// to the last person of that gender, and carried across paragraphs.
package facts

import (
	"strings"
	"time"
	"unicode"

	"github.com/newsclean/newsclean/extract/internal/dateline"
)

// Dateline is where and when a story was filed.
type Dateline struct {
	Place, Date, Agency, Raw string
}

// Person is a person named in the text.
type Person struct {
	Name     string
	Role     string
	Mentions int
	Aliases  []string
}

// Quote is a direct quotation.
type Quote struct {
	Text        string
	Speaker     *string
	SpeakerRole string
	Paragraph   int
}

// Result holds the facts of one article.
type Result struct {
	Dateline *Dateline
	People   []Person
	Quotes   []Quote
}

// maxDatelineParas bounds how far into the body a dateline is looked for
// (bylines, photo captions and timestamps may come first).
const maxDatelineParas = 8

// maxStandfirstWords: a first paragraph this long is the story, not a
// standfirst before a dateline.
const maxStandfirstWords = 40

// minBodyWords: a paragraph of fewer words (without digits) is a heading,
// a byline or a timestamp.
const minBodyWords = 8

// The language check reads up to englishSample lower-case words; with
// fewer than minEnglishSample it does not judge, else it wants
// minEnglishShare of them in the English word list.
const (
	englishSample    = 400
	minEnglishSample = 20
	minEnglishShare  = 0.6
)

// maxTextBytes bounds the text read for facts.
const maxTextBytes = 256 << 10

// Analyze reads the facts from the article's paragraphs. published resolves
// year-less dates.
func Analyze(paragraphs []string, published time.Time) Result {
	var res Result
	// Bound the work on huge inputs: an article's facts are in its first
	// maxTextBytes.
	size := 0
	for i, t := range paragraphs {
		size += len(t)
		if size > maxTextBytes {
			paragraphs = paragraphs[:i]
			break
		}
	}
	paras := newParas(paragraphs)
	res.Dateline = findDateline(paras, published)
	if !english(paras) {
		return res // the name lists and speech verbs are English
	}
	pp := findPeople(paras)
	listed := 0
	for _, per := range pp.list {
		if per.count > 0 {
			listed++
		}
	}
	if listed > 0 {
		res.People = make([]Person, 0, listed)
	}
	for _, per := range pp.list {
		if per.count <= 0 {
			continue
		}
		res.People = append(res.People, Person{Name: per.name, Role: per.role, Mentions: per.count, Aliases: per.aliases})
	}
	recs := attribute(paras, pp)
	if len(recs) > 0 {
		res.Quotes = make([]Quote, 0, len(recs))
	}
	speakers := make([]string, len(recs)) // the quotes' speakers point here
	for i, q := range recs {
		// the comma before "she said" is the sentence's, not the speaker's
		out := Quote{Text: strings.TrimRight(q.text, ", \u00a0"), Paragraph: q.para}
		out.Speaker, out.SpeakerRole = speakerFor(q.src, pp, &speakers[i])
		res.Quotes = append(res.Quotes, out)
	}
	return res
}

// findDateline reads the dateline of the first body paragraph, skipping
// captions, bylines and headings.
func findDateline(paras []*para, published time.Time) *Dateline {
	seen := 0 // body paragraphs looked at
	for i, p := range paras {
		if i >= maxDatelineParas {
			break
		}
		if p.caption || !bodyLike(p.text) {
			continue
		}
		d, ok := dateline.Parse(p.text, published, isCommon)
		if ok {
			// In the first paragraph, or after a short standfirst.
			return &Dateline{Place: d.Place, Date: d.Date, Agency: d.Agency, Raw: d.Raw}
		}
		seen++
		if seen > 1 || moreFields(p.text, maxStandfirstWords) {
			return nil
		}
	}
	return nil
}

// bodyLike: a paragraph of running text (a sentence of eight words or more
// ending in punctuation), not a heading, byline or timestamp.
func bodyLike(s string) bool {
	s = strings.TrimSpace(s)
	words := 0
	eachField(s, func(f string) bool {
		if strings.IndexFunc(f, unicode.IsDigit) < 0 && strings.IndexFunc(f, unicode.IsLetter) >= 0 {
			words++
		}
		return words < minBodyWords
	})
	if words < minBodyWords {
		return false
	}
	return strings.ContainsAny(s[len(s)-1:], ".!?\"”’)»:")
}

// english reports whether most lower-case words of the text are English.
// The sample's size and its frequent words need no look-up, so they are
// counted first; the other words are then looked up until the share is
// decided either way.
func english(paras []*para) bool {
	total, known := 0, 0
	var buf [englishSample]*token
	rare := buf[:0] // sampled words that are not frequent, to look up
	eachSampleWord(paras, func(t *token) {
		total++
		if frequentWord(lw(*t)) {
			known++
		} else {
			rare = append(rare, t)
		}
	})
	if total < minEnglishSample {
		return true
	}
	enough := func(known int) bool { return float64(known) >= minEnglishShare*float64(total) }
	for i, t := range rare {
		if enough(known) || !enough(known+len(rare)-i) {
			break
		}
		if isCommon(lw(*t)) {
			known++
		}
	}
	return enough(known)
}

// eachSampleWord calls f with the lower-case words the language check
// reads, in order: the first englishSample, then the first of each later
// paragraph.
func eachSampleWord(paras []*para, f func(*token)) {
	total := 0
	for _, p := range paras {
		for i := range p.toks {
			t := &p.toks[i]
			if t.kind != tWord || t.upper() || isNumber(t.text) {
				continue
			}
			total++
			f(t)
			if total >= englishSample {
				break
			}
		}
	}
}
