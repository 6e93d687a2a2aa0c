package htmlinput

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

type tokenRecord struct {
	tt html.TokenType
	n  int
}

// recorder notes every token a source yields.
type recorder struct {
	tokenSource
	toks []tokenRecord
}

func (r *recorder) next() (html.TokenType, int) {
	tt, n := r.tokenSource.next()
	r.toks = append(r.toks, tokenRecord{tt, n})
	return tt, n
}

// sameTokens runs the model over both sources and reports a difference
// between the scanner's tokens and the tokenizer's, unless the scanner
// gave up. It returns whether the scanner finished.
func sameTokens(t *testing.T, name, s string) bool {
	t.Helper()
	quick := &recorder{tokenSource: newScanner(s)}
	full := &recorder{tokenSource: &htmlTokens{z: html.NewTokenizer(strings.NewReader(s))}}
	runModel(s, maxDepth, quick, false, nil)
	runModel(s, maxDepth, full, false, nil)
	if quick.failed() {
		return false
	}
	for i := range max(len(quick.toks), len(full.toks)) {
		var q, f tokenRecord
		if i < len(quick.toks) {
			q = quick.toks[i]
		}
		if i < len(full.toks) {
			f = full.toks[i]
		}
		if q != f {
			at := 0
			for _, r := range full.toks[:min(i, len(full.toks))] {
				at += r.n
			}
			t.Fatalf("%s: token %d at byte %d: scanner %v/%d, tokenizer %v/%d near %q", name, i, at, q.tt, q.n, f.tt, f.n, s[at:min(len(s), at+40)])
		}
	}
	return true
}

var scannerCases = []string{
	`<!DOCTYPE html><html><head><title>A <b> title</title></head><body><p class="x">Hi</p></body></html>`,
	`<p a='x>y' b="z>w" c=u>v</p>`,
	`<br/><img src="a.png" /><a href=/x/>link</a><a href="/x/"/>`,
	`<a b=c/ d/><p =x>t</p><p/ /x>`,
	`<!-- plain --><!----><!--><!---><!-- a --!> b --><!-- x --!y -->`,
	`<!doctype html><!DOCTYPE   html PUBLIC "x"><!bogus><?xml version="1.0"?></ bogus></>`,
	`<script>if (a < b && c </d) {}</script><style>p>a{}</style><textarea></p></TextArea><title></title>`,
	`<script>document.write("<!-- x -->")</script><p>after</p>`,
	`<script><!-- var s = "<script>x</script>"; --></script><p>after</p>`,
	`<script><!-- old browsers </script><p>after</p>`,
	`<script><!--<SCRIPT x></script>y</script>z`,
	`<SCRIPT>x</script ><Style>y</STYLE/>z`,
	`<svg><style><p>a</style><title>b<c</title></svg><math><mi><style>q</style></mi></math>`,
	`text < 3 and 4 > 2 <3 <- <p>x<`,
	`<plaintext><p>all text`,
	`<p>cut <a href="unterminated`,
	`<iframe><p>x</iframe><noscript><p>y</noscript><xmp><b></xmp><noembed>a</noembed><noframes>b</noframes>`,
	"<p>nul\x00byte</p>",
	`<div><span>ſcript</span><ſcript>x</ſcript>`,
	`<p>a</p` + `>`,
	`<script>unterminated`,
	`<title>x</tit`,
	`<script><!--<script>a</script>b--></script>c`,
	`<script><!--<script>a</script>b</script>c`,
	`<script><!--<scripts>a</script>b`,
	`<script><!--<scrip`,
	`<script><!-- x --><script>y</script>z`,
	`<script><!--<script>a<!--b--></script>-->c</script>d`,
	`<script><!--<script>a</scriptx></script>`,
	`<script><!-<a</script>`,
	`<script><!-`,
	`<script><!--<x--></script>`,
	`<script><!--<script/--></script>`,
	`<a href=https://x.org/>t</a><a b=1 b=x/>u</a><a b=x/ >v</a><a =x/>w`,
	`<svg><path d=M0/></svg><svg><a href=x/>t</a></svg>`,
}

func TestScannerMatchesTokenizer(t *testing.T) {
	for _, s := range scannerCases {
		sameTokens(t, "case", s)
	}
	paths, _ := filepath.Glob("../../../testdata/golden/*/input.html")
	more, _ := filepath.Glob("../../../testdata/*/*.html")
	for _, p := range append(paths, more...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !sameTokens(t, p, string(b)) {
			t.Logf("%s: left to the tokenizer", p)
		}
	}
}

// The scanner must agree with the tokenizer on the shared benchmark's real
// pages, and take over nearly all of them.
func TestScannerOnBenchPages(t *testing.T) {
	done, pages := 0, 0
	forBenchPages(t, func(name, s string) {
		pages++
		if sameTokens(t, name, s) {
			done++
		}
	})
	t.Logf("scanner finished %d of %d pages", done, pages)
}

// forBenchPages calls fn with the name and decoded text of each page of the
// shared benchmark, and skips the test when it is not there.
func forBenchPages(t *testing.T, fn func(name, s string)) {
	t.Helper()
	files, _ := filepath.Glob(benchPages)
	if len(files) == 0 {
		t.Skipf("benchmark pages not found (%s lives outside the repository)", benchPages)
	}
	for _, name := range files {
		b, err := readGzipFile(name)
		if err != nil {
			t.Fatal(err)
		}
		s, _, err := Decode(b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		fn(name, s)
	}
}

func FuzzScanner(f *testing.F) {
	for _, s := range scannerCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameTokens(t, "input", s)
	})
}
