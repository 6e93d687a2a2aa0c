package clean

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsclean/newsclean/extract/internal/htmlnode"
)

// Markup patterns of page furniture. Class, id, role, aria-label and
// data-* values are split into tokens at non-alphanumeric characters and
// camelCase boundaries; a container is a candidate for removal when one of
// its tokens (or adjacent-token pairs, such as "read more") is listed here.
var furnitureTokens = map[string]string{
	// advertising
	"ad": "ad", "ads": "ad", "adv": "ad", "advert": "ad", "adverts": "ad", "advertisement": "ad",
	"advertising": "ad", "adslot": "ad", "adunit": "ad", "adcontainer": "ad", "adwrapper": "ad",
	"dfp": "ad", "gpt": "ad", "sponsor": "ad", "sponsored": "ad", "sponsors": "ad", "promo": "ad",
	"promoted": "ad", "taboola": "ad", "outbrain": "ad", "commercial": "ad", "banner": "ad",
	"billboard": "ad", "leaderboard": "ad", "mpu": "ad", "dianomi": "ad", "zergnet": "ad",
	// newsletters, subscriptions, paywalls
	"newsletter": "newsletter", "newsletters": "newsletter", "subscribe": "newsletter",
	"subscription": "newsletter", "signup": "newsletter", "paywall": "paywall",
	"regwall": "paywall", "piano": "paywall", "meter": "paywall", "tinypass": "paywall",
	"upsell": "paywall", "inline cta": "newsletter", "cta": "newsletter",
	// sharing and social
	"share": "share", "sharing": "share", "shares": "share", "sharebar": "share",
	"sharetools": "share", "social": "share", "socials": "share", "addthis": "share",
	"sharethis": "share", "follow": "share",
	// related and recommended links
	"related": "related", "recommended": "related", "recommendations": "related",
	"recirc": "related", "recirculation": "related", "read more": "related",
	"readmore": "related", "more stories": "related", "also read": "related",
	"trending": "related", "popular": "related", "mostread": "related",
	"most read": "related", "most popular": "related", "more news": "related",
	"next article": "related", "teaser": "related", "teasers": "related",
	// comments
	"comment": "comments", "comments": "comments", "disqus": "comments",
	"discussion": "comments", "replies": "comments", "respond": "comments", "reactions": "comments",
	// consent
	"cookie": "consent", "cookies": "consent", "consent": "consent", "gdpr": "consent",
	// consent platforms, by vendor ("cmp" alone also names Adobe's
	// content components, which hold whole articles)
	"onetrust": "consent", "didomi": "consent", "usercentrics": "consent", "sourcepoint": "consent",
	"cookiebot": "consent", "truste": "consent", "quantcast": "consent", "cmpbox": "consent",
	// navigation and page chrome
	"breadcrumb": "nav", "breadcrumbs": "nav", "navbar": "nav", "nav": "nav",
	"navigation": "nav", "menu": "nav", "skip": "nav", "skiplink": "nav", "footer": "nav",
	"masthead": "nav", "sidebar": "nav", "widget": "nav", "toolbar": "nav", "pagination": "nav",
	"tags": "nav", "topics": "nav", "keywords": "nav",
	// author boxes
	"author bio": "author-bio", "authorbio": "author-bio", "about author": "author-bio",
	"author box": "author-bio", "author card": "author-bio", "bio": "author-bio",
	"author info": "author-bio", "autor info": "author-bio", "autor box": "author-bio", "autorbox": "author-bio",
	// photo and image credits ("Photograph: Name/Agency")
	"credit": "credit", "credits": "credit", "photo credit": "credit", "image credit": "credit",
	"copyright": "credit", "photographer": "credit", "media credit": "credit",
	// page metadata printed by the headline: bylines, dates, section
	// kickers, reading times (see furnitureRule for the guards)
	"byline": "meta", "bylines": "meta", "kicker": "meta", "eyebrow": "meta", "overline": "meta",
	"timestamp": "meta", "timestamps": "meta", "pubdate": "meta", "date": "meta", "dates": "meta",
	"published": "meta", "publish date": "meta", "posted on": "meta", "reading time": "meta",
	"readtime": "meta", "read time": "meta", "readingtime": "meta", "meta": "meta", "metadata": "meta",
	"author": "meta", "authors": "meta", "contributor": "meta", "contributors": "meta",
	"autor": "meta", "autoren": "meta", "autorin": "meta", "auteur": "meta", "auteurs": "meta", "autore": "meta", "autori": "meta",
	// cards that pop up over a link in running text (a person's hover card
	// with their latest headline, a glossary tooltip); see isPopupCard
	"rollover": "popup", "tooltip": "popup", "popover": "popup", "hovercard": "popup",
	"hover card": "popup", "flyout": "popup", "popup": "popup", "tippy": "popup",
	// pull quotes repeat a sentence of the story
	"pullquote": "pullquote", "pull quote": "pullquote", "pullout": "pullquote",
}

