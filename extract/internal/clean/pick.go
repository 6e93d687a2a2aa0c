package clean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsclean/newsclean/extract/internal/htmlnode"
)

// The article's container is chosen the way readability chooses it —
// paragraphs score their parent and, less, their further ancestors; a
// container's score shrinks with its share of link text; the best container
// is widened to the ancestor several good containers share and joined by
// its good siblings — but on measures taken in one walk of the page, so
// that no container's text is counted again for each paragraph inside it.
// readability itself still runs when this choice is unsure: when it finds
// no container below the body, or one with too little text (where
// readability would try again with its rules relaxed).

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
	inline      bool  // a div holding only inline content
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

// tagWeight is the weight readability gives a container for its tag.
func tagWeight(a atom.Atom) float64 {
	switch a {
	case atom.Div:
		return 5
	case atom.Pre, atom.Td, atom.Blockquote:
		return 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		return -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		return -5
	}
	return 0
}

// Class and id words readability weighs: a container gains classWeight for
// a positive word in its class, and again in its id, and loses it for a
// negative one.
const classWeight = 25

var (
	positiveWords = []string{"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog", "story"}
	negativeWords = []string{"-ad-", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "meta", "outbrain", "promo", "related", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget"}
	hiddenTokens  = []string{"hid", "hidden", "d-none"}
	// unlikelyWords mark furniture readability drops before scoring,
	// unless maybeWords are there too.
	unlikelyWords = []string{"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote"}
	maybeWords    = []string{"and", "article", "body", "column", "content", "main", "mathjax", "shadow"}
	bylineWords   = []string{"byline", "author", "dateline", "writtenby", "p-author"}
	unlikelyRoles = []string{"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"}
)

// holdsWord reports whether v, lower-cased, holds one of words.
func holdsWord(v string, words []string) bool {
	if v == "" {
		return false
	}
	v = lowerASCII(v)
	for _, w := range words {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}

// lowerASCII lower-cases the ASCII letters of s, copying only when needed.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// weighClass is the class weight of one class or id value.
func weighClass(v string) float64 {
	if v == "" {
		return 0
	}
	w := 0.0
	if holdsWord(v, negativeWords) || slices.ContainsFunc(strings.Fields(lowerASCII(v)), func(t string) bool {
		return slices.Contains(hiddenTokens, t)
	}) {
		w -= classWeight
	}
	if holdsWord(v, positiveWords) {
		w += classWeight
	}
	return w
}

// initialScore is a container's score before its paragraphs count.
func (r rules) initialScore(n *html.Node, tag atom.Atom) float64 {
	return tagWeight(tag) + r.classWeight(n)
}

// classWeight is what n's class and id words weigh.
func (r rules) classWeight(n *html.Node) float64 {
	if r.noWeights || len(n.Attr) == 0 {
		return 0
	}
	return weighClass(attr(n, "class")) + weighClass(attr(n, "id"))
}

// skipped reports an element readability drops before scoring: hidden,
// a modal dialog, furniture by its class or role, or an empty box.
// nearTable is how many levels up the nearest table or code element is
// (0: none within three).
func (r rules) skipped(n *html.Node, nearTable int) bool {
	if !r.keepUnlikely && n.DataAtom != atom.Body && n.DataAtom != atom.A && nearTable == 0 && len(n.Attr) > 0 {
		match := attr(n, "class") + " " + attr(n, "id")
		if holdsWord(match, unlikelyWords) && !holdsWord(match, maybeWords) {
			return true
		}
	}
	if !r.keepUnlikely && len(n.Attr) > 0 && slices.Contains(unlikelyRoles, attr(n, "role")) {
		return true
	}
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Header, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return withoutContent(n)
	}
	return false
}

// dropped reports scripts, styles and hidden elements.
func dropped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template:
		return true
	}
	return len(n.Attr) > 0 && hiddenElement(n)
}

// hiddenElement reports an element hidden by its style or attributes, or a
// modal dialog.
func hiddenElement(n *html.Node) bool {
	if style := attr(n, "style"); style != "" && styleHides(style) {
		return true
	}
	if htmlnode.HasAttr(n, "hidden") {
		return true
	}
	if attr(n, "aria-hidden") == "true" && !strings.Contains(attr(n, "class"), "fallback-image") {
		return true
	}
	return attr(n, "aria-modal") == "true" && attr(n, "role") == "dialog"
}

