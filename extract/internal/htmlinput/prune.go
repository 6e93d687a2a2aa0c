package htmlinput

import (
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsclean/newsclean/extract/internal/htmlnode"
)

// More than half the bytes of a typical news page are the code of its
// scripts and styles, which the tokenizer reads byte by byte and the parser
// copies into the tree, and which nothing downstream reads: only JSON-LD
// scripts are, and the scripts that push a Next.js page's flight data. pruner notes where that code lies so that it can be left out
// before parsing, keeping the <script> and <style> elements themselves.
//
// Leaving the text of a raw text element out changes nothing else in the
// tree as long as the parser reads it as raw text in an HTML element. It
// does outside foreign content; in foreign content (SVG, MathML) a <style>
// holds markup, and the parser, not the tokenizer, decides where foreign
// content ends. The pruner follows an <svg> element only while it holds
// nothing but plain SVG shapes (see svgShape), whose end tags the parser
// matches as the pruner does, and prunes again once it is closed. Anything
// else in an <svg> (another element, a CDATA section), a <math> element,
// or a <frameset> (where the parser ignores a <script> tag and keeps the
// white space of its text) stops pruning for the rest of the page.
type pruner struct {
	cuts    []int    // start and end offsets, in pairs, of the text to leave out
	svg     []string // the open elements of the <svg> being followed
	pending bool     // the next token is the text of a prunable element
	stopped bool
}

// maxSVGDepth bounds the nesting followed in an <svg>; the flattening
// model searches only so far down its stack.
const maxSVGDepth = 32

// startTag notes the start tag raw of element a (name), just read.
func (p *pruner) startTag(a atom.Atom, name, raw string, selfClosing bool) {
	p.pending = false
	switch {
	case p.stopped:
	case len(p.svg) > 0:
		if !svgShape(name) || len(p.svg) >= maxSVGDepth {
			p.stopped = true
		} else if !selfClosing {
			p.svg = append(p.svg, name)
		}
	case a == atom.Svg:
		if !selfClosing {
			p.svg = append(p.svg, name)
		}
	case a == atom.Math || a == atom.Frameset:
		p.stopped = true
	case a == atom.Style:
		p.pending = true
	case a == atom.Script:
		p.pending = !maybeJSONLD(raw)
	}
}

// endTag notes the end tag of element name, just read. In an <svg> it
// closes the innermost open element of that name, as the parser does;
// without one, the parser goes back to HTML rules, which the pruner does
// not follow.
func (p *pruner) endTag(name string) {
	p.pending = false
	if p.stopped || len(p.svg) == 0 {
		return
	}
	for i := len(p.svg) - 1; i >= 0; i-- {
		if p.svg[i] == name {
			p.svg = p.svg[:i]
			return
		}
	}
	p.stopped = true
}

// svgShape reports the SVG elements an <svg> of icons and drawings is made
// of: none of them leaves foreign content or is an HTML integration point
// (in <title> and <desc> the parser reads start tags and text by HTML
// rules, which may reopen formatting elements there), none is read as raw
// text in HTML (so the quick scanner's tokens stay right even where the
// parser ignores the <svg>, as in a <select>), and the flattening model
// treats none of them as an HTML element or a scope boundary.
func svgShape(name string) bool {
	switch name {
	case "svg", "g", "path", "circle", "rect", "line", "polyline", "polygon", "ellipse",
		"defs", "use", "symbol", "lineargradient", "radialgradient", "stop", "clippath",
		"mask", "pattern", "marker", "text", "tspan", "filter",
		"animate", "animatetransform", "animatemotion", "set":
		return true
	}
	// Filter primitives: feGaussianBlur, feOffset...
	return strings.HasPrefix(name, "fe") && len(name) > len("fe")
}

// token notes a token of type tt at pos, whose raw text is raw. In an
// <svg> the parser has the tokenizer read "<![CDATA[" sections as text up
// to "]]>", where the quick scanner reads a bogus comment up to '>': the
// pruner stops at any markup declaration but a comment there.
func (p *pruner) token(tt html.TokenType, pos int, raw string) {
	if p.pending && tt == html.TextToken {
		if _, flight := htmlnode.FlightCode(raw); !flight {
			p.cuts = append(p.cuts, pos, pos+len(raw))
		}
	}
	p.pending = false
	if len(p.svg) > 0 && (tt == html.DoctypeToken || tt == html.CommentToken && !strings.HasPrefix(raw, "<!--")) {
		p.stopped = true
	}
}

// cutAt reports whether the text at pos is left out.
func (p *pruner) cutAt(pos int) bool {
	n := len(p.cuts)
	return n >= 2 && p.cuts[n-2] == pos
}

// maybeJSONLD reports whether the script whose start tag is raw may be a
// JSON-LD block: its type names ld+json, or the tag holds a character
// reference that could spell it.
func maybeJSONLD(raw string) bool {
	const name = "ld+json"
	if strings.IndexByte(raw, '&') >= 0 {
		return true
	}
	for i := 0; i+len(name) <= len(raw); i++ {
		if lowerASCII(raw[i]) == 'l' && equalFoldASCII(raw[i:i+len(name)], name) {
			return true
		}
	}
	return false
}

// reader returns a reader of s without the noted text.
func (p *pruner) reader(s string) io.Reader {
	if len(p.cuts) == 0 {
		return strings.NewReader(s)
	}
	return &prunedReader{s: s, cuts: p.cuts}
}

// prunedReader reads s but the ranges in cuts, without copying s first.
type prunedReader struct {
	s    string
	cuts []int // start and end offsets, in pairs, in order
	pos  int
}

func (r *prunedReader) Read(b []byte) (int, error) {
	n := 0
	for n < len(b) && r.pos < len(r.s) {
		if len(r.cuts) > 0 && r.pos >= r.cuts[0] {
			r.pos = max(r.pos, r.cuts[1])
			r.cuts = r.cuts[2:]
			continue
		}
		end := len(r.s)
		if len(r.cuts) > 0 {
			end = r.cuts[0]
		}
		k := copy(b[n:], r.s[r.pos:end])
		n += k
		r.pos += k
	}
	if n == 0 && len(b) > 0 {
		return 0, io.EOF
	}
	return n, nil
}