// Tokens that mark content even when a furniture token is present too
// ("article-body has-share-bar"); such elements are kept.
var contentTokens = map[string]bool{
	"article": true, "body": true, "content": true, "story": true, "main": true,
	"post": true, "entry": true, "text": true, "prose": true, "embed": true,
	"tweet": true,
}

// classToken is what a class or id token, or all the tokens of a value,
// say: the kind of furniture marked, if any, and whether content is.
type classToken struct {
	kind    string
	content bool
}

// merge adds what o says to t: content from either, and the first kind
// marked, any other kind outranking "meta".
func (t *classToken) merge(o classToken) {
	t.content = t.content || o.content
	if o.kind != "" && (t.kind == "" || t.kind == "meta") {
		t.kind = o.kind
	}
}

// classTokens joins furnitureTokens and contentTokens, so that each token
// of a class or id value is looked up once.
var classTokens = sync.OnceValue(func() map[string]classToken {
	m := make(map[string]classToken, len(furnitureTokens)+len(contentTokens))
	for t, k := range furnitureTokens {
		m[t] = classToken{kind: k}
	}
	for t := range contentTokens {
		ct := m[t]
		ct.content = true
		m[t] = ct
	}
	return m
})

// roles of page furniture.
var furnitureRoles = map[string]string{
	"navigation": "nav", "banner": "nav", "contentinfo": "nav", "complementary": "related",
	"search": "nav", "dialog": "consent", "alertdialog": "consent", "menu": "nav",
	"menubar": "nav", "toolbar": "nav",
}

// tokenCount is the number of tokens of words with bounds spans: the
// words, then each adjacent pair.
func tokenCount(spans [][2]int) int {
	return max(0, 2*len(spans)-1)
}

// tokenSpan returns the bounds of token i: word i, or after the words, the
// pair of words that starts at word i-len(spans).
func tokenSpan(spans [][2]int, i int) [2]int {
	if i < len(spans) {
		return spans[i]
	}
	j := i - len(spans)
	return [2]int{spans[j][0], spans[j+1][1]}
}

// tokenAt returns token i of the words of text with bounds spans.
func tokenAt(text []byte, spans [][2]int, i int) []byte {
	sp := tokenSpan(spans, i)
	return text[sp[0]:sp[1]]
}

// anyToken reports whether one of the tokens of v is in one of sets,
// without making the tokens.
func anyToken(v string, sets ...map[string]bool) bool {
	var spanBuf [16][2]int
	var textBuf [128]byte
	text, spans := splitTokens(v, textBuf[:0], spanBuf[:0])
	return anyTokenOf(text, spans, sets...)
}

// anyTokenOf is anyToken over the words splitTokens made.
func anyTokenOf(text []byte, spans [][2]int, sets ...map[string]bool) bool {
	for i := range tokenCount(spans) {
		t := tokenAt(text, spans, i)
		for _, set := range sets {
			if set[string(t)] {
				return true
			}
		}
	}
	return false
}

// tokenSet is a set of class and id tokens with hints: lower-case words
// one of which every token of the set holds, so that a value whose words
// hold none of them is settled without a lookup (TestTokenSetHints checks
// the hints).
type tokenSet struct {
	tokens map[string]bool
	hints  []string
	first  [4]uint64 // the bit of each byte a hint starts with
}

// newTokenSet returns the set of tokens with hints.
func newTokenSet(tokens map[string]bool, hints ...string) *tokenSet {
	s := &tokenSet{tokens: tokens, hints: hints}
	for _, h := range hints {
		s.first[h[0]/64] |= 1 << (h[0] % 64)
	}
	return s
}

// any reports whether one of the tokens of the class or id value v is in
// the set.
func (s *tokenSet) any(v string) bool {
	if v == "" || !s.holdsHint(v) {
		return false
	}
	var spanBuf [16][2]int
	var textBuf [128]byte
	text, spans := splitTokens(v, textBuf[:0], spanBuf[:0])
	return anyTokenOf(text, spans, s.tokens)
}

