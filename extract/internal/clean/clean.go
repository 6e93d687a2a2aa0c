// Package clean finds an article's body and removes what readers do not
// want from it: ad slots and labels, captions printed twice, repeated
// paragraphs, newsletter and paywall boxes, follow prompts, read-more and
// related links, share bars, consent notices, skip links, author boxes and
// comments.
//
// It works in three passes. Before readability scores the page, containers
// marked as furniture by their markup (tag, class, id, role, aria) are cut.
// readability (codeberg.org/readeck/go-readability/v2) then picks the main
// content. Its output is turned into blocks, and block rules cut what markup
// could not reveal: boilerplate phrases, link-dense blocks and duplicates.
// Plain-text dumps go through the same block rules.
package clean

import (
	"errors"
	"log/slog"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// Config controls cleaning.
type Config struct {
	URL     *url.URL
	Explain bool
	Title   string // the page's title from metadata, to drop a repeated headline
	Logger  *slog.Logger
}

// Removal is one cut block.
type Removal struct {
	Rule string
	Text string
}

// Result is the cleaned article.
type Result struct {
	Title   string
	Byline  string
	Blocks  []Block
	Removed []Removal
}

// ErrEmpty is returned when nothing of the article remains.
var ErrEmpty = errors.New("no content left after cleaning")

type state struct {
	cfg     Config
	removed []Removal
}

func (s *state) cut(rule, text string) {
	if s.cfg.Explain {
		s.removed = append(s.removed, Removal{Rule: rule, Text: shorten(normalizeSpace(text), 200)})
	}
}

// HTML cleans a parsed page. doc is modified.
func HTML(doc *html.Node, cfg Config) (*Result, error) {
	s := &state{cfg: cfg}
	for _, r := range preClean(doc) {
		if cfg.Explain {
			s.cut(r.rule, nodeText(r.node))
		}
	}
	p := readability.NewParser()
	if cfg.Logger != nil {
		p.Logger = cfg.Logger
	}
	art, err := p.ParseAndMutate(doc, cfg.URL)
	if err != nil {
		return nil, err
	}
	if art.Node == nil {
		return nil, ErrEmpty
	}
	blocks := toBlocks(art.Node)
	title := cfg.Title
	if title == "" {
		title = art.Title()
	}
	blocks = s.filter(blocks, title)
	if len(blocks) == 0 {
		return nil, ErrEmpty
	}
	return &Result{Title: art.Title(), Byline: art.Byline(), Blocks: blocks, Removed: s.removed}, nil
}

// Text cleans a page already scraped to text: blocks are separated by
// blank lines or, in dumps with no blank lines, by line breaks.
func Text(text string, cfg Config) (*Result, error) {
	s := &state{cfg: cfg}
	var blocks []Block
	text = strings.ReplaceAll(text, "\r\n", "\n")
	sep := "\n\n"
	if !strings.Contains(text, "\n\n") {
		sep = "\n"
	}
	for _, part := range strings.Split(text, sep) {
		t := normalizeSpace(part)
		if t == "" {
			continue
		}
		kind := "p"
		if isHeadingLine(t) {
			kind = "h"
		}
		blocks = append(blocks, Block{Kind: kind, Level: 2, Text: t})
	}
	blocks = s.filter(blocks, "")
	if len(blocks) == 0 {
		return nil, ErrEmpty
	}
	// The first short line without a final stop, followed by more text,
	// is the headline.
	title := ""
	if len(blocks) > 1 && isTitleLine(blocks[0].Text) {
		title = blocks[0].Text
		blocks = blocks[1:]
	}
	return &Result{Title: title, Blocks: blocks, Removed: s.removed}, nil
}

// isHeadingLine reports a short line in capitals, as text dumps print
// cross-heads ("CYBER-SECURITY THREATS").
func isHeadingLine(t string) bool {
	if wordCount(t) > 8 || len(t) < 4 {
		return false
	}
	letters := 0
	for _, r := range t {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters >= 3
}

func isTitleLine(t string) bool {
	n := wordCount(t)
	if n < 3 || n > 30 {
		return false
	}
	last := t[len(t)-1]
	return last != '.' && last != ':' && last != ','
}

// filter applies the block rules in order.
func (s *state) filter(blocks []Block, title string) []Block {
	out := blocks[:0]
	seen := make(map[string]int, len(blocks))
	titleFP := fingerprint(title)
	for i, b := range blocks {
		if rule := boilerplateRule(b.Text); rule != "" {
			s.cut(rule, b.Text)
			continue
		}
		if b.Kind == "h" && b.Level <= 1 && titleFP != "" && fingerprint(b.Text) == titleFP {
			s.cut("title-repeat", b.Text)
			continue
		}
		if isLinkDense(b) {
			s.cut("link-dense", b.Text)
			continue
		}
		fp := fingerprint(b.Text)
		if fp == "" {
			s.cut("no-words", b.Text)
			continue
		}
		if _, dup := seen[fp]; dup {
			s.cut("duplicate", b.Text)
			continue
		}
		if j := nearDuplicate(out, b); j >= 0 {
			s.cut("near-duplicate", b.Text)
			continue
		}
		seen[fp] = i
		out = append(out, b)
	}
	return out
}

// isLinkDense reports a short block that is mostly link text: a read-more
// or related link, a tag list, a share bar.
func isLinkDense(b Block) bool {
	if b.linkChars == 0 || b.Kind == "h" {
		return false
	}
	n := len(b.Text)
	wc := wordCount(b.Text)
	if wc > 40 {
		return false
	}
	return b.linkChars*10 >= n*8 && (b.Kind == "li" || wc <= 12 || b.linkChars*10 >= n*9)
}

// nearDuplicate returns the index of a kept block that b nearly repeats
// (a lead paragraph printed again by a summary box), or -1. Only blocks of
// some length are compared, and only against a window of recent blocks and
// the first blocks of the page, so the cost stays linear.
func nearDuplicate(kept []Block, b Block) int {
	wb := words(b.Text)
	if len(wb) < 8 {
		return -1
	}
	check := func(j int) bool {
		wa := words(kept[j].Text)
		if len(wa) < 8 {
			return false
		}
		return similar(wa, wb)
	}
	const window = 12
	for j := len(kept) - 1; j >= 0 && j >= len(kept)-window; j-- {
		if check(j) {
			return j
		}
	}
	for j := 0; j < len(kept)-window && j < window; j++ {
		if check(j) {
			return j
		}
	}
	return -1
}

// similar compares two word lists by the overlap of their word pairs: 0.8
// or more of the shorter text's pairs found in the other.
func similar(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a)*2 < len(b) {
		return false
	}
	set := make(map[string]struct{}, len(b))
	for i := 0; i+1 < len(b); i++ {
		set[b[i]+" "+b[i+1]] = struct{}{}
	}
	hit, all := 0, 0
	for i := 0; i+1 < len(a); i++ {
		all++
		if _, ok := set[a[i]+" "+a[i+1]]; ok {
			hit++
		}
	}
	return all > 0 && hit*10 >= all*8
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth || b.Len() > 400 {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}
