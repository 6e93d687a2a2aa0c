package clean

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestCountText(t *testing.T) {
	for _, tc := range []struct {
		in     string
		n      int32
		commas int32
		some   bool
	}{
		{"", 0, 0, false},
		{" \n\t", 0, 0, false},
		{"word", 4, 0, true},
		{"  two  words ", 9, 0, true},
		{"a, b，c\u00a0d", 8, 2, true},
		{"überall   ja", 10, 0, true},
	} {
		c, commas := countText(tc.in)
		if c.n != tc.n || commas != tc.commas || c.some != tc.some {
			t.Errorf("countText(%q) = %d chars, %d commas, some %v; want %d, %d, %v", tc.in, c.n, commas, c.some, tc.n, tc.commas, tc.some)
		}
	}
}

// Counting two texts apart and adding the counts gives the count of the
// texts joined, whatever white space lies at their edges.
func TestTextCountAdd(t *testing.T) {
	pieces := []string{"", " ", "a", "ab", " a", "a ", " a b ", "\n\n", "x  y", "é"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		k := 1 + r.IntN(5)
		var joined strings.Builder
		var sum textCount
		for range k {
			p := pieces[r.IntN(len(pieces))]
			joined.WriteString(p)
			c, _ := countText(p)
			sum = sum.add(c)
		}
		want, _ := countText(joined.String())
		if sum.n != want.n || sum.some != want.some {
			t.Fatalf("%q: added counts give %d (some %v), the joined text %d (some %v)", joined.String(), sum.n, sum.some, want.n, want.some)
		}
	}
}

func pickPage(t *testing.T, src string) []Block {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	blocks, _ := pickArticle(doc, nil, "")
	return blocks
}

func blockTexts(blocks []Block) []string {
	var out []string
	for _, b := range blocks {
		out = append(out, b.Text)
	}
	return out
}

// The story's container is picked over the menu and the list of links
// beside it, and a paragraph that follows the container joins it.
func TestPickContainer(t *testing.T) {
	para := func(i int) string {
		return "<p>Paragraph " + string(rune('A'+i)) + " of the story, which tells, at some length and with commas, what the council decided on Tuesday.</p>"
	}
	var story strings.Builder
	for i := range 6 {
		story.WriteString(para(i))
	}
	src := `<html><body><nav class="menu"><a href="/a">Home</a> <a href="/b">World</a></nav>
<div class="layout"><div class="story-body">` + story.String() + `</div>
<p>A closing note on the story, long enough to count as prose by its length alone, joins it.</p>
<div class="links"><a href="/1">Another story with a long headline about the weather</a> <a href="/2">And one more about the local football club's season</a></div>
</div></body></html>`
	got := blockTexts(pickPage(t, src))
	if len(got) != 7 || !strings.HasPrefix(got[0], "Paragraph A") || !strings.HasPrefix(got[6], "A closing note") {
		t.Fatalf("picked %q", got)
	}
}

// A page with too little text for any pass gets the longest choice, as
// from readability; a page with none leaves the choice to readability.
func TestPickShortPage(t *testing.T) {
	src := `<html><body><div><p>One short paragraph of a story, with a comma or two, that is all.</p></div></body></html>`
	if got := blockTexts(pickPage(t, src)); len(got) != 1 {
		t.Fatalf("picked %q from a page with one short paragraph", got)
	}
	if got := pickPage(t, `<html><body><div><img src="a.jpg"></div></body></html>`); got != nil {
		t.Fatalf("picked %q from a page without text", blockTexts(got))
	}
}

// Inside the container, boxes readability cuts are cut: a share box, a
// box of links; a data table stays. (A lone "Advertisement" is a
// paragraph to readability; the block rules cut it.)
func TestArticleCuts(t *testing.T) {
	long := strings.Repeat("The council met on Tuesday, and again on Wednesday, to settle the budget. ", 3)
	src := `<html><body><div class="article-body">
<p>` + long + `</p>
<div class="share-tools"><a href="https://x.example/share">Share on X</a> Copy link</div>
<div class="more"><a href="/1">Read more from the council</a> <a href="/2">Budget explainer</a></div>
<p>` + long + `</p>
<table><thead><tr><th>Item</th><th>Cost</th></tr></thead><tr><td>Schools</td><td>4m</td></tr></table>
<p>` + long + `</p>
</div></body></html>`
	got := blockTexts(pickPage(t, src))
	for _, cut := range []string{"Share on X", "Read more"} {
		if slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, cut) }) {
			t.Errorf("%q kept: %q", cut, got)
		}
	}
	if !slices.Contains(got, "Schools\t4m") {
		t.Errorf("data table cut: %q", got)
	}
}