// holdsHint reports whether v holds one of the set's hints (lower-case
// ASCII letters and digits) in any case: a word of a token is a run of v's
// characters, so a value without any hint has no token that holds one.
func (s *tokenSet) holdsHint(v string) bool {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if s.first[c/64]&(1<<(c%64)) == 0 {
			continue
		}
		for _, h := range s.hints {
			if h[0] == c && len(v)-i >= len(h) && strings.EqualFold(v[i:i+len(h)], h) {
				return true
			}
		}
	}
	return false
}

// The tokens of a class or id value are its lower-case words, then each
// adjacent pair joined by a space ("article-body has-share-bar": article,
// body, has, share, bar, "article body", "body has", ...).

// splitTokens appends the words of v to text, lower-cased and one space
// apart, so that every word and every pair of adjacent words is a piece
// of it, and appends the bounds of each word to spans.
func splitTokens(v string, text []byte, spans [][2]int) ([]byte, [][2]int) {
	start := -1 // of the word being read, in text
	prevLower := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		lower := c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		upper := c >= 'A' && c <= 'Z'
		if !lower && !upper || upper && prevLower {
			// a word ends: at a separator, or where camelCase turns upper
			if start >= 0 {
				spans = append(spans, [2]int{start, len(text)})
				start = -1
			}
			if !upper {
				prevLower = false
				continue
			}
		}
		prevLower = lower
		if start < 0 {
			if len(text) > 0 {
				text = append(text, ' ')
			}
			start = len(text)
		}
		if upper {
			c += 'a' - 'A'
		}
		text = append(text, c)
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(text)})
	}
	return text, spans
}

func attr(n *html.Node, key string) string { return htmlnode.Attr(n, key) }

// markup is what the furniture and body container rules read of an
// element's attributes, found in one pass over them; the first of repeated
// attributes counts, as attr reads it.
type markup struct {
	class, id, role, ariaLabel, ariaHidden, style, itemprop string
	hidden                                                  bool // the hidden attribute is present
	data                                                    bool // some data-* attribute is present
}

// readMarkup reads the attributes from the last to the first, so that the
// first of repeated attributes is the one left in markup.
func readMarkup(n *html.Node) markup {
	var mk markup
	for i := len(n.Attr) - 1; i >= 0; i-- {
		a := &n.Attr[i]
		switch a.Key {
		case "class":
			mk.class = a.Val
		case "id":
			mk.id = a.Val
		case "role":
			mk.role = a.Val
		case "aria-label":
			mk.ariaLabel = a.Val
		case "aria-hidden":
			mk.ariaHidden = a.Val
		case "style":
			mk.style = a.Val
		case "itemprop":
			mk.itemprop = a.Val
		case "hidden":
			mk.hidden = true
		default:
			mk.data = mk.data || strings.HasPrefix(a.Key, "data-")
		}
	}
	return mk
}

// verdictOf returns what the tokens of one class, id or data-* value say,
// merged in order.
func verdictOf(v string) classToken {
	var tv classToken
	var spanBuf [16][2]int
	var textBuf [128]byte
	text, spans := splitTokens(v, textBuf[:0], spanBuf[:0])
	table, screen := classTokens(), classScreen()
	for i := range tokenCount(spans) {
		t := tokenAt(text, spans, i)
		if !screen.mayHold(t) {
			continue
		}
		ct, ok := table[string(t)]
		if !ok {
			continue
		}
		tv.merge(ct)
	}
	return tv
}

// tokenScreen is a set of tokens reduced to a bit per shape (length,
// first, second and last byte), so that most tokens a set lacks are told
// apart without a lookup: a token whose bit is clear is not in the set.
type tokenScreen [screenBits / 64]uint64

const screenBits = 1 << 13

func screenBit(t []byte) uint {
	if len(t) == 0 {
		return 0
	}
	h := uint(len(t))*0x9e3779b1 ^ uint(t[0])*0x85ebca77 ^ uint(t[len(t)-1])*0xc2b2ae3d
	if len(t) > 1 {
		h ^= uint(t[1]) * 0x27d4eb2f
	}
	return (h ^ h>>15) % screenBits
}

func (s *tokenScreen) add(t string) {
	b := screenBit([]byte(t))
	s[b/64] |= 1 << (b % 64)
}

func (s *tokenScreen) mayHold(t []byte) bool {
	b := screenBit(t)
	return s[b/64]&(1<<(b%64)) != 0
}

