package extract_test

import (
	"bytes"
	"runtime"
	"testing"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"github.com/newsclean/newsclean/extract"
)

// engine is one way of turning a benchmark page into an article. prepare,
// when set, runs untimed before run (parsing for the pre-parsed engines).
type engine struct {
	name    string
	prepare func(page []byte) *html.Node
	run     func(page []byte, doc *html.Node) error
}

// BenchmarkEngines compares, page by page in one process, the fair floor
// (readability alone on a page x/net/html has already parsed) with
// newsclean, from a parsed page and from bytes (decoding and parsing it
// itself). Engines take turns on each page, so a load that changes during
// the run weighs on all of them alike. It reports, per engine, ns/page,
// pages/s and allocs/page (allocations of the timed part only).
func BenchmarkEngines(b *testing.B) {
	pages := loadBench(b)
	parse := func(page []byte) *html.Node {
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			b.Fatal(err)
		}
		return doc
	}
	fromBytes := func(opts extract.Options) func([]byte, *html.Node) error {
		return func(page []byte, _ *html.Node) error {
			_, err := extract.FromBytes(page, opts)
			return err
		}
	}
	engines := []engine{
		{name: "x-net-html-parse", run: func(page []byte, _ *html.Node) error {
			_, err := html.Parse(bytes.NewReader(page))
			return err
		}},
		{name: "readability-preparsed", prepare: parse, run: func(_ []byte, doc *html.Node) error {
			p := readability.NewParser()
			_, err := p.ParseAndMutate(doc, nil)
			return err
		}},
		{name: "FromDocument-facts", prepare: parse, run: func(_ []byte, doc *html.Node) error {
			_, err := extract.FromDocument(doc, extract.Options{})
			return err
		}},
		{name: "FromBytes-nofacts", run: fromBytes(extract.Options{NoFacts: true})},
		{name: "FromBytes-facts", run: fromBytes(extract.Options{})},
	}
	elapsed := make([]time.Duration, len(engines))
	mallocs := make([]uint64, len(engines))
	var m0, m1 runtime.MemStats
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			for i, e := range engines {
				var doc *html.Node
				if e.prepare != nil {
					doc = e.prepare(p.html)
				}
				runtime.ReadMemStats(&m0)
				start := time.Now()
				err := e.run(p.html, doc)
				elapsed[i] += time.Since(start)
				runtime.ReadMemStats(&m1)
				mallocs[i] += m1.Mallocs - m0.Mallocs
				if err != nil && err != extract.ErrNoArticle {
					b.Logf("%s on %s: %v", e.name, p.id, err)
				}
			}
		}
	}
	n := float64(b.N * len(pages))
	for i, e := range engines {
		b.ReportMetric(float64(elapsed[i].Nanoseconds())/n, e.name+"-ns/page")
		b.ReportMetric(n/elapsed[i].Seconds(), e.name+"-pages/s")
		b.ReportMetric(float64(mallocs[i])/n, e.name+"-allocs/page")
	}
	b.ReportMetric(elapsed[1].Seconds()/elapsed[4].Seconds(), "FromBytes-facts/readability-speed")
}
