package htmlinput

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The "in body" insertion mode.

func inBodyMode(b *builder) bool {
	switch b.tok.tt {
	case html.TextToken:
		b.bodyText()
	case html.StartTagToken:
		return b.bodyStart()
	case html.EndTagToken:
		return b.bodyEnd()
	case html.CommentToken:
		b.addComment(b.top())
	case html.ErrorToken:
		if len(b.templates) > 0 {
			b.mode = inTemplateMode
			return false
		}
	}
	return true
}

func (b *builder) bodyText() {
	d := b.tok.data
	if t := b.top(); (t.DataAtom == atom.Pre || t.DataAtom == atom.Listing) && t.FirstChild == nil {
		d = trimLeadingNewline(d)
	}
	if d == "" {
		return
	}
	b.reconstruct()
	b.addText(d)
}

// trimLeadingNewline takes off a newline at the start of d, the first
// text of a <pre>, <listing> or <textarea>: a newline right after the
// start tag is not part of the element's text.
func trimLeadingNewline(d string) string {
	return strings.TrimPrefix(strings.TrimPrefix(d, "\r"), "\n")
}

// bodyStart handles a start tag in body and reports whether it was
// consumed.
func (b *builder) bodyStart() bool {
	a := b.tok.a
	switch {
	case closesPBlock(a):
		b.closeP()
		if isHeading(a) && isHeading(b.top().DataAtom) {
			b.pop()
		}
		b.addElement()
	case isFormatting(a):
		return b.formattingStart()
	case isBodyVoid(a):
		if a == atom.Input {
			b.popUntil(scopeDefault, atom.Select)
		}
		b.reconstruct()
		b.addVoid()
	default:
		return b.otherStart()
	}
	return true
}

// otherStart handles the start tags bodyStart does not.
func (b *builder) otherStart() bool {
	if isHeadTag(b.tok.a) {
		return inHeadMode(b)
	}
	switch a := b.tok.a; a {
	case atom.Html:
		if !b.inTemplate() {
			b.copyAttributes(b.oe[0])
		}
	case atom.Body:
		if len(b.oe) >= 2 && b.oe[1].DataAtom == atom.Body && !b.inTemplate() {
			b.copyAttributes(b.oe[1])
		}
	case atom.Form:
		if t := b.inTemplate(); b.form == nil || t {
			b.closeP()
			if n := b.addElement(); !t {
				b.form = n
			}
		}
	case atom.Li:
		b.closeListItem(atom.Li, atom.Li)
		b.closeP()
		b.addElement()
	case atom.Dd, atom.Dt:
		b.closeListItem(atom.Dd, atom.Dt)
		b.closeP()
		b.addElement()
	case atom.Button:
		if b.inScope(scopeDefault, atom.Button) >= 0 {
			b.generateImpliedEndTags(0)
			b.popUntil(scopeDefault, atom.Button)
		}
		b.reconstruct()
		b.addElement()
	case atom.Applet, atom.Marquee, atom.Object:
		b.reconstruct()
		b.addElement()
		b.afe = append(b.afe, nil)
	case atom.Table:
		if !b.quirks {
			b.closeP()
		}
		b.addElement()
		b.mode = inTableMode
	case atom.Param, atom.Source, atom.Track:
		b.addVoid()
	case atom.Hr:
		if b.inScope(scopeButton, atom.P) >= 0 {
			b.generateImpliedEndTags(atom.P)
			b.popUntil(scopeDefault, atom.P)
		}
		if b.inScope(scopeDefault, atom.Select) >= 0 {
			b.generateImpliedEndTags(0)
		}
		b.addVoid()
	default:
		return b.rarerStart()
	}
	return true
}

