package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The article's container is chosen the way readability chooses it —
// paragraphs score their parent and, less, their further ancestors; a
// container's score shrinks with its share of link text; the best container
// is widened to the ancestor several good containers share and joined by
// its good siblings — but on measures taken in one walk of the page, so
// that no container's text is counted again for each paragraph inside it.
// A pass that chooses too little text is followed by one with a rule
// relaxed, as in readability; readability itself runs only when no pass
// finds any text. This file holds the measuring walk; pickmarks.go what
// is read in markup, pickchoose.go the scoring and the choice, and
// pickclean.go the cuts inside the chosen container.

// pick is one element, or one run of inline content inside an element
// that also holds blocks (readability makes that run a paragraph), as the
// choice of container sees it.
type pick struct {
	node        *html.Node // the element; for a run, its first node
	last        *html.Node // for a run, its last node; else nil
	parent      int32      // index of the enclosing pick, or -1
	tag         atom.Atom  // atom.P for elements scored as paragraphs
	text        textCount
	commas      int32
	link        float64 // link characters, weighted
	score       float64
	scored      bool  // a candidate: it has a score
	transparent bool  // a paragraph whose wrapper takes its place
	runs        bool  // a div whose inline runs became paragraphs
	elems       int32 // element children kept
}

// textCount counts characters as readability does: white space at either
// end is not counted and each run of it inside counts as one character.
type textCount struct {
	n           int32
	lead, trail bool // begins or ends with white space
	some        bool // holds a character that is not white space
}

// add appends the count of the text that follows.
func (c textCount) add(o textCount) textCount {
	switch {
	case !o.some:
		if o.lead || o.trail {
			c.trail = true
		}
		return c
	case !c.some:
		o.lead = o.lead || c.lead || c.trail
		return o
	}
	n := c.n + o.n
	if c.trail || o.lead {
		n++
	}
	return textCount{n: n, lead: c.lead, trail: o.trail, some: true}
}

// countText counts the characters and commas of s.
func countText(s string) (textCount, int32) {
	var c textCount
	var commas int32
	space := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if isSpaceRune(r) {
			space = true
			continue
		}
		switch {
		case !c.some:
			c = textCount{n: 1, lead: space, some: true}
		case space:
			c.n += 2
		default:
			c.n++
		}
		space = false
		if isComma(r) {
			commas++
		}
	}
	if !c.some {
		c.lead = space
	}
	c.trail = space
	return c, commas
}

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// isComma reports the commas of Latin, Arabic, Chinese and other scripts.
func isComma(r rune) bool {
	switch r {
	case ',', '\u060C', '\uFE50', '\uFE10', '\uFE11', '\u2E41', '\u2E34', '\u2E32', '\uFF0C':
		return true
	}
	return false
}

// picker holds the picks of one page.
type picker struct {
	all    []pick
	index  map[*html.Node]int32
	byline string
	found  bool                // the byline was found
	title  []string            // the words of the page's title, until a heading repeating it is dropped
	skip   map[*html.Node]bool // elements readability drops before scoring
	rules  rules
}

// rules are the parts of readability's method that it relaxes, one after
// the other, when a pass finds too little text.
type rules struct {
	keepUnlikely bool // furniture named by class or role is not dropped before scoring
	noWeights    bool // class and id words weigh nothing
	noBoxCuts    bool // boxes inside the article are not cut for what they hold
}

// relaxations are the passes readability makes, in order.
var relaxations = []rules{{}, {keepUnlikely: true}, {keepUnlikely: true, noWeights: true}, {keepUnlikely: true, noWeights: true, noBoxCuts: true}}

// measured is what a subtree adds to its parent's measures.
type measured struct {
	text   textCount
	commas int32
	link   float64
}

func (m *measured) add(o measured) {
	m.text = m.text.add(o.text)
	m.commas += o.commas
	m.link += o.link
}

