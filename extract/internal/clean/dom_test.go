package clean

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// tokens lists the tokens of v.
func tokens(v string) []string {
	text, spans := splitTokens(v, nil, nil)
	var out []string
	for i := range tokenCount(spans) {
		out = append(out, string(tokenAt(text, spans, i)))
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  -_ ", nil},
		{"share", []string{"share"}},
		{"article-body has-share-bar", []string{"article", "body", "has", "share", "bar", "article body", "body has", "has share", "share bar"}},
		{"ArticleBody", []string{"article", "body", "article body"}},
		{"HTMLBlock2", []string{"htmlblock2"}},
		{"relatedLinks__item", []string{"related", "links", "item", "related links", "links item"}},
		{"caf\u00e9Box", []string{"caf", "box", "caf box"}},
		{"a\xffB", []string{"a", "b", "a b"}},
	}
	for _, tt := range tests {
		if got := tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkAnyToken(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		anyToken("c-article__body js-share-bar relatedLinks", bodyPairs, bodyWords)
	}
}

func TestAnyToken(t *testing.T) {
	set := map[string]bool{"body": true, "story text": true}
	for _, v := range []string{"", "article-body", "ArticleBody", "storyText", "story-main text", "bodyguard", "x story  text y", "STORY_TEXT"} {
		want := slices.ContainsFunc(tokens(v), func(t string) bool { return set[t] })
		if got := anyToken(v, set); got != want {
			t.Errorf("anyToken(%q) = %v, tokens say %v", v, got, want)
		}
	}
}

// Every token of a set holds one of its hints, or the hints would skip
// values that hold it.
func TestTokenSetHints(t *testing.T) {
	for name, set := range map[string]*tokenSet{"body": bodySet(), "caption": captionSet} {
		for tok := range set.tokens {
			if !slices.ContainsFunc(set.hints, func(h string) bool { return strings.Contains(tok, h) }) {
				t.Errorf("%s token %q holds none of the hints %q", name, tok, set.hints)
			}
		}
		for _, v := range []string{"", "article-body", "ArticleBody", "wp-caption-text", "entryContent main", "x y", "BILDTEXT"} {
			if got, want := set.any(v), anyToken(v, set.tokens); got != want {
				t.Errorf("%s set on %q: %v, plain lookup %v", name, v, got, want)
			}
		}
	}
}

// referenceMeasures is measures as a map: every measured element's measure.
func referenceMeasures(root *html.Node) map[*html.Node]measure {
	m := map[*html.Node]measure{}
	var walk func(n *html.Node, depth int) measure
	walk = func(n *html.Node, depth int) measure {
		var total measure
		if depth > maxDepth {
			return total
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				total.text += len(strings.TrimSpace(c.Data))
			case c.Type == html.ElementNode && !unmeasured(c):
				total.addChild(c, walk(c, depth+1))
			}
		}
		if n.Type == html.ElementNode {
			m[n] = total
		}
		return total
	}
	walk(root, 0)
	return m
}

