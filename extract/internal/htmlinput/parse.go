package htmlinput

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The HTML parser refuses documents whose stack of open elements grows past
// 512, and it clones every open formatting element (<b>, <font>, <a>...) at
// each paragraph that follows one left unclosed, which a hostile page turns
// into millions of nodes. Before parsing, flatten walks the token stream
// with a model of the parser's stack and rewrites only what would overflow:
//
//   - past maxDepth open elements, start and end tags are dropped; text is
//     kept, block elements become paragraph breaks (<p>), and the content of
//     scripts, styles and templates is dropped with them;
//   - at most maxFormatting formatting elements stay open; more are dropped;
//   - once the clones the parser could make pass cloneBudget, open
//     formatting elements are closed at each block boundary;
//   - repeated <html> and <body> start tags (the parser merges their
//     attributes, once per tag) are dropped.
//
// A page within these bounds is parsed exactly as written.
const (
	maxDepth      = 256
	maxFormatting = 16
	cloneBudget   = 200_000
	// searchLimit bounds every search of the modelled stack, which holds
	// dropped elements too, so that the pass stays linear.
	searchLimit = 64
	// maxStack bounds the modelled stack.
	maxStack = 1 << 16
)

// fallbackDepths are the depth limits tried, in order, when the parser still
// refuses the flattened page (the model of its stack is approximate).
var fallbackDepths = []int{maxDepth, 96, 24, 0}

// Parse parses UTF-8 HTML, flattening nesting the parser would refuse or
// that would explode in size. Recursion over the returned tree is bounded:
// it is never deeper than the parser's limit of 512 elements.
//
// The text of scripts (but JSON-LD) and styles is left out of the tree
// where the page needs no flattening (see pruner); their elements stay.
// For such a page the tree is built during the model's pass, by the
// tree builder (see builder), unless it meets markup it leaves to
// html.Parse: the tree is the same either way.
func Parse(s string) (*html.Node, error) {
	var err error
	for i, limit := range fallbackDepths {
		out, p, doc := flattenBuild(s, limit, i == 0)
		if doc != nil {
			return doc, nil
		}
		doc, err = html.Parse(pageReader(out, p))
		if err == nil {
			return doc, nil
		}
	}
	return nil, fmt.Errorf("parsing html: %w", err)
}

type openElem struct {
	n       int32 // elements in this entry: a run of the same dropped element
	a       atom.Atom
	name    string // for elements without an atom
	dropped bool
	hide    bool // dropped content: script, style, template
	foreign bool // svg or math, or inside them
}

type flattener struct {
	src      string
	limit    int
	out      *strings.Builder // nil until the first rewrite
	pos      int              // offset of the current token in src
	stack    []openElem
	kept     int // kept elements on the stack, plus html and body
	hidden   int // open elements whose content is dropped
	fmtList  []atom.Atom
	fmtNames []string
	clones   int
	// pendingBreak: a dropped block tag stands between the last text
	// and the next.
	pendingBreak bool
	seenHTML     bool
	seenBody     bool
	prune        pruner
	// pFree: stack[:pFree] holds no <p> (it held none when last
	// searched), which spares most searches for one.
	pFree int
}

// flattenBuild returns s rewritten as described above, or s itself when
// nothing needs rewriting, and then also the pruner that ran over it (nil
// after a rewrite). The model first runs over the quick scanner's tokens;
// only when that scanner meets markup it leaves to x/net/html's tokenizer,
// or the page needs rewriting, does the model run again over the
// tokenizer's. With build, it also builds the tree during the quick
// scanner's pass (see builder) and returns it when it can.
func flattenBuild(s string, limit int, build bool) (string, *pruner, *html.Node) {
	sc := newScanner(s)
	var b *builder
	if build {
		b = newBuilder(sc)
	}
	if f := runModel(s, limit, sc, true, b); f != nil {
		var doc *html.Node
		if b != nil {
			doc = b.finish()
		}
		return s, &f.prune, doc
	}
	f := runModel(s, limit, &htmlTokens{z: html.NewTokenizer(strings.NewReader(s))}, false, nil)
	if f.out == nil {
		return s, nil, nil
	}
	// Bytes the tokenizer did not return as tokens (none in practice) are
	// kept as they are.
	if f.pos < len(s) {
		f.out.WriteString(s[f.pos:])
	}
	return f.out.String(), nil, nil
}

// pageReader reads the flattened page out, without the text the pruner p
// found when there is one.
func pageReader(out string, p *pruner) io.Reader {
	if p == nil {
		return strings.NewReader(out)
	}
	return p.reader(out)
}