// classScreen screens the tokens of classTokens.
var classScreen = sync.OnceValue(func() *tokenScreen {
	s := new(tokenScreen)
	for t := range classTokens() {
		s.add(t)
	}
	return s
})

// furnitureKind names the kind of page furniture n, whose attributes mk
// holds, is marked as, or "".
func furnitureKind(n *html.Node, mk markup) string {
	if mk.role != "" {
		if r := furnitureRoles[strings.ToLower(mk.role)]; r != "" {
			return "role:" + r
		}
	}
	if hidesByClass(mk.class) {
		return "class:hidden"
	}
	var marks classToken
	check := func(v string) {
		if v != "" {
			// A value's tokens outrank "meta" as they would one by one.
			marks.merge(verdictOf(v))
		}
	}
	check(mk.class)
	check(mk.id)
	if mk.data {
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "data-") && len(a.Val) < 60 {
				if k := strings.TrimPrefix(a.Key, "data-"); k == "component" || k == "module" || k == "type" || k == "testid" || k == "block" || k == "ad" || k == "ad-slot" {
					check(a.Val)
				}
				if a.Key == "data-ad" || a.Key == "data-ad-slot" || a.Key == "data-ad-unit" {
					marks.kind = "ad"
				}
			}
		}
	}
	kind, content := marks.kind, marks.content
	if kind == "" {
		if l := strings.ToLower(mk.ariaLabel); l != "" {
			for _, w := range []string{"advert", "share", "newsletter", "related", "comments", "cookie", "breadcrumb", "navigation", "social"} {
				if strings.Contains(l, w) {
					kind = w
					break
				}
			}
		}
	}
	if kind == "" || (content && kind != "ad" && kind != "hidden" && kind != "meta" && kind != "popup") {
		return ""
	}
	return "class:" + kind
}

// Collapsed prose: a hidden element that holds paragraphs of running text
// is a panel the reader opens (an accordion, a tab, a "show more" box, the
// rest of a teaser), not furniture: menus, dialogs and screen-reader
// labels are short or made of links.
const (
	collapsedMinProse = 400 // bytes of paragraph text outside links
	collapsedMaxLinks = 0.3 // share of the text inside links
)

func collapsedProse(m measure) bool {
	return m.prose >= collapsedMinProse && float64(m.link) <= collapsedMaxLinks*float64(m.text)
}

// dialogTokens mark an overlay that waits for a trigger (a paywall or
// account-sharing notice, a sign-in form), not a panel of the story.
var dialogTokens = map[string]bool{
	"modal": true, "overlay": true, "lightbox": true, "dialog": true, "popup": true,
	"paywall": true, "interstitial": true,
}

// isDialog reports a hidden element that is a dialog by its role, tag or
// class: its text, however long, is not the story's.
func isDialog(n *html.Node) bool {
	switch strings.ToLower(attr(n, "role")) {
	case "dialog", "alertdialog":
		return true
	}
	if n.DataAtom == atom.Dialog || strings.EqualFold(attr(n, "aria-modal"), "true") {
		return true
	}
	return anyToken(attr(n, "class"), dialogTokens) || anyToken(attr(n, "id"), dialogTokens)
}

// unhide removes the markup that hides n, so readability, which drops
// invisible elements, reads it as the page's readers do once they open it.
func unhide(n *html.Node) {
	kept := n.Attr[:0]
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden", "aria-hidden":
			continue
		case "style":
			a.Val = ""
		}
		kept = append(kept, a)
	}
	n.Attr = kept
}

// isHidden reports markup that hides an element from readers.
func (mk *markup) isHidden() bool {
	if mk.hidden || strings.EqualFold(mk.ariaHidden, "true") {
		return true
	}
	return styleHides(mk.style)
}

