package htmlinput

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// built returns the builder's tree for s, or nil when it gives up.
func built(s string) *html.Node {
	_, _, doc := flattenBuild(s, maxDepth, true)
	return doc
}

// reference returns the tree html.Parse builds from s as Parse prepares
// it (flattened or pruned).
func reference(t testing.TB, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(prepare(s, maxDepth))
	if err != nil {
		t.Fatalf("html.Parse: %v", err)
	}
	return doc
}

// treeDiff compares two trees node by node and describes the first
// difference, or returns "".
func treeDiff(want, got *html.Node) string {
	type pair struct {
		w, g *html.Node
		path string
	}
	stack := []pair{{want, got, "#document"}}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if d := nodeDiff(p.w, p.g); d != "" {
			return p.path + ": " + d
		}
		wc, gc := p.w.FirstChild, p.g.FirstChild
		for i := 0; wc != nil || gc != nil; i++ {
			path := fmt.Sprintf("%s/%d", p.path, i)
			if wc == nil || gc == nil {
				return fmt.Sprintf("%s: child present in one tree only (want %v, got %v)", path, label(wc), label(gc))
			}
			if gc.Parent != p.g || gc.PrevSibling != lastBefore(p.g, gc) {
				return path + ": inconsistent links"
			}
			stack = append(stack, pair{wc, gc, path + "(" + label(wc) + ")"})
			wc, gc = wc.NextSibling, gc.NextSibling
		}
		if p.g.LastChild != nil && p.g.LastChild.NextSibling != nil {
			return p.path + ": inconsistent last child"
		}
	}
	return ""
}

// lastBefore returns the child of parent just before c.
func lastBefore(parent, c *html.Node) *html.Node {
	var prev *html.Node
	for k := parent.FirstChild; k != nil && k != c; k = k.NextSibling {
		prev = k
	}
	return prev
}

func label(n *html.Node) string {
	if n == nil {
		return "nil"
	}
	if n.Type == html.ElementNode {
		return "<" + n.Data + ">"
	}
	return fmt.Sprintf("%d:%.20q", n.Type, n.Data)
}

func nodeDiff(w, g *html.Node) string {
	switch {
	case w.Type != g.Type:
		return fmt.Sprintf("type %d, got %d", w.Type, g.Type)
	case w.Data != g.Data:
		return fmt.Sprintf("data %.60q, got %.60q", w.Data, g.Data)
	case w.DataAtom != g.DataAtom:
		return fmt.Sprintf("atom %v, got %v", w.DataAtom, g.DataAtom)
	case w.Namespace != g.Namespace:
		return fmt.Sprintf("namespace %q, got %q", w.Namespace, g.Namespace)
	case !slices.Equal(w.Attr, g.Attr):
		return fmt.Sprintf("attributes %q, got %q", w.Attr, g.Attr)
	}
	return ""
}

// checkSame fails when the builder accepts s and its tree differs from
// html.Parse's, and reports whether it accepted.
func checkSame(t testing.TB, name, s string) bool {
	t.Helper()
	got := built(s)
	if got == nil {
		return false
	}
	if d := treeDiff(reference(t, s), got); d != "" {
		t.Errorf("%s: %s", name, d)
	}
	return true
}

func TestBuildCorpora(t *testing.T) {
	corpora := []string{
		"../../../../shared/bench/scrapinghub/html",
		"../../../../shared/corpora/fundus/html",
		"../../../../shared/corpora/wcxb-dev/html",
	}
	for _, dir := range corpora {
		t.Run(filepath.Base(filepath.Dir(dir)), func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
			if len(files) == 0 {
				t.Skipf("no pages in %s (it lives outside the repository)", dir)
			}
			accepted := 0
			for _, name := range files {
				data, err := readGzipFile(name)
				if err != nil {
					t.Fatal(err)
				}
				s, _, err := Decode(data, Options{})
				if err != nil {
					continue
				}
				if checkSame(t, filepath.Base(name), s) {
					accepted++
				}
			}
			t.Logf("%s: builder accepted %d of %d pages (%.1f%%)", dir, accepted, len(files),
				100*float64(accepted)/float64(len(files)))
		})
	}
}