// TestMeasuresByPlace walks trees as preClean does and checks that each
// element's measure found by its place is the one a lookup finds: past
// scripts that hold elements, below maxDepth, from a document or an
// element root.
func TestMeasuresByPlace(t *testing.T) {
	pages := []string{
		`<html><head><title>T</title><script>x</script></head><body><div><p>One <a href="/">link</a> two.</p><template><p>in template</p></template><p>Three.</p></div><style>p{}</style><ul><li>a</li><li>b</li></ul></body></html>`,
		`<body><p>Before.</p><div id=deep></div><p>After.</p></body>`,
	}
	for _, src := range pages {
		doc, err := html.Parse(strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		// A chain deeper than the parser builds, from the deep div down.
		for n := range doc.Descendants() {
			if attr(n, "id") == "deep" {
				for range maxDepth + 5 {
					c := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
					c.AppendChild(&html.Node{Type: html.TextNode, Data: "deep text"})
					n.AppendChild(c)
					n = c
				}
				break
			}
		}
		// An element under a script, as a DOM built by hand may hold.
		var script *html.Node
		for n := range doc.Descendants() {
			if n.DataAtom == atom.Script {
				script = n
			}
		}
		if script != nil {
			script.AppendChild(&html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P})
		}
		for _, root := range []*html.Node{doc, findBody(doc)} {
			want := referenceMeasures(root)
			pm := measures(root, findBody(doc))
			if got := pm.at(pm.mark); got != want[findBody(doc)] {
				t.Errorf("body measure %+v, want %+v", got, want[findBody(doc)])
			}
			checked := 0
			var walk func(n *html.Node, depth, cursor int)
			walk = func(n *html.Node, depth, cursor int) {
				if depth > maxDepth {
					return
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type != html.ElementNode {
						continue
					}
					i := pm.next(c, &cursor)
					if got := pm.at(i); got != want[c] {
						t.Errorf("<%s> at depth %d: measure %+v, want %+v", c.Data, depth+1, got, want[c])
					}
					checked++
					walk(c, depth+1, pm.firstChild(i))
				}
			}
			walk(root, 0, pm.first)
			if checked < 8 {
				t.Errorf("only %d elements checked", checked)
			}
		}
	}
}

// styleHides reads a style as lower-casing it and dropping its spaces
// would.
func TestStyleHides(t *testing.T) {
	for _, st := range []string{
		"", "display:none", "DISPLAY : NONE", "color:red; visibility: hidden", "display:block",
		"display:\tnone", "v\u0130sibility:hidden", "visibility:h\u0130dden", strings.Repeat("x", 300) + ";display:none",
		"font-family:'Ünïcode'; display: none", "displaynone",
	} {
		lower := strings.ReplaceAll(strings.ToLower(st), " ", "")
		want := strings.Contains(lower, "display:none") || strings.Contains(lower, "visibility:hidden")
		if got := styleHides(st); got != want {
			t.Errorf("styleHides(%q) = %v, want %v", st, got, want)
		}
	}
}

// The screen passes every token of classTokens, so it never changes a
// verdict, and turns most other words away.
func TestClassScreen(t *testing.T) {
	screen := classScreen()
	for tok := range classTokens() {
		if !screen.mayHold([]byte(tok)) {
			t.Errorf("the screen turns away the listed token %q", tok)
		}
	}
	passed := 0
	words := strings.Fields("item wrapper container col row grid card title link image list inner outer block module section header lg md sm xs js is has")
	for _, w := range words {
		if _, listed := classTokens()[w]; !listed && screen.mayHold([]byte(w)) {
			passed++
		}
	}
	if passed > len(words)/4 {
		t.Errorf("the screen passes %d of %d common unlisted words", passed, len(words))
	}
}

func BenchmarkFurnitureKind(b *testing.B) {
	n := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div, Attr: []html.Attribute{
		{Key: "class", Val: "c-article__item js-card-wrapper col-md-4 relatedLinks"},
		{Key: "id", Val: "main-story-42"},
	}}
	mk := readMarkup(n)
	for b.Loop() {
		furnitureKind(n, mk)
	}
}

// readMarkup keeps the first of repeated attributes, as attr reads them.
func TestReadMarkupFirstWins(t *testing.T) {
	n := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div, Attr: []html.Attribute{
		{Key: "class", Val: ""}, {Key: "data-x", Val: "1"}, {Key: "id", Val: "first"},
		{Key: "class", Val: "ad"}, {Key: "id", Val: "second"}, {Key: "hidden"}, {Key: "role", Val: "main"},
		{Key: "role", Val: "navigation"}, {Key: "aria-hidden", Val: "true"}, {Key: "aria-hidden", Val: "false"},
	}}
	mk := readMarkup(n)
	want := markup{class: attr(n, "class"), id: attr(n, "id"), role: attr(n, "role"), ariaHidden: attr(n, "aria-hidden"), hidden: true, data: true}
	if mk != want {
		t.Errorf("readMarkup = %+v, want %+v", mk, want)
	}
	if mk.class != "" || mk.id != "first" {
		t.Errorf("readMarkup took a later attribute: %+v", mk)
	}
}
