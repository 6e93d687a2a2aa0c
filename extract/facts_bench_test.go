package extract_test

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsclean/newsclean/extract"
	"github.com/newsclean/newsclean/extract/internal/facts"
)

// BenchmarkFacts compares extraction alone with extraction plus the facts
// reader (dateline, people, quotes) over the shared benchmark pages; the
// facts may cost at most a quarter of extraction.
func BenchmarkFacts(b *testing.B) {
	pages := loadBench(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p.html))
	}
	for _, c := range []struct {
		name    string
		noFacts bool
	}{{"extract", true}, {"extract+facts", false}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			quotes := 0
			for b.Loop() {
				quotes = 0
				for _, p := range pages {
					a, err := extract.FromBytes(p.html, extract.Options{NoFacts: c.noFacts})
					if err != nil {
						continue
					}
					quotes += len(a.Quotes)
				}
			}
			if !c.noFacts && quotes == 0 {
				b.Fatal("no quotes found over the benchmark pages")
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*len(pages)), "ms/page")
		})
	}
	// On a busy machine the two runs above see different loads; timing the
	// facts reader page by page right after extracting the page gives a
	// ratio that the load mostly cancels out of.
	b.Run("interleaved", func(b *testing.B) {
		var ext, fa time.Duration
		for b.Loop() {
			for _, p := range pages {
				t0 := time.Now()
				a, err := extract.FromBytes(p.html, extract.Options{NoFacts: true})
				t1 := time.Now()
				ext += t1.Sub(t0)
				if err != nil {
					continue
				}
				paras := make([]string, len(a.Blocks))
				for i, bl := range a.Blocks {
					paras[i] = bl.Text
				}
				t1 = time.Now()
				facts.Analyze(paras, t1)
				fa += time.Since(t1)
			}
		}
		b.ReportMetric(float64(ext+fa)/float64(ext), "x-extract")
		b.ReportMetric(float64(fa.Microseconds())/1000/float64(b.N*len(pages)), "facts-ms/page")
	})
}

const seedPage = "../../shared/seeds/000_0dad7d50271e7878.txt"

// TestSeedFacts checks the facts of the shared seed page, a scraped text
// dump full of clutter.
func TestSeedFacts(t *testing.T) {
	data, err := os.ReadFile(seedPage)
	if err != nil {
		t.Skipf("seed page not found (it lives outside the repository): %v", err)
	}
	now := func() time.Time { return time.Date(2019, 7, 15, 0, 0, 0, 0, time.UTC) }
	a, err := extract.FromReader(bytes.NewReader(data), extract.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if a.Dateline == nil || a.Dateline.Place != "PARIS" || a.Dateline.Date != "" || a.Dateline.Agency != "" {
		t.Errorf("dateline = %+v, want PARIS with no date or agency", a.Dateline)
	}
	roles := map[string]string{}
	var names []string
	for _, p := range a.People {
		names = append(names, p.Name)
		roles[p.Name] = p.Role
	}
	slices.Sort(names)
	want := []string{"Chang Li Lin", "Edouard Philippe", "Emmanuel Macron", "Lee Hsien Loong"}
	if !slices.Equal(names, want) {
		t.Errorf("people = %q, want %q", names, want)
	}
	for name, role := range map[string]string{"Lee Hsien Loong": "Prime Minister", "Emmanuel Macron": "French President",
		"Chang Li Lin": "press secretary", "Edouard Philippe": "French counterpart"} {
		if roles[name] != role {
			t.Errorf("role of %s = %q, want %q", name, roles[name], role)
		}
	}
	speakers := map[string]string{
		"Given the transboundary nature":              "the document",
		"They had a good and wide-ranging discussion": "Chang Li Lin",
		"work to defend the international openness":   "roadmap",
		"come under great pressure":                   "Chang Li Lin",
		"free and open international trading system":  "Chang Li Lin",
	}
	for prefix, want := range speakers {
		found := false
		for _, q := range a.Quotes {
			if !strings.HasPrefix(q.Text, prefix) {
				continue
			}
			found = true
			if q.Speaker == nil || !strings.HasSuffix(*q.Speaker, want) {
				t.Errorf("speaker of %q = %v, want %q", prefix, q.Speaker, want)
			}
		}
		if !found {
			t.Errorf("quote %q not found in %d quotes", prefix, len(a.Quotes))
		}
	}
}
