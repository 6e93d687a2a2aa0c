package htmlinput

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"golang.org/x/net/html"
)

// benchPages is the shared article-extraction benchmark, outside the
// repository.
const benchPages = "../../../../shared/bench/scrapinghub/html/*.html.gz"

func loadBenchPages(b *testing.B) [][]byte {
	b.Helper()
	files, err := filepath.Glob(benchPages)
	if err != nil {
		b.Fatal(err)
	}
	if len(files) == 0 {
		b.Skipf("benchmark pages not found (%s lives outside the repository)", benchPages)
	}
	sort.Strings(files)
	pages := make([][]byte, 0, len(files))
	for _, name := range files {
		data, err := readGzipFile(name)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
	}
	return pages
}

func readGzipFile(name string) ([]byte, error) {
	f, err := os.Open(name)
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

// BenchmarkDecodeParse compares this package's decode and parse of the
// benchmark pages with x/net/html parsing the same bytes: the difference
// is what size caps, charset detection and nesting bounds cost. One
// operation is one pass over every page.
func BenchmarkDecodeParse(b *testing.B) {
	pages := loadBenchPages(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p))
	}
	b.Run("x-net-html", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				doc, err := html.Parse(bytes.NewReader(p))
				if err != nil || doc.FirstChild == nil {
					b.Fatalf("parse: %v", err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
	})
	b.Run("htmlinput", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				text, isHTML, err := Decode(p, Options{})
				if err != nil || !isHTML {
					b.Fatalf("decode: html=%v %v", isHTML, err)
				}
				doc, err := Parse(text)
				if err != nil || doc.FirstChild == nil {
					b.Fatalf("parse: %v", err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
	})
}
