package htmlinput

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/net/html"
)

// dumpTree writes the tree as one line per node, leaving out the children
// of HTML <script> and <style> elements, whose text the pruner may drop.
func dumpTree(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		fmt.Fprintf(&b, "%*s%d %s %q %q\n", depth, "", n.Type, n.Namespace, n.Data, n.Attr)
		if n.Type == html.ElementNode && n.Namespace == "" && (n.Data == "script" || n.Data == "style") {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// prepared returns what the parser reads of s.
func prepared(t *testing.T, s string) string {
	t.Helper()
	b, err := io.ReadAll(prepare(s, maxDepth))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// samePruned checks that pruning s changes nothing in its tree but the
// text of HTML scripts and styles.
func samePruned(t *testing.T, s string) {
	t.Helper()
	flat, _ := flatten(s, maxDepth)
	full, err := html.Parse(strings.NewReader(flat))
	if err != nil {
		return
	}
	pruned, err := html.Parse(prepare(s, maxDepth))
	if err != nil {
		t.Fatalf("pruned page fails to parse: %v", err)
	}
	if a, b := dumpTree(full), dumpTree(pruned); a != b {
		t.Fatalf("pruning %q changed the tree:\n%s\nto:\n%s", s, a, b)
	}
}

var pruneCases = []string{
	`<!doctype html><html><head><style>p{color:red}</style><script>var a = "<p>x</p>";</script></head><body><p>Text</p><script src=x.js></script></body></html>`,
	`<p>One<script>document.write("</scr" + "ipt>")</script>two</p><STYLE type=text/css>a{}</STYLE >three`,
	`<table><tr><td>a<script>x</script><style>y</style></td></tr></table><script>if (a < b) {}</SCRIPT>`,
	`<script type="application/ld+json">{"@type":"NewsArticle"}</script><script type='application/LD+JSON'>{}</script>`,
	`<script type="application/ld&#43;json">{"headline":"h"}</script><p>x`,
	`<p>a<svg><style><b>in svg</b></style></svg><style><i>after</i></style><script><p>s</p></script>`,
	`<math><mi><style>x</style></mi></math><script>y</script>`,
	`<frameset><script> x </script></frameset>`,
	`<p>x<script>unterminated`,
	`<select><script>a</script><option>o</select><template><style>t</style></template>`,
	`<!-- <script>not a tag</script> --><p>x</p><script><!-- <script> </script> --></script>`,
	`<noscript><p>fallback</p></noscript><textarea><style>kept</style></textarea><title><script></title>`,
	`<p><svg viewBox="0 0 9 9"><g><path d="M0 0"/><circle r=1></circle></g></svg><style>a{}</style><script>x</script>`,
	`<svg><g><path></g></svg><script>after</script><svg/><style>s</style>`,
	`<svg><symbol id=i><path/></symbol><use href=#i /></svg><SVG><G></g></SVG><script><p>x</script>`,
	`<svg><g></p><style><b>x</b></style></svg><script>y</script>`,
	`<svg><foreignObject><div><style>a</style></div></foreignObject></svg><script>z</script>`,
	`<svg><title>t</title><desc>d</desc></svg><style>after</style>`,
	`<svg><b>out</b><style>x</style></svg><script>y</script>`,
	`<svg><path></svg><p></path><script>s</script><style>t</style>`,
	`<select><svg><path><style><p>x</style></path></svg><option>a</select><script>b</script>`,
	`<table><svg><rect/></svg><tr><td><script>q</script></table>`,
	`<svg><svg><g></svg><style>u</style></svg><script>v</script>`,
	`<svg><font color=red>f</font></svg><script>w</script>`,
	`<svg><g></p><style>abc</style><script>def</script></g></svg><script>y</script>`,
	`<svg><g></div><style>abc</style><script>def</script></g></svg><script>y</script>`,
	`<svg><![CDATA[ > </svg> ]]><style>abc</style></svg><script>y</script>`,
	`<svg><g><![CDATA[ a > b ]]></g></svg><style>x</style>`,
	`<svg><g><desc>d</g></svg><style>a<b</style>c</style><script>d</script>`,
	`<svg><title>t</title><path/></svg><style>a</style>`,
	`<p><b>x</p><svg><title>t</title><g></g></svg><script>a</script><style>b</style>`,
	`<svg><title>t<style>u</style></title></svg><script>v</script>`,
	`<p><b>x</p><svg><title>t</svg></b></title><style>abc</style>`,
	`<svg><g><desc>d</g></svg><style></desc></g></svg><script></style><p>x</p></script>`,
	`<select><svg><title>a</svg><script>b</script></title></select>`,
	`<select><style>abc</style><option>o<script>d</script></select><table><style>e</style><tr><style>f</style>`,
	`<table><caption><script>g</script></caption><colgroup><style>h</style><tr><td>i<template><style>j</style>`,
	`<svg><filter><feGaussianBlur/><feOffset></feOffset></filter><animate/></svg><script>w</script>`,
}

func TestPruneKeepsTree(t *testing.T) {
	for _, s := range pruneCases {
		samePruned(t, s)
	}
}

func TestPruneDropsCodeKeepsJSONLD(t *testing.T) {
	s := `<head><style>.a{color:red}</style><script>var secret = 1;</script>` +
		`<script type="application/ld+json">{"headline":"Budget"}</script></head><body><p>Council</p>` +
		`<svg><path d="M0 0"/></svg><script>var late = 2;</script>` +
		`<svg><style>.icon{}</style></svg><script>var last = 3;</script></body>`
	got := prepared(t, s)
	for _, gone := range []string{".a{color:red}", "var secret", "var late"} {
		if strings.Contains(got, gone) {
			t.Errorf("kept %q: %s", gone, got)
		}
	}
	for _, kept := range []string{`{"headline":"Budget"}`, "<p>Council</p>", ".icon{}", "var last", "<style></style>"} {
		if !strings.Contains(got, kept) {
			t.Errorf("lost %q: %s", kept, got)
		}
	}
}

func FuzzPrune(f *testing.F) {
	for _, s := range append(pruneCases, scannerCases...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		samePruned(t, s)
	})
}

// On the shared benchmark's real pages, pruning must leave the tree as it
// was and take out most of the script and style text.
func TestPruneOnBenchPages(t *testing.T) {
	if testing.Short() {
		t.Skip("parses every benchmark page twice")
	}
	var before, after int
	forBenchPages(t, func(_, s string) {
		samePruned(t, s)
		before += len(s)
		after += len(prepared(t, s))
	})
	t.Logf("pruning leaves %d of %d bytes (%.0f%%)", after, before, 100*float64(after)/float64(before))
}

func TestPrunedReader(t *testing.T) {
	s := "<script>a</script><p>b</p><style>cd</style>e<script>f</script>"
	p := pruner{cuts: []int{8, 9, 33, 35, 52, 53}}
	want := "<script></script><p>b</p><style></style>e<script></script>"
	if err := iotest.TestReader(p.reader(s), []byte(want)); err != nil {
		t.Error(err)
	}
	got, err := io.ReadAll(iotest.OneByteReader(p.reader(s)))
	if err != nil || string(got) != want {
		t.Errorf("read %q, %v; want %q", got, err, want)
	}
}

// pieces are the markup that decides how the parser reads raw text:
// foreign content and its ends, integration points, breakouts, modes that
// ignore tags, CDATA, and the raw text elements themselves.
var pieces = []string{
	"<svg>", "</svg>", "<svg/>", "<math>", "</math>", "<g>", "</g>", "<path>", "</path>", "<path/>",
	"<text>", "<foreignObject>", "<desc>", "<title>", "</title>", "<mi>", "<div>", "</div>", "</p>",
	"<b>", "<font color=red>", "<select>", "</select>", "<table>", "<td>", "<template>", "<frameset>",
	"<noscript>", "<textarea>", "<![CDATA[", "]]>", "<!-- c -->", "<!x>", ">", "<", "x",
	"<style>", "</style>", "<script>", "</script>", "<script type=application/ld+json>", "<STYLE>",
}

func TestPruneRandomMarkup(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 30_000
	if testing.Short() {
		n = 5000
	}
	for range n {
		var b strings.Builder
		for range 1 + rng.IntN(14) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		samePruned(t, b.String())
	}
}
