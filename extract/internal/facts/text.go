package facts

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsclean/newsclean/extract/internal/quotes"
	"github.com/newsclean/newsclean/extract/internal/textkit"
)

type tokKind uint8

const (
	tWord  tokKind = iota
	tPunct         // , . ; : ! ? ( ) dashes
	tMark          // an opening or closing quotation mark
)

// token is a word, a punctuation sign or a quotation mark of a paragraph.
type token struct {
	text       string
	lower      string // text lower-cased
	start, end int32  // bytes of the paragraph; it has maxTextBytes at most
	q          int32  // 1 + index of the quoted span holding the token, 0 outside quotes
	kind       tokKind
	capital    bool // a word that opens with a capital, see upper
}

// upper: a word that opens with a capital.
func (t token) upper() bool { return t.capital }

// minCapsLetters: fewer capital letters are an initial, not a word in
// capitals.
const minCapsLetters = 2

// allCaps: "CEO", "PARIS", "U.S." (two letters or more, no lower case).
func (t token) allCaps() bool {
	letters := 0
	for _, r := range t.text {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= minCapsLetters
}

// para is one analysed paragraph.
type para struct {
	text    string
	spans   []quotes.Span
	toks    []token
	sents   [][2]int // token ranges [from, to)
	spanTok [][2]int // first and last token of each span, built on demand
	caption bool
}

// abbrev lists the abbreviations whose full stop belongs to the word
// ("Mr.", "Calif.", "Corp.") rather than ending a sentence.
var abbrev = lazySet(`mr mrs ms dr prof gov sen rep st lt gen col capt sgt adm cmdr maj rev jr sr
	inc co corp ltd no vs mt jan feb mar apr jun jul aug sep sept oct nov dec calif ill mass fla pa va
	md mo wash mich ariz tenn ky la okla ore conn colo ga ala minn wis ind nev neb kan ark miss del
	ave blvd`)

// newParas reads the paragraphs of an article. The paragraphs' tokens,
// sentences, quoted spans and lower-cased words are carved out of a few
// arrays allocated once for the article.
func newParas(texts []string) []*para {
	size, toks, sents := 0, 0, 0
	for _, t := range texts {
		size += len(t)
		toks += len(t)/tokenBytes + 1
		sents += len(t)/sentenceBytes + 1
	}
	st := paraStore{
		toks:  make([]token, 0, toks),
		sents: make([][2]int, 0, sents),
		spans: make([]quotes.Span, 0, len(texts)*spansPerPara),
	}
	// The lower-case words that need a copy share one string of the
	// article, size bytes at most.
	var lower strings.Builder
	lower.Grow(size)
	backing := make([]para, len(texts))
	paras := make([]*para, len(texts))
	for i, t := range texts {
		p := &backing[i]
		p.text = t
		p.spans = carve(&st.spans, func(dst []quotes.Span) []quotes.Span { return quotes.AppendScan(dst, t) })
		p.toks = carve(&st.toks, func(dst []token) []token { return p.tokenize(dst, &lower) })
		p.sents = carve(&st.sents, p.sentences)
		p.caption = isCaption(t)
		paras[i] = p
	}
	return paras
}

// paraStore holds the shared arrays newParas carves paragraphs from.
type paraStore struct {
	toks  []token
	sents [][2]int
	spans []quotes.Span
}

// carve appends to the unused end of *store with fill and returns what fill
// added, capped so that later appends to it cannot reach the next
// paragraph's part. When fill outgrows the store, its result has its own
// array, and the next paragraphs are carved from a new store as large as
// the first.
func carve[T any](store *[]T, fill func(dst []T) []T) []T {
	s := *store
	n := len(s)
	out := fill(s[n:n:cap(s)])
	if len(out) == 0 {
		return nil
	}
	if n < cap(s) && &out[0] == &s[n : n+1][0] {
		*store = s[:n+len(out)]
	} else {
		*store = make([]T, 0, max(cap(s), len(out)))
	}
	return out[:len(out):len(out)]
}

// lowerWord returns strings.ToLower(s), written to b when only ASCII
// letters change.
func lowerWord(b *strings.Builder, s string) string {
	upper := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			upper = upper || 'A' <= c && c <= 'Z'
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !caseless(r) && unicode.ToLower(r) != r {
			return strings.ToLower(s)
		}
		i += n
	}
	if !upper {
		return s
	}
	from := b.Len()
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	// String shares the builder's bytes; bytes written later never move
	// them.
	return b.String()[from:]
}

// caseless reports runes of blocks without letters, whose lower case is
// themselves: Latin-1 signs (« » ° ·) and general punctuation (’ “ ” —).
func caseless(r rune) bool {
	return r >= 0x80 && r < 0xc0 || r >= 0x2000 && r < 0x2070
}