// buildCases are snippets of each construct the builder models; each
// must be accepted and give html.Parse's tree.
var buildCases = []string{
	// Document structure: doctype, quirks mode, comments, white space around head and body.
	"",
	"   ",
	"<!DOCTYPE html><html><head><title>T &amp; x</title></head><body><p>a</p></body></html>",
	"<!doctype html>\r\n<html lang=en>\n<head>\n<meta charset=utf-8>\n<link rel=x href='/a?b=1&amp;c=2'>\n</head>\n<body>\n<p>x</p>\n</body>\n</html>\n",
	"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p>a<table><tr><td>b</table>",
	"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><p>a<table><tr><td>b</table>",
	"<!-- c1 --><!DOCTYPE html><!-- c2 --><html><!-- c3 --><head><!-- c4 --></head><!-- c5 --><body><!-- c6 --></body><!-- c7 --></html><!-- c8 -->",
	"<html><head></head>  <body>x</body>  </html>  \n",
	"<body><p>a</body> tail",
	"<body><p>a</body></html>\n<!-- after -->\n",
	// Raw text and RCDATA in the head.
	"<title>a &lt; b &amp c</title><script>if (a < b && c) { x = '</p>' }</script><style>p > a {}</style>",
	"<head><noscript><img src=x></noscript><script type=application/ld+json>{\"a\":\"&amp;\"}</script></head>",
	"<body><noscript><iframe src=x></iframe></noscript><p>a",
	// Implied end tags: paragraphs, lists, definitions, headings; stray end tags.
	"<p>a<div>b</div><p>c<ul><li>d<li>e</ul><dl><dt>f<dd>g<dt>h</dl>",
	"<h1>a<h2>b</h2><p>c<h3>d</h3>",
	"<p>a</p></p><br></br><p>b",
	"<div><span>a</div>b</span>c",
	// Formatting elements closed in order (attributes sorted as the parser sorts them).
	"<p><b>bold</b> and <a href=\"/x\" class=\"z\" id=y>link <i>it</i></a>.</p>",
	"<a href=1 title=t class=c>x</a><b b=2 a=1>y</b>",
	"<p><a href=x><span>t</span></a><em>e<strong>s</strong></em>",
	"<p><a><span>x</a>y</p>",
	// A leading newline in pre, listing and textarea.
	"<pre>\nline1\nline2</pre><pre>\n\nx</pre><listing>\nl</listing><textarea>\nt &amp; u</textarea>",
	// Tables: implied tbody and tr, cells, nested tables, hidden inputs.
	"<table><tr><td>a<td>b<tr><th>c</table>",
	"<table>\n <thead>\n  <tr><th>h</th></tr>\n </thead>\n <tbody>\n  <tr><td><b>x</b></td></tr>\n </tbody>\n</table>",
	"<table><tbody><tr><td><table><tr><td>inner</td></tr></table></td></tr></tbody></table>",
	"<table><!-- c --><tr><td><p>a<td>b</p></table>after",
	"<table><td><b>x</td><td>y</table>",
	"<table><input type=hidden name=a><tr><td>x</td></tr></table>",
	// Forms, buttons, objects, select and options.
	"<form><input name=q><button>go</button></form><form>x</form>",
	"<div><form id=f></div><form>ignored</form></form>",
	"<button>a<button>b</button>",
	"<object data=x><param name=a value=b><embed src=y></object>",
	"<option>a<option>b<optgroup>c",
	"<select name=s><option value=1 selected>a<option>b</select><select><optgroup label=g><option>c</optgroup></select>",
	"<select><option>a<select>b",
	"<select><option>a<input name=x>b",
	"<select><p>a<hr>b</select>",
	// SVG, void elements, self-closing syntax.
	"<svg><title>T &amp; x</title><desc>d</desc><style>.a{fill:red}</style><path d=\"M0\"/></svg>",
	"<hr/><br/><img src=x alt=\"a&quot;b\"/><input/><wbr/><div/>text",
	// Attribute syntax: duplicate keys in other cases, empty keys, a '/' after
	// an unquoted value, values without space between them, CR in values.
	"<div a = 'x' B=y A=z =w b>1</div><p title=a/>2<div x=\"y\"z=w/ id=1>3</div><img src=a/ alt=b/><span c=>4</span>",
	"<div data-x=\"a\r\nb\rc\" class='p&amp;q&ampr&amp=s' Class=t/><a HREF=/x?a=1&b=2 title='&notit; &notin;'>5</a>",
	"<svg width=10 height=10 viewBox=\"0 0 10 10\"><g><path d=\"M0 0L1 1\"/><circle cx=1 cy=1 r=1></circle></g></svg>after",
	"<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\"><use xlink:href=\"#i\"/><lineargradient id=g><stop offset=0 /></lineargradient></svg>",
	"<svg/><p>x",
	"<svg><text><textpath href=#p>on a path</textpath><altglyph>g</altglyph></text><altglyphdef><altglyphitem><glyphref/></altglyphitem></altglyphdef><animatecolor/></svg>",
	"<svg><image href=x /><metadata>m</metadata><a href=#><text>t</text></a><script>if (a &lt; b) {}</script></svg>",
	"<svg><switch><g requiredFeatures=x><rect/></g></switch><sodipodi:namedview id=n /></svg>",
	// Character references, newlines, the case of names.
	"<p>a &copy; b &copy c &amp;x &notit; &#169; &#xA9; &#9 &unknown;</p>",
	"<a href=\"?a=1&copy=2&amp;b=3&notit;&lt&#38;\">x</a>",
	"<p>\r\ncr\rlf</p><a title=\"a\r\nb\">x</a>",
	"<div CLASS=a Class=b id=c>x</div><DIV>y</Div>",
	// Bogus comments and comment endings.
	"<p>a<?xml version=1?>b<!bogus>c</ x>d</>e",
	"<p>x<!-->y<!--->z<!---->w<!-- a --!>v",
	// Raw text in body; head elements in body.
	"<iframe src=x><p>raw</p></iframe><xmp><b>raw</b></xmp><noembed>n</noembed><noframes>f</noframes>",
	"<p>a<html lang=fr class=x><body id=b>",
	"<meta name=a><p>x</p><link rel=y><style>s</style><script>1</script>",
	"<head></head><script>a</script><body>",
	// Custom elements and blocks.
	"<custom-el data-x=1>a</custom-el><my-tag>b</MY-TAG>",
	"<p>a<address>b</address><details><summary>s</summary>d</details>",
	"<main><article><section><header>h</header><footer>f</footer></section></article></main>",
	"<figure><img src=a><figcaption>c</figcaption></figure>",
	"<ul><li>a<ul><li>b</ul><li>c</ul>",
	"<dl><div><dt>a<dd>b</div></dl>",
	"<table><tr><td>a</td></tr><tr><td>b</td></tr></table><p>c",
	// Captions and column groups.
	"<table><caption>Cap <b>b</b></caption><colgroup><col span=2><col></colgroup><tr><td>x</table>",
	"<table><caption>c<tr><td>x</table>",
	"<table><col width=1><col><thead><tr><th>h</table>",
	"<table><colgroup> <!-- c --> <col></colgroup></table>",
	"<caption>c<table><caption><div>c</table>x",
	"<table><caption><b>c</table><p>x",
	// End tags without an open element; merged text.
	"</div><p>x</span>",
	"<p>a</x>b</y>c<!-- d -->e</x>f",
	// Templates.
	"<head><template id=t><div>a</div></template></head><body><template><p>x<b>y</template>z",
	"<template><form><input></form></template><form>f</form></form>",
	"<template>a<html lang=x><body c=1></template>",
	"<template><template>x</template></template>",
	"<template><p>open at the end",
	"<template><script>s</script>text<link rel=x></template>",
	"<table><tr><td><template><div>x</div></template></td></tr></table>",
	"<head></head><template><meta name=a></template><body>",
	// Attributes copied by a first <body> or <html> tag in body; white space after the body.
	"<p>x<body b=2 a=3 b=4><html c=4>",
	"<body><div>\n</div>\n\n</body>\n</html>\n\n",
}

