package htmlinput

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// builder builds the tree x/net/html's parser would build from the quick
// scanner's tokens, for the markup of ordinary pages, without the second
// tokenization and most of the allocation of html.Parse. It follows the
// parser's insertion modes (build_modes.go, build_body.go, build_end.go,
// build_table.go, build_foreign.go), and gives up (bad) on whatever it
// does not model exactly, so that the page is parsed by html.Parse
// instead:
//
//   - formatting elements (<a>, <b>, <i>...) that the parser would have
//     to reopen or move: one left open across the end of a block and
//     followed by text or an inline element, an end tag with a block
//     element open inside it, an <a> inside another, a fourth of a kind;
//   - foster parenting (text or elements directly in a table, section or
//     row), table parts in a <template>, a <template> in SVG;
//   - <frameset>, <plaintext>, <image>, <nobr>, ruby markup (<rb>, <rt>,
//     <rp>, <rtc>), <math>;
//   - in SVG: an element that leaves SVG (<p>, <div>, <b>...), a start tag
//     in <title> or <desc>, <foreignObject>, a CDATA section, an end tag
//     without an open element of its name;
//   - a </form> that would leave elements open, more than maxOpen open
//     elements.
//
// The quick scanner itself gives up on NUL bytes, a <plaintext> element
// and tokens cut by the end of the input, and the flattening model on
// pages it rewrites: the builder's tree is used only when neither does.
type builder struct {
	doc *html.Node
	oe  []*html.Node // the stack of open elements
	// pFree: oe[:pFree] holds no HTML <p> (the elements open when an
	// earlier search found none), which spares most searches for one.
	pFree int
	afe   []*html.Node // active formatting elements; nil is a scope marker
	mode  insertMode
	// orig is the mode to return to at the end of a raw text element.
	orig       insertMode
	head, form *html.Node
	// templates is the stack of template insertion modes: the mode each
	// open <template> returns to.
	templates []insertMode
	quirks    bool
	bad       bool
	tok       buildToken
	sc        *scanner         // the source of the tokens
	nodes     []html.Node      // slab the nodes are cut from
	attrs     []html.Attribute // slab the attribute lists are cut from
	// merging is the text node whose text, merged with text after it, is
	// in merged.
	merging *html.Node
	merged  []byte
	// foreignStart: the start tag just processed made an element in
	// foreign content.
	foreignStart bool
	// rawNext: the next text token is the content of a raw text element
	// (script, style...), whose character references stay as they are.
	rawNext bool
}

// buildToken is the token being processed.
type buildToken struct {
	tt          html.TokenType
	a           atom.Atom
	name        string // lower-case tag name
	attr        []html.Attribute
	data        string // decoded text, comment or doctype
	raw         string
	selfClosing bool
}

// insertMode handles the current token in one insertion mode and reports
// whether it was consumed (false: process it again in the new mode).
type insertMode func(*builder) bool

const (
	// nodeSlab and attrSlab are the sizes of the slabs nodes and
	// attributes are allocated in.
	nodeSlab = 256
	attrSlab = 256
	// maxOpen is the parser's limit on open elements: past it html.Parse
	// fails, and Parse flattens the page.
	maxOpen = 512
	// maxReprocess bounds the modes a token goes through.
	maxReprocess = 16
)

func newBuilder(sc *scanner) *builder {
	b := &builder{sc: sc, mode: initialMode}
	b.doc = b.newNode()
	b.doc.Type = html.DocumentNode
	return b
}

// fail gives up: the page is left to html.Parse.
func (b *builder) fail() bool {
	if !b.bad && failHook != nil {
		failHook(b)
	}
	b.bad = true
	return true
}

// failHook, when set (by tests), sees the builder as it gives up.
var failHook func(*builder)

// token processes a token of type tt whose raw text is raw, the scanner's
// last; a tag's atom and lower-case name are a and name, and its
// attributes those the scanner placed. A pruned token (the text of a
// script or style the pruner leaves out) is one the parser never sees.
func (b *builder) token(tt html.TokenType, raw string, pruned bool, a atom.Atom, name string) {
	if b.bad || pruned {
		return
	}
	// Field by field: cheaper than copying a whole new token.
	t := &b.tok
	t.tt, t.a, t.name, t.raw = tt, a, name, raw
	t.attr, t.data, t.selfClosing = nil, "", false
	rawText := b.rawNext
	b.rawNext, b.foreignStart = false, false
	switch tt {
	case html.StartTagToken, html.SelfClosingTagToken:
		t.tt = html.StartTagToken
		t.selfClosing = tt == html.SelfClosingTagToken
		b.readAttrs(raw, b.sc.attrs)
	case html.TextToken:
		if rawText {
			b.tok.data = convertNewlines(raw)
		} else {
			b.tok.data = decodeText(raw)
		}
	case html.CommentToken:
		b.tok.data = decodeText(commentData(raw))
	case html.DoctypeToken:
		b.tok.data = raw
	}
	b.process()
}

// checkRawText gives up when the scanner reads the content of the start
// tag a just processed as raw text and the parser's tokenizer would not,
// or the other way round: the model of the parser's stack, which decides
// it for the scanner, is not exact in SVG and MathML. The tokenizer reads
// it as raw text when its name is one of raw text elements' and the
// parser did not create the element in foreign content.
func (b *builder) checkRawText(a atom.Atom) {
	if b.bad {
		return
	}
	raw := b.sc.rawTag != ""
	if parser := (isRawText(a) || a == atom.Noscript) && !b.foreignStart; parser != raw {
		b.fail()
	}
}

