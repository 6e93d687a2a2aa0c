package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsclean/newsclean/extract/internal/htmlinput"
)

// bodyCandidates measures each container as textAndLinks does on its own.
func TestBodyCandidatesMeasure(t *testing.T) {
	inputs, _ := filepath.Glob("../../../testdata/golden/*/input.html")
	if len(inputs) == 0 {
		t.Fatal("no golden inputs found")
	}
	pages := map[string]string{
		"nested": `<body><article class="post"><div class="article-body"><p>One <a href="/x">link</a> here.</p>
			<div class="entry-content"><p>Inner text <a href="/y"><b>bold link</b></a></p><script>var x=1</script></div>
			<noscript><div class="story-body"><p>Hidden copy</p></div></noscript></div></article>
			<a href="/z"><div class="post-content">A container inside a link</div></a></body>`,
		"deep": "<body>" + strings.Repeat("<div>", 300) + `<article><p>Deep <a href="/d">text</a></p></article>` + "</body>",
	}
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		pages[filepath.Base(filepath.Dir(in))] = string(b)
	}
	found := 0
	for name, page := range pages {
		doc, err := htmlinput.Parse(page)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range bodyCandidates(doc) {
			found++
			text, link := textAndLinks(c.node, 0, false)
			if c.text != text || c.link != link {
				t.Errorf("%s: <%s> measured %d/%d, textAndLinks says %d/%d", name, c.node.Data, c.text, c.link, text, link)
			}
		}
	}
	if found < len(pages) {
		t.Errorf("found %d containers in %d pages, want at least one a page", found, len(pages))
	}
}

// Past maxDepth the walk stops, and each container is measured from itself.
func TestBodyCandidatesTooDeep(t *testing.T) {
	doc := &html.Node{Type: html.DocumentNode}
	n := doc
	for range maxDepth - 1 {
		div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		n.AppendChild(div)
		n = div
	}
	art := &html.Node{Type: html.ElementNode, Data: "article", DataAtom: atom.Article}
	n.AppendChild(art)
	n = art
	for range 5 {
		div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		n.AppendChild(div)
		n = div
	}
	n.AppendChild(&html.Node{Type: html.TextNode, Data: "below the bound"})
	cands := bodyCandidates(doc)
	if len(cands) != 1 {
		t.Fatalf("found %d containers, want 1", len(cands))
	}
	if text, link := textAndLinks(art, 0, false); cands[0].text != text || cands[0].link != link || text == 0 {
		t.Errorf("measured %d/%d, textAndLinks says %d/%d", cands[0].text, cands[0].link, text, link)
	}
}

// A pull quote is repeated when four fifths of its word pairs occur twice
// in the page's text (once in the quote, once in the story).
func TestRepeatedPullQuote(t *testing.T) {
	story := "The council voted to close the old bridge for repairs next spring. "
	quote := "voted to close the old bridge"
	page := pairHashes(story + quote)
	if !repeated(quote, page) {
		t.Errorf("repeated(%q) = false, want true: the story prints it", quote)
	}
	own := "a figure the story never gives"
	if repeated(own, pairHashes(story+own)) {
		t.Errorf("repeated(%q) = true, want false: the words are its own", own)
	}
	if !repeated("one", page) {
		t.Error(`repeated("one") = false, want true: a single word has no pair to keep it`)
	}
}