// styleHides reports a style attribute that hides its element:
// "display:none" or "visibility:hidden", in any case, spaces aside. A
// short ASCII value is read in place of a lower-cased copy.
func styleHides(style string) bool {
	var buf [256]byte
	compact := buf[:0]
	for i := 0; i < len(style); i++ {
		c := style[i]
		if c >= utf8.RuneSelf || len(compact) == len(buf) {
			st := strings.ReplaceAll(strings.ToLower(style), " ", "")
			return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != ' ' {
			compact = append(compact, c)
		}
	}
	return bytes.Contains(compact, []byte("display:none")) || bytes.Contains(compact, []byte("visibility:hidden"))
}

// removal is a node cut before readability runs, with its place in the
// tree so that it can be put back.
type removal struct {
	node         *html.Node
	parent, next *html.Node
	rule         string
}

// measure is what a container's guards weigh: the length of its text, of
// the part inside links, and of the part inside paragraphs.
type measure struct {
	text, link, prose int
}

// pageMeasures holds the measure of every element of a tree, computed once
// bottom-up so that container guards cost O(n). The measures are kept in
// the order a walk from the top meets the elements, each with the number
// of elements measured in its subtree, so that a walk over the tree finds
// an element's measure by its place (see next) instead of by a lookup.
// Elements inside scripts, styles and templates, and below maxDepth, are
// not measured: their measure is zero.
type pageMeasures struct {
	all   []placedMeasure
	first int // index of the first measured child of the root, or -1
	mark  int // index of the element measures was asked to mark, or -1
}

// placedMeasure is an element's measure and the number of elements
// measured in its subtree, itself included.
type placedMeasure struct {
	measure
	size int32
}

// measurePool keeps the slices of measures done with (see release), so
// that measuring a page allocates nothing once a few pages have been read.
var measurePool = sync.Pool{New: func() any { return new(pageMeasures) }}

// release returns pm to the pool; pm must not be used after. The
// measures of a page larger than pooledElements are left to the collector.
func (pm *pageMeasures) release() {
	if cap(pm.all) > pooledElements {
		return
	}
	pm.all = pm.all[:0]
	measurePool.Put(pm)
}

// pooledElements is the most elements whose measures the pool keeps: a
// news page has a few thousand.
const pooledElements = 1 << 16

// measures measures the elements under root, and notes the index of mark.
// The caller releases the result when done with it.
func measures(root, mark *html.Node) *pageMeasures {
	pm := measurePool.Get().(*pageMeasures)
	pm.first, pm.mark = -1, -1
	var walk func(n *html.Node, depth int) measure
	walk = func(n *html.Node, depth int) measure {
		var total measure
		if depth > maxDepth {
			return total
		}
		idx := -1
		if n.Type == html.ElementNode {
			idx = len(pm.all)
			pm.all = append(pm.all, placedMeasure{})
			if n == mark {
				pm.mark = idx
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				total.text += len(strings.TrimSpace(c.Data))
			case html.ElementNode:
				if unmeasured(c) {
					continue
				}
				total.addChild(c, walk(c, depth+1))
			}
		}
		if idx >= 0 {
			pm.all[idx] = placedMeasure{measure: total, size: int32(len(pm.all) - idx)}
		}
		return total
	}
	walk(root, 0)
	if root.Type != html.ElementNode {
		pm.first = 0
	} else {
		pm.first = pm.firstChild(0)
	}
	return pm
}

// addChild adds to m the measure of its child element c: a link's text
// is link text, a paragraph's text outside links is prose.
func (m *measure) addChild(c *html.Node, sub measure) {
	switch c.DataAtom {
	case atom.A:
		sub.link = sub.text
	case atom.P:
		sub.prose = sub.text - sub.link
	}
	m.text += sub.text
	m.link += sub.link
	m.prose += sub.prose
}

// unmeasured reports an element whose subtree measures skips.
func unmeasured(n *html.Node) bool {
	return n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Template
}

// at returns the measure of the element at index i, zero for -1.
func (pm *pageMeasures) at(i int) measure {
	if i < 0 {
		return measure{}
	}
	return pm.all[i].measure
}

// firstChild returns the index of the first measured child of the element
// at index i, or -1 when none of its children is measured. Below maxDepth
// no element is; above it every element child that is not unmeasured is.
func (pm *pageMeasures) firstChild(i int) int {
	if i < 0 || pm.all[i].size == 1 {
		return -1
	}
	return i + 1
}

// next returns the index of the element child c, met in a walk over its
// parent's children in order, where *cursor is the index of the next
// measured child (from firstChild); it moves the cursor past c.
func (pm *pageMeasures) next(c *html.Node, cursor *int) int {
	if *cursor < 0 || unmeasured(c) {
		return -1
	}
	i := *cursor
	*cursor += int(pm.all[i].size)
	return i
}

// expectedCuts sizes the list of cuts: a news page has some hundred
// scripts, comments and boxes of furniture.
const expectedCuts = 128

// creditMaxLen is the longest text cut as a photo credit by its class.
const creditMaxLen = 150

// maxDepth bounds every recursion over the tree.
const maxDepth = 2000

// preClean removes page furniture from doc before readability scores it:
// hidden elements, and containers marked by class, id, role or aria as ads,
// newsletter boxes, share bars, related links, comments, consent notices and
// navigation. A container holding a large share of the page's text is never
// removed: a class name is weaker evidence than the text itself.
//
// It returns what it cut, in order, and the measure of the page's body.
//
// With strict set (the safety net's second pass), no class, role or hiding
// rule cuts a container that holds a large share of the page's paragraph
// text.
func preClean(doc *html.Node, strict bool) ([]removal, measure) {
	body := findBody(doc)
	ms := measures(doc, body)
	defer ms.release()
	page := ms.at(ms.mark)
	total := page.text
	cut := make([]removal, 0, expectedCuts)
	var pagePairs []uint64 // word pairs of the page, taken when the first pull quote is met
	var walk func(n *html.Node, depth, cursor int)
	walk = func(n *html.Node, depth, cursor int) {
		if depth > maxDepth {
			return
		}
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				i := ms.next(c, &cursor)
				m := ms.at(i)
				rule := furnitureRule(c, m, total)
				if rule == "class:pullquote" {
					if pagePairs == nil {
						pagePairs = pairHashes(nodeText(body))
					}
					if !repeated(nodeText(c), pagePairs) {
						rule = ""
					}
				}
				if strict && rule != "" && !strings.HasPrefix(rule, "tag:") && (!insideStory[rule] || holdsStory(m, page)) {
					rule = ""
				}
				if rule != "" {
					cut = append(cut, removal{node: c, parent: n, next: next, rule: rule})
					n.RemoveChild(c)
				} else {
					if m.text >= bylineMaxLen {
						defuseByline(c)
					}
					defuseEmbed(c)
					markCaption(c, m)
					walk(c, depth+1, ms.firstChild(i))
				}
			} else if c.Type == html.CommentNode {
				cut = append(cut, removal{node: c, parent: n, next: next})
				n.RemoveChild(c)
			}
			c = next
		}
	}
	walk(doc, 0, ms.first)
	return cut, page
}

