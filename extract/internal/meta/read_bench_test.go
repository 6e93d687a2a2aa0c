package meta

import (
	"testing"

	"golang.org/x/net/html"

	"github.com/newsclean/newsclean/extract/internal/benchpages"
)

// BenchmarkRead measures Read over the pages of ../shared/bench, each
// decoded and parsed once beforehand as the extractor does.
func BenchmarkRead(b *testing.B) {
	docs := benchDocs(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			Read(doc, nil)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/page")
}

// benchDocs parses the pages of ../shared/bench, or skips.
func benchDocs(b *testing.B) []*html.Node {
	var docs []*html.Node
	for _, page := range benchpages.Read(b, "../../../../shared/bench/scrapinghub") {
		docs = append(docs, benchpages.Parse(b, page.HTML))
	}
	return docs
}
