// Command metascore scores page metadata (title, authors, publish day) over
// the shared corpora and lists values no reader should see.
//
//	go run ./extract/internal/meta/internal/metascore                       # ../shared/corpora, every corpus
//	go run ./extract/internal/meta/internal/metascore -corpus fundus -v     # one corpus, every miss
//
// Each corpus directory holds html/<id>.html.gz, validation.txt and a
// metadata gold file, meta.json by default:
//
//	{"<id>": {"title": "...", "authors": ["..."], "published": "2024-05-03T..."}}
//
// A field missing from the gold is not scored. Title: equal after folding
// (NFKC, lower case, quotes and dashes unified, punctuation and spaces
// collapsed). Authors: set F1 over folded names, pages with gold authors
// only. Published: same calendar day (in the time's own zone). Figures are
// printed for the tuning pages and, apart, for the validation quarter.
// Without a gold file only coverage and bad values are reported.
package main

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("metascore", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("corpora", "../shared/corpora", "directory of corpora (<name>/html/<id>.html.gz)")
	only := fl.String("corpus", "", "score only this corpus")
	goldName := fl.String("gold", "meta.json", "metadata gold file name inside each corpus directory")
	verbose := fl.Bool("v", false, "list every miss and bad value")
	dump := fl.Bool("dump", false, "print each page's id, title, authors and publish time, tab-separated, instead of scores")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	names, err := corpusNames(*dir, *only)
	if err != nil {
		fmt.Fprintln(stderr, "metascore:", err)
		return 1
	}
	for _, name := range names {
		r, err := scoreCorpus(filepath.Join(*dir, name), *goldName)
		if err == nil && *dump {
			r.dump(stdout, name)
			continue
		}
		if err != nil {
			fmt.Fprintf(stderr, "metascore: %s: %v\n", name, err)
			return 1
		}
		r.print(stdout, name, *verbose)
	}
	return 0
}

// corpusNames lists the corpus directories under dir (those with html/).
func corpusNames(dir, only string) ([]string, error) {
	if only != "" {
		return []string{only}, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading corpora: %w", err)
	}
	var out []string
	for _, e := range entries {
		if st, err := os.Stat(filepath.Join(dir, e.Name(), "html")); err == nil && st.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// goldMeta is one page's metadata gold.
type goldMeta struct {
	Title     *string   `json:"title"`
	Authors   *[]string `json:"authors"`
	Published *string   `json:"published"`
}

// readGold reads a corpus's metadata gold; a missing file is no gold.
func readGold(path string) (map[string]goldMeta, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var g map[string]goldMeta
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	return g, nil
}

// readIDs reads a list of ids, one a line; a missing file is an empty list.
func readIDs(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			ids[l] = true
		}
	}
	return ids, nil
}

func gunzip(r io.Reader) ([]byte, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}
