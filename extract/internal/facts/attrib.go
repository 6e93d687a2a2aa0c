package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsclean/newsclean/extract/internal/quotes"
)

// source is who a quote is attributed to: a person of the article, or a
// phrase as written ("the document", "a company spokesperson").
type source struct {
	person int // -1 when not a person
	phrase string
}

func (s source) none() bool { return s.person < 0 && s.phrase == "" }

var noSource = source{person: -1}

type quoteRec struct {
	para, span int
	text       string
	src        source
	chained    bool // continues an open quote of the previous paragraph
}

type attributor struct {
	paras []*para
	pp    *people
	L     *lists
	out   []quoteRec
}

// attribute finds every direct quotation and its source.
func attribute(paras []*para, pp *people) []quoteRec {
	at := &attributor{paras: paras, pp: pp, L: wordLists()}
	prevOpen := false // the previous paragraph ended inside a quote
	for pi, p := range paras {
		lastInPara := noSource // the source of the paragraph's last attributed quote, however short
		for k, sp := range p.spans {
			text := sp.Text(p.text)
			chained := k == 0 && prevOpen && strings.TrimSpace(p.text[:sp.Open]) == ""
			if !quotes.IsQuotation(text, tail(p.text[:sp.Open], namingContextBytes)) || headline(p, sp, text) {
				if quotes.MoreWords(text, 0) && !quotes.TitleCase(text) {
					if s := at.find(pi, k); !s.none() {
						lastInPara = s // “That’s perfect,” Boudreau said. “It’s …”
					}
				}
				continue
			}
			src := at.find(pi, k)
			if src.phrase != "" {
				oi, _ := p.spanToks(k)
				src = at.resolveRole(pi, oi, src)
			}
			if src.none() {
				switch {
				case chained && len(at.out) > 0:
					src = at.out[len(at.out)-1].src
				case !lastInPara.none():
					src = lastInPara
				case k == 0 && strings.TrimSpace(p.text[:sp.Open]) == "" && pi > 0 && len(at.out) > 0 && at.out[len(at.out)-1].para == pi-1:
					src = at.out[len(at.out)-1].src
				}
			}
			if !src.none() {
				lastInPara = src
			}
			at.out = append(at.out, quoteRec{para: pi, span: k, text: text, src: src, chained: chained})
		}
		prevOpen = len(p.spans) > 0 && !p.spans[len(p.spans)-1].Closed
	}
	// An open quote's attribution often comes in its last paragraph: carry
	// it back over the chain.
	for i := len(at.out) - 1; i > 0; i-- {
		if at.out[i].chained && at.out[i-1].src.none() && !at.out[i].src.none() && at.out[i-1].para == at.out[i].para-1 {
			at.out[i-1].src = at.out[i].src
		}
	}
	return at.out
}

func (at *attributor) speech(t token) bool {
	return t.q == 0 && t.kind == tWord && at.L.speech[lw(t)]
}

func (at *attributor) according(p *para, i int) bool {
	return i+1 < len(p.toks) && p.toks[i].q == 0 && lw(p.toks[i]) == "according" && lw(p.toks[i+1]) == "to"
}

// find attributes span k of paragraph pi from the words of its sentence.
func (at *attributor) find(pi, k int) source {
	p := at.paras[pi]
	oi, ci := p.spanToks(k)
	if oi < 0 {
		return noSource
	}
	ss, se := p.sentenceOf(oi)
	// 1. after the quote: “…,” she said / “…,” said Ms Chang / “…”, according to X
	j := ci + 1
	for j < se && p.toks[j].kind == tPunct && p.toks[j].text != "." {
		j++
	}
	// “…,” Kurinji Selvaraj, a research analyst at …, told CBS News.
	if s, ok := at.appositionSpeaker(pi, j, se); ok {
		return s
	}
	words := 0
	for v := j; v < se && words < maxWordsToVerbAfter; v++ {
		t := p.toks[v]
		if t.kind == tMark {
			break
		}
		if t.kind == tPunct && (t.text == "." || t.text == ";" || t.text == "!" || t.text == "?") {
			break
		}
		if at.according(p, v) {
			return at.after(pi, v+2, se)
		}
		if at.speech(t) {
			if v == j {
				if s := at.after(pi, v+1, se); !s.none() {
					return s
				}
				continue
			}
			if p.toks[v-1].text == "," {
				// “…” announced in October, said Derek Scissors
				if s := at.after(pi, v+1, se); !s.none() {
					return s
				}
			}
			return at.before(pi, j, v)
		}
		if t.kind == tWord {
			words++
		}
	}
	// 2. before the quote: X said: “…” / X told reporters that “…”
	for v := oi - 1; v >= ss; v-- {
		t := p.toks[v]
		if at.according(p, v) {
			return at.after(pi, v+2, oi)
		}
		if at.speech(t) {
			if s := at.before(pi, ss, v); !s.none() {
				return s
			}
			if s := at.after(pi, v+1, oi); !s.none() {
				return s
			}
		}
	}
	// 3. "according to X" further on in the sentence
	for v := ci + 1; v < se; v++ {
		if at.according(p, v) {
			return at.after(pi, v+2, se)
		}
	}
	// 4. a quote inside reported speech, whatever the verb: "X denied …
	// and said reports were “…”", "X assured Y that … “…”"
	if oi-ss > minClauseBeforeQuote {
		return at.clauseSubject(pi, ss, oi)
	}
	return noSource
}

