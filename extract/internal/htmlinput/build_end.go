package htmlinput

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// End tags in body, and the parser's scopes.

// bodyEnd handles an end tag in body and reports whether it was consumed.
func (b *builder) bodyEnd() bool {
	switch a := b.tok.a; a {
	case atom.Body:
		if b.inScope(scopeDefault, atom.Body) >= 0 {
			b.mode = afterBodyMode
		}
	case atom.Html:
		if b.inScope(scopeDefault, atom.Body) >= 0 {
			b.processImplied(html.EndTagToken, atom.Body)
			return false
		}
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Button, atom.Center,
		atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption,
		atom.Figure, atom.Footer, atom.Header, atom.Hgroup, atom.Listing, atom.Main, atom.Menu,
		atom.Nav, atom.Ol, atom.Pre, atom.Search, atom.Section, atom.Select, atom.Summary, atom.Ul:
		if i := b.inScope(scopeDefault, a); i >= 0 {
			b.closeAt(i)
		}
	case atom.Form:
		return b.formEnd()
	case atom.P:
		if b.inScope(scopeButton, atom.P) < 0 {
			b.processImplied(html.StartTagToken, atom.P)
		}
		b.popUntil(scopeButton, atom.P)
	case atom.Li:
		b.popUntil(scopeListItem, atom.Li)
	case atom.Dd, atom.Dt:
		b.popUntil(scopeDefault, a)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		b.popUntil(scopeDefault, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6)
	case atom.Applet, atom.Marquee, atom.Object:
		if b.popUntil(scopeDefault, a) {
			b.clearFormattingToMarker()
		}
	case atom.Br:
		b.tok.tt = html.StartTagToken
		return false
	case atom.Template:
		return inHeadMode(b)
	case atom.Nobr:
		return b.fail()
	default:
		if isFormatting(a) {
			return b.formattingEnd()
		}
		b.endOther()
	}
	return true
}

// formEnd closes the form the form pointer names, when it is in scope.
func (b *builder) formEnd() bool {
	if b.inTemplate() {
		if i := b.inScope(scopeDefault, atom.Form); i >= 0 {
			b.closeAt(i)
		}
		return true
	}
	n := b.form
	b.form = nil
	i := b.inScope(scopeDefault, atom.Form)
	if n == nil || i < 0 || b.oe[i] != n {
		return true
	}
	b.generateImpliedEndTags(0)
	if b.top() != n {
		// The parser takes the form out from under open elements.
		return b.fail()
	}
	b.pop()
	return true
}

// formattingEnd handles the end tag of a formatting element in the cases
// where the parser's adoption agency only closes elements: the element is
// the current node, or it has no special element open inside it.
func (b *builder) formattingEnd() bool {
	a, name := b.tok.a, b.tok.name
	if t := b.top(); t.Data == name && b.afeIndex(t) < 0 {
		b.pop()
		return true
	}
	fi := -1
	for i := len(b.afe) - 1; i >= 0 && b.afe[i] != nil; i-- {
		if b.afe[i].DataAtom == a {
			fi = i
			break
		}
	}
	if fi < 0 {
		b.endOther()
		return true
	}
	fe := b.afe[fi]
	oi := b.indexOf(fe)
	if oi < 0 {
		b.afe = append(b.afe[:fi], b.afe[fi+1:]...)
		return true
	}
	if b.inScope(scopeDefault, a) < 0 {
		return true
	}
	for _, n := range b.oe[oi+1:] {
		if isSpecialNode(n) {
			return b.fail()
		}
	}
	b.oe = b.oe[:oi]
	b.afe = append(b.afe[:fi], b.afe[fi+1:]...)
	return true
}

// endOther closes the innermost open element of the current end tag's
// name, unless a special element is open inside it.
func (b *builder) endOther() {
	a, name := b.tok.a, b.tok.name
	for i := len(b.oe) - 1; i >= 0; i-- {
		n := b.oe[i]
		if n.Namespace == "" && n.DataAtom == a && (a != 0 || n.Data == name) {
			b.oe = b.oe[:i]
			return
		}
		if isSpecialNode(n) {
			return
		}
	}
}

func (b *builder) afeIndex(n *html.Node) int {
	for i := len(b.afe) - 1; i >= 0; i-- {
		if b.afe[i] == n {
			return i
		}
	}
	return -1
}

// clearFormattingToMarker drops the active formatting elements up to and
// including the last scope marker.
func (b *builder) clearFormattingToMarker() {
	for len(b.afe) > 0 {
		n := b.afe[len(b.afe)-1]
		b.afe = b.afe[:len(b.afe)-1]
		if n == nil {
			return
		}
	}
}