// withoutContent reports an element holding only white space, <br> and <hr>.
func withoutContent(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return false
			}
		case html.ElementNode:
			if c.DataAtom != atom.Br && c.DataAtom != atom.Hr {
				return false
			}
		}
	}
	return true
}

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
	if n.DataAtom == atom.Div {
		p.all[i].inline = allPhrasing(n) && !hasBreaks(n)
	}
	if n.DataAtom == atom.Div && !p.all[i].inline {
		m = p.divChildren(n, i, depth, nearTable)
	} else {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			m.add(p.child(c, i, depth, nearTable))
		}
	}
	p.settle(i, m)
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
// no blocks into a paragraph, as readability does.
func (p *picker) settle(i int32, m measured) {
	e := &p.all[i]
	e.text, e.commas, e.link = m.text, m.commas, m.link
	if e.tag != atom.Div {
		return
	}
	n := e.node
	switch {
	case e.inline && e.density() < wrapDensity:
		e.tag = atom.P
	case e.inline:
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

// maxBylineLen is the length, in characters, under which a byline's text is
// taken as the byline.
const maxBylineLen = 100

// isByline reports, and records, the page's first byline: an element
// marked as the author's, with a short text.
func (p *picker) isByline(n *html.Node) bool {
	if p.found || len(n.Attr) == 0 {
		return false
	}
	if attr(n, "rel") != "author" && !strings.Contains(attr(n, "itemprop"), "author") &&
		!holdsWord(attr(n, "class")+" "+attr(n, "id"), bylineWords) {
		return false
	}
	if name := itempropName(n, 0); name != nil {
		p.byline, p.found = strings.TrimSpace(innerText(name)), true
		return true
	}
	text := innerText(n)
	if c, _ := countText(text); c.n > 0 && c.n < maxBylineLen {
		p.byline, p.found = normalizeSpace(text), true
		return true
	}
	return false
}

// itempropName returns the first element below n whose itemprop holds
// "name".
func itempropName(n *html.Node, depth int) *html.Node {
	if depth > maxDepth {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if strings.Contains(attr(c, "itemprop"), "name") {
			return c
		}
		if found := itempropName(c, depth+1); found != nil {
			return found
		}
	}
	return nil
}

// innerText is the text of the nodes under n.
func innerText(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		if depth > maxDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return sb.String()
}

// Paragraph scoring. A paragraph under minParagraph characters does not
// count; one that does scores 2, one more per comma and one more per
// charsPerPoint characters, up to maxLengthPoints; its parent gains the
// score, its grandparent half, and each ancestor further up, to
// scoredLevels, the score divided by three times its level.
const (
	minParagraph    = 25
	charsPerPoint   = 100
	maxLengthPoints = 3
	scoredLevels    = 5
)

// scoresTag reports the elements readability scores as paragraphs.
func scoresTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Section, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Td, atom.Pre:
		return true
	}
	return false
}

// up returns the index of the pick enclosing the one at i, or -1.
func (p *picker) up(i int32) int32 {
	a := p.all[i].parent
	for a >= 0 && p.all[a].transparent {
		a = p.all[a].parent
	}
	return a
}

// start gives the pick at i its initial score, once.
func (p *picker) start(i int32) bool {
	e := &p.all[i]
	if e.scored {
		return false
	}
	e.scored, e.score = true, p.rules.initialScore(e.node, e.tag)
	return true
}

