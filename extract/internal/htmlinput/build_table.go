package htmlinput

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The table insertion modes, for tables whose content sits in cells and
// captions: anything the parser would move out in front of the table
// (foster parenting) is left to html.Parse.

func inTableMode(b *builder) bool {
	switch b.tok.tt {
	case html.TextToken:
		switch b.top().DataAtom {
		case atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
			if strings.Trim(b.tok.data, whitespace) == "" {
				b.addText(b.tok.data)
				return true
			}
		}
	case html.StartTagToken:
		return b.tableStart()
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Table:
			if b.popUntil(scopeTable, atom.Table) {
				b.resetMode()
			}
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html, atom.Tbody, atom.Td,
			atom.Tfoot, atom.Th, atom.Thead, atom.Tr:
			return true
		}
	case html.CommentToken:
		b.addComment(b.top())
		return true
	case html.DoctypeToken:
		return true
	case html.ErrorToken:
		return inBodyMode(b)
	}
	// The parser would move it out in front of the table.
	return b.fail()
}

func (b *builder) tableStart() bool {
	switch b.tok.a {
	case atom.Caption:
		b.clearStackTo(atom.Table, 0, 0)
		b.afe = append(b.afe, nil)
		b.addElement()
		b.mode = inCaptionMode
		return true
	case atom.Colgroup:
		b.clearStackTo(atom.Table, 0, 0)
		b.addElement()
		b.mode = inColumnGroupMode
		return true
	case atom.Col:
		b.processImplied(html.StartTagToken, atom.Colgroup)
		return false
	case atom.Tbody, atom.Tfoot, atom.Thead:
		b.clearStackTo(atom.Table, 0, 0)
		b.addElement()
		b.mode = inTableBodyMode
		return true
	case atom.Td, atom.Th, atom.Tr:
		b.processImplied(html.StartTagToken, atom.Tbody)
		return false
	case atom.Style, atom.Script:
		return inHeadMode(b)
	case atom.Input:
		for _, a := range b.tok.attr {
			if a.Key == "type" && strings.EqualFold(a.Val, "hidden") {
				b.addVoid()
				return true
			}
		}
	case atom.Form:
		if b.form == nil && !b.inTemplate() {
			b.form = b.addElement()
			b.pop()
		}
		return true
	}
	return b.fail()
}

// clearStackTo closes elements until the current node is <html>,
// <template> or one of a1, a2, a3.
func (b *builder) clearStackTo(a1, a2, a3 atom.Atom) {
	for len(b.oe) > 0 {
		switch b.top().DataAtom {
		case atom.Html, atom.Template, a1:
			return
		}
		if a := b.top().DataAtom; a2 != 0 && a == a2 || a3 != 0 && a == a3 {
			return
		}
		b.pop()
	}
}

func inTableBodyMode(b *builder) bool {
	a := b.tok.a
	switch b.tok.tt {
	case html.StartTagToken:
		switch a {
		case atom.Tr:
			b.clearStackTo(atom.Tbody, atom.Tfoot, atom.Thead)
			b.addElement()
			b.mode = inRowMode
			return true
		case atom.Td, atom.Th:
			b.processImplied(html.StartTagToken, atom.Tr)
			return false
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead:
			return b.closeTableSection()
		}
	case html.EndTagToken:
		switch a {
		case atom.Tbody, atom.Tfoot, atom.Thead:
			if b.inScope(scopeTable, a) >= 0 {
				b.clearStackTo(atom.Tbody, atom.Tfoot, atom.Thead)
				b.pop()
				b.mode = inTableMode
			}
			return true
		case atom.Table:
			return b.closeTableSection()
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html, atom.Td, atom.Th, atom.Tr:
			return true
		}
	case html.CommentToken:
		b.addComment(b.top())
		return true
	}
	return inTableMode(b)
}

// closeTableSection closes the open table section for a tag that starts
// another one or ends the table, and reports whether the tag was consumed
// (ignored, when there is none).
func (b *builder) closeTableSection() bool {
	if b.popUntil(scopeTable, atom.Tbody, atom.Thead, atom.Tfoot) {
		b.mode = inTableMode
		return false
	}
	return true
}

func inRowMode(b *builder) bool {
	a := b.tok.a
	switch b.tok.tt {
	case html.StartTagToken:
		switch a {
		case atom.Td, atom.Th:
			b.clearStackTo(atom.Tr, 0, 0)
			b.addElement()
			b.afe = append(b.afe, nil)
			b.mode = inCellMode
			return true
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
			return !b.closeRow()
		}
	case html.EndTagToken:
		switch a {
		case atom.Tr:
			b.closeRow()
			return true
		case atom.Table:
			return !b.closeRow()
		case atom.Tbody, atom.Tfoot, atom.Thead:
			if b.inScope(scopeTable, a) >= 0 {
				return !b.closeRow()
			}
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html, atom.Td, atom.Th:
			return true
		}
	}
	return inTableMode(b)
}