func TestBuildCases(t *testing.T) {
	for i, c := range buildCases {
		if !checkSame(t, fmt.Sprintf("case %d %.40q", i, c), c) {
			t.Errorf("case %d %q: builder gave up", i, c)
		}
	}
}

// bailCases need the parser's harder machinery: the builder must give up
// on each (and html.Parse builds the tree).
var bailCases = []string{
	"<p><b>x<p>y",                        // formatting element reopened
	"<b>a<div>b</b>c</div>",              // adoption agency
	"<a href=1>x<a href=2>y",             // <a> inside <a>
	"<b><b><b><b>x",                      // a fourth identical formatting element
	"<table>text</table>",                // foster parenting
	"<table><div>x</div></table>",        // foster parenting
	"<table><colgroup>x</table>",         // foster parenting after a column group
	"<template><tr><td>x</template>",     // table parts in a template
	"<frameset><frame></frameset>",       // frameset
	"<math><mi>x</mi></math>",            // MathML
	"<svg><title><b>t</b></title></svg>", // start tag in an HTML integration point
	"<svg><foreignObject><p>x</foreignObject></svg>",
	"<svg><p>x</svg>",          // breakout
	"<svg><![CDATA[x]]></svg>", // CDATA
	"<plaintext>x",             // plaintext
	"<image src=x>",            // image
	"<nobr>x",                  // nobr
	"<ruby>a<rt>b</ruby>",      // ruby
	"<p>a\x00b",                // NUL
	"<form><div></form>x",      // form end leaving elements open
	"<div",                     // token cut by the end
}

