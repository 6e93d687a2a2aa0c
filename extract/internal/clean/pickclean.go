package clean

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsclean/newsclean/extract/internal/htmlnode"
)

// Inside the container it picks, readability cuts forms, tables, lists and
// boxes that look like furniture by what they hold: more images than
// paragraphs, list items outside a list, form fields, embeds, link text, a
// lone "Advertisement". articleCuts makes the same cuts from measures taken
// in one walk up from the leaves, inner boxes first.

// boxMeasure is what the walk knows of an element once the cuts below it
// are made.
type boxMeasure struct {
	chars, inBlocks, inLists, inHeadings textCount
	link                                 float64
	commas                               int32
	p, img, li, input, embed             int32
	video                                bool
	dataTable                            bool   // the element is a table of data
	last                                 string // the last text that is not white space
}

// blockish elements hold the text readability counts as a box's own
// paragraphs' text.
func blockish(a atom.Atom) bool {
	switch a {
	case atom.Blockquote, atom.Dl, atom.Div, atom.Img, atom.Ol, atom.P, atom.Pre, atom.Table, atom.Ul, atom.Span, atom.Li, atom.Td:
		return true
	}
	return false
}

// articleCuts collects the elements under the picked parts that
// readability would cut from its article, with the elements it dropped
// before scoring.
type articleCuts struct {
	cut map[*html.Node]bool
	p   *picker
}

// tagOf is the tag readability gives n: a div it folds into a paragraph
// is a paragraph.
func (ac *articleCuts) tagOf(n *html.Node) atom.Atom {
	if i, ok := ac.p.index[n]; ok {
		return ac.p.all[i].tag
	}
	return n.DataAtom
}

// hasRuns reports a div whose runs of inline content readability makes
// paragraphs.
func (ac *articleCuts) hasRuns(n *html.Node) bool {
	i, ok := ac.p.index[n]
	return ok && ac.p.all[i].runs
}

// measure measures n and the elements below it, cutting boxes on the way.
// near counts levels up to the nearest figure and code elements and
// whether a data table encloses n.
func (ac *articleCuts) measure(n *html.Node, depth int, near nearby) boxMeasure {
	var m boxMeasure
	if depth > maxDepth {
		return m
	}
	m.dataTable = n.DataAtom == atom.Table && isDataTable(n)
	inner := near.below(n, m.dataTable)
	runs, inRun := ac.hasRuns(n), false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if runs {
			inline := isPhrasing(c, 0) && !startsBreaks(c)
			if inline && !inRun && !isBlank(c) {
				m.p++
			}
			inRun = inline && (inRun || !isBlank(c))
		}
		switch c.Type {
		case html.TextNode:
			t, commas := countText(c.Data)
			m.chars = m.chars.add(t)
			if inRun {
				m.inBlocks = m.inBlocks.add(t)
			}
			m.commas += commas
			if t.some {
				m.last = c.Data
			}
		case html.ElementNode:
			if cm, tag, ok := ac.element(c, depth+1, inner); ok {
				m.addChild(c, tag, cm, inRun)
			}
		}
	}
	return m
}

// element measures c, at depth, and cuts it whole when readability would;
// it reports whether c stays, with its measure and the tag readability
// sees.
func (ac *articleCuts) element(c *html.Node, depth int, near nearby) (boxMeasure, atom.Atom, bool) {
	if ac.cut[c] {
		return boxMeasure{}, 0, false
	}
	if ac.p.rules.cutFromArticle(c) {
		ac.cut[c] = true
		return boxMeasure{}, 0, false
	}
	cm := ac.measure(c, depth, near)
	tag := ac.tagOf(c)
	if ac.cuts(c, tag, cm, near) {
		ac.cut[c] = true
		return boxMeasure{}, 0, false
	}
	return cm, tag, true
}

// addChild adds the measure of the element c to its parent's.
// inRun tells that c is in a run of inline content readability makes a
// paragraph.
func (m *boxMeasure) addChild(c *html.Node, tag atom.Atom, cm boxMeasure, inRun bool) {
	m.chars = m.chars.add(cm.chars)
	m.commas += cm.commas
	if cm.chars.some && cm.last != "" {
		m.last = cm.last
	}
	sub := cm.inBlocks
	if inRun || blockish(tag) {
		sub = cm.chars
	}
	m.inBlocks = m.inBlocks.add(sub)
	sub = cm.inLists
	if c.DataAtom == atom.Ul || c.DataAtom == atom.Ol {
		sub = cm.chars
	}
	m.inLists = m.inLists.add(sub)
	sub = cm.inHeadings
	switch c.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		sub = cm.chars
	}
	m.inHeadings = m.inHeadings.add(sub)
	if c.DataAtom == atom.A {
		w := 0.0
		if c.Parent == nil || c.Parent.DataAtom != atom.Figcaption {
			w = linkWeight(c)
		}
		m.link += float64(cm.chars.n) * w
	} else {
		m.link += cm.link
	}
	m.p += cm.p
	m.img += cm.img
	m.li += cm.li
	m.input += cm.input
	m.embed += cm.embed
	m.video = m.video || cm.video
	switch tag {
	case atom.P:
		m.p++
	case atom.Img:
		m.img++
	case atom.Li:
		m.li++
	case atom.Input:
		m.input++
	case atom.Object, atom.Embed, atom.Iframe:
		m.embed++
		m.video = m.video || isVideoEmbed(c)
	}
}