// keepCut reports the cuts the safety net leaves out: a comment thread is
// often longer than the story above it, and readability alone takes it
// for the article.
func keepCut(rule string) bool {
	return rule == "class:comments"
}

// insideStory are the rules whose furniture sits inside stories (ad slots,
// share bars, sign-up boxes), the ones the safety net's second pass keeps.
var insideStory = map[string]bool{
	"class:ad": true, "class:share": true, "class:newsletter": true, "class:consent": true,
	"role:consent": true, "class:comments": true, "hidden": true, "class:hidden": true,
}

// proseContainer returns the element that holds most of the page's
// paragraph text: from the body down, the child that holds proseDescend
// of its parent's paragraphs, until no child does. It returns nil when the
// page has too little paragraph text to tell.
func proseContainer(doc *html.Node) *html.Node {
	n := findBody(doc)
	ms := measures(doc, n)
	defer ms.release()
	i := ms.mark
	if ms.at(i).prose < proseContainerMin {
		return nil
	}
	for depth := 0; depth < maxDepth; depth++ {
		var next *html.Node
		cursor := ms.firstChild(i)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			ci := ms.next(c, &cursor)
			if float64(ms.at(ci).prose) >= proseDescend*float64(ms.at(i).prose) {
				next, i = c, ci
				break
			}
		}
		if next == nil || next.DataAtom == atom.P {
			return n
		}
		n = next
	}
	return n
}

// proseDescend is the share of a container's paragraph text a child must
// hold to be the story's container instead; proseContainerMin is the least
// paragraph text, in bytes, for the search to be worth it.
const (
	proseDescend      = 0.7
	proseContainerMin = 1000
)

// storyShare is the share of the page's paragraph text from which a
// container holds the story, whatever its markup says.
const storyShare = 0.2

func holdsStory(m, page measure) bool {
	return page.prose > 0 && float64(m.prose) >= storyShare*float64(page.prose)
}

// pairHashes returns the hashes of the word pairs of text, in order: a
// slice that is never nil, even for text without pairs.
func pairHashes(text string) []uint64 {
	ws := words(text)
	hs := make([]uint64, 0, max(len(ws)-1, 0))
	for i := 0; i+1 < len(ws); i++ {
		hs = append(hs, hashPair(ws[i], ws[i+1]))
	}
	return hs
}