func TestBuildBails(t *testing.T) {
	for _, c := range bailCases {
		if built(c) != nil {
			t.Errorf("%q: builder accepted", c)
		}
	}
}

// TestBuildPruned checks that the text the pruner leaves out is left out
// of the built tree too, as it is of html.Parse's input.
func TestBuildPruned(t *testing.T) {
	s := "<head><script>var a = '<p>';</script><style>p{}</style><script type=\"application/ld+json\">{}</script></head><p>x"
	doc := built(s)
	if doc == nil {
		t.Fatal("builder gave up")
	}
	if d := treeDiff(reference(t, s), doc); d != "" {
		t.Fatal(d)
	}
	b, _ := io.ReadAll(prepare(s, maxDepth))
	if strings.Contains(string(b), "var a") {
		t.Fatalf("script text not pruned: %s", b)
	}
}

// TestParseAllocations checks that Parse builds the golden pages itself,
// with a small fraction of the allocations html.Parse makes.
func TestParseAllocations(t *testing.T) {
	paths, _ := filepath.Glob("../../../testdata/golden/*/input.html")
	if len(paths) == 0 {
		t.Fatal("no golden pages")
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if built(s) == nil {
			t.Errorf("%s: builder gave up", p)
			continue
		}
		ours := testing.AllocsPerRun(3, func() { _, _ = Parse(s) })
		theirs := testing.AllocsPerRun(3, func() { _, _ = html.Parse(strings.NewReader(s)) })
		const maxShare = 0.2 // of html.Parse's allocations
		if ours > maxShare*theirs {
			t.Errorf("%s: Parse made %.0f allocations, html.Parse %.0f", p, ours, theirs)
		}
	}
}

func TestAttrValue(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a&amp;b", "a&b"},
		{"?a=1&copy=2", "?a=1&copy=2"},   // legacy name before '=': kept
		{"?a=1&copy;=2", "?a=1\u00a9=2"}, // with ';' it is decoded
		{"&copy x", "\u00a9 x"},          // legacy name without ';'
		{"&notit;", "&notit;"},           // only starts with an entity's name
		{"&notin;", "\u2209"},
		{"&#169;&#xA9;&#9", "\u00a9\u00a9\t"},
		{"&#;&#x;&", "&#;&#x;&"},
		{"&semi;&fjlig;", ";fj"},
		{"a\r\nb\rc", "a\nb\nc"},
		{"&ampx", "&ampx"},
		{"&amp", "&"},
	}
	for _, tt := range tests {
		if got := attrValue(tt.in); got != tt.want {
			t.Errorf("attrValue(%q) = %q, want %q", tt.in, got, tt.want)
		}
		// The tokenizer decodes the same value the same way.
		doc, err := html.Parse(strings.NewReader("<a title=\"" + tt.in + "\">"))
		if err != nil {
			t.Fatal(err)
		}
		a := doc.FirstChild.LastChild.FirstChild
		if a.Attr[0].Val != tt.want {
			t.Errorf("tokenizer: %q gives %q, want %q", tt.in, a.Attr[0].Val, tt.want)
		}
	}
}