// reportingVerbs, with the speech verbs, govern a quote inside reported
// speech: "X denied … and said reports were “…”", "X assured Y that …
// “…”", "X accused him of “…”".
var reportingVerbs = lazySet(`denied denies assured assures reassured accused accuses dismissed
	dismisses rejected rejects criticised criticized criticises criticizes praised praises
	blamed blames condemned condemns defended defends labelled labeled branded characterised
	characterized hailed hails welcomed welcomes questioned questions informed informs
	likened likens compared`)

// minClauseBeforeQuote is the fewest tokens before a quote for the words
// to hold a subject and its verb ("Lindqvist denied").
const minClauseBeforeQuote = 2

// clauseSubject reads the subject of the clause that runs from ss to a
// quote at oi, when a verb of saying, denying, assuring, accusing or
// describing governs it: a person opening the sentence, or a pronoun
// resolved to one. Without such a verb the quote may be the writer's own
// words set in marks, or a title.
func (at *attributor) clauseSubject(pi, ss, oi int) source {
	p := at.paras[pi]
	reported := false
	for v := ss; v < oi; v++ {
		t := p.toks[v]
		if t.kind == tMark {
			return noSource // another quote comes first
		}
		reported = reported || t.kind == tWord && (at.L.speech[lw(t)] || reportingVerbs()[lw(t)])
	}
	if !reported {
		return noSource
	}
	s := at.sentenceSubject(pi, oi)
	if s.person >= 0 {
		return s
	}
	return noSource
}

// Distances, in tokens, the attribution rules look over.
const (
	// maxWordsToVerbAfter: words between a quote and the speech verb
	// after it ("“…,” Kurinji Selvaraj, an analyst at …, told").
	maxWordsToVerbAfter = 9
	// maxSpeakerWords: the longest speaker read beside a speech verb
	// ("U.S. Attorney James Kennedy Jr.").
	maxSpeakerWords = 8
	// maxPronounPhrase: a subject this short may be a pronoun with an
	// adverb ("He instead").
	maxPronounPhrase = 2
	// maxWordsToApposedName: how far after a comma a name in apposition
	// may start ("said another witness, former adviser Fiona Hill").
	maxWordsToApposedName = 6
	// maxSubjectWords: the longest noun phrase opening a sentence read as
	// its subject.
	maxSubjectWords = 6
	// maxApposition: the longest apposition between a name and its
	// speech verb ("X, a teacher at …, said").
	maxApposition = 30
	// minAdverbLen: shorter words ending in -ly are not adverbs ("only"
	// is listed; "Italy", "ally" are not adverbs).
	minAdverbLen = 4
)

var skipBefore = lazySet(`also later then has have had was is previously recently earlier further again once just did
	does would will reportedly simply only repeatedly publicly privately even still quickly
	bluntly flatly softly angrily proudly often always never may might could should can`)