// tokenSource yields the tokens of a page as x/net/html's tokenizer would:
// their type and raw length.
type tokenSource interface {
	next() (html.TokenType, int)
	// notRawText reads the content of the start tag just returned as
	// markup (as in SVG and MathML).
	notRawText()
	// failed reports that the source gave up before the end.
	failed() bool
}

// htmlTokens is x/net/html's tokenizer as a tokenSource.
type htmlTokens struct{ z *html.Tokenizer }

func (t *htmlTokens) next() (html.TokenType, int) {
	tt := t.z.Next()
	return tt, len(t.z.Raw())
}

func (t *htmlTokens) notRawText()  { t.z.NextIsNotRawText() }
func (t *htmlTokens) failed() bool { return false }

// runModel runs the model of the parser's stack over the tokens of src. It
// returns nil when src failed, or, with check, as soon as the page needs
// rewriting. The tokens also go to b when it is not nil.
func runModel(s string, limit int, src tokenSource, check bool, b *builder) *flattener {
	f := &flattener{src: s, limit: limit, kept: 2}
	for {
		tt, n := src.next()
		if tt == html.ErrorToken {
			break
		}
		raw := s[f.pos : f.pos+n]
		f.prune.token(tt, f.pos, raw)
		var a atom.Atom
		var name string
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken || tt == html.EndTagToken {
			a, name = tagName(raw)
		}
		if b != nil {
			b.token(tt, raw, f.prune.cutAt(f.pos), a, name)
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			f.prune.startTag(a, name, raw, tt == html.SelfClosingTagToken)
			if (f.inForeign() || a == atom.Svg || a == atom.Math) && isRawText(a) {
				// The parser reads <style> and the like as markup in SVG
				// and MathML.
				src.notRawText()
			}
			if b != nil {
				b.checkRawText(a)
			}
			f.startTag(raw, a, name, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			f.prune.endTag(name)
			f.endTag(raw, a, name)
		case html.TextToken:
			f.text(raw)
		case html.CommentToken:
			if f.hidden > 0 || f.kept > f.limit {
				f.drop()
			} else {
				f.keep(raw)
			}
		default:
			f.keep(raw)
		}
		f.pos += n
		if check && f.out != nil {
			return nil
		}
	}
	if src.failed() {
		return nil
	}
	return f
}

// maxAtomLen is longer than any element name with an atom.
const maxAtomLen = 32

// tagName returns the atom and the lower-case name of the tag whose raw
// text is raw ("<div class=x>", "</P>"). Names with an atom cost no
// allocation.
func tagName(raw string) (atom.Atom, string) {
	i := 1
	if len(raw) > 1 && raw[1] == '/' {
		i = 2
	}
	j := i
	for j < len(raw) && !endsTagName(raw[j]) {
		j++
	}
	name := raw[i:j]
	if len(name) <= maxAtomLen {
		var buf [maxAtomLen]byte
		b := buf[:len(name)]
		for k := range len(name) {
			b[k] = lowerASCII(name[k])
		}
		if a := atom.Lookup(b); a != 0 {
			return a, a.String()
		}
	}
	if strings.IndexByte(name, 0) < 0 {
		return 0, lowerString(name)
	}
	return 0, strings.Map(func(r rune) rune {
		if r == 0 {
			return utf8.RuneError // as the tokenizer has it
		}
		if r < utf8.RuneSelf {
			return rune(lowerASCII(byte(r)))
		}
		return r
	}, name)
}

func endsTagName(c byte) bool {
	switch c {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		return true
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func (f *flattener) rewrite() {
	if f.out == nil {
		f.out = new(strings.Builder)
		f.out.Grow(len(f.src))
		f.out.WriteString(f.src[:f.pos])
	}
}

func (f *flattener) keep(raw string) {
	if f.out != nil {
		f.out.WriteString(raw)
	}
}

func (f *flattener) drop() { f.rewrite() }

func (f *flattener) emit(s string) {
	f.rewrite()
	f.out.WriteString(s)
}

func (f *flattener) inForeign() bool {
	return len(f.stack) > 0 && f.stack[len(f.stack)-1].foreign
}

func (f *flattener) text(raw string) {
	if f.hidden == 0 {
		if f.pendingBreak && strings.TrimSpace(raw) != "" {
			// A dropped block ended or began: start a paragraph, once
			// for a run of dropped tags.
			f.emit("<p>")
			f.pendingBreak = false
		}
		f.keep(raw)
		return
	}
	// Inside a dropped <title> or <textarea> the text is still text; in a
	// dropped script or style it goes with it.
	top := f.stack[len(f.stack)-1]
	if top.dropped && (top.a == atom.Title || top.a == atom.Textarea || top.a == atom.Plaintext) && f.hidden == 1 {
		f.emit(html.EscapeString(raw))
		return
	}
	f.drop()
}

func (f *flattener) startTag(raw string, a atom.Atom, name string, selfClosing bool) {
	foreign := f.inForeign() || a == atom.Svg || a == atom.Math
	if f.documentTag(raw, a) {
		return
	}
	if f.hidden > 0 {
		f.drop()
		if !isVoid(a) && !(selfClosing && foreign) {
			f.push(openElem{a: a, name: name, dropped: true, foreign: foreign})
		}
		return
	}
	f.implicitClose(a)
	if isVoid(a) || (selfClosing && foreign) || (selfClosing && (a == atom.Svg || a == atom.Math)) {
		if f.kept > f.limit && a != atom.Br && a != atom.Img && a != atom.Hr {
			f.drop()
			return
		}
		f.keep(raw)
		return
	}
	if isBoundary(a) {
		f.countClones()
	}
	fmtElem := isFormatting(a)
	if fmtElem && a == atom.A {
		// A new <a> closes the one still open.
		if f.removeFormatting(a, name) {
			if i := f.find(a, name); i >= 0 && !f.stack[i].dropped {
				f.popTo(i)
			}
		}
	}
	if f.kept > f.limit && !keptPastLimit(a) || f.kept <= f.limit && fmtElem && len(f.fmtList) >= maxFormatting {
		f.dropStart(a, name, foreign)
		return
	}
	f.keepStart(raw, a, name, foreign)
	if fmtElem {
		f.fmtList = append(f.fmtList, a)
		f.fmtNames = append(f.fmtNames, name)
	}
}

// documentTag handles <html>, <body> and <head> start tags, and reports
// whether a was one: the first <html> and <body> are kept, repeats dropped.
func (f *flattener) documentTag(raw string, a atom.Atom) bool {
	var seen *bool
	switch a {
	case atom.Html:
		seen = &f.seenHTML
	case atom.Body:
		seen = &f.seenBody
	case atom.Head:
		f.keep(raw)
		return true
	default:
		return false
	}
	if *seen {
		f.drop()
		return true
	}
	*seen = true
	f.keep(raw)
	return true
}

// dropStart drops a start tag: the content of a dropped script, style or
// template goes with it; a dropped block becomes a paragraph break.
func (f *flattener) dropStart(a atom.Atom, name string, foreign bool) {
	f.drop()
	if isRawText(a) && !foreign || a == atom.Template || a == atom.Noscript {
		f.push(openElem{a: a, name: name, dropped: true, hide: true, foreign: foreign})
		return
	}
	if isBlock(a) {
		f.pendingBreak = true
	}
	f.push(openElem{a: a, name: name, dropped: true, foreign: foreign})
}

// keepStart keeps a start tag and opens its element, with the <tbody> and
// <tr> the parser inserts when a table row or cell leaves them out.
func (f *flattener) keepStart(raw string, a atom.Atom, name string, foreign bool) {
	if a == atom.Tr || a == atom.Td || a == atom.Th {
		if top := f.top(); top != nil && top.a == atom.Table {
			f.push(openElem{a: atom.Tbody})
			if a != atom.Tr {
				f.push(openElem{a: atom.Tr})
			}
		}
	}
	f.keep(raw)
	f.push(openElem{a: a, name: name, foreign: foreign})
}

func (f *flattener) endTag(raw string, a atom.Atom, name string) {
	switch a {
	case atom.Html, atom.Body, atom.Head:
		if f.hidden > 0 {
			f.drop()
		} else {
			f.keep(raw)
		}
		return
	}
	i := f.find(a, name)
	if i < 0 {
		// Nothing to close: the parser ignores it (or, for </p> and </br>,
		// makes an empty element).
		if f.hidden > 0 || (f.kept > f.limit && a != atom.P && a != atom.Br) {
			f.drop()
			return
		}
		if isBoundary(a) {
			f.countClones()
		}
		f.keep(raw)
		if isFormatting(a) {
			f.removeFormatting(a, name)
		}
		return
	}
	e := f.stack[i]
	wasHidden := f.hidden > 0
	f.popTo(i)
	switch {
	case e.dropped && wasHidden && !e.hide:
		f.drop()
	case e.dropped && isBlock(a) && !e.hide:
		f.drop()
		f.pendingBreak = true
	case e.dropped:
		f.drop()
	default:
		if isBoundary(a) {
			f.countClones()
		}
		f.keep(raw)
		if isFormatting(a) {
			f.removeFormatting(a, name)
		}
	}
}

// countClones adds what the parser could clone at a block boundary, and
// closes the open formatting elements once the budget is spent.
func (f *flattener) countClones() {
	if len(f.fmtList) == 0 {
		return
	}
	f.clones += len(f.fmtList)
	if f.clones <= cloneBudget {
		return
	}
	for j := len(f.fmtList) - 1; j >= 0; j-- {
		f.emit("</" + f.fmtNames[j] + ">")
		if i := f.find(f.fmtList[j], f.fmtNames[j]); i >= 0 && !f.stack[i].dropped {
			f.popTo(i)
		}
	}
	f.fmtList = f.fmtList[:0]
	f.fmtNames = f.fmtNames[:0]
}

// removeFormatting removes the last open formatting element a from the
// list and reports whether there was one.
func (f *flattener) removeFormatting(a atom.Atom, name string) bool {
	for j := len(f.fmtList) - 1; j >= 0; j-- {
		if f.fmtList[j] == a && f.fmtNames[j] == name {
			f.fmtList = append(f.fmtList[:j], f.fmtList[j+1:]...)
			f.fmtNames = append(f.fmtNames[:j], f.fmtNames[j+1:]...)
			return true
		}
	}
	return false
}

// floor is the lowest stack index a search looks at.
func (f *flattener) floor() int { return max(0, len(f.stack)-searchLimit) }

func (f *flattener) top() *openElem {
	if len(f.stack) == 0 {
		return nil
	}
	return &f.stack[len(f.stack)-1]
}

func (f *flattener) push(e openElem) {
	if e.a != 0 {
		e.name = "" // the atom names it
	}
	if e.hide {
		f.hidden++
	}
	if !e.dropped {
		f.kept++
	}
	if e.dropped && !e.hide && len(f.stack) >= maxStack {
		// Past this many entries the page is hostile; further dropped
		// elements are not tracked (their end tags are dropped too).
		return
	}
	// Runs of the same dropped element share one entry.
	if t := f.top(); t != nil && e.dropped && t.dropped && t.a == e.a && t.name == e.name && t.hide == e.hide && t.foreign == e.foreign {
		t.n++
		return
	}
	e.n = 1
	f.pFree = min(f.pFree, len(f.stack))
	f.stack = append(f.stack, e)
}

// popTo pops the stack down to and including (one element of) entry i.
func (f *flattener) popTo(i int) {
	for j := len(f.stack) - 1; j >= i; j-- {
		e := &f.stack[j]
		if e.hide {
			f.hidden--
		}
		if !e.dropped {
			f.kept--
		}
		if j == i && e.n > 1 {
			e.n--
			f.stack = f.stack[:i+1]
			return
		}
		if e.hide {
			f.hidden -= int(e.n) - 1
		}
	}
	f.stack = f.stack[:i]
}

// find returns the index of the innermost open element a (or name) that an
// end tag can close: the search stops at scope boundaries, as the parser's
// does. It returns -1 when there is none.
func (f *flattener) find(a atom.Atom, name string) int {
	for i := len(f.stack) - 1; i >= f.floor(); i-- {
		e := f.stack[i]
		if e.a == a && (a != 0 || e.name == name) {
			return i
		}
		if isScope(e.a) && !closesThroughScope(a, e.a) {
			return -1
		}
	}
	return -1
}

// implicitClose pops what a start tag a closes without an end tag: an open
// <p> before a block, the previous <li>, <dt>, <dd>, <option>, table row or
// cell, heading.
func (f *flattener) implicitClose(a atom.Atom) {
	switch {
	case a == atom.Li:
		f.closeItem(atom.Li, 0)
	case a == atom.Dd || a == atom.Dt:
		f.closeItem(atom.Dd, atom.Dt)
	case a == atom.Option || a == atom.Optgroup:
		if t := f.top(); t != nil && t.a == atom.Option {
			f.popTo(len(f.stack) - 1)
		}
	case a == atom.Tr || a == atom.Tbody || a == atom.Thead || a == atom.Tfoot:
		f.closeTable(a)
	case a == atom.Td || a == atom.Th:
		f.closeTable(a)
	}
	if closesP(a) && f.mayHaveP() {
		for i := len(f.stack) - 1; i >= f.floor(); i-- {
			e := f.stack[i]
			if e.a == atom.P {
				f.popTo(i)
				break
			}
			if isScope(e.a) || e.a == atom.Button {
				break
			}
		}
	}
	if isHeading(a) {
		if t := f.top(); t != nil && isHeading(t.a) {
			f.popTo(len(f.stack) - 1)
		}
	}
}

// mayHaveP reports whether the searchable part of the stack may hold a
// <p>: only the entries above pFree are looked at.
func (f *flattener) mayHaveP() bool {
	floor := f.floor()
	for i := len(f.stack) - 1; i >= max(f.pFree, floor); i-- {
		if f.stack[i].a == atom.P {
			return true
		}
	}
	if floor <= f.pFree {
		f.pFree = len(f.stack)
	}
	return false
}

func (f *flattener) closeItem(a1, a2 atom.Atom) {
	for i := len(f.stack) - 1; i >= f.floor(); i-- {
		e := f.stack[i]
		if e.a == a1 || (a2 != 0 && e.a == a2) {
			f.popTo(i)
			return
		}
		if isSpecial(e.a) && e.a != atom.Address && e.a != atom.Div && e.a != atom.P {
			return
		}
	}
}

func (f *flattener) closeTable(a atom.Atom) {
	for i := len(f.stack) - 1; i >= f.floor(); i-- {
		e := f.stack[i]
		switch e.a {
		case atom.Table, atom.Template, atom.Html:
			return
		case atom.Td, atom.Th:
			f.popTo(i)
			return
		case atom.Tr:
			if a != atom.Td && a != atom.Th {
				f.popTo(i)
			}
			return
		case atom.Tbody, atom.Thead, atom.Tfoot:
			if a == atom.Tbody || a == atom.Thead || a == atom.Tfoot {
				f.popTo(i)
			}
			return
		}
	}
}

func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Basefont, atom.Bgsound, atom.Br, atom.Col, atom.Embed,
		atom.Frame, atom.Hr, atom.Image, atom.Img, atom.Input, atom.Keygen, atom.Link,
		atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

func isRawText(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Xmp, atom.Iframe, atom.Noembed, atom.Noframes,
		atom.Plaintext, atom.Title, atom.Textarea:
		return true
	}
	return false
}

func isFormatting(a atom.Atom) bool {
	switch a {
	case atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.Nobr,
		atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U:
		return true
	}
	return false
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// keptPastLimit reports the elements kept past the depth limit: they cannot
// nest once everything else there is dropped.
func keptPastLimit(a atom.Atom) bool {
	return a == atom.P || isHeading(a)
}

// isScope reports the parser's scope boundaries ("has an element in scope").
func isScope(a atom.Atom) bool {
	switch a {
	case atom.Applet, atom.Caption, atom.Html, atom.Table, atom.Td, atom.Th, atom.Marquee,
		atom.Object, atom.Template, atom.Mi, atom.Mo, atom.Mn, atom.Ms, atom.Mtext,
		atom.AnnotationXml, atom.ForeignObject, atom.Desc:
		return true
	}
	return false
}

// closesThroughScope reports whether an end tag a closes elements past the
// boundary b (a </table> closes its cells).
func closesThroughScope(a, b atom.Atom) bool {
	switch a {
	case atom.Table:
		return b == atom.Td || b == atom.Th || b == atom.Caption
	case atom.Tr, atom.Tbody, atom.Thead, atom.Tfoot:
		return b == atom.Td || b == atom.Th
	}
	return false
}

// closesP reports start tags that close an open <p>.
func closesP(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details,
		atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P,
		atom.Search, atom.Section, atom.Summary, atom.Ul, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Pre, atom.Listing, atom.Form, atom.Li, atom.Dd, atom.Dt,
		atom.Plaintext, atom.Table, atom.Hr, atom.Xmp:
		return true
	}
	return false
}

// isBlock reports elements whose dropped tags become paragraph breaks.
func isBlock(a atom.Atom) bool {
	return closesP(a) || a == atom.Tr || a == atom.Td || a == atom.Th || a == atom.Caption ||
		a == atom.Tbody || a == atom.Thead || a == atom.Tfoot || a == atom.Br
}

// isBoundary reports tags at which the parser may reopen (clone) the
// formatting elements left open.
func isBoundary(a atom.Atom) bool {
	return isBlock(a) || isScope(a)
}

// isSpecial reports the parser's "special" category, and <search> and the
// MathML and SVG elements of that category, which the model knows by their
// atoms alone.
func isSpecial(a atom.Atom) bool {
	switch a {
	case atom.Search, atom.Mi, atom.Mo, atom.Mn, atom.Ms, atom.Mtext, atom.AnnotationXml,
		atom.ForeignObject, atom.Desc:
		return true
	}
	return isSpecialHTML(a)
}
