package clean

import (
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsclean/newsclean/extract/internal/htmlnode"
)

// What readability reads in markup: the words of class and id values that
// weigh a container or mark furniture, hidden elements, bylines, the
// heading that repeats the title, share boxes.

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

// skipped reports an element readability drops before scoring, unless a
// pass keeps it: furniture by its class, id or role; and an empty box.
// nearTable is how many levels up the nearest table or code element is
// (0: none within four).
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
