package htmlinput

import (
	"strings"

	"golang.org/x/net/html"
)

// scanner is a quick tokenizer for the flattening model: it returns the
// same tokens as x/net/html's Tokenizer (type and raw length), without
// decoding attributes or allocating, by jumping to the next '<' with
// strings.IndexByte. It covers the markup of ordinary pages and gives up
// (failed) on what it leaves to the real tokenizer: NUL bytes, a token cut
// by the end of the input, and a <plaintext> element.
type scanner struct {
	s      string
	i      int    // start of the next token
	rawTag string // element whose content the next token is, or ""
	bad    bool
	// attrs are the attributes of the last start tag, as offsets into
	// its raw text, for the tree builder to read without a second scan.
	attrs   []attrPos
	attrBuf [16]attrPos // attrs' first array
}

// attrPos places an attribute in a tag's raw text: raw[ks:ke] is its
// key and raw[vs:ve] its undecoded value.
type attrPos struct{ ks, ke, vs, ve int }

func newScanner(s string) *scanner {
	sc := &scanner{s: s, bad: strings.IndexByte(s, 0) >= 0}
	sc.attrs = sc.attrBuf[:0]
	return sc
}

func (sc *scanner) failed() bool { return sc.bad }

func (sc *scanner) notRawText() { sc.rawTag = "" }

// fail gives up: every later call of next reports the end.
func (sc *scanner) fail() (html.TokenType, int) {
	sc.bad = true
	return html.ErrorToken, 0
}

func (sc *scanner) next() (html.TokenType, int) {
	start := sc.i
	if sc.bad || start >= len(sc.s) {
		return html.ErrorToken, 0
	}
	if tag := sc.rawTag; tag != "" {
		sc.rawTag = ""
		end, ok := sc.rawTextEnd(tag)
		if !ok {
			return sc.fail()
		}
		if end > start {
			return sc.token(html.TextToken, end)
		}
	}
	j := sc.markupStart(start)
	if j > start {
		return sc.token(html.TextToken, j)
	}
	if j+1 >= len(sc.s) {
		return sc.fail()
	}
	switch c := sc.s[j+1]; {
	case isASCIILetter(c):
		return sc.startTag(j)
	case c == '/':
		return sc.endTag(j)
	case c == '!':
		return sc.markupDeclaration(j)
	default: // '?': a bogus comment up to the next '>'
		return sc.untilCloseAngle(j+1, html.CommentToken)
	}
}

// token ends the current token at end.
func (sc *scanner) token(tt html.TokenType, end int) (html.TokenType, int) {
	n := end - sc.i
	sc.i = end
	return tt, n
}

// markupStart returns the index of the next '<' at or after i that starts
// a tag, comment or declaration, or len(s) when none does.
func (sc *scanner) markupStart(i int) int {
	for {
		k := strings.IndexByte(sc.s[i:], '<')
		if k < 0 {
			return len(sc.s)
		}
		i += k
		if i+1 >= len(sc.s) {
			return i // "<" at the very end: next fails on it
		}
		if c := sc.s[i+1]; isASCIILetter(c) || c == '/' || c == '!' || c == '?' {
			return i
		}
		i++
	}
}

// rawTags are the elements whose content the tokenizer reads as text.
var rawTags = []string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"}

// rawTextEnd returns where the content of raw text element tag ends: at
// its end tag, or at the end of the input.
func (sc *scanner) rawTextEnd(tag string) (int, bool) {
	if tag == "plaintext" {
		return 0, false
	}
	s := sc.s
	end := len(s)
	for i := sc.i; ; i += 2 {
		k := strings.Index(s[i:], "</")
		if k < 0 {
			break
		}
		i += k
		_, ok, eof := rawEndTagAt(s, i+2, tag)
		if eof {
			break // no room for the end tag: text to the end, as the tokenizer reads it
		}
		if ok {
			end = i
			break
		}
	}
	if tag == "script" && doubleEscapable(s[sc.i:end]) {
		end = scriptEnd(s, sc.i)
	}
	return end, true
}

// doubleEscapable reports script text that may hold a "</script>" that
// does not end it: after "<!--", a "<script" starts a part where it does
// not. Without both, the first "</script>" ends the script; with them,
// scriptEnd follows the tokenizer's states.
func doubleEscapable(script string) bool {
	i := strings.Index(script, "<!--")
	if i < 0 {
		return false
	}
	rest := script[i:]
	for {
		k := strings.Index(rest, "<")
		if k < 0 || len(rest)-k < len("<script") {
			return false
		}
		if equalFoldASCII(rest[k+1:k+len("<script")], "script") {
			return true
		}
		rest = rest[k+1:]
	}
}

// startTag reads the start tag at j.
func (sc *scanner) startTag(j int) (html.TokenType, int) {
	nameEnd, end, lastVal, ok := sc.tag(j, j+1, true)
	if !ok {
		return sc.fail()
	}
	name := sc.s[j+1 : nameEnd]
	for _, t := range rawTags {
		if equalFoldASCII(name, t) {
			sc.rawTag = t
			break
		}
	}
	if sc.s[end-2] != '/' {
		return sc.token(html.StartTagToken, end)
	}
	if lastVal == end-2 && lastAttrKept(sc.s[j:end], sc.attrs) {
		// The "/" ends the value of the last attribute the tokenizer
		// keeps: it does not close the tag.
		return sc.token(html.StartTagToken, end)
	}
	return sc.token(html.SelfClosingTagToken, end)
}

