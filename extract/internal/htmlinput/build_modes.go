package htmlinput

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The insertion modes up to <body> and after it, as the parser has them
// (HTML standard, "tree construction").

const whitespace = " \t\r\n\f"

// trimLeadingSpace drops leading white space from the current text token
// and reports whether anything is left.
func (b *builder) trimLeadingSpace() bool {
	b.tok.data = strings.TrimLeft(b.tok.data, whitespace)
	return b.tok.data != ""
}

// leadingSpaceToCurrent adds the leading white space of the current text
// token to the current node and keeps the rest as the token; it reports
// whether anything is left.
func (b *builder) leadingSpaceToCurrent() bool {
	d := b.tok.data
	s := strings.TrimLeft(d, whitespace)
	b.addText(d[:len(d)-len(s)])
	b.tok.data = s
	return s != ""
}

func initialMode(b *builder) bool {
	switch b.tok.tt {
	case html.TextToken:
		if !b.trimLeadingSpace() {
			return true
		}
	case html.CommentToken:
		b.addComment(b.doc)
		return true
	case html.DoctypeToken:
		b.doctype()
		b.mode = beforeHTMLMode
		return true
	}
	b.quirks = true
	b.mode = beforeHTMLMode
	return false
}

// doctype adds the doctype node. "<!DOCTYPE html>" is read here; any other
// is left to the parser, on a snippet that also shows whether it puts the
// page in quirks mode (where a <table> does not close an open <p>).
func (b *builder) doctype() {
	n := b.newNode()
	n.Type = html.DoctypeNode
	if d := strings.TrimLeft(b.tok.raw[len("<!DOCTYPE"):len(b.tok.raw)-1], whitespace); d == "html" {
		n.Data = "html"
		b.doc.AppendChild(n)
		return
	}
	doc, err := html.Parse(strings.NewReader(b.tok.raw + "<p><table>"))
	if err != nil || doc.FirstChild == nil || doc.FirstChild.Type != html.DoctypeNode {
		b.fail()
		return
	}
	dt := doc.FirstChild
	n.Data, n.Attr = dt.Data, dt.Attr
	b.doc.AppendChild(n)
	// html > body > p, holding the table in quirks mode.
	if body := doc.LastChild.LastChild; body != nil && body.FirstChild != nil {
		b.quirks = body.FirstChild.FirstChild != nil
	}
}

func beforeHTMLMode(b *builder) bool {
	switch b.tok.tt {
	case html.DoctypeToken:
		return true
	case html.TextToken:
		if !b.trimLeadingSpace() {
			return true
		}
	case html.StartTagToken:
		if b.tok.a == atom.Html {
			b.addElement()
			b.mode = beforeHeadMode
			return true
		}
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Head, atom.Body, atom.Html, atom.Br:
		default:
			return true
		}
	case html.CommentToken:
		b.addComment(b.doc)
		return true
	}
	b.processImplied(html.StartTagToken, atom.Html)
	return false
}

func beforeHeadMode(b *builder) bool {
	switch b.tok.tt {
	case html.TextToken:
		if !b.trimLeadingSpace() {
			return true
		}
	case html.StartTagToken:
		switch b.tok.a {
		case atom.Head:
			b.head = b.addElement()
			b.mode = inHeadMode
			return true
		case atom.Html:
			return inBodyMode(b)
		}
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Head, atom.Body, atom.Html, atom.Br:
		default:
			return true
		}
	case html.CommentToken:
		b.addComment(b.top())
		return true
	case html.DoctypeToken:
		return true
	}
	b.processImplied(html.StartTagToken, atom.Head)
	return false
}

func inHeadMode(b *builder) bool {
	switch b.tok.tt {
	case html.TextToken:
		if !b.leadingSpaceToCurrent() {
			return true
		}
	case html.StartTagToken:
		if done, ok := b.inHeadStart(); ok {
			return done
		}
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Head:
			b.pop()
			b.mode = afterHeadMode
			return true
		case atom.Body, atom.Html, atom.Br:
		case atom.Template:
			b.closeTemplate()
			return true
		default:
			return true
		}
	case html.CommentToken:
		b.addComment(b.top())
		return true
	case html.DoctypeToken:
		return true
	}
	b.processImplied(html.EndTagToken, atom.Head)
	return false
}

// inHeadStart handles a start tag by the rules of the head; ok is false
// for a tag those rules leave to the mode after the head.
func (b *builder) inHeadStart() (done, ok bool) {
	switch b.tok.a {
	case atom.Html:
		return inBodyMode(b), true
	case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta:
		b.addVoid()
		return true, true
	case atom.Noscript, atom.Script, atom.Title, atom.Noframes, atom.Style:
		// The parser runs with scripting on: <noscript> holds raw text.
		b.rawTextElement()
		return true, true
	case atom.Head:
		return true, true
	case atom.Template:
		b.openTemplate()
		return true, true
	}
	return false, false
}

// rawTextElement opens a raw text or RCDATA element, whose text the text
// mode adds.
func (b *builder) rawTextElement() {
	b.addElement()
	b.rawNext = keepsReferences(b.tok.a)
	b.orig = b.mode
	b.mode = textMode
}

func textMode(b *builder) bool {
	switch b.tok.tt {
	case html.TextToken:
		d := b.tok.data
		if t := b.top(); t.DataAtom == atom.Textarea && t.FirstChild == nil {
			d = trimLeadingNewline(d)
		}
		b.addText(d)
		return true
	case html.EndTagToken, html.ErrorToken:
		b.pop()
	default:
		// The tokenizer gives nothing else inside raw text.
		return b.fail()
	}
	b.mode, b.orig = b.orig, nil
	return b.tok.tt == html.EndTagToken
}

