// Package render writes an extracted article as text, JSON or Markdown.
package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/newsclean/newsclean/extract"
)

// Formats accepted by Bytes.
const (
	Text     = "text"
	JSON     = "json"
	Markdown = "markdown"
)

// Formats lists the names accepted by --format.
var Formats = []string{Text, JSON, Markdown}

// Valid reports whether format is known.
func Valid(format string) bool {
	for _, f := range Formats {
		if f == format {
			return true
		}
	}
	return false
}

// Options control rendering.
type Options struct {
	Facts   bool // text and Markdown: add the facts section
	Compact bool // JSON: one line
}

// Bytes renders a in format.
func Bytes(a *extract.Article, format string, opts Options) ([]byte, error) {
	switch format {
	case JSON:
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if !opts.Compact {
			enc.SetIndent("", "  ")
		}
		if err := enc.Encode(a); err != nil {
			return nil, fmt.Errorf("encoding json: %w", err)
		}
		return buf.Bytes(), nil
	case Markdown:
		s := a.Markdown()
		if opts.Facts {
			s += "\n---\n\n" + FactsText(a, true)
		}
		return []byte(s), nil
	case Text, "":
		s := a.PlainText()
		if opts.Facts {
			s += "\n---\n\n" + FactsText(a, false)
		}
		return []byte(s), nil
	}
	return nil, fmt.Errorf("unknown format %q", format)
}

// FactsText is the at-a-glance view of the dateline, people and quotes.
func FactsText(a *extract.Article, markdown bool) string {
	var b strings.Builder
	head := func(s string) {
		if markdown {
			b.WriteString("## " + s + "\n\n")
		} else {
			b.WriteString(strings.ToUpper(s) + "\n")
		}
	}
	item := func(s string) {
		if markdown {
			b.WriteString("- " + s + "\n")
		} else {
			b.WriteString("  " + s + "\n")
		}
	}
	head("Dateline")
	if d := a.Dateline; d != nil {
		parts := []string{d.Place}
		if d.Date != "" {
			parts = append(parts, d.Date)
		}
		if d.Agency != "" {
			parts = append(parts, "("+d.Agency+")")
		}
		item(strings.Join(parts, ", "))
	} else {
		item("none")
	}
	b.WriteString("\n")
	head(fmt.Sprintf("People (%d)", len(a.People)))
	for _, p := range a.People {
		s := p.Name
		if p.Role != "" {
			s += " — " + p.Role
		}
		s += fmt.Sprintf(" (%d mention%s)", p.Mentions, plural(p.Mentions))
		item(s)
	}
	if len(a.People) == 0 {
		item("none")
	}
	b.WriteString("\n")
	head(fmt.Sprintf("Quotes (%d)", len(a.Quotes)))
	for _, q := range a.Quotes {
		who := "unattributed"
		if q.Speaker != nil {
			who = *q.Speaker
		}
		item(fmt.Sprintf("%s: “%s” (paragraph %d)", who, q.Text, q.Paragraph))
	}
	if len(a.Quotes) == 0 {
		item("none")
	}
	return b.String()
}

// ExplainText lists the removed blocks, one per line.
func ExplainText(a *extract.Article) string {
	var b strings.Builder
	for _, r := range a.Removed {
		fmt.Fprintf(&b, "removed [%s] %s\n", r.Rule, r.Text)
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
