package facts_test

import (
	"testing"
	"time"

	"github.com/newsclean/newsclean/extract"
	"github.com/newsclean/newsclean/extract/internal/benchpages"
	"github.com/newsclean/newsclean/extract/internal/facts"
)

// BenchmarkAnalyzePages runs the fact finder alone over the paragraphs
// extraction keeps from the shared benchmark pages: real articles, of the
// length users' pages have.
func BenchmarkAnalyzePages(b *testing.B) {
	articles := benchArticles(b)
	published := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	quotes := 0
	for b.Loop() {
		quotes = 0
		for _, paras := range articles {
			quotes += len(facts.Analyze(paras, published).Quotes)
		}
	}
	if quotes == 0 {
		b.Fatal("no quotes found over the benchmark pages")
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(articles)), "µs/article")
}

// benchArticles returns the paragraphs of each benchmark page that has an
// article, or skips when the pages are absent.
func benchArticles(b *testing.B) [][]string {
	b.Helper()
	var articles [][]string
	for _, p := range benchpages.Read(b, "../../../../shared/bench/scrapinghub") {
		a, err := extract.FromBytes(p.HTML, extract.Options{NoFacts: true})
		if err != nil {
			continue // no article on the page
		}
		paras := make([]string, len(a.Blocks))
		for i, bl := range a.Blocks {
			paras[i] = bl.Text
		}
		articles = append(articles, paras)
	}
	return articles
}