// isWordRune: a letter, a digit or a mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWordByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// asciiWordByte: an ASCII letter or digit (r|0x20 folds 'A'-'Z' onto
// 'a'-'z', and nothing else there). Short enough to be inlined in the
// tokenizer's loop.
func asciiWordByte(c byte) bool {
	return c|0x20-'a' < 26 || c-'0' < 10
}

// isSpace is unicode.IsSpace, quicker on ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// tokenBytes is about the bytes of text per token in English prose (a
// word, its space and the odd punctuation sign), to size the token list.
const tokenBytes = 5

// sentenceBytes is about the bytes of a short sentence, to size the
// sentence list (a paragraph with shorter sentences gets its own list).
const sentenceBytes = 80

// spansPerPara is about the quoted spans of a paragraph, one or none in
// most paragraphs, to size the list of spans.
const spansPerPara = 1

// tokenize appends the paragraph's tokens to dst and returns them. The
// tokens' lower-case text is written to lower when it needs a copy: the
// words are compared lower-cased many times over.
func (p *para) tokenize(dst []token, lower *strings.Builder) []token {
	s := p.text
	p.toks = dst
	si := 0 // next span
	q := 0
	for i := 0; i < len(s); {
		if si < len(p.spans) && i == p.spans[si].Open && q == 0 {
			sp := p.spans[si]
			p.add(sp.Open, sp.Start, tMark, si+1, lower, false)
			q = si + 1
			i = sp.Start
			continue
		}
		if q > 0 && i >= p.spans[q-1].End {
			sp := p.spans[q-1]
			if sp.Closed {
				p.add(sp.End, sp.Close, tMark, q, lower, false)
			}
			i = sp.Close
			q = 0
			si++
			continue
		}
		end := len(s)
		if q > 0 {
			end = p.spans[q-1].End
		} else if si < len(p.spans) {
			end = p.spans[si].Open
		}
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isWordRune(r):
			i = p.word(i, end, q, lower)
		case isSpace(r):
			i += n
		default:
			p.add(i, i+n, tPunct, q, lower, false)
			i += n
		}
	}
	return p.toks
}

// word reads the word starting at byte i (before end) into tokens, a
// possessive 's apart, and returns where it ends.
func (p *para) word(i, end, q int, lower *strings.Builder) int {
	s := p.text
	r, n := utf8.DecodeRuneInString(s[i:])
	// plain: the word so far is ASCII letters in lower case, its own
	// lower case
	plain := 'a' <= r && r <= 'z'
	j := i + n
	for j < end {
		if c := s[j]; asciiWordByte(c) {
			plain = plain && c >= 'a'
			j++
			continue
		}
		plain = false
		r2, n2 := rune(s[j]), 1
		if r2 >= utf8.RuneSelf {
			r2, n2 = utf8.DecodeRuneInString(s[j:])
		}
		if isWordRune(r2) {
			j += n2
			continue
		}
		// inner joiners: O'Brien, don't, Eva-Marie, U.S, PG&E
		if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '&' || r2 == '.') && j+n2 < end {
			r3, _ := utf8.DecodeRuneInString(s[j+n2:])
			if isWordRune(r3) {
				j += n2
				continue
			}
		}
		break
	}
	w := s[i:j]
	// possessive 's
	if k := len(w) - len("'s"); strings.HasSuffix(w, "'s") && k > 0 {
		p.add(i, i+k, tWord, q, lower, false)
		p.add(i+k, j, tWord, q, lower, false)
		return j
	}
	if k := len(w) - len("’s"); strings.HasSuffix(w, "’s") && k > 0 {
		p.add(i, i+k, tWord, q, lower, false)
		p.add(i+k, j, tWord, q, lower, false)
		return j
	}
	// trailing dot of an abbreviation or initial
	if j < end && s[j] == '.' {
		aw := w
		if k := strings.LastIndexByte(aw, '-'); k >= 0 {
			aw = aw[k+1:] // "R-Neb."
		}
		if textkit.LookupLower(abbrev(), aw) || strings.Contains(w, ".") || (utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r)) {
			j++
			plain = false
		}
	}
	p.add(i, j, tWord, q, lower, plain)
	return j
}

// add appends the token of bytes [start, end) of the paragraph. plain: its
// text is ASCII letters in lower case, as most words are, and needs no
// more reading.
func (p *para) add(start, end int, kind tokKind, q int, lower *strings.Builder, plain bool) {
	text := p.text[start:end]
	t := token{text: text, lower: text, start: int32(start), end: int32(end), kind: kind, q: int32(q)}
	if !plain {
		t.lower = lowerWord(lower, text)
		if kind == tWord {
			r := rune(text[0])
			if r >= utf8.RuneSelf {
				r, _ = utf8.DecodeRuneInString(text)
			}
			t.capital = unicode.IsUpper(r)
		}
	}
	p.toks = append(p.toks, t)
}

