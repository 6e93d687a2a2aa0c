package clean

import (
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Block is one unit of the cleaned body.
type Block struct {
	Kind    string // "p", "h", "li", "blockquote", "pre", "tr", "caption"
	Level   int
	Ordered bool
	Text    string

	linkChars int     // characters inside links, for link density
	siteChars int     // of them, characters inside links to the page's own site
	kicker    string  // in a list item, the text before the first link, when a link follows it
	counted   int     // wordCount(Text)+1 once the words are counted, else 0
	lower     *folded // Text lower-cased, once a rule has needed it
}

// nWords returns wordCount(b.Text), counted once by countWords.
func (b *Block) nWords() int {
	if b.counted > 0 {
		return b.counted - 1
	}
	return wordCount(b.Text)
}

// countWords counts the words of each block once, for the rules that
// weigh a block by its length.
func countWords(blocks []Block) {
	for i := range blocks {
		blocks[i].counted = wordCount(blocks[i].Text) + 1
	}
}

// newBlockBuilder returns a builder for a page whose hosts are sites.
func newBlockBuilder(sites []string) *blockBuilder {
	return &blockBuilder{sites: sites, kickerEnd: -1}
}

// blockBuilder turns a content tree into blocks.
type blockBuilder struct {
	blocks    []Block
	cur       []byte // the text of the block being built, its buffer reused from block to block
	links     int
	kind      string
	level     int
	order     bool
	list      []bool // ordered flag of each open list
	inLink    int
	inSite    int      // open links to the page's own site
	siteN     int      // characters inside them
	kickerEnd int      // length of the block's text when its first link opened, or -1
	sites     []string // the page's hosts
	inPre     int
	quote     int
	article   bool                // headings of level 1 become level 2
	skip      map[*html.Node]bool // elements left out
}

func (b *blockBuilder) flush() {
	var text string
	if b.inPre > 0 || b.kind == "pre" {
		text = strings.TrimSpace(Sanitize(string(b.cur)))
	} else {
		text = normalizeSpace(string(b.cur))
	}
	if text != "" {
		kind := b.kind
		if kind == "" {
			kind = "p"
			if b.quote > 0 {
				kind = "blockquote"
			}
		}
		kicker := ""
		if kind == "li" && b.kickerEnd >= 0 {
			kicker = normalizeSpace(string(b.cur[:b.kickerEnd]))
		}
		b.blocks = append(b.blocks, Block{Kind: kind, Level: b.level, Ordered: b.order, Text: text, linkChars: b.links, siteChars: b.siteN, kicker: kicker})
	}
	b.cur = b.cur[:0]
	b.links, b.siteN, b.kickerEnd = 0, 0, -1
}

// start begins a block of the given kind, flushing what came before, and
// returns what end needs to go back to the enclosing block.
func (b *blockBuilder) start(kind string, level int, ordered bool) outerBlock {
	b.flush()
	outer := outerBlock{b.kind, b.level, b.order}
	b.kind, b.level, b.order = kind, level, ordered
	return outer
}

// end flushes the block start began and goes back to the enclosing one.
func (b *blockBuilder) end(outer outerBlock) {
	b.flush()
	b.kind, b.level, b.order = outer.kind, outer.level, outer.ordered
}

// outerBlock is the kind, level and order of the enclosing block.
type outerBlock struct {
	kind    string
	level   int
	ordered bool
}

func (b *blockBuilder) text(s string) {
	b.cur = append(b.cur, s...)
	if b.inLink > 0 {
		n := len(strings.TrimSpace(s))
		b.links += n
		if b.inSite > 0 {
			b.siteN += n
		}
	}
}

func (b *blockBuilder) walk(n *html.Node, depth int) {
	if depth > maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		b.text(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.walk(c, depth+1)
		}
		return
	default:
		return
	}
	if b.skip[n] {
		if breaksLine(n.DataAtom) {
			b.flush() // what is left out still ends the line before it
		}
		return
	}
	b.element(n, depth)
}

// element turns one element into blocks or block text.
func (b *blockBuilder) element(n *html.Node, depth int) {
	children := func() {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.walk(c, depth+1)
		}
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Button, atom.Svg, atom.Math, atom.Select, atom.Iframe, atom.Object, atom.Embed:
		return
	case atom.Br:
		if b.inPre > 0 {
			b.cur = append(b.cur, '\n')
		} else if b.article && startsBreaks(n) {
			b.flush() // readability makes a run of breaks a paragraph's end
		} else {
			b.cur = append(b.cur, ' ')
		}
		return
	case atom.Img:
		return
	case atom.A:
		site := sameSite(attr(n, "href"), b.sites)
		if b.kickerEnd < 0 {
			b.kickerEnd = len(b.cur)
		}
		b.inLink++
		if site {
			b.inSite++
		}
		children()
		b.inLink--
		if site {
			b.inSite--
		}
		return
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		level := int(n.Data[1] - '0')
		if b.article && level == 1 {
			level = 2 // the page's title stands above the article
		}
		outer := b.start("h", level, false)
		children()
		b.end(outer)
		return
	case atom.P, atom.Dd, atom.Dt, atom.Address, atom.Summary:
		kind := ""
		if b.kind == "li" {
			kind = "li" // paragraphs inside a list item stay list items
		}
		outer := b.start(kind, b.level, b.order)
		children()
		b.end(outer)
		return
	case atom.Figcaption, atom.Caption:
		outer := b.start("caption", 0, false)
		children()
		b.end(outer)
		return
	case atom.Pre:
		outer := b.start("pre", 0, false)
		b.inPre++
		children()
		b.inPre--
		b.end(outer)
		return
	}
	if b.structure(n, depth, children) {
		return
	}
	if isBlockElement(n.DataAtom) {
		b.flush()
		children()
		b.flush()
		return
	}
	children()
}

