package facts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkAnalyze runs the fact finder over the articles of
// testdata/facts, paragraph by paragraph.
func BenchmarkAnalyze(b *testing.B) {
	files, err := filepath.Glob("../../../testdata/facts/*.txt")
	if err != nil || len(files) == 0 {
		b.Skip("no testdata/facts articles")
	}
	var articles [][]string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		articles = append(articles, strings.Split(string(data), "\n\n"))
	}
	published := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		for _, paras := range articles {
			Analyze(paras, published)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(articles)), "µs/article")
}