// score scores every paragraph's ancestors and returns them, the
// candidates, their scores scaled down by their link density.
func (p *picker) score() []int32 {
	var cands []int32
	for i := range p.all {
		e := &p.all[i]
		if e.transparent || !scoresTag(e.tag) || e.text.n < minParagraph {
			continue
		}
		points := 2 + float64(e.commas) + float64(min(e.text.n/charsPerPoint, maxLengthPoints))
		level := 0
		for a := p.up(int32(i)); a >= 0 && level < scoredLevels; a = p.up(a) {
			if p.start(a) {
				cands = append(cands, a)
			}
			divider := 1.0
			switch level {
			case 0:
			case 1:
				divider = 2
			default:
				divider = float64(level * 3)
			}
			p.all[a].score += points / divider
			level++
		}
	}
	for _, c := range cands {
		e := &p.all[c]
		e.score *= 1 - e.density()
	}
	slices.SortStableFunc(cands, func(a, b int32) int {
		switch sa, sb := p.all[a].score, p.all[b].score; {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return 0
	})
	return cands
}

// Container choice. Top candidates within altShare of the best one that
// share an ancestor, at least minAlternatives of them, move the choice to
// that ancestor; the choice climbs to a parent that scores more, while
// scores stay above a third of its own; siblings join when they score
// siblingShare of the choice (at least minSibling), or are paragraphs of
// proseLen characters with little link text, or shorter ones that end a
// sentence and have none.
const (
	topCandidates   = 5
	altShare        = 0.75
	minAlternatives = 3
	siblingShare    = 0.2
	minSibling      = 10
	proseLen        = 80
	proseDensity    = 0.25
)

// choose returns the index of the chosen container, 0 (the body) when
// there is none below it.
func (p *picker) choose(cands []int32) int32 {
	if len(cands) == 0 || cands[0] == 0 {
		return 0
	}
	top := p.widenToShared(cands)
	p.start(top)
	last := p.all[top].score
	floor := last / 3
	for a := p.up(top); a > 0; a = p.up(a) {
		if !p.all[a].scored {
			continue
		}
		if s := p.all[a].score; s < floor {
			break
		} else if s > last {
			top = a
			break
		} else {
			last = s
		}
	}
	for a := p.up(top); a > 0 && p.all[a].elems == 1; a = p.up(a) {
		top = a
	}
	p.start(top)
	return top
}

// widenToShared returns the best candidate, or the ancestor it shares with
// enough candidates that score nearly as well.
func (p *picker) widenToShared(cands []int32) int32 {
	top := cands[0]
	best := p.all[top].score
	var alts []int32
	for _, c := range cands[1:min(len(cands), topCandidates)] {
		if p.all[c].score/best >= altShare {
			alts = append(alts, c)
		}
	}
	if len(alts) < minAlternatives {
		return top
	}
	for a := p.up(top); a > 0; a = p.up(a) {
		n := 0
		for _, c := range alts {
			if p.isAncestor(a, c) {
				n++
			}
		}
		if n >= minAlternatives {
			return a
		}
	}
	return top
}

// isAncestor reports whether the pick at a encloses the one at i.
func (p *picker) isAncestor(a, i int32) bool {
	for i = p.up(i); i >= 0; i = p.up(i) {
		if i == a {
			return true
		}
	}
	return false
}

// joined returns the chosen container and the siblings that join it, in
// page order.
func (p *picker) joined(top int32) []int32 {
	parent := p.up(top)
	e := &p.all[top]
	floor := max(minSibling, e.score*siblingShare)
	class := ""
	if e.last == nil {
		class = attr(e.node, "class")
	}
	var out []int32
	for j := parent + 1; j < int32(len(p.all)); j++ {
		s := &p.all[j]
		if s.transparent || p.up(j) != parent {
			continue
		}
		if j == top {
			out = append(out, j)
			continue
		}
		bonus := 0.0
		if class != "" && s.last == nil && attr(s.node, "class") == class {
			bonus = e.score * siblingShare
		}
		if s.scored && s.score+bonus >= floor || s.tag == atom.P && p.isProse(s) {
			out = append(out, j)
		}
	}
	return out
}

// isProse reports a paragraph sibling that joins the container by its text.
func (p *picker) isProse(s *pick) bool {
	n, d := s.text.n, s.density()
	if n > proseLen {
		return d < proseDensity
	}
	if n == 0 || d > 0 {
		return false
	}
	t := normalizeSpace(p.text(s))
	return strings.HasSuffix(t, ".") || strings.Contains(t, ". ")
}

// text is the text of a pick.
func (p *picker) text(s *pick) string {
	if s.last == nil {
		return innerText(s.node)
	}
	var sb strings.Builder
	for c := s.node; c != nil; c = c.NextSibling {
		sb.WriteString(innerText(c))
		if c == s.last {
			break
		}
	}
	return sb.String()
}

// minArticle is the text, in characters, under which the choice is unsure
// and readability decides (it would try again with its rules relaxed).
const minArticle = 500

// pickArticle returns the blocks of the article's container and its
// joined siblings, with the page's byline, or nil when the choice is
// unsure. title is the page's title: the first heading that repeats it is
// left out. Like readability, it relaxes its rules one by one while a pass
// chooses under minArticle characters, and keeps the longest choice.
func pickArticle(doc *html.Node, sites []string, title string) ([]Block, string) {
	body := findBody(doc)
	if body == nil {
		return nil, ""
	}
	var best *attempt
	var byline *string
	for _, r := range relaxations {
		p := newPicker(body, title, r, byline)
		if p.found && byline == nil {
			byline = &p.byline
		}
		a := p.attempt()
		if best == nil || a.n > best.n {
			best = a
		}
		if a.n >= minArticle {
			break
		}
	}
	if best.n == 0 {
		return nil, ""
	}
	b := newBlockBuilder(sites)
	b.article, b.skip = true, best.cuts.cut
	for _, j := range best.parts {
		s := &best.cuts.p.all[j]
		for c := s.node; c != nil; c = c.NextSibling {
			b.walk(c, 0)
			if c == s.last || s.last == nil {
				break
			}
		}
		b.flush()
	}
	if byline == nil {
		return b.blocks, ""
	}
	return b.blocks, *byline
}

// attempt is one pass's choice: the container and its joined siblings,
// what is cut inside them, and their length once cut.
type attempt struct {
	parts []int32
	cuts  *articleCuts
	n     int32
}

// attempt chooses the container: with no container below the body, the
// body, whose children readability then wraps in a box of its own.
func (p *picker) attempt() *attempt {
	top := p.choose(p.score())
	a := &attempt{cuts: &articleCuts{cut: p.skip, p: p}}
	if top == 0 {
		a.parts = []int32{0}
		a.n = a.cuts.box(p.all[0].node, atom.Div, 0)
		return a
	}
	a.parts = p.joined(top)
	for _, j := range a.parts {
		a.n += a.cuts.part(&p.all[j])
	}
	return a
}

// shareMaxLen is the text, in characters, under which a share box is cut.
const shareMaxLen = 500

// cutFromArticle reports what readability cuts from the article it picks:
// footers, asides, form fields, share boxes and headings whose class
// marks them as furniture.
func (r rules) cutFromArticle(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Footer, atom.Aside, atom.Link, atom.Input, atom.Textarea:
		return true
	case atom.H1, atom.H2:
		if r.classWeight(n) < 0 {
			return true
		}
	}
	if len(n.Attr) == 0 || !isShareBox(attr(n, "class")+" "+attr(n, "id")) {
		return false
	}
	c, _ := countText(innerText(n))
	return c.n < shareMaxLen
}

