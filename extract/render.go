package extract

import (
	"strconv"
	"strings"
)

// PlainText renders the article as text: the title, a blank line, then the
// paragraphs separated by blank lines, ending in a newline.
func (a *Article) PlainText() string {
	var b strings.Builder
	if a.Title != "" {
		b.WriteString(a.Title)
		b.WriteString("\n\n")
	}
	b.WriteString(a.Text)
	b.WriteString("\n")
	return b.String()
}

// Markdown renders the article as Markdown: the title as a level-1 heading,
// then headings, lists, block quotes and tables as Markdown.
func (a *Article) Markdown() string {
	var b strings.Builder
	if a.Title != "" {
		b.WriteString("# ")
		b.WriteString(escapeMarkdownLine(a.Title))
		b.WriteString("\n\n")
	}
	var prev BlockKind
	num := 0
	for i, bl := range a.Blocks {
		if i > 0 {
			// Consecutive list items and table rows stay together.
			if (bl.Kind == ListItem && prev == ListItem) || (bl.Kind == TableRow && prev == TableRow) {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		if bl.Kind != ListItem || prev != ListItem {
			num = 0
		}
		switch bl.Kind {
		case Heading:
			lvl := bl.Level
			if lvl < 2 {
				lvl = 2
			}
			if lvl > 6 {
				lvl = 6
			}
			b.WriteString(strings.Repeat("#", lvl))
			b.WriteString(" ")
			b.WriteString(escapeMarkdownLine(bl.Text))
		case ListItem:
			if bl.Ordered {
				num++
			}
			writeListItem(&b, bl, num)
		case Quotation:
			for j, line := range strings.Split(bl.Text, "\n") {
				if j > 0 {
					b.WriteString("\n")
				}
				b.WriteString("> ")
				b.WriteString(escapeMarkdownLine(line))
			}
		case Preformat:
			b.WriteString("```\n")
			b.WriteString(strings.ReplaceAll(bl.Text, "```", "` ` `"))
			b.WriteString("\n```")
		case TableRow:
			writeTableRow(&b, bl.Text, i == 0 || prev != TableRow)
		case Caption:
			b.WriteString("*")
			b.WriteString(escapeMarkdownLine(bl.Text))
			b.WriteString("*")
		default:
			b.WriteString(escapeMarkdownLine(bl.Text))
		}
		prev = bl.Kind
	}
	b.WriteString("\n")
	return b.String()
}

// writeListItem writes one list item, indented by its level; num is its
// number in an ordered list.
func writeListItem(b *strings.Builder, bl Block, num int) {
	if bl.Level > 1 {
		b.WriteString(strings.Repeat("  ", bl.Level-1))
	}
	if bl.Ordered {
		b.WriteString(strconv.Itoa(num))
		b.WriteString(". ")
	} else {
		b.WriteString("- ")
	}
	b.WriteString(escapeMarkdownLine(bl.Text))
}

// writeTableRow writes one table row from its tab-separated cells; the
// first row of a table is followed by the header rule.
func writeTableRow(b *strings.Builder, text string, first bool) {
	cells := strings.Split(text, "\t")
	b.WriteString("| ")
	for j, c := range cells {
		if j > 0 {
			b.WriteString(" | ")
		}
		b.WriteString(strings.ReplaceAll(c, "|", `\|`))
	}
	b.WriteString(" |")
	if first {
		b.WriteString("\n|")
		for range cells {
			b.WriteString(" --- |")
		}
	}
}

// escapeMarkdownLine keeps text from being read as Markdown structure: a
// leading "#", ">", "-", "+", "*" or "1." would start a heading, quote or list.
func escapeMarkdownLine(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '-', '+', '*', '=', '|':
		return `\` + s
	}
	// "1. text" at line start is an ordered list.
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}