// newPicker measures the page under body for a pass with rules; title is
// the page's title, and byline the byline an earlier pass found (it is
// looked for only until found).
func newPicker(body *html.Node, title string, r rules, byline *string) *picker {
	p := &picker{index: make(map[*html.Node]int32, 512), skip: map[*html.Node]bool{}, title: asciiWords(title), rules: r}
	if byline != nil {
		p.byline, p.found = *byline, true
	}
	p.walk(body, -1, 0, 0)
	return p
}

// walk measures n, a kept element, and the elements under it.
func (p *picker) walk(n *html.Node, parent int32, depth, nearTable int) measured {
	i := int32(len(p.all))
	p.all = append(p.all, pick{node: n, parent: parent, tag: n.DataAtom})
	p.index[n] = i
	if parent >= 0 {
		p.all[parent].elems++
	}
	switch n.DataAtom {
	case atom.Table, atom.Code:
		nearTable = 1
	default:
		if nearTable > 0 {
			nearTable = (nearTable + 1) % 5
		}
	}
	var m measured
	inline := n.DataAtom == atom.Div && allPhrasing(n) && !hasBreaks(n)
	if n.DataAtom == atom.Div && !inline {
		m = p.divChildren(n, i, depth, nearTable)
	} else {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			m.add(p.child(c, i, depth, nearTable))
		}
	}
	p.settle(i, m, inline)
	return m
}

// child measures one child node of the pick at index parent.
func (p *picker) child(c *html.Node, parent int32, depth, nearTable int) measured {
	switch c.Type {
	case html.TextNode:
		t, commas := countText(c.Data)
		return measured{text: t, commas: commas}
	case html.ElementNode:
	default:
		return measured{}
	}
	if depth >= maxDepth || dropped(c) || p.isByline(c) || p.isTitleHeading(c) || p.rules.skipped(c, nearTable) {
		p.skip[c] = true
		return measured{}
	}
	m := p.walk(c, parent, depth+1, nearTable)
	if c.DataAtom == atom.A {
		m.link = float64(m.text.n) * linkWeight(c)
	}
	return m
}

// linkWeight is how much a link's text counts as link text: links within
// the page count less.
func linkWeight(a *html.Node) float64 {
	href := strings.TrimSpace(attr(a, "href"))
	if len(href) > 1 && href[0] == '#' {
		return 0.3
	}
	return 1
}