// before reads the subject of a speech verb at v from tokens [from, v):
// "the doctor said", "McCormick, who …, told".
func (at *attributor) before(pi, from, v int) source {
	p := at.paras[pi]
	y := v
	for y > from && p.toks[y-1].kind == tWord && (skipBefore()[lw(p.toks[y-1])] || isAdverb(p.toks[y-1])) {
		y--
	}
	if y > from && p.toks[y-1].kind == tWord {
		if s, ok := at.pronoun(pi, y-1, lw(p.toks[y-1])); ok {
			return s // "at the time she said"
		}
	}
	// "X denied the claims, saying …" and "X accused … and warned": the
	// subject opens the sentence
	if participle()[lw(p.toks[v])] && y == v && y > from && p.toks[y-1].text == "," ||
		y > from && lw(p.toks[y-1]) == "and" {
		return at.sentenceSubject(pi, v)
	}
	// skip one apposition or relative clause: "X, a teacher at …, said"
	if y > from && p.toks[y-1].text == "," {
		var s source
		if y, s = at.skipApposition(pi, from, y); y < 0 {
			return s
		}
	}
	x := y
	for x > from && y-x < maxSpeakerWords {
		t := p.toks[x-1]
		if t.q != 0 || t.kind == tMark {
			break
		}
		if t.kind == tPunct && t.text != "&" && t.text != "-" {
			break
		}
		l := lw(t)
		if at.L.stopSpeaker[l] || at.L.speech[l] || (l == "to" && x-2 >= from && lw(p.toks[x-2]) == "according") {
			break
		}
		x--
	}
	if x == y {
		return noSource
	}
	if per := at.pp.mentionEndingAt(pi, y); per >= 0 {
		if m := at.pp.mentionIn(pi, x, y); m >= 0 {
			return source{person: per}
		}
	}
	// "U.S. Attorney James Kennedy Jr. said": a name followed only by a
	// generational suffix
	for _, m := range at.pp.mentions[pi] {
		if m.tok >= x && m.end < y && allSuffixes(p.toks[m.end:y]) {
			return source{person: m.person}
		}
	}
	// "analyst Priya Shah of Barclays said"
	for _, m := range at.pp.mentions[pi] {
		if m.tok >= x && m.end < y {
			if l := lw(p.toks[m.end]); l == "of" || l == "at" || l == "from" || l == "with" {
				return source{person: m.person}
			}
		}
	}
	if y-x <= maxPronounPhrase {
		if s, ok := at.pronoun(pi, x, lw(p.toks[x])); ok {
			return s // "she", "He instead"
		}
	}
	// a lone lower-case word that is not a noun phrase: "then", "now"
	first := lw(p.toks[x])
	if prepositions()[first] {
		return noSource
	}
	if y-x == 1 && isCommon(first) && !strings.HasSuffix(first, "s") && !p.toks[x].upper() && !at.L.roleNoun[first] {
		return noSource
	}
	return source{person: -1, phrase: p.words(x, y-1)}
}

// skipApposition steps back over the apposition ending with the comma
// before token y and returns where the subject before it ends. When the
// apposition is a person's name ("The engineer, Dr Samuel Obi, told"), or
// no subject precedes it, it returns -1 and the source.
func (at *attributor) skipApposition(pi, from, y int) (int, source) {
	p := at.paras[pi]
	if per := at.pp.mentionEndingAt(pi, y-1); per >= 0 {
		return -1, source{person: per}
	}
	c := y - 2
	for c >= from && p.toks[c].text != "," && p.toks[c].kind != tMark {
		c--
	}
	if c > from && p.toks[c].text == "," {
		return c, noSource
	}
	return -1, noSource
}

// after reads the speaker after a speech verb or "according to", within
// tokens [from, to): "said Ms Chang Li Lin, Mr Lee's press secretary".
func (at *attributor) after(pi, from, to int) source {
	p := at.paras[pi]
	y := from
	for y < to && y-from < maxSpeakerWords {
		t := p.toks[y]
		if t.q != 0 || t.kind == tMark || (t.kind == tPunct && t.text != "&" && t.text != "-") {
			break
		}
		l := lw(t)
		if y > from && (at.L.stopSpeaker[l] || at.L.speech[l] || skipBefore()[l] || l == "were" || l == "are") {
			break
		}
		y++
	}
	if y == from {
		return noSource
	}
	if per := at.pp.mentionIn(pi, from, y); per >= 0 {
		return source{person: per}
	}
	// "said another witness in the probe, former adviser Fiona Hill."
	if y < to && p.toks[y].text == "," {
		for _, m := range at.pp.mentions[pi] {
			if m.tok > y && m.tok <= y+maxWordsToApposedName && m.end <= to && (m.end == len(p.toks) || p.toks[m.end].kind == tPunct) {
				return source{person: m.person}
			}
		}
	}
	first := lw(p.toks[from])
	if y-from == 1 {
		if s, ok := at.pronoun(pi, from, first); ok {
			return s
		}
	}
	if prepositions()[first] || first == "that" || first == "this" || first == "last" || first == "it" {
		return noSource
	}
	if at.L.monthDay[first] || at.L.stopSpeaker[first] {
		return noSource
	}
	if !determiner(first) && !quantifier()[first] && !p.toks[from].upper() && !at.L.roleNoun[first] && isCommon(first) && !strings.HasSuffix(first, "s") {
		return noSource
	}
	return source{person: -1, phrase: p.words(from, y-1)}
}

