package meta

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"

	"github.com/newsclean/newsclean/extract/internal/htmlinput"
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
	files, _ := filepath.Glob("../../../../shared/bench/scrapinghub/html/*.html.gz")
	if len(files) == 0 {
		b.Skip("../shared/bench is not beside the repository")
	}
	var docs []*html.Node
	for _, f := range files {
		data, err := readGzip(f)
		if err != nil {
			b.Fatal(err)
		}
		text, _, err := htmlinput.Decode(data, htmlinput.Options{})
		if err != nil {
			b.Fatal(err)
		}
		doc, err := htmlinput.Parse(text)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	return docs
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
