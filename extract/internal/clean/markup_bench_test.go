package clean

import (
	"testing"
	"time"

	"github.com/newsclean/newsclean/extract/internal/benchpages"
)

// BenchmarkMarkupPass measures, over the pages of ../shared/bench parsed
// as the extractor parses them, the passes over the markup around
// readability: preClean, then the blocks of the page's body and the
// search for a container marked as the article body (widen), each timed
// on its own.
func BenchmarkMarkupPass(b *testing.B) {
	pages := benchPages(b)
	var pre, blocks, wide time.Duration
	for b.Loop() {
		for _, page := range pages {
			doc := benchpages.Parse(b, page)
			start := time.Now()
			preClean(doc, false)
			pre += time.Since(start)
			start = time.Now()
			picked := toBlocks(findBody(doc), nil)
			blocks += time.Since(start)
			start = time.Now()
			widen(doc, picked[:len(picked)/2], nil)
			wide += time.Since(start)
		}
	}
	n := float64(b.N * len(pages))
	b.ReportMetric(float64(pre.Nanoseconds())/n, "preClean-ns/page")
	b.ReportMetric(float64(blocks.Nanoseconds())/n, "toBlocks-ns/page")
	b.ReportMetric(float64(wide.Nanoseconds())/n, "widen-ns/page")
}