// repeated reports a pull quote whose words the page prints again: four
// fifths of its word pairs occur twice or more (once in the quote, once in
// the story). A pull quote with words of its own (a quote the story does
// not carry, a key figure) is kept. page holds the hashes of the page's
// word pairs; only the quote's own pairs are counted in it.
func repeated(text string, page []uint64) bool {
	quote := pairHashes(text)
	if len(quote) == 0 {
		return true
	}
	counts := make(map[uint64]int, len(quote))
	for _, h := range quote {
		counts[h] = 0
	}
	for _, h := range page {
		if c, ok := counts[h]; ok {
			counts[h] = c + 1
		}
	}
	hit := 0
	for _, h := range quote {
		if counts[h] >= 2 {
			hit++
		}
	}
	return hit*5 >= len(quote)*4
}

// restore puts the cut nodes back where they were, last cut first, so
// each one's next sibling is in place again when it is reinserted.
// readability may have moved a sibling (it wraps runs of <br> in
// paragraphs); such a node goes to the end of its old parent.
func restore(cuts []removal) {
	for i := len(cuts) - 1; i >= 0; i-- {
		r := cuts[i]
		if r.node.Parent != nil || keepCut(r.rule) {
			continue
		}
		if r.next != nil && r.next.Parent == r.parent {
			r.parent.InsertBefore(r.node, r.next)
		} else {
			r.parent.AppendChild(r.node)
		}
	}
}

func findBody(doc *html.Node) *html.Node {
	var found *html.Node
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if found != nil || depth > maxDepth {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			found = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	if found == nil {
		return doc
	}
	return found
}

// furnitureRule decides whether the element is cut before scoring.
func furnitureRule(n *html.Node, m measure, total int) string {
	textLen := m.text
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Head, atom.Main, atom.Article:
		return ""
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Link:
		if n.DataAtom == atom.Script && strings.Contains(attr(n, "type"), "ld+json") {
			return ""
		}
		return tagRule(n)
	case atom.Button, atom.Select, atom.Input, atom.Textarea, atom.Dialog:
		return tagRule(n)
	case atom.Iframe:
		return "tag:iframe"
	case atom.Nav:
		if textLen*2 < total || total == 0 {
			return "tag:nav"
		}
	case atom.Form:
		if textLen*3 < total {
			return "tag:form"
		}
	}
	if len(n.Attr) == 0 {
		return "" // nothing below reads anything but attributes
	}
	mk := readMarkup(n)
	if mk.isHidden() {
		if collapsedProse(m) && !isDialog(n) {
			unhide(n)
			return ""
		}
		if textLen*2 < total || total == 0 {
			return "hidden"
		}
		return ""
	}
	k := furnitureKind(n, mk)
	if k == "class:popup" {
		if isPopupCard(n, textLen) {
			return k
		}
		return ""
	}
	if k == "class:hidden" && collapsedProse(m) && !isDialog(n) {
		return ""
	}
	if k == "class:credit" {
		// Credits are short; a long element so named holds more than a credit.
		if textLen < creditMaxLen {
			return k
		}
		return ""
	} else if k == "class:meta" {
		// A byline or date box is short and stands on its own: a <span
		// class="date"> inside a sentence is part of the sentence.
		if textLen < metaMaxLen && standsAlone(n) {
			return k
		}
		return ""
	} else if k != "" {
		// Guard: a container with much of the page's text is the article
		// (or holds it), whatever its class says.
		if textLen*4 < total || textLen < 200 {
			return k
		}
	}
	return ""
}

// tagRules are the rules that cut elements by their tag, made once.
var tagRules = map[atom.Atom]string{
	atom.Script: "tag:script", atom.Style: "tag:style", atom.Noscript: "tag:noscript",
	atom.Template: "tag:template", atom.Link: "tag:link", atom.Button: "tag:button",
	atom.Select: "tag:select", atom.Input: "tag:input", atom.Textarea: "tag:textarea",
	atom.Dialog: "tag:dialog",
}

// tagRule returns "tag:" and the tag name of n.
func tagRule(n *html.Node) string {
	if r, ok := tagRules[n.DataAtom]; ok && r[len("tag:"):] == n.Data {
		return r
	}
	return "tag:" + n.Data
}

// popupMaxLen is the longest text cut as a pop-up card.
const popupMaxLen = 600

// isPopupCard reports a pop-up card (marked "popup" by its class) placed
// right after the link it belongs to, inside a sentence: "Rep. <a>Ilhan
// Omar</a><span class=rollover-block>Ilhan Omar … MORE</span> (D-Minn.)".
// The link stays, the card goes; the wrapper that holds both starts with
// the link and is kept.
func isPopupCard(n *html.Node, textLen int) bool {
	if textLen == 0 || textLen > popupMaxLen {
		return false
	}
	prev := n.PrevSibling
	for prev != nil && prev.Type == html.TextNode && strings.TrimSpace(prev.Data) == "" {
		prev = prev.PrevSibling
	}
	return prev != nil && prev.Type == html.ElementNode
}

