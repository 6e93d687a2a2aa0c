// Package benchpages reads the pages of the shared extraction benchmark
// (../shared/bench beside the repository) for the benchmarks of the
// library's packages. It is used by tests only.
package benchpages

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/newsclean/newsclean/extract/internal/htmlinput"
)

// Page is one benchmark page: its id (the file name without .html.gz)
// and its bytes.
type Page struct {
	ID   string
	HTML []byte
}

// Read returns the pages (html/*.html.gz, uncompressed) of the benchmark
// at dir, in file name order, or skips tb when there are none: the
// benchmark lives outside the repository.
func Read(tb testing.TB, dir string) []Page {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "html", "*.html.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) == 0 {
		tb.Skipf("benchmark pages not found in %s (they live outside the repository)", dir)
	}
	sort.Strings(files)
	pages := make([]Page, 0, len(files))
	for _, f := range files {
		data, err := Gunzip(f)
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, Page{ID: strings.TrimSuffix(filepath.Base(f), ".html.gz"), HTML: data})
	}
	return pages
}

// Gunzip returns the uncompressed contents of the gzip file at path.
func Gunzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return data, nil
}

// Parse decodes and parses a page as the extractor does.
func Parse(tb testing.TB, page []byte) *html.Node {
	tb.Helper()
	text, _, err := htmlinput.Decode(page, htmlinput.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := htmlinput.Parse(text)
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}
