// Package quotes finds the quoted spans of a paragraph and tells direct
// quotations from titles, nicknames and scare quotes.
//
// Rules: curly (“ ”), straight ("), low-high („ “), doubled single (‘‘ ’’)
// and guillemet (« ») double quotes are scanned; “ may close with ’’; single quotes (‘ ’) only outside double quotes,
// opening after a space and closing before one. Marks inside an open quote
// other than its closer are part of the text. A quote still open at the end
// of the paragraph ends there (Span.Closed is false).
package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsclean/newsclean/extract/internal/textkit"
)

// Span is one quoted segment. Open and Close are the byte offsets of the
// opening mark and just past the closing mark (the paragraph's end when the
// quote is left open); Start and End bound the text between the marks.
type Span struct {
	Open, Start, End, Close int
	Closed                  bool
}

// Text returns the quoted words of s, trimmed of spaces.
func (sp Span) Text(s string) string {
	return strings.TrimSpace(strings.Trim(s[sp.Start:sp.End], " \u00a0\u202f"))
}

func closerFor(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '„':
		return '“'
	case '«':
		return '»'
	case '"':
		return '"'
	case '‘':
		return '’'
	}
	return 0
}

// doubleOpen and doubleClose are two single marks written for a double
// one, as some publishing systems do.
const (
	doubleOpen  = "‘‘"
	doubleClose = "’’"
)

// Scan returns the quoted spans of paragraph s in order.
func Scan(s string) []Span {
	return AppendScan(nil, s)
}

// AppendScan appends the quoted spans of paragraph s to dst, in order, and
// returns the extended slice.
func AppendScan(dst []Span, s string) []Span {
	out := dst
	var open rune
	var cur Span
	for i := 0; i < len(s); {
		// Marks are '"' or open with the byte 0xC2 (« ») or 0xE2 (“ ” „ ‘
		// ’); neither byte ever continues a rune, so the others are
		// skipped byte by byte.
		if c := s[i]; c != '"' && c != 0xC2 && c != 0xE2 {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		// doubled single marks stand for double ones: ‘‘…’’, “…’’
		if open == 0 && strings.HasPrefix(s[i:], doubleOpen) {
			open = '“'
			cur = Span{Open: i, Start: i + len(doubleOpen)}
			i += len(doubleOpen)
			continue
		}
		if (open == '“' || open == '"') && strings.HasPrefix(s[i:], doubleClose) {
			cur.End, cur.Close, cur.Closed = i, i+len(doubleClose), true
			out = append(out, cur)
			open = 0
			i += len(doubleClose)
			continue
		}
		switch {
		case open == 0 && (r == '“' || r == '„' || r == '«' || r == '"'):
			open = r
			cur = Span{Open: i, Start: i + n}
		case open == 0 && r == '‘' && !letterOrDigit(runeBefore(s, i)):
			open = r
			cur = Span{Open: i, Start: i + n}
		case open != 0 && (r == closerFor(open) || (open == '„' && r == '”') || (open == '“' && r == '"') || (open == '"' && r == '”')):
			if open == '‘' && letterOrDigit(runeAt(s, i+n)) {
				break // an apostrophe: don’t
			}
			cur.End, cur.Close, cur.Closed = i, i+n, true
			out = append(out, cur)
			open = 0
		}
		i += n
	}
	if open != 0 && open != '‘' {
		cur.End, cur.Close = len(s), len(s)
		out = append(out, cur)
	}
	return out
}

// runeBefore returns the rune that ends at byte i of s, a space at the
// start.
func runeBefore(s string, i int) rune {
	if i == 0 {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// runeAt returns the rune at byte i of s, a space at the end.
func runeAt(s string, i int) rune {
	if i >= len(s) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func letterOrDigit(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// MoreWords reports whether a quote has more than n words, reading no
// further than its n+1st.
func MoreWords(text string, n int) bool {
	return wordsUpTo(text, n+1) > n
}

// wordsUpTo counts the words of text, stopping at max.
func wordsUpTo(text string, max int) int {
	n := 0
	in := false
	for _, r := range text {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			if n++; n >= max {
				return n
			}
		}
		in = w || r == '’' || r == '\''
	}
	return n
}

// MinWords is the fewest words a quotation needs; shorter quoted words are
// scare quotes ("the “interim” government") or names.
const MinWords = 3

// smallWords stay in lower case inside a title ("Gone with the Wind").
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "on": true, "in": true,
	"for": true, "to": true, "at": true, "by": true, "with": true, "from": true, "de": true, "la": true,
}

// TitleCase reports whether text reads as the title of a work or a slogan
// written in title case: "We’re Not Gonna Take It". Its words are split at
// spaces and dashes.
func TitleCase(text string) bool {
	caps, counted := 0, 0
	i := 0 // words read
	for rest := text; rest != ""; i++ {
		var w string
		if w, rest = nextWord(rest); w == "" {
			break
		}
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" || i > 0 && textkit.LookupLower(smallWords, w) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		counted++
		if !unicode.IsUpper(r) {
			return false // a word in lower case: caps can no longer equal counted
		}
		caps++
	}
	return counted >= minTitleWords && caps == counted
}

// minTitleWords: a title has two capitalised words at least; one is a
// name or a sentence's first word.
const minTitleWords = 2

// nextWord returns the first word of s, words being split at spaces and
// dashes, and what follows it; an empty word when s holds none.
func nextWord(s string) (word, rest string) {
	start := -1
	for i, r := range s {
		sep := unicode.IsSpace(r) || r == '—' || r == '–'
		switch {
		case start < 0 && !sep:
			start = i
		case start >= 0 && sep:
			return s[start:i], s[i:]
		}
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

// namingWords introduce a name, a title or a term rather than speech.
var namingWords = []string{
	"titled", "entitled", "dubbed", "nicknamed", "known as", "so-called", "the word", "the words",
	"the term", "the phrase", "hashtag", "the slogan", "slogan", "the headline", "headlined",
	"labelled", "labeled", "branded", "the song", "the album", "the book", "the film", "the show",
}

// IsQuotation reports whether a quoted span is a direct quotation, given
// its text and the paragraph text just before the opening mark.
func IsQuotation(text, before string) bool {
	if !MoreWords(text, MinWords-1) {
		return false
	}
	if TitleCase(text) {
		return false
	}
	// The naming words are ASCII: an ASCII text is compared folding
	// case, any other lower-cased first.
	b := strings.TrimRight(before, " ,:\u00a0")
	for i := 0; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			b = strings.ToLower(b)
			break
		}
	}
	for _, w := range namingWords {
		if hasSuffixFold(b, w) && (len(b) == len(w) || !isWordByte(lowerByte(b[len(b)-len(w)-1]))) {
			return false
		}
	}
	return true
}

// hasSuffixFold reports whether s ends with the lower-case suffix,
// folding ASCII case.
func hasSuffixFold(s, suffix string) bool {
	if len(s) < len(suffix) {
		return false
	}
	s = s[len(s)-len(suffix):]
	for i := 0; i < len(s); i++ {
		if lowerByte(s[i]) != suffix[i] {
			return false
		}
	}
	return true
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}
