package clean

import (
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readability scores paragraphs and keeps the best-scored container with
// its good siblings. On some layouts it keeps too little: a photo gallery
// whose captions it judges image-heavy, a story split into sections by
// slideshows or embeds. Publishers mark the article body in their markup
// (schema.org itemprop="articleBody", classes such as "article-body" or
// "entry-content"), so when readability's text is much smaller than such
// a container's, the container is used instead.

// bodyPairs are class and id token pairs that name an article body.
var bodyPairs = map[string]bool{
	"article body": true, "article content": true, "article text": true,
	"story body": true, "story content": true, "story text": true,
	"entry content": true, "entry body": true, "post content": true, "post body": true,
	"body text": true, "article main": true, "content body": true, "news body": true,
	"article copy": true, "text article": true, "rich text": true,
}

var bodyWords = map[string]bool{
	"articlebody": true, "storybody": true, "entrycontent": true, "postcontent": true,
	"articletext": true, "storytext": true, "bodytext": true, "articlecontent": true,
	"storycontent": true, "postbody": true,
}

// bodySet joins bodyPairs and bodyWords.
var bodySet = sync.OnceValue(func() *tokenSet {
	tokens := map[string]bool{}
	for _, set := range []map[string]bool{bodyPairs, bodyWords} {
		for t := range set {
			tokens[t] = true
		}
	}
	return newTokenSet(tokens, "body", "content", "text", "main", "copy")
})

// maxCandidates bounds the containers examined, so the cost stays linear.
const maxCandidates = 24

// expandRatio is how much more text the marked container must hold than
// readability's choice to replace it.
const expandRatio = 1.3

// expandMin is the least text, in bytes, the container must add.
const expandMin = 400

// isBodyContainer reports an element that markup names as the article body.
func isBodyContainer(n *html.Node) bool {
	if n.DataAtom == atom.Article {
		return true
	}
	if len(n.Attr) == 0 {
		return false
	}
	mk := readMarkup(n)
	if strings.EqualFold(mk.itemprop, "articleBody") {
		return true
	}
	return bodySet().any(mk.class) || bodySet().any(mk.id)
}

type candidate struct {
	node       *html.Node
	text, link int
	depth      int
}

// bodyCandidates lists the containers marked as article body, outermost
// first, with their text and link-text lengths. One walk finds them and
// measures every element on its way back up, so that nested containers
// are not measured again.
func bodyCandidates(doc *html.Node) []candidate {
	var out []candidate
	tooDeep := false
	// walk returns the text under n and the part of it inside links below
	// n, as textAndLinks(n, 0, false) counts them.
	var walk func(n *html.Node, depth int) (text, link int)
	walk = func(n *html.Node, depth int) (text, link int) {
		if depth > maxDepth {
			tooDeep = true
			return 0, 0
		}
		at := -1
		if n.Type == html.ElementNode && len(out) < maxCandidates && isBodyContainer(n) {
			at = len(out)
			out = append(out, candidate{node: n, depth: depth})
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				text += len(strings.TrimSpace(c.Data))
			case html.ElementNode:
				t, l := walk(c, depth+1)
				switch c.DataAtom {
				case atom.Script, atom.Style, atom.Template, atom.Noscript:
					continue
				case atom.A:
					l = t
				}
				text += t
				link += l
			}
		}
		if at >= 0 {
			out[at].text, out[at].link = text, link
		}
		return text, link
	}
	walk(doc, 0)
	if tooDeep {
		// The walk's depth bound counts from the top, textAndLinks's from
		// each container.
		for i := range out {
			out[i].text, out[i].link = textAndLinks(out[i].node, 0, false)
		}
	}
	return out
}

// textAndLinks measures the trimmed text under n and the part of it inside
// links.
func textAndLinks(n *html.Node, depth int, inLink bool) (text, link int) {
	if depth > maxDepth {
		return 0, 0
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			l := len(strings.TrimSpace(c.Data))
			text += l
			if inLink {
				link += l
			}
		case html.ElementNode:
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				continue
			}
			t, l := textAndLinks(c, depth+1, inLink || c.DataAtom == atom.A)
			text += t
			link += l
		}
	}
	return text, link
}

// bestContainer picks the marked container with the most text that is not
// link text; then, while a container inside it holds nearly all of that
// text, the inner one, which has less around the story.
func bestContainer(cands []candidate) *candidate {
	var best *candidate
	for i := range cands {
		c := &cands[i]
		if c.link*2 > c.text {
			continue
		}
		if best == nil || c.text-c.link > best.text-best.link {
			best = c
		}
	}
	if best == nil {
		return nil
	}
	for {
		var inner *candidate
		for i := range cands {
			c := &cands[i]
			if c.depth > best.depth && c.link*2 <= c.text && isInside(c.node, best.node) &&
				(c.text-c.link)*100 >= (best.text-best.link)*85 {
				if inner == nil || c.text > inner.text {
					inner = c
				}
			}
		}
		if inner == nil {
			return best
		}
		best = inner
	}
}

func isInside(n, ancestor *html.Node) bool {
	for p, d := n.Parent, 0; p != nil && d <= maxDepth; p, d = p.Parent, d+1 {
		if p == ancestor {
			return true
		}
	}
	return false
}

// blocksLen is the text length of blocks.
func blocksLen(blocks []Block) int {
	n := 0
	for _, b := range blocks {
		n += len(b.Text)
	}
	return n
}

// widen returns the blocks of the marked article container when it holds
// much more text than readability's blocks and contains most of them, or
// nil.
func widen(doc *html.Node, picked []Block, sites []string) []Block {
	best := bestContainer(bodyCandidates(doc))
	if best == nil {
		return nil
	}
	have, more := blocksLen(picked), best.text-best.link
	if float64(more) < expandRatio*float64(have) || more-have < expandMin {
		return nil
	}
	blocks := toBlocks(best.node, sites)
	// The container must hold what readability found, or it is another
	// part of the page.
	if !holdsMost(blocks, picked) {
		return nil
	}
	return blocks
}
