package extract_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"

	"github.com/newsclean/newsclean/extract"
)

// benchDir is the shared article-extraction benchmark: html/<id>.html.gz
// pages and ground-truth.json with each page's article body.
const benchDir = "../../shared/bench/scrapinghub"

// Floors for TestBenchFloor: the scores reached on the benchmark, less a
// small margin. Raise them when the extractor improves.
const (
	floorF1        = 0.970
	floorPrecision = 0.962
)

type benchPage struct {
	id   string
	html []byte
}

// loadBench reads every benchmark page once, or skips the test when the
// benchmark is absent (a clone without ../shared).
func loadBench(tb testing.TB) []benchPage {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(benchDir, "html", "*.html.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) == 0 {
		tb.Skipf("benchmark pages not found in %s (they live outside the repository)", benchDir)
	}
	sort.Strings(files)
	pages := make([]benchPage, 0, len(files))
	for _, f := range files {
		data, err := readGzip(f)
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, benchPage{id: strings.TrimSuffix(filepath.Base(f), ".html.gz"), html: data})
	}
	return pages
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

func BenchmarkBenchPages(b *testing.B) {
	pages := loadBench(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p.html))
	}
	b.Run("readability", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				a, err := readability.FromReader(bytes.NewReader(p.html), nil)
				if err != nil || a.Node == nil {
					continue
				}
				var sb strings.Builder
				if err := a.RenderText(&sb); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(pages)), "ms/page")
	})
	b.Run("newsclean", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				a, err := extract.FromBytes(p.html, extract.Options{NoFacts: true})
				if err != nil {
					b.Fatalf("%s: %v", p.id, err)
				}
				if a.Text == "" {
					b.Fatalf("%s: empty text", p.id)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(pages)), "ms/page")
	})
}
