package clean

import (
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"
)

// filterCase is the input of the block rules on one page: the blocks of
// the container readability picked and the page's title.
type filterCase struct {
	blocks []Block
	title  string
}

// filterCases runs the cleaner up to the block rules on each page of
// ../shared/bench, or skips.
func filterCases(b *testing.B) []filterCase {
	var cases []filterCase
	for _, page := range benchPages(b) {
		doc := parseBench(b, page)
		preClean(doc, false)
		p := readability.NewParser()
		p.Logger = quiet
		art, err := p.ParseAndMutate(doc, nil)
		if err != nil || art.Node == nil {
			continue
		}
		blocks := toBlocks(art.Node, nil)
		if wide := widen(doc, blocks, nil); wide != nil {
			blocks = wide
		}
		cases = append(cases, filterCase{blocks, art.Title()})
	}
	return cases
}

// BenchmarkFilterPages runs the block rules alone over the blocks of the
// benchmark's pages, and counts the blocks kept so that a fast wrong
// answer shows.
func BenchmarkFilterPages(b *testing.B) {
	cases := filterCases(b)
	run := func() (kept, all int) {
		for _, c := range cases {
			blocks := append([]Block(nil), c.blocks...)
			s := &state{}
			kept += len(s.filter(blocks, c.title))
			all += len(c.blocks)
		}
		return kept, all
	}
	run() // compiles the patterns, which b.Loop's first call leaves out of the timing
	b.ReportAllocs()
	var kept, all int
	for b.Loop() {
		kept, all = run()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(cases)), "ns/page")
	b.ReportMetric(float64(kept), "kept")
	b.ReportMetric(float64(all), "blocks")
}