// finish processes the end of the input and returns the tree, or nil when
// the builder gave up.
func (b *builder) finish() *html.Node {
	if b.bad {
		return nil
	}
	b.tok = buildToken{tt: html.ErrorToken}
	b.process()
	if b.bad {
		return nil
	}
	b.flushText()
	return b.doc
}

// process runs the current token through the insertion modes.
func (b *builder) process() {
	for range maxReprocess {
		if b.bad {
			return
		}
		var done bool
		if b.inForeign() {
			done = b.foreign()
		} else {
			done = b.mode(b)
		}
		if done {
			return
		}
	}
	b.fail()
}

// processImplied processes a tag the markup leaves out (<html>, <head>,
// <body>, </head>, <p>), then restores the current token.
func (b *builder) processImplied(tt html.TokenType, a atom.Atom) {
	saved := b.tok
	b.tok = buildToken{tt: tt, a: a, name: a.String()}
	b.process()
	b.tok = saved
}

func (b *builder) newNode() *html.Node {
	if len(b.nodes) == cap(b.nodes) {
		b.nodes = make([]html.Node, 0, nodeSlab)
	}
	b.nodes = b.nodes[:len(b.nodes)+1]
	return &b.nodes[len(b.nodes)-1]
}

// top returns the current node.
func (b *builder) top() *html.Node {
	if len(b.oe) == 0 {
		return b.doc
	}
	return b.oe[len(b.oe)-1]
}

func (b *builder) pop() { b.oe = b.oe[:len(b.oe)-1] }

// addChild appends n to the current node and, for an element, opens it.
func (b *builder) addChild(n *html.Node) {
	b.top().AppendChild(n)
	if n.Type == html.ElementNode {
		if len(b.oe) >= maxOpen {
			b.fail()
			return
		}
		b.push(n)
	}
}

// push opens the element n.
func (b *builder) push(n *html.Node) {
	b.pFree = min(b.pFree, len(b.oe))
	b.oe = append(b.oe, n)
}

// addElement adds an element for the current token.
func (b *builder) addElement() *html.Node {
	n := b.newNode()
	n.Type = html.ElementNode
	n.DataAtom = b.tok.a
	n.Data = b.tok.name
	n.Attr = b.tok.attr
	b.addChild(n)
	return n
}

// addVoid adds an element for the current token and closes it at once.
func (b *builder) addVoid() {
	b.addElement()
	b.pop()
}

func (b *builder) addComment(parent *html.Node) {
	n := b.newNode()
	n.Type = html.CommentNode
	n.Data = b.tok.data
	parent.AppendChild(n)
}

// addText adds text to the current node, to the text node that ends it if
// there is one.
func (b *builder) addText(s string) {
	if s == "" {
		return
	}
	t := b.top()
	if last := t.LastChild; last != nil && last.Type == html.TextNode {
		b.appendText(last, s)
		return
	}
	n := b.newNode()
	n.Type = html.TextNode
	n.Data = s
	t.AppendChild(n)
}

// appendText appends s to the text node n. A run of appends to one node
// goes through a buffer, which flushText copies to the node.
func (b *builder) appendText(n *html.Node, s string) {
	if n != b.merging {
		b.flushText()
		b.merging = n
		b.merged = append(b.merged[:0], n.Data...)
	}
	b.merged = append(b.merged, s...)
}

func (b *builder) flushText() {
	if b.merging != nil {
		b.merging.Data = string(b.merged)
		b.merging = nil
	}
}

// indexOf returns the index of n in the stack of open elements, or -1.
func (b *builder) indexOf(n *html.Node) int {
	for i := len(b.oe) - 1; i >= 0; i-- {
		if b.oe[i] == n {
			return i
		}
	}
	return -1
}

// remove takes n out of the stack of open elements, wherever it is.
func (b *builder) remove(n *html.Node) {
	if i := b.indexOf(n); i >= 0 {
		b.oe = append(b.oe[:i], b.oe[i+1:]...)
		b.pFree = min(b.pFree, i)
	}
}

// convertNewlines turns CRLF and lone CR into LF, as the tokenizer does.
func convertNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// decodeText converts newlines and decodes character references as the
// tokenizer does in text.
func decodeText(s string) string {
	s = convertNewlines(s)
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return html.UnescapeString(s)
}

// commentData returns the text of the comment token raw.
func commentData(raw string) string {
	switch {
	case strings.HasPrefix(raw, "<!--"):
		end := len(raw) - len("-->")
		if strings.HasSuffix(raw, "--!>") {
			end = len(raw) - len("--!>")
		}
		return raw[len("<!--"):max(end, len("<!--"))]
	case raw == "</>":
		return ""
	case strings.HasPrefix(raw, "</"), strings.HasPrefix(raw, "<!"):
		return raw[2 : len(raw)-1]
	}
	return raw[1 : len(raw)-1] // "<?...>"
}

// keepsReferences reports the raw text elements whose text the tokenizer
// passes on as it is (in <title> and <textarea> it decodes references).
func keepsReferences(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Xmp, atom.Iframe, atom.Noembed, atom.Noframes, atom.Noscript:
		return true
	}
	return false
}