func afterHeadMode(b *builder) bool {
	switch b.tok.tt {
	case html.TextToken:
		if !b.leadingSpaceToCurrent() {
			return true
		}
	case html.StartTagToken:
		if done, ok := b.afterHeadStart(); ok {
			return done
		}
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Body, atom.Html, atom.Br:
		case atom.Template:
			return inHeadMode(b)
		default:
			return true
		}
	case html.CommentToken:
		b.addComment(b.top())
		return true
	case html.DoctypeToken:
		return true
	}
	b.processImplied(html.StartTagToken, atom.Body)
	return b.tok.tt == html.ErrorToken
}

func (b *builder) afterHeadStart() (done, ok bool) {
	if isHeadTag(b.tok.a) {
		// In the head after all: the head is reopened for the tag, and
		// taken off the stack again after it.
		if len(b.oe) >= maxOpen {
			return b.fail(), true
		}
		b.push(b.head)
		done = inHeadMode(b)
		b.remove(b.head)
		return done, true
	}
	switch b.tok.a {
	case atom.Html:
		return inBodyMode(b), true
	case atom.Body:
		b.addElement()
		b.mode = inBodyMode
		return true, true
	case atom.Frameset:
		return b.fail(), true
	case atom.Head:
		return true, true
	}
	return false, false
}

func afterBodyMode(b *builder) bool {
	switch b.tok.tt {
	case html.ErrorToken:
		return true
	case html.TextToken:
		if strings.TrimLeft(b.tok.data, whitespace) == "" {
			return inBodyMode(b)
		}
	case html.StartTagToken:
		if b.tok.a == atom.Html {
			return inBodyMode(b)
		}
	case html.EndTagToken:
		if b.tok.a == atom.Html {
			b.mode = afterAfterBodyMode
			return true
		}
	case html.CommentToken:
		b.addComment(b.oe[0])
		return true
	}
	b.mode = inBodyMode
	return false
}

func afterAfterBodyMode(b *builder) bool {
	switch b.tok.tt {
	case html.ErrorToken:
		return true
	case html.TextToken:
		if strings.TrimLeft(b.tok.data, whitespace) == "" {
			return inBodyMode(b)
		}
	case html.StartTagToken:
		if b.tok.a == atom.Html {
			return inBodyMode(b)
		}
	case html.CommentToken:
		b.addComment(b.doc)
		return true
	case html.DoctypeToken:
		return inBodyMode(b)
	}
	b.mode = inBodyMode
	return false
}

// copyAttributes adds to n the attributes of the current token it lacks
// (a second <html> or <body> tag).
func (b *builder) copyAttributes(n *html.Node) {
	if len(b.tok.attr) == 0 {
		return
	}
	has := make(map[string]bool, len(n.Attr)+len(b.tok.attr))
	for _, a := range n.Attr {
		has[a.Key] = true
	}
	for _, a := range b.tok.attr {
		if !has[a.Key] {
			n.Attr = append(n.Attr, a)
			has[a.Key] = true
		}
	}
}

// inTemplate reports whether a <template> is open.
func (b *builder) inTemplate() bool {
	for _, n := range b.oe {
		if n.DataAtom == atom.Template && n.Namespace == "" {
			return true
		}
	}
	return false
}

// openTemplate opens a <template>, whose content goes by the template
// mode. The parser ignores the rest of the page after a template opened
// in SVG or MathML content, which the builder leaves to it.
func (b *builder) openTemplate() {
	for _, n := range b.oe {
		if n.Namespace != "" {
			b.fail()
			return
		}
	}
	b.addElement()
	b.afe = append(b.afe, nil)
	b.mode = inTemplateMode
	b.templates = append(b.templates, inTemplateMode)
}

// closeTemplate closes the open <template>, if there is one, with what is
// open inside it.
func (b *builder) closeTemplate() {
	if !b.inTemplate() {
		return
	}
	b.generateImpliedEndTags(0)
	for i := len(b.oe) - 1; i >= 0; i-- {
		if n := b.oe[i]; n.Namespace == "" && n.DataAtom == atom.Template {
			b.oe = b.oe[:i]
			break
		}
	}
	b.clearFormattingToMarker()
	b.templates = b.templates[:len(b.templates)-1]
	b.resetMode()
}

// inTemplateMode starts the content of a template: the first tag sets the
// mode its content goes by. Table parts in a template are left to
// html.Parse.
func inTemplateMode(b *builder) bool {
	switch b.tok.tt {
	case html.TextToken, html.CommentToken, html.DoctypeToken:
		return inBodyMode(b)
	case html.StartTagToken:
		if isHeadTag(b.tok.a) {
			return inHeadMode(b)
		}
		switch b.tok.a {
		case atom.Caption, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead, atom.Col,
			atom.Tr, atom.Td, atom.Th:
			return b.fail()
		}
		b.templates[len(b.templates)-1] = inBodyMode
		b.mode = inBodyMode
		return false
	case html.EndTagToken:
		if b.tok.a == atom.Template {
			return inHeadMode(b)
		}
		return true
	}
	// The end of the input.
	if !b.inTemplate() {
		return true
	}
	b.closeTemplate()
	return false
}

// isHeadTag reports the start tags that the rules for the head handle
// wherever they appear.
func isHeadTag(a atom.Atom) bool {
	switch a {
	case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta, atom.Noframes,
		atom.Script, atom.Style, atom.Template, atom.Title:
		return true
	}
	return false
}