// rarerStart handles raw text elements, <option>, <svg>, the table tags
// ignored in body, elements without special rules, and bails out on the
// elements not modelled.
func (b *builder) rarerStart() bool {
	switch b.tok.a {
	case atom.Textarea, atom.Iframe, atom.Noembed, atom.Noscript:
		b.rawTextElement()
	case atom.Xmp:
		b.closeP()
		b.reconstruct()
		b.rawTextElement()
	case atom.Select:
		if !b.popUntil(scopeDefault, atom.Select) {
			b.reconstruct()
			b.addElement()
		}
	case atom.Option, atom.Optgroup:
		if b.inScope(scopeDefault, atom.Select) >= 0 {
			except := atom.Optgroup
			if b.tok.a == atom.Optgroup {
				except = 0
			}
			b.generateImpliedEndTags(except)
		} else if b.top().DataAtom == atom.Option {
			b.pop()
		}
		b.reconstruct()
		b.addElement()
	case atom.Svg:
		b.reconstruct()
		adjustSVGAttributes(b.tok.attr)
		n := b.addElement()
		n.Namespace = "svg"
		if b.tok.selfClosing {
			b.pop()
		}
	case atom.Caption, atom.Col, atom.Colgroup, atom.Frame, atom.Head, atom.Tbody, atom.Td,
		atom.Tfoot, atom.Th, atom.Thead, atom.Tr:
		// Ignored outside a table.
	case atom.Frameset, atom.Plaintext, atom.Nobr, atom.Image, atom.Math,
		atom.Rb, atom.Rtc, atom.Rp, atom.Rt:
		return b.fail()
	default:
		b.reconstruct()
		b.addElement()
	}
	return true
}

// formattingStart opens a formatting element (<a>, <b>, <em>...), which
// also goes on the list of active formatting elements.
func (b *builder) formattingStart() bool {
	a := b.tok.a
	same := 0
	for i := len(b.afe) - 1; i >= 0 && b.afe[i] != nil; i-- {
		if b.afe[i].DataAtom == a {
			same++
		}
	}
	// A new <a> while one is active needs the adoption agency, and so
	// may <nobr>; a fourth identical element would push out the first.
	if a == atom.A && same > 0 || same >= 3 || a == atom.Nobr {
		return b.fail()
	}
	b.reconstruct()
	n := b.addElement()
	slices.SortFunc(n.Attr, attrCompare)
	b.afe = append(b.afe, n)
	return true
}

// attrCompare orders attributes by namespace, key and value, as the
// parser sorts those of a formatting element.
func attrCompare(x, y html.Attribute) int {
	return cmp.Or(
		cmp.Compare(x.Namespace, y.Namespace),
		cmp.Compare(x.Key, y.Key),
		cmp.Compare(x.Val, y.Val),
	)
}

// reconstruct stands for the parser's reconstruction of the active
// formatting elements, which does something only when the last of them
// is closed: the builder does not model that and gives up.
func (b *builder) reconstruct() {
	if len(b.afe) == 0 {
		return
	}
	if n := b.afe[len(b.afe)-1]; n != nil && b.indexOf(n) < 0 {
		b.fail()
	}
}

// closeP closes an open <p> in button scope. Open elements above pFree
// are looked at first: when none is a <p>, there is nothing to close.
func (b *builder) closeP() {
	for i := len(b.oe) - 1; i >= b.pFree; i-- {
		if n := b.oe[i]; n.DataAtom == atom.P && n.Namespace == "" {
			b.popUntil(scopeButton, atom.P)
			return
		}
	}
	b.pFree = len(b.oe)
}

// closeListItem closes the open list item (<li>, or <dd> and <dt>) that a
// new one ends.
func (b *builder) closeListItem(a1, a2 atom.Atom) {
	for i := len(b.oe) - 1; i >= 0; i-- {
		n := b.oe[i]
		switch n.DataAtom {
		case a1, a2:
			b.oe = b.oe[:i]
			return
		case atom.Address, atom.Div, atom.P:
			continue
		}
		if isSpecialNode(n) {
			return
		}
	}
}

// closesPBlock reports the elements that close an open <p> and then open
// as any other, with headings (which also close an open heading).
func closesPBlock(a atom.Atom) bool {
	switch a {
	case atom.Form, atom.Li, atom.Dd, atom.Dt, atom.Plaintext, atom.Table, atom.Hr, atom.Xmp:
		return false
	}
	return closesP(a)
}

// isBodyVoid reports the void elements that reopen formatting elements.
func isBodyVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Br, atom.Embed, atom.Img, atom.Keygen, atom.Wbr, atom.Input:
		return true
	}
	return false
}
