package htmlinput

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
	"time"

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
// is what size caps, charset detection and nesting bounds cost. The two
// take turns on each page, so a load that changes during the run weighs
// on both alike. It reports ns/page and allocs/page of each (allocations
// of the timed part only), and their ratio.
func BenchmarkDecodeParse(b *testing.B) {
	pages := loadBenchPages(b)
	engines := []struct {
		name string
		run  func(page []byte) error
	}{
		{"x-net-html", func(page []byte) error {
			_, err := html.Parse(bytes.NewReader(page))
			return err
		}},
		{"htmlinput", func(page []byte) error {
			text, _, err := Decode(page, Options{})
			if err != nil {
				return err
			}
			_, err = Parse(text)
			return err
		}},
	}
	elapsed := make([]time.Duration, len(engines))
	mallocs := make([]uint64, len(engines))
	var m0, m1 runtime.MemStats
	for b.Loop() {
		for _, p := range pages {
			for i, e := range engines {
				runtime.ReadMemStats(&m0)
				start := time.Now()
				err := e.run(p)
				elapsed[i] += time.Since(start)
				runtime.ReadMemStats(&m1)
				mallocs[i] += m1.Mallocs - m0.Mallocs
				if err != nil {
					b.Fatalf("%s: %v", e.name, err)
				}
			}
		}
	}
	n := float64(b.N * len(pages))
	for i, e := range engines {
		b.ReportMetric(float64(elapsed[i].Nanoseconds())/n, e.name+"-ns/page")
		b.ReportMetric(float64(mallocs[i])/n, e.name+"-allocs/page")
	}
	b.ReportMetric(elapsed[1].Seconds()/elapsed[0].Seconds(), "htmlinput/x-net-html-time")
}
