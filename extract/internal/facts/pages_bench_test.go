package facts_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsclean/newsclean/extract"
	"github.com/newsclean/newsclean/extract/internal/facts"
)

// benchPages are the shared benchmark pages, outside the repository.
const benchPages = "../../../../shared/bench/scrapinghub/html/*.html.gz"

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
	files, err := filepath.Glob(benchPages)
	if err != nil {
		b.Fatal(err)
	}
	if len(files) == 0 {
		b.Skipf("no benchmark pages at %s (they live outside the repository)", benchPages)
	}
	var articles [][]string
	for _, f := range files {
		page, err := readGzip(f)
		if err != nil {
			b.Fatalf("reading %s: %v", f, err)
		}
		a, err := extract.FromBytes(page, extract.Options{NoFacts: true})
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

func readGzip(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}
