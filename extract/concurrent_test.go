package extract_test

import (
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsclean/newsclean/extract"
)

// TestConcurrentExtract extracts every golden page from several goroutines
// at once and checks each result against the one extracted alone: the
// cleaner shares buffers between calls, and FromBytes is documented as
// safe for concurrent use (run with -race).
func TestConcurrentExtract(t *testing.T) {
	cases := goldenCases(t)
	opts := extract.Options{Now: func() time.Time { return goldenNow }, Explain: true}
	want := make([]*extract.Article, len(cases))
	for i, c := range cases {
		want[i], _ = extract.FromBytes(c.data, opts)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for round := range 3 {
				for i, c := range cases {
					got, _ := extract.FromBytes(c.data, opts)
					if d := cmp.Diff(want[i], got); d != "" {
						t.Errorf("%s, round %d: concurrent result differs (-alone +concurrent):\n%s", c.name, round, d)
					}
				}
			}
		})
	}
	wg.Wait()
}