// isPhrasing reports inline content: text, or an element whose content is
// all inline (HTML's phrasing content, as readability lists it).
func isPhrasing(n *html.Node, depth int) bool {
	switch n.Type {
	case html.TextNode, html.CommentNode:
		return true
	case html.ElementNode:
	default:
		return false
	}
	switch n.DataAtom {
	case atom.Math, atom.Svg:
		return true
	case atom.A, atom.Abbr, atom.Acronym, atom.Area, atom.Audio, atom.B, atom.Bdi, atom.Bdo, atom.Big,
		atom.Blink, atom.Br, atom.Button, atom.Canvas, atom.Cite, atom.Code, atom.Data, atom.Datalist,
		atom.Del, atom.Dfn, atom.Em, atom.Embed, atom.Font, atom.I, atom.Img, atom.Input, atom.Ins,
		atom.Kbd, atom.Label, atom.Link, atom.Map, atom.Mark, atom.Marquee, atom.Meta, atom.Meter,
		atom.Noscript, atom.Object, atom.Output, atom.Progress, atom.Q, atom.Ruby, atom.S, atom.Samp,
		atom.Script, atom.Select, atom.Slot, atom.Small, atom.Span, atom.Strike, atom.Strong, atom.Sub,
		atom.Sup, atom.Template, atom.Textarea, atom.Time, atom.Tt, atom.U, atom.Var, atom.Wbr:
		if depth > maxDepth {
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !isPhrasing(c, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// allPhrasing reports a div whose children are all inline.
func allPhrasing(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !isPhrasing(c, 0) {
			return false
		}
	}
	return true
}

// divChildren measures the children of a div that holds blocks: each run
// of inline content that does not open with white space becomes a
// paragraph of its own.
func (p *picker) divChildren(n *html.Node, i int32, depth, nearTable int) measured {
	var m, run measured
	first, last := (*html.Node)(nil), (*html.Node)(nil)
	end := func() {
		if first == nil {
			return
		}
		p.addRun(i, first, last, run)
		first, last, run = nil, nil, measured{}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		inline := isPhrasing(c, 0)
		if !inline || startsBreaks(c) {
			end()
		}
		cm := p.child(c, i, depth, nearTable)
		if inline && (first != nil || !isBlank(c)) {
			if first == nil {
				first = c
			}
			last = c
			run.add(cm)
		}
		m.add(cm)
	}
	end()
	return m
}

// startsBreaks reports a <br> that opens a run of two or more, with only
// white space between them: readability ends a paragraph there.
func startsBreaks(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom != atom.Br {
		return false
	}
	if prev := n.PrevSibling; prev != nil && prev.Type == html.TextNode && strings.TrimSpace(prev.Data) == "" {
		n = prev
	}
	if prev := n.PrevSibling; prev != nil && prev.Type == html.ElementNode && prev.DataAtom == atom.Br {
		return false // inside a run, not its start
	}
	next := n.NextSibling
	if next != nil && next.Type == html.TextNode && strings.TrimSpace(next.Data) == "" {
		next = next.NextSibling
	}
	return next != nil && next.Type == html.ElementNode && next.DataAtom == atom.Br
}

// hasBreaks reports a child of n that opens a run of breaks.
func hasBreaks(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if startsBreaks(c) {
			return true
		}
	}
	return false
}

// isBlank reports white space or a <br>.
func isBlank(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		return strings.TrimSpace(n.Data) == ""
	case html.ElementNode:
		return n.DataAtom == atom.Br
	}
	return false
}

// settle records the measures of the pick at i and turns a div that holds
// no blocks into a paragraph, as readability does; inline tells a div that
// holds only inline content.
func (p *picker) settle(i int32, m measured, inline bool) {
	e := &p.all[i]
	e.text, e.commas, e.link = m.text, m.commas, m.link
	if e.tag != atom.Div {
		return
	}
	n := e.node
	switch {
	case inline && e.density() < wrapDensity:
		e.tag = atom.P
	case inline:
		// readability wraps the content in a paragraph and keeps the div.
		p.addRun(i, n.FirstChild, n.LastChild, m)
	case e.runs:
	default:
		if only := singleChild(n, atom.P); only != nil && e.density() < wrapDensity {
			e.tag = atom.P
			if j, ok := p.index[only]; ok {
				p.all[j].transparent = true
			}
		} else if !hasBlockChild(n, 0) {
			e.tag = atom.P
		}
	}
}

// wrapDensity is the link density under which a div wrapping a single
// paragraph counts as that paragraph.
const wrapDensity = 0.25

// addRun adds the run of inline nodes first to last, measured m, as a
// paragraph inside the pick at i.
func (p *picker) addRun(i int32, first, last *html.Node, m measured) {
	p.all = append(p.all, pick{node: first, last: last, parent: i, tag: atom.P, text: m.text, commas: m.commas, link: m.link})
	p.all[i].elems++
	p.all[i].runs = true
}

func (e *pick) density() float64 {
	if e.text.n == 0 {
		return 0
	}
	return e.link / float64(e.text.n)
}

// singleChild returns the one element child of n when it is a and n holds
// no other text.
func singleChild(n *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			if found != nil || c.DataAtom != a {
				return nil
			}
			found = c
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return nil
			}
		}
	}
	return found
}

// hasBlockChild reports an element below n that readability would not
// fold into a paragraph.
func hasBlockChild(n *html.Node, depth int) bool {
	if depth > maxDepth {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Blockquote, atom.Dl, atom.Div, atom.Img, atom.Ol, atom.P, atom.Pre, atom.Table, atom.Ul, atom.Select:
			return true
		}
		if hasBlockChild(c, depth+1) {
			return true
		}
	}
	return false
}