// nearby is what encloses an element: how many levels up the nearest
// figure and code elements are (0: none within four), and whether a data
// table does.
type nearby struct {
	figure, code int
	dataTable    bool
}

// below returns what encloses the children of n; data tells that n is a
// table of data.
func (near nearby) below(n *html.Node, data bool) nearby {
	step := func(d int, here bool) int {
		switch {
		case here:
			return 1
		case d > 0:
			return (d + 1) % 5
		}
		return 0
	}
	near.figure = step(near.figure, n.DataAtom == atom.Figure)
	near.code = step(near.code, n.DataAtom == atom.Code)
	near.dataTable = near.dataTable || data
	return near
}

// videoHosts are the video sites whose embeds readability keeps.
var videoHosts = []string{"//www.dailymotion.com", "//dailymotion.com", "//www.youtube.com", "//youtube.com",
	"//www.youtube-nocookie.com", "//youtube-nocookie.com", "//player.vimeo.com", "//www.player.vimeo.com",
	"//v.qq.com", "//bilibili.com", "//www.bilibili.com", "//live.bilibili.com", "//archive.org",
	"//upload.wikimedia.org", "//player.twitch.tv"}

func isVideoEmbed(n *html.Node) bool {
	for _, a := range n.Attr {
		if holdsWord(a.Val, videoHosts) {
			return true
		}
	}
	return false
}

// Box cut thresholds (readability's): a box with fewer than manyCommas
// commas is cut when it holds more than twice as many images as
// paragraphs, list items beyond liAllowance more than paragraphs, a form
// field per three paragraphs, under shortBox characters with links and no
// heading, link text over linkyShare (mostlyLinks when its class marks it
// as content), an embed with under embedText characters, or no text in
// paragraphs.
const (
	manyCommas  = 10
	liAllowance = 100
	shortBox    = 25
	linkyShare  = 0.2
	mostlyLinks = 0.5
	embedText   = 75
	listShare   = 0.9
	headingMost = 0.9
)

// part makes the cuts in a part of the article and returns its length in
// characters once they are made.
func (ac *articleCuts) part(s *pick) int32 {
	if s.last != nil {
		// A run of inline content: readability makes it a paragraph.
		var m boxMeasure
		for c := s.node; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				if cm, tag, ok := ac.element(c, 0, nearby{}); ok {
					m.addChild(c, tag, cm, false)
				}
			} else if c.Type == html.TextNode {
				t, _ := countText(c.Data)
				m.chars = m.chars.add(t)
			}
			if c == s.last {
				break
			}
		}
		return m.chars.n
	}
	n := s.node
	if ac.cut[n] {
		return 0
	}
	if ac.p.rules.cutFromArticle(n) {
		ac.cut[n] = true
		return 0
	}
	tag := ac.tagOf(n)
	switch tag {
	case atom.Div, atom.Article, atom.Section, atom.P, atom.Ol, atom.Ul:
	default:
		tag = atom.Div // readability makes other joined elements divs
	}
	return ac.box(n, tag, ac.p.rules.classWeight(n))
}

// box measures the part n of the article, which readability sees as a tag
// with a class weight, and cuts it whole if it looks like furniture; it
// returns the part's length once cut.
func (ac *articleCuts) box(n *html.Node, tag atom.Atom, weight float64) int32 {
	cm := ac.measure(n, 0, nearby{})
	if ac.cutsWeighed(n, tag, cm, nearby{}, weight) {
		ac.cut[n] = true
		return 0
	}
	return cm.chars.n
}

// cuts reports whether the box c, measured cm, is cut; tag is the tag
// readability sees.
func (ac *articleCuts) cuts(c *html.Node, tag atom.Atom, cm boxMeasure, near nearby) bool {
	return ac.cutsWeighed(c, tag, cm, near, ac.p.rules.classWeight(c))
}

