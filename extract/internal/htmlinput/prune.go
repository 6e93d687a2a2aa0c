package htmlinput

import (
	"strings"

	"golang.org/x/net/html/atom"
)

// More than half the bytes of a typical news page are the code of its
// scripts and styles, which the tokenizer reads byte by byte and the parser
// copies into the tree, and which nothing downstream reads: only JSON-LD
// scripts are. pruner notes where that code lies so that it can be left out
// before parsing, keeping the <script> and <style> elements themselves.
//
// Leaving the text of a raw text element out changes nothing else in the
// tree as long as the parser reads it as raw text in an HTML element. That
// is so until the first <svg> or <math> start tag: in foreign content a
// <style> holds markup, and the parser, not the tokenizer, decides where
// foreign content ends. In a frameset the parser ignores a <script> tag and
// keeps the white space of its text. Pruning stops at the first of these
// three tags.
type pruner struct {
	cuts    []int // start and end offsets, in pairs, of the text to leave out
	pending bool  // the next token is the text of a prunable element
	stopped bool
}

// startTag notes the start tag raw of element a, just read.
func (p *pruner) startTag(a atom.Atom, raw string) {
	p.pending = false
	if p.stopped {
		return
	}
	switch a {
	case atom.Svg, atom.Math, atom.Frameset:
		p.stopped = true
	case atom.Style:
		p.pending = true
	case atom.Script:
		p.pending = !maybeJSONLD(raw)
	}
}

// token notes a token of n bytes at pos; text is whether it is text.
func (p *pruner) token(pos, n int, text bool) {
	if p.pending && text {
		p.cuts = append(p.cuts, pos, pos+n)
	}
	p.pending = false
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

// apply returns s without the noted text.
func (p *pruner) apply(s string) string {
	if len(p.cuts) == 0 {
		return s
	}
	n := len(s)
	for i := 0; i < len(p.cuts); i += 2 {
		n -= p.cuts[i+1] - p.cuts[i]
	}
	var b strings.Builder
	b.Grow(n)
	last := 0
	for i := 0; i < len(p.cuts); i += 2 {
		b.WriteString(s[last:p.cuts[i]])
		last = p.cuts[i+1]
	}
	b.WriteString(s[last:])
	return b.String()
}