// lastAttrKept reports whether the tokenizer keeps the last attribute of
// the start tag raw, whose attributes are attrs: its key is not empty and
// no attribute before it has the same key.
func lastAttrKept(raw string, attrs []attrPos) bool {
	if len(attrs) == 0 {
		return false
	}
	last := attrs[len(attrs)-1]
	key := raw[last.ks:last.ke]
	if key == "" {
		return false
	}
	for _, a := range attrs[:len(attrs)-1] {
		if equalFoldASCII(raw[a.ks:a.ke], key) {
			return false
		}
	}
	return true
}

// endTag reads the token at j, which starts "</".
func (sc *scanner) endTag(j int) (html.TokenType, int) {
	if j+2 >= len(sc.s) {
		return sc.fail()
	}
	switch c := sc.s[j+2]; {
	case c == '>':
		// "</>" is no tag; the tokenizer passes it on as a comment.
		return sc.token(html.CommentToken, j+3)
	case isASCIILetter(c):
		_, end, _, ok := sc.tag(j, j+2, false)
		if !ok {
			return sc.fail()
		}
		return sc.token(html.EndTagToken, end)
	}
	return sc.untilCloseAngle(j+2, html.CommentToken)
}

// markupDeclaration reads the token at j, which starts "<!": a comment, a
// doctype or a bogus comment.
func (sc *scanner) markupDeclaration(j int) (html.TokenType, int) {
	s := sc.s
	if j+4 > len(s) {
		return sc.fail()
	}
	if s[j+2] == '-' && s[j+3] == '-' {
		return sc.comment(j + 4)
	}
	const doctype = "DOCTYPE"
	if j+2+len(doctype) >= len(s) {
		return sc.fail()
	}
	if !equalFoldASCII(s[j+2:j+2+len(doctype)], doctype) {
		return sc.untilCloseAngle(j+2, html.CommentToken)
	}
	return sc.untilCloseAngle(j+2+len(doctype), html.DoctypeToken)
}

// comment reads a comment whose text starts at i, ending as the
// tokenizer's do: "-->", "--!>", or at once for "<!-->" and "<!--->".
func (sc *scanner) comment(i int) (html.TokenType, int) {
	s := sc.s
	dashes, beginning := 0, true
	for i < len(s) {
		c := s[i]
		i++
		switch c {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return sc.token(html.CommentToken, i)
			}
		case '!':
			if dashes >= 2 {
				if i >= len(s) {
					return sc.fail()
				}
				c = s[i]
				i++
				if c == '>' {
					return sc.token(html.CommentToken, i)
				}
				if c == '-' {
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
	return sc.fail()
}

// untilCloseAngle ends a token of type tt at the first '>' from i.
func (sc *scanner) untilCloseAngle(i int, tt html.TokenType) (html.TokenType, int) {
	k := strings.IndexByte(sc.s[i:], '>')
	if k < 0 {
		return sc.fail()
	}
	return sc.token(tt, i+k+1)
}

// tag reads the tag at start, whose name starts at i, as the tokenizer's
// readTag does. It returns where the name ends, where the tag ends (after
// its '>'), the index of the last character of the last unquoted
// attribute value (-1 when the last value is quoted or missing), and
// false when the input ends first. With record, the attributes go to
// sc.attrs.
func (sc *scanner) tag(start, i int, record bool) (nameEnd, end, lastVal int, ok bool) {
	s := sc.s
	for i < len(s) && !endsTagName(s[i]) {
		i++
	}
	nameEnd = i
	lastVal = -1
	if record {
		sc.attrs = sc.attrs[:0]
	}
	for {
		ks, ke, vs, ve, next, more := attrSpan(s, i)
		if !more {
			// The end of the tag, or of the input inside it.
			if i = skipSpace(s, i); i < len(s) && s[i] == '>' {
				return nameEnd, i + 1, lastVal, true
			}
			return 0, 0, 0, false
		}
		lastVal = -1
		if ve > vs && s[ve] != '"' && s[ve] != '\'' {
			lastVal = ve - 1 // an unquoted value
		}
		if record {
			sc.attrs = append(sc.attrs, attrPos{ks - start, ke - start, vs - start, ve - start})
		}
		i = next
	}
}

// attrKey skips an attribute name starting at i (an '=' first is part of
// it).
func attrKey(s string, i int) (int, bool) {
	for start := i; i < len(s); i++ {
		switch s[i] {
		case '=':
			if i == start {
				continue
			}
			return i, true
		case ' ', '\n', '\r', '\t', '\f', '/', '>':
			return i, true
		}
	}
	return 0, false
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '\n', '\r', '\t', '\f':
			i++
		default:
			return i
		}
	}
	return i
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// equalFoldASCII reports whether a and b are equal ignoring the case of
// ASCII letters only, as the tokenizer compares names.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range len(a) {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}