// A run of two breaks ends a paragraph, as readability reads it.
func TestPickBreakRuns(t *testing.T) {
	line := "A line of the post that runs on for a while, long enough to be scored, and more"
	src := `<html><body><div class="post">` + strings.Repeat(line+`<br><br>`, 8) + `</div></body></html>`
	got := blockTexts(pickPage(t, src))
	if len(got) != 8 || got[0] != line {
		t.Fatalf("picked %q", got)
	}
}

// FuzzPick checks, on any markup, that choosing the container leaves the
// page untouched (the safety net and readability read it after) and picks
// no text the page does not hold.
func FuzzPick(f *testing.F) {
	long := strings.Repeat("The council met on Tuesday, and again on Wednesday, to settle the budget. ", 4)
	f.Add("The council settles the budget", `<div class="story"><p>`+long+`</p><p>`+long+`</p><div class="share">Share</div></div>`)
	f.Add("The council settles the budget", `<body><div>`+long+`<br><br>`+long+`<br><br><a href="#x">`+long+`</a></div></body>`)
	f.Add("The council settles the budget", `<table><tr><td><p>`+long+`</p></td><td>x</td></tr></table><ul><li><img src=a><li>b</ul>`)
	f.Add("The council settles the budget", `<div><p>`+long+`</p></div><p>`+long[:90]+`</p><p>Short. </p><form><input></form>`)
	f.Add("", "<div><p>"+long+"\xc3\x82\xff"+long+"</p></div>") // invalid UTF-8 comes out replaced
	if paths, _ := filepath.Glob("../../../testdata/golden/*/input.html"); len(paths) > 0 {
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add("", string(b))
			}
		}
	}
	f.Fuzz(func(t *testing.T, title, src string) {
		doc, err := html.Parse(strings.NewReader(src))
		if err != nil {
			return
		}
		var before strings.Builder
		if err := html.Render(&before, doc); err != nil {
			return
		}
		blocks, _ := pickArticle(doc, nil, title)
		var after strings.Builder
		if err := html.Render(&after, doc); err != nil {
			t.Fatal(err)
		}
		if before.String() != after.String() {
			t.Fatal("choosing the container changed the page")
		}
		page := strings.Join(strings.Fields(normalizeSpace(Sanitize(innerText(doc)))), "")
		for _, b := range blocks {
			for _, w := range strings.Fields(b.Text) {
				if !strings.Contains(page, w) {
					t.Fatalf("picked %q, which the page does not hold", w)
				}
			}
		}
	})
}

// The first heading that repeats the page's title is left out of the
// story, as readability leaves it out; a later one stays.
func TestPickTitleHeading(t *testing.T) {
	long := strings.Repeat("The council met on Tuesday, and again on Wednesday, to settle the budget. ", 4)
	src := `<html><body><div class="story"><h1>Council settles the budget at last</h1><p>` + long + `</p>
<h2>Council settles the budget at last</h2><p>` + long + `</p></div></body></html>`
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	blocks, _ := pickArticle(doc, nil, "Council settles the budget at last - The Courier")
	var heads []string
	for _, b := range blocks {
		if b.Kind == "h" {
			heads = append(heads, b.Text)
		}
	}
	if len(heads) != 1 || len(blocks) != 3 {
		t.Fatalf("headings %q in %q", heads, blockTexts(blocks))
	}
}

// When a pass chooses too little text, the rules relax as readability's
// do: here the story sits in a box whose class names furniture, which the
// first pass drops.
func TestPickRelaxes(t *testing.T) {
	long := strings.Repeat("The council met on Tuesday, and again on Wednesday, to settle the budget. ", 3)
	src := `<html><body><div class="intro"><p>A short note on the page, with a comma, and nothing more to it.</p></div>
<div class="social-feature"><p>` + long + `</p><p>` + long + `</p><p>` + long + `</p></div></body></html>`
	got := blockTexts(pickPage(t, src))
	if len(got) < 3 || !strings.HasPrefix(got[len(got)-1], "The council met") {
		t.Fatalf("picked %q", got)
	}
}

// An element left out of the story still ends the line before it: text on
// either side of an empty separator box makes two paragraphs.
func TestPickSeparator(t *testing.T) {
	long := strings.Repeat("The council met on Tuesday, and again on Wednesday, to settle the budget. ", 4)
	src := `<html><body><div class="story">` + long + `<div class="fake-br"></div>` + long + `<div class="fake-br"></div>` + long + `</div></body></html>`
	got := blockTexts(pickPage(t, src))
	if len(got) != 3 {
		t.Fatalf("picked %d blocks: %q", len(got), got)
	}
}
