//go:build linux

package faults

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// bin is the newsclean binary built once by TestMain.
var bin string

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "newsclean-faults-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	// Other users must reach the binary (the unreadable-file case runs it
	// as nobody).
	if err := os.Chmod(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	bin = filepath.Join(dir, "newsclean")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/newsclean/newsclean/cmd/newsclean")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building newsclean:", err)
		return 1
	}
	defer removeCorpus()
	return m.Run()
}

// Word lists of the page generator. The pages read like local news: a
// headline, a byline, a dated first paragraph, quotes, and the usual
// navigation, share bar and footer around the article.
var (
	places   = []string{"PORTHAVEN", "LINDFORD", "ASHCOMBE", "KELBY", "MARROW BAY", "ELDERTON", "STANMOOR", "GREYWICK"}
	subjects = []string{"council", "harbour board", "hospital trust", "school governors", "rail operator", "water company", "fire service", "library committee", "bus company", "planning panel"}
	verbs    = []string{"approved", "delayed", "rejected", "announced", "reviewed", "cut", "expanded", "defended", "postponed", "funded"}
	objects  = []string{"a new bridge", "the flood barrier", "evening services", "the summer timetable", "repairs to the pier", "a housing plan", "the night clinic", "a cycle lane", "the market hall", "school meals"}
	people   = []string{"Megan Fairlie", "Alan Treweek", "Priya Castell", "Tom Okafor", "Jane Hollis", "Rhys Penrose", "Dana Whitlow", "Samuel Idris"}
	roles    = []string{"council leader", "harbour master", "chief executive", "local resident", "union representative", "head teacher", "ward councillor"}
	months   = []string{"Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"}
	fillers  = []string{
		"Residents had asked for the change for several years, and a petition last spring gathered more than two thousand names.",
		"The cost will be met from reserves and a grant, officials said, and no rise in local charges is planned this year.",
		"Opponents said the decision was rushed and that the public had too little time to read the papers before the vote.",
		"Work is expected to start in the autumn and to last about eight months, with some roads closed at night.",
		"A report to the meeting said demand had grown by a fifth since the service was last reviewed.",
		"Traders on the high street welcomed the news but asked for clearer signs while the work goes on.",
		"The figures will be published in full next month, together with the answers to questions from the public.",
		"Similar schemes in neighbouring towns have been judged a success by independent inspectors.",
	}
)

// page returns generated page i: the same i always gives the same bytes.
func page(i int) []byte {
	r := rand.New(rand.NewPCG(uint64(i), 0x6e657773))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	subj, verb, obj := pick(subjects), pick(verbs), pick(objects)
	title := fmt.Sprintf("%s %s %s (report %d)", strings.ToUpper(subj[:1])+subj[1:], verb, obj, i)
	author, speaker, role := pick(people), pick(people), pick(roles)
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%s | The Valley Herald</title>
<meta name="author" content="%s"></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/contact">Contact</a></nav></header>
<main><article><h1>%s</h1><p class="byline">By %s</p>
`, title, author, title, author)
	fmt.Fprintf(&b, "<p>%s, %s %d - The %s has %s %s, officials said on %s.</p>\n",
		pick(places), pick(months), 1+r.IntN(28), subj, verb, obj, pick([]string{"Monday", "Tuesday", "Thursday", "Friday"}))
	for range 3 + r.IntN(4) {
		fmt.Fprintf(&b, "<p>%s %s</p>\n", pick(fillers), pick(fillers))
	}
	fmt.Fprintf(&b, "<p>\"This is the right decision for the town,\" said %s %s. \"We will keep listening.\"</p>\n", role, speaker)
	b.WriteString(`</article>
<aside class="share"><a href="#">Share on Facebook</a> <a href="#">Share by email</a></aside>
<aside class="newsletter">Subscribe to our newsletter for the latest local news.</aside></main>
<footer><p>&copy; The Valley Herald. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>
`)
	return []byte(b.String())
}

// writePages writes pages [from, to) under dir, perDir files to a
// subdirectory, and returns dir.
func writePages(t testing.TB, dir string, from, to, perDir int) string {
	t.Helper()
	for i := from; i < to; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("d%03d", i/perDir))
		if i%perDir == 0 || i == from {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		name := filepath.Join(sub, fmt.Sprintf("story-%06d.html", i))
		if err := os.WriteFile(name, page(i), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
