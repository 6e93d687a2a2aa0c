package batchcmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliflags"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
)

// BenchmarkBatchDir runs the whole pipeline (walk, read, extract, order,
// encode) over a directory of pages: the shared benchmark pages when
// present, else this package's test pages. Compare -cpu 1,2 runs.
func BenchmarkBatchDir(b *testing.B) {
	dir := filepath.Join("..", "..", "..", "..", "..", "shared", "bench", "scrapinghub", "html")
	if _, err := os.Stat(dir); err != nil {
		dir = "testdata/pages"
	}
	var size int64
	var n int
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				size += fi.Size()
				n++
			}
		}
		return nil
	})
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				var out countWriter
				streams := &cliutil.Streams{In: strings.NewReader(""), Out: &out, Err: io.Discard}
				opts := &Options{Streams: streams, Sources: []string{dir}, Jobs: jobs, Format: "text", Extract: cliflags.Extract{Input: "auto", MaxBytes: 20 << 20},
					FailuresOK: true, Now: "2024-06-01T00:00:00Z"}
				if err := Run(context.Background(), opts); err != nil {
					b.Fatal(err)
				}
				if out.lines != n {
					b.Fatalf("%d records for %d files", out.lines, n)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

type countWriter struct{ lines int }

func (w *countWriter) Write(p []byte) (int, error) {
	w.lines += strings.Count(string(p), "\n")
	return len(p), nil
}
