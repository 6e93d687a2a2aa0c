package facts

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsclean/newsclean/extract/internal/quotes"
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
	lower      string // text lower-cased, filled by lowerTokens
	start, end int
	kind       tokKind
	q          int // 1 + index of the quoted span holding the token, 0 outside quotes
}

func (t token) upper() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return t.kind == tWord && unicode.IsUpper(r)
}

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
	return letters >= 2
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

var abbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gov": true, "sen": true, "rep": true,
	"st": true, "lt": true, "gen": true, "col": true, "capt": true, "sgt": true, "adm": true, "cmdr": true,
	"maj": true, "rev": true, "jr": true, "sr": true, "inc": true, "co": true, "corp": true, "ltd": true,
	"no": true, "vs": true, "mt": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"calif": true, "ill": true, "mass": true, "fla": true, "pa": true, "va": true, "md": true, "mo": true,
	"wash": true, "mich": true, "ariz": true, "tenn": true, "ky": true, "la": true, "okla": true,
	"ore": true, "conn": true, "colo": true, "ga": true, "ala": true, "minn": true, "wis": true, "ind": true,
	"nev": true, "neb": true, "kan": true, "ark": true, "miss": true, "del": true, "ave": true, "blvd": true,
}

func newPara(text string) *para {
	p := &para{text: text, spans: quotes.Scan(text)}
	p.tokenize()
	lower := strings.ToLower(text)
	p.lowerTokens(lower)
	p.sentences()
	p.caption = isCaption(lower)
	return p
}

// lowerTokens fills each token's lower-case text from lower, the
// paragraph lower-cased. The words are compared lower-cased many times
// over; in an ASCII paragraph the tokens share lower.
func (p *para) lowerTokens(lower string) {
	ascii := true
	for i := 0; i < len(p.text); i++ {
		if p.text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		for i := range p.toks {
			p.toks[i].lower = strings.ToLower(p.toks[i].text)
		}
		return
	}
	for i := range p.toks {
		p.toks[i].lower = lower[p.toks[i].start:p.toks[i].end]
	}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// tokenBytes is about the bytes of text per token in English prose (a
// word, its space and the odd punctuation sign), to size the token list.
const tokenBytes = 5

func (p *para) tokenize() {
	s := p.text
	p.toks = make([]token, 0, len(s)/tokenBytes+1)
	si := 0 // next span
	q := 0
	for i := 0; i < len(s); {
		if si < len(p.spans) && i == p.spans[si].Open && q == 0 {
			sp := p.spans[si]
			p.toks = append(p.toks, token{text: s[sp.Open:sp.Start], start: sp.Open, end: sp.Start, kind: tMark, q: si + 1})
			q = si + 1
			i = sp.Start
			continue
		}
		if q > 0 && i >= p.spans[q-1].End {
			sp := p.spans[q-1]
			if sp.Closed {
				p.toks = append(p.toks, token{text: s[sp.End:sp.Close], start: sp.End, end: sp.Close, kind: tMark, q: q})
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
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			i = p.word(i, end, q)
		case unicode.IsSpace(r):
			i += n
		default:
			p.toks = append(p.toks, token{text: s[i : i+n], start: i, end: i + n, kind: tPunct, q: q})
			i += n
		}
	}
}

// word reads the word starting at byte i (before end) into tokens, a
// possessive 's apart, and returns where it ends.
func (p *para) word(i, end, q int) int {
	s := p.text
	r, n := utf8.DecodeRuneInString(s[i:])
	j := i + n
	for j < end {
		r2, n2 := utf8.DecodeRuneInString(s[j:])
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
		p.toks = append(p.toks, token{text: w[:k], start: i, end: i + k, q: q}, token{text: w[k:], start: i + k, end: j, q: q})
		return j
	}
	if k := len(w) - len("’s"); strings.HasSuffix(w, "’s") && k > 0 {
		p.toks = append(p.toks, token{text: w[:k], start: i, end: i + k, q: q}, token{text: w[k:], start: i + k, end: j, q: q})
		return j
	}
	// trailing dot of an abbreviation or initial
	if j < end && s[j] == '.' {
		lw := strings.ToLower(w)
		if k := strings.LastIndexByte(lw, '-'); k >= 0 {
			lw = lw[k+1:] // "R-Neb."
		}
		if abbrev[lw] || strings.Contains(w, ".") || (utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r)) {
			j++
			w = s[i:j]
		}
	}
	p.toks = append(p.toks, token{text: w, start: i, end: j, q: q})
	return j
}

// sentences splits the tokens at sentence ends outside quotes, and after a
// quote ending a sentence when a capitalised word follows.
func (p *para) sentences() {
	from := 0
	for i, t := range p.toks {
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
		if t.kind == tMark && t.end == p.spans[t.q-1].Close && p.spans[t.q-1].Closed && i+1 < len(p.toks) {
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
		for i, t := range p.toks {
			if t.q > 0 {
				r := &p.spanTok[t.q-1]
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

// isCaption: photo captions and credits, which name photographers and
// passers-by rather than the story's people. l is the paragraph
// lower-cased.
func isCaption(l string) bool {
	for _, pfx := range []string{"image caption", "media caption", "image copyright", "photo:", "picture:", "caption:", "image:"} {
		if strings.HasPrefix(l, pfx) {
			return true
		}
	}
	t := strings.TrimSpace(l)
	if strings.HasSuffix(t, ")") {
		if k := strings.LastIndexByte(t, '('); k >= 0 {
			c := t[k:]
			if strings.Contains(c, "photo") || strings.Contains(c, "via ") || strings.Contains(c, "/") ||
				strings.Contains(c, "getty") || strings.Contains(c, "credit") || strings.Contains(c, "afp") {
				return true
			}
		}
	}
	// "1of4Grass Valley's…": gallery counters
	if len(t) > 4 && t[0] >= '0' && t[0] <= '9' && strings.Contains(t[:min(6, len(t))], "of") {
		return true
	}
	return false
}
