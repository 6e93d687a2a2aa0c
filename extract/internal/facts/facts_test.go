package facts

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// published is the publication time the annotated articles assume.
var published = time.Date(2019, 11, 20, 12, 0, 0, 0, time.UTC)

// splitParagraphs splits a text article at blank lines (or at newlines
// when it has no blank lines).
func splitParagraphs(s string) []string {
	sep := "\n\n"
	if !strings.Contains(s, sep) {
		sep = "\n"
	}
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(strings.ReplaceAll(p, "\n", " ")); p != "" {
			out = append(out, p)
		}
	}
	return out
}

const ownData = "../../../testdata/facts"

// TestAnnotated holds the acceptance bars on our own annotated articles:
// on the tuning articles and, reported apart, on the validation quarter.
func TestAnnotated(t *testing.T) {
	g := readGold(t, filepath.Join(ownData, "gold.json"))
	if len(g.Articles) < 50 {
		t.Fatalf("want at least 50 annotated articles, have %d", len(g.Articles))
	}
	var tuning tally
	validation := tally{quiet: true} // a score, not a worklist
	for _, a := range g.Articles {
		data, err := os.ReadFile(filepath.Join(ownData, a.ID+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		tl := &tuning
		if a.Validation {
			tl = &validation
		}
		tl.add(a, Analyze(splitParagraphs(string(data)), published))
	}
	t.Run("tuning", func(t *testing.T) { tuning.check(t) })
	t.Run("validation", func(t *testing.T) { validation.check(t) })
}

// TestMetaDev holds the bars on the shared development set, read from the
// benchmark's gold article text.
func TestMetaDev(t *testing.T) {
	goldPath := "../../../../shared/metadata-dev/meta-dev-gold.json"
	benchPath := "../../../../shared/bench/scrapinghub/ground-truth.json"
	if _, err := os.Stat(goldPath); err != nil {
		t.Skip("../shared/metadata-dev is absent: skipping the shared development set")
	}
	g := readGold(t, goldPath)
	data, err := os.ReadFile(benchPath)
	if err != nil {
		t.Skip("../shared/bench is absent: skipping the shared development set")
	}
	var bench map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(data, &bench); err != nil {
		t.Fatal(err)
	}
	var all tally
	for _, a := range g.Articles {
		body, ok := bench[a.ID]
		if !ok {
			continue
		}
		all.add(a, Analyze(splitParagraphs(body.ArticleBody), published))
	}
	all.check(t)
}

// TestConcurrent runs Analyze from several goroutines (the batch runner
// does) so that -race checks the lazily loaded lists.
func TestConcurrent(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(ownData, "01-statehouse.txt"))
	if err != nil {
		t.Fatal(err)
	}
	paras := splitParagraphs(string(data))
	want := Analyze(paras, published)
	done := make(chan Result)
	for range 4 {
		go func() { done <- Analyze(paras, published) }()
	}
	for range 4 {
		if got := <-done; len(got.People) != len(want.People) || len(got.Quotes) != len(want.Quotes) {
			t.Errorf("concurrent run differs: %d people, %d quotes; want %d, %d", len(got.People), len(got.Quotes), len(want.People), len(want.Quotes))
		}
	}
}

// TestAnalyzeConcurrent runs the reader on the annotated articles from
// several goroutines at once (the word lists are built on first use and
// shared); run it with -race. Each result must equal a lone run's.
func TestAnalyzeConcurrent(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(ownData, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in %s: %v", ownData, err)
	}
	var articles [][]string
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		articles = append(articles, splitParagraphs(string(data)))
	}
	want := make([]Result, len(articles))
	for i, a := range articles {
		want[i] = Analyze(a, published)
	}
	const workers = 4
	errs := make(chan string, workers*len(articles))
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i, a := range articles {
				if got := Analyze(a, published); !reflect.DeepEqual(got, want[i]) {
					errs <- files[i]
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for name := range errs {
		t.Errorf("%s: a concurrent run differs from a lone one", name)
	}
}