// sentences splits the tokens at sentence ends outside quotes, and after a
// quote ending a sentence when a capitalised word follows.
func (p *para) sentences(dst [][2]int) [][2]int {
	p.sents = dst
	from := 0
	for i := range p.toks {
		t := &p.toks[i]
		end := false
		if t.q == 0 && t.kind == tPunct && (t.text == "." || t.text == "!" || t.text == "?") {
			end = true
			// "R-Neb., called": no sentence ends before a comma or a
			// lower-case word
			if i+1 < len(p.toks) {
				nx := p.toks[i+1]
				if nx.text == "," || nx.text == ";" || (nx.kind == tWord && !nx.upper() && !isNumber(nx.text)) {
					end = false
				}
			}
		}
		if t.kind == tMark && int(t.end) == p.spans[t.q-1].Close && p.spans[t.q-1].Closed && i+1 < len(p.toks) {
			inner := strings.TrimRight(p.text[p.spans[t.q-1].Start:p.spans[t.q-1].End], " ")
			nx := p.toks[i+1]
			if strings.HasSuffix(inner, ".") && nx.upper() {
				end = true
			}
		}
		if end {
			p.sents = append(p.sents, [2]int{from, i + 1})
			from = i + 1
		}
	}
	if from < len(p.toks) {
		p.sents = append(p.sents, [2]int{from, len(p.toks)})
	}
	return p.sents
}

// words returns the text of tokens from to last, both included, with its
// spaces squeezed to single spaces.
func (p *para) words(from, last int) string {
	return textkit.OneSpaced(p.text[p.toks[from].start:p.toks[last].end])
}

// eachField calls f with the fields of s, as strings.Fields splits them,
// until f returns false.
func eachField(s string, f func(field string) bool) {
	for field := range strings.FieldsSeq(s) {
		if !f(field) {
			return
		}
	}
}

// moreFields reports whether s has more than n fields.
func moreFields(s string, n int) bool {
	fields := 0
	eachField(s, func(string) bool { fields++; return fields <= n })
	return fields > n
}

// sentenceOf returns the token range of the sentence holding token i.
func (p *para) sentenceOf(i int) (int, int) {
	k := sort.Search(len(p.sents), func(k int) bool { return p.sents[k][1] > i })
	if k < len(p.sents) && i >= p.sents[k][0] {
		return p.sents[k][0], p.sents[k][1]
	}
	return 0, len(p.toks)
}

// spanToks returns the first and last token of quoted span k (its marks
// included), or -1, -1.
func (p *para) spanToks(k int) (int, int) {
	if p.spanTok == nil {
		p.spanTok = make([][2]int, len(p.spans))
		for i := range p.spanTok {
			p.spanTok[i] = [2]int{-1, -1}
		}
		for i := range p.toks {
			if q := p.toks[i].q; q > 0 {
				r := &p.spanTok[q-1]
				if r[0] < 0 {
					r[0] = i
				}
				r[1] = i
			}
		}
	}
	if k < 0 || k >= len(p.spanTok) {
		return -1, -1
	}
	return p.spanTok[k][0], p.spanTok[k][1]
}

// A gallery counter ("1of4", "12 of 30") opens a caption within its
// first counterBytes bytes; a caption holds more than minCounterCaption
// bytes.
const (
	counterBytes      = 6
	minCounterCaption = 4
)

// captionPrefixes open photo captions and credits, lower-cased.
var captionPrefixes = [...]string{"image caption", "media caption", "image copyright", "photo:", "picture:", "caption:", "image:"}

// isCaption: photo captions and credits, which name photographers and
// passers-by rather than the story's people. The checks read the text as
// if lower-cased, lowering only the little they look at.
func isCaption(text string) bool {
	for _, pfx := range captionPrefixes {
		if hasLowerPrefix(text, pfx) {
			return true
		}
	}
	t := strings.TrimSpace(text)
	if strings.HasSuffix(t, ")") {
		if k := strings.LastIndexByte(t, '('); k >= 0 {
			c := strings.ToLower(t[k:])
			if strings.Contains(c, "photo") || strings.Contains(c, "via ") || strings.Contains(c, "/") ||
				strings.Contains(c, "getty") || strings.Contains(c, "credit") || strings.Contains(c, "afp") {
				return true
			}
		}
	}
	// "1of4Grass Valley's…": gallery counters (only digits lower-case to
	// digits)
	if t != "" && t[0] >= '0' && t[0] <= '9' {
		if l := strings.ToLower(t); len(l) > minCounterCaption && strings.Contains(l[:min(counterBytes, len(l))], "of") {
			return true
		}
	}
	return false
}

// hasLowerPrefix reports whether strings.ToLower(s) starts with the ASCII
// prefix pfx, without lower-casing s.
func hasLowerPrefix(s, pfx string) bool {
	i := 0
	for _, r := range s {
		if i == len(pfx) {
			return true
		}
		if r = unicode.ToLower(r); r >= utf8.RuneSelf || byte(r) != pfx[i] {
			return false
		}
		i++
	}
	return i == len(pfx)
}