// cutsWeighed is cuts for a box whose class weight is weight.
func (ac *articleCuts) cutsWeighed(c *html.Node, tag atom.Atom, cm boxMeasure, near nearby, weight float64) bool {
	if ac.p.rules.noBoxCuts {
		return false
	}
	switch tag {
	case atom.Form, atom.Fieldset, atom.Table, atom.Ul, atom.Div:
	default:
		return false
	}
	if tag == atom.Table && cm.dataTable || near.dataTable || near.code > 0 {
		return false
	}
	if weight < 0 {
		return true
	}
	if cm.commas >= manyCommas || cm.video {
		return false
	}
	if w := strings.TrimSpace(cm.last); w != "" && isAdWord(w) {
		return true
	}
	return boxLooksBad(c, tag, cm, weight, near.figure > 0)
}

// boxLooksBad weighs a box's measures as readability does.
func boxLooksBad(c *html.Node, tag atom.Atom, cm boxMeasure, weight float64, inFigure bool) bool {
	total := float64(cm.chars.n)
	var textShare, linkShare, headingShare, listPart float64
	if total > 0 {
		textShare = float64(cm.inBlocks.n) / total
		linkShare = cm.link / total
		headingShare = float64(cm.inHeadings.n) / total
		listPart = float64(cm.inLists.n) / total
	}
	isList := tag == atom.Ul || listPart > listShare
	bad := false
	switch {
	case cm.img > 1 && float64(cm.p)/float64(cm.img) < 0.5 && !inFigure:
		bad = true
	case !isList && cm.li-liAllowance > cm.p:
		bad = true
	case cm.input > cm.p/3:
		bad = true
	case !isList && headingShare < headingMost && cm.chars.n < shortBox && (cm.img == 0 || cm.img > 2) && linkShare > 0 && !inFigure:
		bad = true
	case !isList && weight < classWeight && linkShare > linkyShare:
		bad = true
	case weight >= classWeight && linkShare > mostlyLinks:
		bad = true
	case cm.embed == 1 && cm.chars.n < embedText || cm.embed > 1:
		bad = true
	case cm.img == 0 && textShare == 0:
		bad = true
	}
	if bad && isList {
		return !listOfImages(c, cm)
	}
	return bad
}

// listOfImages reports a list whose items each hold an image and nothing
// else.
func listOfImages(c *html.Node, cm boxMeasure) bool {
	for li := c.FirstChild; li != nil; li = li.NextSibling {
		if li.Type == html.ElementNode && elementChildren(li) > 1 {
			return false
		}
	}
	return cm.img == cm.li
}

func elementChildren(n *html.Node) int {
	k := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			k++
		}
	}
	return k
}

// adWords and loadingWords are the whole texts of placeholders.
var (
	adWords      = []string{"ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "广告", "реклама", "anuncio"}
	loadingWords = []string{"loading", "正在加载", "загрузка", "chargement", "cargando"}
)

func isAdWord(w string) bool {
	w = strings.ToLower(w)
	for _, a := range adWords {
		if w == a {
			return true
		}
	}
	for _, l := range loadingWords {
		if w == l || w == l+"…" || w == l+"..." {
			return true
		}
	}
	return false
}

// isDataTable reports a table that holds data rather than lays out a page.
func isDataTable(t *html.Node) bool {
	if attr(t, "role") == "presentation" || attr(t, "datatable") == "0" {
		return false
	}
	if htmlnode.HasAttr(t, "summary") {
		return true
	}
	if found, sure := tableMarks(t, 0); sure {
		return found
	}
	rows, cols := tableSize(t, 0)
	switch {
	case rows == 1 || cols == 1:
		return false
	case rows >= 10 || cols > 4:
		return true
	}
	return rows*cols > 10
}

// tableMarks looks below n for what marks a data table (headers, a
// caption, column groups) or a layout table (a table inside).
func tableMarks(n *html.Node, depth int) (found, sure bool) {
	if depth > maxDepth {
		return false, false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.Col, atom.Colgroup, atom.Tfoot, atom.Thead, atom.Th:
				return true, true
			case atom.Caption:
				if c.FirstChild != nil {
					return true, true
				}
			case atom.Table:
				return false, true
			}
		}
		if found, sure := tableMarks(c, depth+1); sure {
			return found, sure
		}
	}
	return false, false
}

// tableSize counts a table's rows and the cells of its widest row.
func tableSize(n *html.Node, depth int) (rows, cols int) {
	if depth > maxDepth {
		return 0, 0
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Tr {
			rows += span(c, "rowspan")
			k := 0
			for td := c.FirstChild; td != nil; td = td.NextSibling {
				if td.Type == html.ElementNode && td.DataAtom == atom.Td {
					k += span(td, "colspan")
				}
			}
			cols = max(cols, k)
			continue
		}
		r, k := tableSize(c, depth+1)
		rows += r
		cols = max(cols, k)
	}
	return rows, cols
}

func span(n *html.Node, key string) int {
	if v, err := strconv.Atoi(attr(n, key)); err == nil && v > 0 {
		return v
	}
	return 1
}