// How many paragraphs back, besides its own, a pronoun looks for what it
// stands for.
const (
	// maxSourceLookback: "it" and "they" stand for a source quoted this
	// close.
	maxSourceLookback = 3
	// maxPronounLookback: "he" and "she" stand for a person named this
	// close.
	maxPronounLookback = 6
	// subjectLookback: first, the subject of a sentence this close.
	subjectLookback = 1
)

// pronoun resolves "he", "she" to the last person of that gender named
// outside quotes, and "it", "they" to the last quoted source.
func (at *attributor) pronoun(pi, ti int, l string) (source, bool) {
	for _, suffix := range []string{"'ve", "’ve", "'d", "’d", "'ll", "’ll"} {
		l = strings.TrimSuffix(l, suffix)
	}
	var want byte
	switch l {
	case "he":
		want = 'm'
	case "she":
		want = 'f'
	case "it", "they":
		for i := len(at.out) - 1; i >= 0 && at.out[i].para >= pi-maxSourceLookback; i-- {
			s := at.out[i].src
			if !s.none() && (l == "it") == (s.person < 0) {
				return s, true
			}
		}
		if l == "it" {
			return noSource, true
		}
		return noSource, false
	case "i", "we", "you":
		return noSource, true
	default:
		return noSource, false
	}
	if s, ok := at.phraseSubjectBefore(pi, ti, want); ok {
		return s, true // "A spokesman for the show said …. “…,” he said."
	}
	// Three passes: a person opening a sentence of this paragraph or the
	// one before (the subject); then any but mentions after a preposition
	// or in a possessive ("chats with Epstein", "Epstein's mansion"),
	// which are seldom what a later "he" points back to; then any.
	for pass := -1; pass < 2; pass++ {
		for p := pi; p >= 0 && p >= pi-maxPronounLookback && (pass >= 0 || p >= pi-subjectLookback); p-- {
			ms := at.pp.mentions[p]
			for k := len(ms) - 1; k >= 0; k-- {
				m := ms[k]
				if m.q != 0 || (p == pi && m.tok >= ti) {
					continue
				}
				if pass == 0 && at.oblique(p, m) || pass < 0 && !at.subject(p, m) {
					continue
				}
				if g := at.pp.list[m.person].gender; g == want || g == 0 {
					return source{person: m.person}, true
				}
			}
		}
	}
	return noSource, true
}

// oblique: a mention after a preposition or followed by a possessive.
func (at *attributor) oblique(pi int, m mention) bool {
	p := at.paras[pi]
	if m.end < len(p.toks) && isPossessive(p.toks[m.end]) {
		return true
	}
	k := m.tok - 1
	for k >= 0 && p.toks[k].kind == tWord && (at.L.honorific[lw(p.toks[k])] || personTitle(lw(p.toks[k]))) {
		k--
	}
	return k >= 0 && p.toks[k].kind == tWord && prepositions()[lw(p.toks[k])] && lw(p.toks[k]) != "as"
}

var prepositions = lazySet(`in on at during after before to by with from of for when while as about into over under
	since until like unlike despite through without among`)

var participle = lazySet(`saying adding telling noting arguing explaining insisting warning stressing acknowledging
	claiming describing calling writing asking urging`)

// isAdverb: "tearfully", "quickly" before a speech verb.
func isAdverb(t token) bool {
	return t.kind == tWord && !t.upper() && len(t.text) > minAdverbLen && strings.HasSuffix(t.text, "ly")
}

// maxSubjectLead: a person named this many tokens or fewer into a sentence
// ("Former Prime Minister Tony Abbott") opens it as its subject.
const maxSubjectLead = 3