// structure handles quotes, lists and tables; it reports whether n was
// one.
func (b *blockBuilder) structure(n *html.Node, depth int, children func()) bool {
	switch n.DataAtom {
	case atom.Blockquote:
		b.flush()
		b.quote++
		pk := b.kind
		b.kind = ""
		children()
		b.flush()
		b.kind = pk
		b.quote--
		return true
	case atom.Ul, atom.Ol, atom.Menu:
		b.flush()
		b.list = append(b.list, n.DataAtom == atom.Ol)
		children()
		b.flush()
		b.list = b.list[:len(b.list)-1]
		return true
	case atom.Li:
		ordered := len(b.list) > 0 && b.list[len(b.list)-1]
		level := len(b.list)
		if level == 0 {
			level = 1
		}
		outer := b.start("li", level, ordered)
		children()
		b.end(outer)
		return true
	case atom.Table:
		if hasBlockDescendant(n, 0) {
			// A layout table: its cells hold ordinary blocks.
			b.flush()
			children()
			b.flush()
			return true
		}
		b.flush()
		b.table(n, depth)
		return true
	}
	return false
}

// table emits one "tr" block per row, cells separated by tabs.
func (b *blockBuilder) table(n *html.Node, depth int) {
	var rows []*html.Node
	var find func(n *html.Node, d int)
	find = func(n *html.Node, d int) {
		if d > maxDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				rows = append(rows, c)
			case atom.Caption:
				b.walk(c, d+1)
			case atom.Table:
			default:
				find(c, d+1)
			}
		}
	}
	find(n, depth)
	for _, tr := range rows {
		var cells []string
		links, sites := 0, 0
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
				sub := newBlockBuilder(b.sites)
				sub.walk(c, depth+1)
				sub.flush()
				var parts []string
				for _, bl := range sub.blocks {
					parts = append(parts, bl.Text)
					links += bl.linkChars
					sites += bl.siteChars
				}
				cells = append(cells, strings.Join(parts, " "))
			}
		}
		text := strings.TrimRight(strings.Join(cells, "\t"), "\t")
		if strings.TrimSpace(text) != "" {
			b.blocks = append(b.blocks, Block{Kind: "tr", Text: text, linkChars: links, siteChars: sites})
		}
	}
}

func hasBlockDescendant(n *html.Node, depth int) bool {
	if depth > 50 {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.P, atom.Div, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote, atom.Table, atom.Section, atom.Article:
				return true
			}
			if hasBlockDescendant(c, depth+1) {
				return true
			}
		}
	}
	return false
}

func isBlockElement(a atom.Atom) bool {
	switch a {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Footer, atom.Aside,
		atom.Nav, atom.Figure, atom.Form, atom.Fieldset, atom.Details, atom.Dl, atom.Hr,
		atom.Tr, atom.Td, atom.Th, atom.Tbody, atom.Thead, atom.Tfoot, atom.Center, atom.Body, atom.Html:
		return true
	}
	return false
}

// breaksLine reports the elements a browser sets on lines of their own.
func breaksLine(a atom.Atom) bool {
	switch a {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Li,
		atom.Blockquote, atom.Pre, atom.Table, atom.Figcaption, atom.Address:
		return true
	}
	return isBlockElement(a)
}

// toBlocks converts a content tree into blocks. site is the host of the
// page (or ""), to tell links to the page's own site.
func toBlocks(n *html.Node, sites []string) []Block {
	fixAtoms(n, 0)
	b := newBlockBuilder(sites)
	b.walk(n, 0)
	b.flush()
	return b.blocks
}

// fixAtoms gives each element made by name alone the atom of its tag name.
// readability creates elements that way (the <p> it puts around the text
// after a run of <br>), and blocks are told apart by atom: a paragraph it
// made inside a quote would otherwise run into the text before it.
func fixAtoms(n *html.Node, depth int) {
	if depth > maxDepth {
		return
	}
	if n.Type == html.ElementNode && n.DataAtom == 0 {
		n.DataAtom = atom.Lookup([]byte(n.Data))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		fixAtoms(c, depth+1)
	}
}

// sameSite reports a link to another page of the site: a path without a
// host, or the page's own host (with or without "www."). A link within the
// page ("#notes") is not one, nor is a script link.
func sameSite(href string, sites []string) bool {
	href = strings.TrimSpace(href)
	switch {
	case href == "" || href[0] == '#' || hasScheme(href, "javascript:") || hasScheme(href, "mailto:"):
		return false
	case strings.HasPrefix(href, "//"):
		href = "https:" + href
	case !strings.Contains(href, "://"):
		return true
	}
	if len(sites) == 0 {
		return false
	}
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	return slices.Contains(sites, bareHost(u.Hostname()))
}

func hasScheme(href, scheme string) bool {
	return len(href) >= len(scheme) && strings.EqualFold(href[:len(scheme)], scheme)
}

func bareHost(h string) string {
	return strings.TrimPrefix(strings.ToLower(h), "www.")
}