// generateImpliedEndTags closes the elements whose end tags may be left
// out (<p>, <li>, <option>...), but except.
func (b *builder) generateImpliedEndTags(except atom.Atom) {
	for len(b.oe) > 0 {
		n := b.top()
		switch n.DataAtom {
		case atom.Dd, atom.Dt, atom.Li, atom.Optgroup, atom.Option, atom.P, atom.Rb, atom.Rp,
			atom.Rt, atom.Rtc:
			if n.DataAtom == except && n.Data == except.String() {
				return
			}
			b.pop()
			continue
		}
		return
	}
}

// closeAt generates implied end tags and closes the open element at i
// with the elements open inside it. The element at i is none of those
// generateImpliedEndTags closes, so it stays at i until then.
func (b *builder) closeAt(i int) {
	b.generateImpliedEndTags(0)
	b.oe = b.oe[:i]
}

type buildScope int

const (
	scopeDefault buildScope = iota
	scopeListItem
	scopeButton
	scopeTable
)

// inScope returns the index of the innermost open HTML element among
// match that is in scope s, or -1.
func (b *builder) inScope(s buildScope, match ...atom.Atom) int {
	for i := len(b.oe) - 1; i >= 0; i-- {
		n := b.oe[i]
		if n.Namespace == "" {
			for _, m := range match {
				if n.DataAtom == m {
					return i
				}
			}
		}
		if stopsScope(s, n) {
			return -1
		}
	}
	return -1
}

// popUntil closes the innermost element among match in scope s, with the
// elements open inside it, and reports whether there was one.
func (b *builder) popUntil(s buildScope, match ...atom.Atom) bool {
	i := b.inScope(s, match...)
	if i < 0 {
		return false
	}
	b.oe = b.oe[:i]
	return true
}

// stopsScope reports whether n is a boundary of scope s.
func stopsScope(s buildScope, n *html.Node) bool {
	a := n.DataAtom
	switch n.Namespace {
	case "":
		switch s {
		case scopeListItem:
			if a == atom.Ol || a == atom.Ul {
				return true
			}
		case scopeButton:
			if a == atom.Button {
				return true
			}
		case scopeTable:
			return a == atom.Html || a == atom.Table || a == atom.Template
		}
		switch a {
		case atom.Applet, atom.Caption, atom.Html, atom.Table, atom.Td, atom.Th, atom.Marquee,
			atom.Object, atom.Template, atom.Select:
			return true
		}
	case "svg":
		return s != scopeTable && (a == atom.Desc || a == atom.ForeignObject || a == atom.Title)
	case "math":
		return s != scopeTable && (a == atom.AnnotationXml || a == atom.Mi || a == atom.Mn ||
			a == atom.Mo || a == atom.Ms || a == atom.Mtext)
	}
	return false
}

// isSpecialNode reports the parser's "special" elements.
func isSpecialNode(n *html.Node) bool {
	switch n.Namespace {
	case "":
		return isSpecialHTML(n.DataAtom)
	case "svg":
		switch n.Data {
		case "foreignObject", "desc", "title":
			return true
		}
	}
	return false
}

func isSpecialHTML(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Applet, atom.Area, atom.Article, atom.Aside, atom.Base,
		atom.Basefont, atom.Bgsound, atom.Blockquote, atom.Body, atom.Br, atom.Button,
		atom.Caption, atom.Center, atom.Col, atom.Colgroup, atom.Dd, atom.Details, atom.Dir,
		atom.Div, atom.Dl, atom.Dt, atom.Embed, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Form, atom.Frame, atom.Frameset, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Head, atom.Header,
		atom.Hgroup, atom.Hr, atom.Html, atom.Iframe, atom.Img, atom.Input, atom.Keygen,
		atom.Li, atom.Link, atom.Listing, atom.Main, atom.Marquee, atom.Menu, atom.Meta,
		atom.Nav, atom.Noembed, atom.Noframes, atom.Noscript, atom.Object, atom.Ol, atom.P,
		atom.Param, atom.Plaintext, atom.Pre, atom.Script, atom.Section, atom.Select,
		atom.Source, atom.Style, atom.Summary, atom.Table, atom.Tbody, atom.Td,
		atom.Template, atom.Textarea, atom.Tfoot, atom.Th, atom.Thead, atom.Title, atom.Tr,
		atom.Track, atom.Ul, atom.Wbr, atom.Xmp:
		return true
	}
	return false
}