// isShareBox reports a class or id naming a share box: "share" or
// "sharedaddy" as a word, or between underscores.
func isShareBox(v string) bool {
	v = lowerASCII(v)
	for _, w := range []string{"sharedaddy", "share"} {
		for i := 0; ; {
			j := strings.Index(v[i:], w)
			if j < 0 {
				break
			}
			j += i
			if wordEdge(v, j-1) && wordEdge(v, j+len(w)) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

// wordEdge reports whether position i of v is outside a word: before the
// start, past the end, or a character other than a letter or digit.
func wordEdge(v string, i int) bool {
	if i < 0 || i >= len(v) {
		return true
	}
	c := v[i]
	return !('a' <= c && c <= 'z' || '0' <= c && c <= '9')
}

// titleSimilar is the share of a heading's words, counted in characters,
// that the title must hold for the heading to repeat it.
const titleSimilar = 0.75

// asciiWords splits a title into the words readability compares: runs of
// ASCII letters, digits and underscores, lower-cased.
func asciiWords(t string) []string {
	return strings.FieldsFunc(strings.ToLower(t), func(r rune) bool {
		return !(r < utf8.RuneSelf && (r == '_' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z'))
	})
}

// isTitleHeading reports, once, an <h1> or <h2> that repeats the page's
// title: most of its words, by length, are the title's.
func (p *picker) isTitleHeading(n *html.Node) bool {
	if p.title == nil || n.DataAtom != atom.H1 && n.DataAtom != atom.H2 {
		return false
	}
	words := asciiWords(innerText(n))
	all, own := -1, -1 // the words joined by spaces: one space fewer than words
	for _, w := range words {
		all += len(w) + 1
		if !slices.Contains(p.title, w) {
			own += len(w) + 1
		}
	}
	if len(words) == 0 || all <= 0 {
		return false
	}
	if own < 0 {
		own = 0
	}
	if 1-float64(own)/float64(all) <= titleSimilar {
		return false
	}
	p.title = nil
	return true
}