func TestCommentData(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"<!-- a -->", " a "},
		{"<!-->", ""},
		{"<!--->", ""},
		{"<!---->", ""},
		{"<!-- b --!>", " b "},
		{"<!--c--->", "c-"},
		{"</>", ""},
		{"</ x>", " x"},
		{"<?xml v?>", "?xml v?"},
		{"<!bogus>", "bogus"},
	}
	for _, tt := range tests {
		if got := commentData(tt.raw); got != tt.want {
			t.Errorf("commentData(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

// randomMarkup pieces: tags of the constructs the builder models and of
// some it leaves to html.Parse, in any order, so that their combinations
// are checked.
var randomMarkup = []string{
	"<p>", "</p>", "<div>", "</div>", "<span class=s>", "</span>", "<b>", "</b>", "<i>", "</i>",
	"<a href='/x?a=1&amp;b=2'>", "</a>", "<em>", "</em>", "<strong>", "</strong>",
	"<ul>", "</ul>", "<ol>", "<li>", "</li>", "<dl>", "<dt>", "<dd>", "</dl>",
	"<h1>", "</h1>", "<h2>", "</h2>", "<pre>", "</pre>", "<blockquote>", "</blockquote>",
	"<table>", "</table>", "<caption>", "</caption>", "<colgroup>", "<col>", "<thead>",
	"<tbody>", "</tbody>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>",
	"<form>", "</form>", "<input type=hidden>", "<input>", "<button>", "</button>",
	"<select>", "</select>", "<option>", "</option>", "<optgroup>", "<hr>", "<br>", "</br>",
	"<img src=x>", "<svg viewBox='0 0 1 1'>", "</svg>", "<path d='M0'/>", "<g>", "</g>",
	"<title>t</title>", "<desc>", "</desc>", "<template>", "</template>", "<script>x</script>",
	"<style>s</style>", "<noscript>n</noscript>", "<textarea>\nt</textarea>", "<object>",
	"</object>", "<head>", "</head>", "<body>", "</body>", "</html>", "<meta name=m>",
	"<!-- c -->", "text", " ", "\n", "a &amp; b", "&copy", "<figure>", "</figure>", "<nav>",
	"</nav>", "<section>", "</section>", "<article>", "</article>", "<html lang=en>",
	"<xmp>x</xmp>", "<iframe>i</iframe>", "<listing>", "<a>", "</x>", "<custom>", "</custom>",
	"<p/>", "<br/>", "<svg/>", "<table/>", "<li/>", "<math>", "<image>", "<nobr>", "<rt>", "<!DOCTYPE html>",
	"<!doctype html public 'x'>", "<html>", "<body a=1>", "<rect/>", "<style>", "</style>", "<title>", "</title>",
	"<svg><title>", "</title></svg>", "<marquee>", "</marquee>", "<applet>", "</applet>", "<font color=red>", "</font>",
	"<th>", "<u>", "</u>", "<s>", "<small>", "</small>", "<code>", "</code>", "<tfoot>", "</tfoot>", "</thead>",
	"<input type=HIDDEN>", "<label>", "</label>", "<param>", "<source>", "<embed>", "<wbr>", "<keygen>", "</caption>",
	"</colgroup>", "</col>", "</td>", "</tr>", "</table>", "</li>", "</dd>", "</dt>", "</h3>", "<h3>", "</option>",
	"</optgroup>", "<main>", "</main>", "<address>", "</address>", "<details>", "<summary>", "</summary>",
	"<!---->", "<?pi?>", "</ >", "\r\n", "&#x41;", "&lt;p&gt;", "<a href=x/>", "<q>", "</q>", "</body></html>",
	"<head><meta charset=utf-8></head>", "<base href=/>", "<link rel=x>", "</template>", "<template><tr>",
	"<svg><clippath><rect/></clippath></svg>", "<svg><a href=x><text>t</text></a></svg>", "</svg>", "</g>", "</path>",
}

// TestBuildRandom compares the builder with html.Parse on random
// sequences of those pieces.
func TestBuildRandom(t *testing.T) {
	const pages, pieces = 5000, 40
	r := rand.New(rand.NewPCG(1, 2))
	accepted := 0
	for range pages {
		var sb strings.Builder
		for range r.IntN(pieces) + 1 {
			sb.WriteString(randomMarkup[r.IntN(len(randomMarkup))])
		}
		if checkSame(t, sb.String(), sb.String()) {
			accepted++
		}
	}
	t.Logf("builder accepted %d of %d random pages", accepted, pages)
	if accepted < pages/10 {
		t.Errorf("builder accepted only %d of %d random pages", accepted, pages)
	}
}