// closeRow closes the open table row, if there is one in table scope, and
// reports whether there was.
func (b *builder) closeRow() bool {
	if b.inScope(scopeTable, atom.Tr) < 0 {
		return false
	}
	b.clearStackTo(atom.Tr, 0, 0)
	b.pop()
	b.mode = inTableBodyMode
	return true
}

func inCellMode(b *builder) bool {
	a := b.tok.a
	switch b.tok.tt {
	case html.StartTagToken:
		switch a {
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Td, atom.Tfoot, atom.Th,
			atom.Thead, atom.Tr:
			return !b.closeCell()
		}
	case html.EndTagToken:
		switch a {
		case atom.Td, atom.Th:
			if b.popUntil(scopeTable, a) {
				b.clearFormattingToMarker()
				b.mode = inRowMode
			}
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html:
			return true
		case atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
			if b.inScope(scopeTable, a) < 0 {
				return true
			}
			b.closeCell()
			b.mode = inRowMode
			return false
		}
	}
	return inBodyMode(b)
}

// closeCell closes the open cell, if there is one in table scope, and
// reports whether there was.
func (b *builder) closeCell() bool {
	if !b.popUntil(scopeTable, atom.Td, atom.Th) {
		return false
	}
	b.clearFormattingToMarker()
	b.mode = inRowMode
	return true
}

// resetMode sets the insertion mode from the open elements, as the parser
// does after a table closes.
func (b *builder) resetMode() {
	for i := len(b.oe) - 1; i >= 0; i-- {
		switch n := b.oe[i]; n.DataAtom {
		case atom.Td, atom.Th:
			b.mode = inCellMode
		case atom.Tr:
			b.mode = inRowMode
		case atom.Tbody, atom.Thead, atom.Tfoot:
			b.mode = inTableBodyMode
		case atom.Table:
			b.mode = inTableMode
		case atom.Head:
			b.mode = inHeadMode
		case atom.Body:
			b.mode = inBodyMode
		case atom.Html:
			b.mode = afterHeadMode
			if b.head == nil {
				b.mode = beforeHeadMode
			}
		case atom.Template:
			if n.Namespace != "" {
				continue
			}
			if len(b.templates) == 0 {
				b.fail()
				return
			}
			b.mode = b.templates[len(b.templates)-1]
		case atom.Caption:
			b.mode = inCaptionMode
		case atom.Colgroup:
			b.mode = inColumnGroupMode
		case atom.Frameset:
			b.fail()
		default:
			if i == 0 {
				b.mode = inBodyMode
				return
			}
			continue
		}
		return
	}
}

func inCaptionMode(b *builder) bool {
	a := b.tok.a
	switch b.tok.tt {
	case html.StartTagToken:
		switch a {
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Td, atom.Tfoot, atom.Thead,
			atom.Tr:
			return !b.closeCaption()
		}
	case html.EndTagToken:
		switch a {
		case atom.Caption:
			b.closeCaption()
			return true
		case atom.Table:
			return !b.closeCaption()
		case atom.Body, atom.Col, atom.Colgroup, atom.Html, atom.Tbody, atom.Td, atom.Tfoot,
			atom.Th, atom.Thead, atom.Tr:
			return true
		}
	}
	return inBodyMode(b)
}

// closeCaption closes the open caption, if there is one in table scope,
// and reports whether there was.
func (b *builder) closeCaption() bool {
	if !b.popUntil(scopeTable, atom.Caption) {
		return false
	}
	b.clearFormattingToMarker()
	b.mode = inTableMode
	return true
}

func inColumnGroupMode(b *builder) bool {
	switch b.tok.tt {
	case html.TextToken:
		if !b.leadingSpaceToCurrent() {
			return true
		}
	case html.CommentToken:
		b.addComment(b.top())
		return true
	case html.DoctypeToken:
		return true
	case html.StartTagToken:
		switch b.tok.a {
		case atom.Html:
			return inBodyMode(b)
		case atom.Col:
			b.addVoid()
			return true
		case atom.Template:
			return inHeadMode(b)
		}
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Colgroup:
			if b.top().DataAtom == atom.Colgroup {
				b.pop()
				b.mode = inTableMode
			}
			return true
		case atom.Col:
			return true
		case atom.Template:
			return inHeadMode(b)
		}
	case html.ErrorToken:
		return inBodyMode(b)
	}
	if b.top().DataAtom != atom.Colgroup {
		return true
	}
	b.pop()
	b.mode = inTableMode
	return false
}