// bylineMaxLen is the text length from which an element cannot be a byline.
const bylineMaxLen = 100

// defuseByline strips byline markers from a container with too much text
// to be a byline. readability removes the first element whose class or id
// says "author" or "byline" (or with rel=author or itemprop=author) when no
// byline is known from metadata, whatever its size; a blog theme that adds
// "author-<name>" to the <article> element would lose the whole story.
func defuseByline(n *html.Node) {
	for i := range n.Attr {
		a := &n.Attr[i]
		switch a.Key {
		case "class", "id":
			if bylineWord(a.Val) {
				var keep []string
				for _, f := range strings.Fields(a.Val) {
					if !bylineWord(f) {
						keep = append(keep, f)
					}
				}
				a.Val = strings.Join(keep, " ")
			}
		case "rel", "itemprop":
			if strings.Contains(strings.ToLower(a.Val), "author") {
				a.Val = ""
			}
		}
	}
}

// bylineWord reports the words readability takes for a byline marker.
// A value outside ASCII is lower-cased whole first: holdsWord lower-cases
// only a value with ASCII capitals, and some other capitals lower-case to
// ASCII letters ("İ" to "i", the Kelvin sign to "k").
func bylineWord(v string) bool {
	if !isASCII(v) {
		v = strings.ToLower(v)
	}
	return holdsWord(v, bylineWords)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// metaMaxLen is the text length from which a box marked as byline or date
// holds more than metadata.
const metaMaxLen = 300

// standsAlone reports an element that is a block of its own: a block
// element, or an inline one that is not inside running text.
func standsAlone(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.P, atom.Section, atom.Header, atom.Footer, atom.Ul, atom.Ol, atom.Li,
		atom.Aside, atom.Figure, atom.Dl, atom.Address, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	if p := n.Parent; p != nil {
		switch p.DataAtom {
		case atom.P, atom.Li, atom.Blockquote, atom.Td, atom.Th, atom.Dd, atom.Figcaption, atom.A,
			atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Em, atom.Strong, atom.B, atom.I:
			return false
		}
	}
	for _, sib := range []*html.Node{n.PrevSibling, n.NextSibling} {
		if sib != nil && sib.Type == html.TextNode && strings.TrimSpace(sib.Data) != "" {
			return false
		}
	}
	return true
}

// defuseEmbed keeps an embedded post (a tweet, an Instagram post) that the
// story quotes: readability drops any element whose class says "social",
// and publishers wrap embeds in "social-embed" boxes.
func defuseEmbed(n *html.Node) {
	for i := range n.Attr {
		a := &n.Attr[i]
		if a.Key != "class" || !strings.Contains(a.Val, "embed") {
			continue
		}
		lower := strings.ToLower(a.Val)
		if !strings.Contains(lower, "social") {
			return
		}
		var keep []string
		for _, f := range strings.Fields(a.Val) {
			keep = append(keep, strings.ReplaceAll(strings.ToLower(f), "social", "post"))
		}
		a.Val = strings.Join(keep, " ")
	}
}

// captionTokens name an image's caption in class and id values
// ("wp-caption-text", "image__caption", "bildunterschrift").
var captionTokens = map[string]bool{
	"caption": true, "captions": true, "figcaption": true, "bildunterschrift": true,
	"legende": true, "bildtext": true, "pie de foto": true,
}

var captionSet = newTokenSet(captionTokens, "caption", "bild", "legende", "foto")

// captionMaxLen is the most bytes of text of an element marked as a
// caption: a longer one is a container whose class merely mentions one.
const captionMaxLen = 600

// markCaption makes an element that its class or id names a caption a
// <figcaption>, so that its text is read as a caption and not as the
// story's prose, whatever element the page wrote it in.
func markCaption(n *html.Node, m measure) {
	switch n.DataAtom {
	case atom.Div, atom.P, atom.Span, atom.Small:
	default:
		return
	}
	if m.text == 0 || m.text > captionMaxLen {
		return
	}
	if !captionSet.any(attr(n, "class")) && !captionSet.any(attr(n, "id")) {
		return
	}
	n.Data, n.DataAtom = "figcaption", atom.Figcaption
}
