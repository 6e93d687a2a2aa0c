package clean

import (
	"bytes"
	"testing"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"github.com/newsclean/newsclean/extract/internal/benchpages"
)

// BenchmarkReadabilityShare measures, page by page over ../shared/bench,
// what readability costs inside the cleaner (preClean, then readability on
// what is left) against readability alone on the raw page, both on a page
// parsed beforehand. The ratio is a floor for the whole extractor: as long
// as readability picks the article, FromBytes costs at least this share of
// readability alone, plus decoding, parsing and the block rules.
func BenchmarkReadabilityShare(b *testing.B) {
	pages := benchPages(b)
	run := func(doc *html.Node) {
		p := readability.NewParser()
		p.Logger = quiet
		if _, err := p.ParseAndMutate(doc, nil); err != nil {
			b.Logf("readability: %v", err)
		}
	}
	var alone, inside time.Duration
	for b.Loop() {
		for _, page := range pages {
			raw, cleaned := parseBench(b, page), parseBench(b, page)
			start := time.Now()
			run(raw)
			alone += time.Since(start)
			start = time.Now()
			preClean(cleaned, false)
			run(cleaned)
			inside += time.Since(start)
		}
	}
	n := float64(b.N * len(pages))
	b.ReportMetric(float64(alone.Nanoseconds())/n, "alone-ns/page")
	b.ReportMetric(float64(inside.Nanoseconds())/n, "preclean+readability-ns/page")
	b.ReportMetric(inside.Seconds()/alone.Seconds(), "share")
}

func parseBench(b *testing.B, page []byte) *html.Node {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// benchPages reads the pages of ../shared/bench, or skips.
func benchPages(b *testing.B) [][]byte {
	var pages [][]byte
	for _, p := range benchpages.Read(b, "../../../../shared/bench/scrapinghub") {
		pages = append(pages, p.HTML)
	}
	return pages
}