// sentenceSubject reads the subject at the start of the sentence holding
// token v: a person named there, or its opening noun phrase.
func (at *attributor) sentenceSubject(pi, v int) source {
	p := at.paras[pi]
	ss, _ := p.sentenceOf(v)
	for _, m := range at.pp.mentions[pi] {
		if m.q == 0 && m.tok >= ss && m.tok <= ss+maxSubjectLead && m.tok < v {
			return source{person: m.person}
		}
	}
	if ss < v {
		if s, ok := at.pronoun(pi, ss, lw(p.toks[ss])); ok {
			return s
		}
	}
	if l := lw(p.toks[ss]); prepositions()[l] || at.L.stopSpeaker[l] {
		return noSource // "After the meeting, …"
	}
	x := ss
	possessive := false
	for x < v && x-ss < maxSubjectWords {
		t := p.toks[x]
		if t.kind != tWord || t.q != 0 {
			break
		}
		l := lw(t)
		if l == "'s" || l == "’s" {
			possessive = true
			x++
			continue
		}
		if !t.upper() && !determiner(l) && !at.L.roleNoun[l] && x > ss &&
			!(possessive && !skipBefore()[l] && !strings.HasSuffix(l, "ed") && !at.L.stopSpeaker[l]) {
			break
		}
		x++
	}
	if x == ss || (x == ss+1 && determiner(lw(p.toks[ss]))) {
		return noSource
	}
	return source{person: -1, phrase: p.words(ss, x-1)}
}

// appositionSpeaker reads "NAME, apposition, said" right after a quote: a
// person named within the first words after the quote, a comma, and a
// speech verb after the apposition's closing comma.
func (at *attributor) appositionSpeaker(pi, j, se int) (source, bool) {
	p := at.paras[pi]
	for _, m := range at.pp.mentions[pi] {
		if m.tok < j || m.tok > j+maxWordsToApposedName-2 || m.q != 0 {
			continue
		}
		for k := j; k < m.tok; k++ {
			if t := p.toks[k]; t.kind != tWord || at.speech(t) {
				return noSource, false
			}
		}
		if m.end >= se || p.toks[m.end].text != "," {
			return noSource, false
		}
		for v := m.end + 1; v < se && v < m.end+maxApposition; v++ {
			t := p.toks[v]
			if t.kind == tMark || t.text == "." || t.text == ";" {
				return noSource, false
			}
			if at.speech(t) {
				return source{person: m.person}, true
			}
		}
		return noSource, false
	}
	return noSource, false
}

// quantifier words open a source phrase: "one legal expert", "two people
// briefed on the talks".
var quantifier = lazySet(`one another some two three several many other both most few`)

// namingContextBytes: how much text before a quote is searched for a
// naming word ("dubbed", "the song").
const namingContextBytes = 40

// A paragraph longer than maxHeadlineBytes, or a quote of more than
// maxHeadlineWords words, is not a heading.
const (
	maxHeadlineBytes = 200
	maxHeadlineWords = 12
)

// headline: a paragraph that is nothing but a short quote without closing
// punctuation, as in a heading or pull quote ("3. “Not some irregular
// channel”").
func headline(p *para, sp quotes.Span, text string) bool {
	if len(p.text) > maxHeadlineBytes || strings.IndexFunc(p.text[:sp.Open], unicode.IsLetter) >= 0 ||
		strings.IndexFunc(p.text[sp.Close:], unicode.IsLetter) >= 0 || quotes.MoreWords(text, maxHeadlineWords) {
		return false
	}
	t := strings.TrimRight(text, " ”\"’»")
	return t != "" && !strings.ContainsAny(t[len(t)-1:], ".!?,;:…")
}

// subject: a mention opening its sentence, after at most a title.
func (at *attributor) subject(pi int, m mention) bool {
	p := at.paras[pi]
	ss, _ := p.sentenceOf(m.tok)
	for k := ss; k < m.tok; k++ {
		t := p.toks[k]
		if t.kind != tWord || !(at.L.honorific[lw(t)] || at.L.title[lw(t)] || t.allCaps()) {
			return false
		}
	}
	return true
}

// tail returns about the last n bytes of s, cut at a rune boundary.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// allSuffixes reports tokens that are only generational suffixes of a name
// ("Jr.", "Sr", "III") and full stops.
func allSuffixes(toks []token) bool {
	for _, t := range toks {
		if t.text != "." && !nameSuffix()[strings.TrimSuffix(lw(t), ".")] {
			return false
		}
	}
	return len(toks) > 0
}

