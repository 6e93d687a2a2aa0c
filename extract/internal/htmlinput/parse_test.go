package htmlinput

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// depth returns the depth of the deepest node under n, without recursion.
func depth(n *html.Node) int {
	type item struct {
		n *html.Node
		d int
	}
	max := 0
	stack := []item{{n, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.d > max {
			max = it.d
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, it.d + 1})
		}
	}
	return max
}

func countNodes(n *html.Node) int {
	c := 0
	stack := []*html.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		c++
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			stack = append(stack, k)
		}
	}
	return c
}

func textOf(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			continue
		}
		if n.Type == html.ElementNode && n.Data == "p" {
			b.WriteByte('\n')
		}
		for k := n.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return b.String()
}

func TestParseUnchangedWithinBounds(t *testing.T) {
	pages := []string{
		`<!doctype html><html><head><title>T</title><script>if (a<b) x="</div>"</script></head><body><div><p>One<p>Two<ul><li>a<li>b</ul><table><tr><td>c<td>d</table></div></body></html>`,
		`<p><b>bold <i>both</b> italic</i> <a href=x>link <a href=y>other</a>` + strings.Repeat("<div>", 200) + "deep" + strings.Repeat("</div>", 200),
		`<svg><path d="M0 0"/><style>.a{}</style><text>hi</text></svg><math><mi>x</mi></math>`,
	}
	for i, p := range pages {
		if got, _ := flatten(p, maxDepth); got != p {
			t.Errorf("page %d rewritten:\n%s", i, got)
		}
	}
}

func TestParseDeep(t *testing.T) {
	article := strings.Repeat("<p>The council approved the budget on Tuesday after a long debate.</p>", 5)
	for _, n := range []int{600, 10_000, 100_000, 1_000_000} {
		for _, tag := range []string{"div", "span", "table><tr><td", "b", "li", "section><p", "svg><g", "template><div"} {
			name := fmt.Sprintf("%d-%s", n, strings.Fields(tag)[0])
			t.Run(name, func(t *testing.T) {
				if n > 10_000 && testing.Short() {
					t.Skip("big input")
				}
				s := "<html><body>" + strings.Repeat("<"+tag+">", n) + "<h1>Budget</h1>" + article
				doc, err := Parse(s)
				if err != nil {
					t.Fatal(err)
				}
				if d := depth(doc); d > 513 {
					t.Errorf("depth %d", d)
				}
				if c := countNodes(doc); c > 4*n+1000 {
					t.Errorf("%d nodes", c)
				}
				text := textOf(doc)
				if !strings.HasPrefix(tag, "template") && !strings.Contains(text, "The council approved the budget") {
					t.Errorf("article text lost: %.200q", text)
				}
			})
		}
	}
}

func TestParseFormattingClones(t *testing.T) {
	var b strings.Builder
	b.WriteString("<p>")
	for i := range 300 {
		fmt.Fprintf(&b, "<b id=%d>", i)
	}
	b.WriteString(strings.Repeat("</p><p>x", 200_000))
	start := time.Now()
	doc, err := Parse(b.String())
	if err != nil {
		t.Fatal(err)
	}
	if c := countNodes(doc); c > 2_000_000 {
		t.Errorf("%d nodes", c)
	}
	t.Logf("%d nodes in %v", countNodes(doc), time.Since(start))
}

func TestFlattenKeepsText(t *testing.T) {
	s := "<body>" + strings.Repeat("<div>", 300) + "<script>var x = '<p>hidden</p>';</script><title>a<b</title>one</div><div>two<style>p{}</style>" + strings.Repeat("</div>", 300)
	got, _ := flatten(s, 100)
	doc, err := html.Parse(strings.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	text := textOf(doc)
	for _, want := range []string{"one", "two", "a<b"} {
		if !strings.Contains(text, want) {
			t.Errorf("lost %q: %q", want, text)
		}
	}
	for _, bad := range []string{"hidden", "p{}"} {
		if strings.Contains(text, bad) {
			t.Errorf("kept %q: %q", bad, text)
		}
	}
	if strings.Contains(text, "onetwo") {
		t.Errorf("blocks ran together: %q", text)
	}
}

// TestGoldenPagesUnchanged checks that ordinary pages reach the parser
// exactly as written.
func TestGoldenPagesUnchanged(t *testing.T) {
	paths, _ := filepath.Glob("../../../testdata/golden/*/input.html")
	if len(paths) == 0 {
		t.Skip("no golden pages in ../../../testdata/golden")
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s, isHTML, err := Decode(b, Options{})
		if err != nil || !isHTML {
			t.Errorf("%s: decode: html %v, %v", p, isHTML, err)
			continue
		}
		if s != string(b) {
			t.Errorf("%s: decoding changed a UTF-8 page", p)
		}
		if got, _ := flatten(s, maxDepth); got != s {
			t.Errorf("%s: rewritten before parsing", p)
		}
	}
}

// BenchmarkParseDeep parses pages nested 600 to 1,000,000 levels deep;
// the time per level stays flat when flattening is linear.
func BenchmarkParseDeep(b *testing.B) {
	article := strings.Repeat("<p>The council approved the budget on Tuesday after a long debate.</p>", 5)
	for _, n := range []int{600, 100_000, 1_000_000} {
		s := "<html><body>" + strings.Repeat("<div>", n) + "<h1>Budget</h1>" + article
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(s); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/level")
		})
	}
}

// flatten is flattenBuild without the tree: it returns s rewritten as described above, or s itself when nothing
// needs rewriting, and then also the pruner that ran over it (nil after a
// rewrite). The model first runs over the quick scanner's tokens; only
// when that scanner meets markup it leaves to x/net/html's tokenizer, or
// the page needs rewriting, does the model run again over the tokenizer's.
func flatten(s string, limit int) (string, *pruner) {
	out, p, _ := flattenBuild(s, limit, false)
	return out, p
}

// prepare returns s as the parser is to read it: flattened, or, when it
// needs no flattening, without the text the pruner found.
func prepare(s string, limit int) io.Reader {
	return pageReader(flatten(s, limit))
}