// phraseSubjectBefore reads the sentence before token ti of paragraph pi:
// when it opens with a source phrase naming a role ("A spokesman for the
// show said …") and names no person, a "he" or "she" after it is that
// source. want is the pronoun's gender.
func (at *attributor) phraseSubjectBefore(pi, ti int, want byte) (source, bool) {
	p := at.paras[pi]
	ss, _ := p.sentenceOf(ti)
	if ss == 0 {
		return noSource, false
	}
	ps, pe := p.sentenceOf(ss - 1)
	if !determiner(lw(p.toks[ps])) && lw(p.toks[ps]) != "a" && lw(p.toks[ps]) != "an" {
		return noSource, false
	}
	for _, m := range at.pp.mentions[pi] {
		if m.tok >= ps && m.tok < pe {
			return noSource, false
		}
	}
	for v := ps + 1; v < pe; v++ {
		if !at.speech(p.toks[v]) {
			continue
		}
		s := at.openingPhrase(pi, ps, v)
		if s.phrase == "" || !roleOfGender(s.phrase, want, at.L) {
			return noSource, false
		}
		return s, true
	}
	return noSource, false
}

// openingPhrase reads the source phrase that opens a sentence at ps and
// governs the speech verb at v: all the words before the verb when they
// form a source phrase ("A spokesman for the show"), else the sentence's
// opening noun phrase.
func (at *attributor) openingPhrase(pi, ps, v int) source {
	p := at.paras[pi]
	if v > ps {
		whole := p.words(ps, v-1)
		if strings.Contains(whole, ",") {
			return noSource // "The forecaster's meteorologist, Alun Whitcombe, said": a name in apposition
		}
		if sourcePhrase(whole) {
			return source{person: -1, phrase: whole}
		}
	}
	s := at.sentenceSubject(pi, v)
	if s.phrase != "" && !sourcePhrase(s.phrase) {
		return noSource
	}
	return s
}

// maxRoleLookback bounds how many paragraphs back a role phrase after a
// quote ("the CNN host said") looks for the person it describes.
const maxRoleLookback = 2

// resolveRole resolves a definite role phrase to the person it describes:
// a person whose role has the head word ("the treasurer"
// for "state Treasurer Evelyn Marsh"), or, when a capitalised word makes
// the description specific ("the Portugal international", "the CNBC
// anchor"), the person named last before the quote.
func (at *attributor) resolveRole(pi, oi int, src source) source {
	words := strings.Fields(src.phrase)
	if len(words) < 2 || strings.ToLower(words[0]) != "the" {
		return src
	}
	head := strings.ToLower(words[len(words)-1])
	if !at.L.roleNoun[head] && !describesPerson()[head] {
		return src
	}
	specific := false
	for _, w := range words[1 : len(words)-1] {
		specific = specific || startsUpper(w)
	}
	last := -1
	for p := pi; p >= 0 && p >= pi-maxRoleLookback; p-- {
		for k := len(at.pp.mentions[p]) - 1; k >= 0; k-- {
			m := at.pp.mentions[p][k]
			if m.q != 0 || p == pi && m.tok >= oi {
				continue
			}
			if strings.Contains(strings.ToLower(at.pp.list[m.person].role), head) {
				return source{person: m.person}
			}
			if last < 0 {
				last = m.person
			}
		}
	}
	if specific && last >= 0 {
		return source{person: last}
	}
	return src
}

// describesPerson are nouns, besides role nouns, that describe a person
// in a definite phrase after a quote: "the Texas Republican", "the
// Portugal international".
var describesPerson = lazySet(`republican democrat independent conservative liberal international veteran
	winger forward centre-back full-back fullback outfielder reliever shortstop linebacker
	receiver tailback goaltender batsman bowler all-rounder jockey driver rider swimmer sprinter
	golfer boxer fighter wrestler skier skater gymnast grandmother grandfather mother father
	widow widower teenager pensioner native newcomer incumbent challenger nominee frontrunner`)

// roleOfGender: a phrase naming a role that a pronoun of gender want can
// stand for ("a spokesman" for he, "the spokeswoman" for she, "a
// spokesperson" for either).
func roleOfGender(phrase string, want byte, L *lists) bool {
	for _, w := range strings.Fields(strings.ToLower(phrase)) {
		if !L.roleNoun[w] {
			continue
		}
		switch {
		case strings.HasSuffix(w, "woman") || w == "mother" || w == "wife" || w == "daughter" || w == "sister":
			return want == 'f'
		case strings.HasSuffix(w, "man") || w == "father" || w == "husband" || w == "son" || w == "brother":
			return want == 'm'
		}
		return true
	}
	return false
}
