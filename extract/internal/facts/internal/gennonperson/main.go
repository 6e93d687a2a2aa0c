// Command gennonperson builds the facts package's list of names that are
// not people (places and organisations) from openly licensed NER data
// (see licenses/README.md for sources, licences and credit):
//
//	go run ./internal/gennonperson -in ../../../../shared/ner-data -out nonperson.txt.gz
//
// It reads every LOC and ORG entity of two or more tokens in UNER English
// (EWT and PUD) and wikigold, drops any name that is also tagged PER
// anywhere in the data, and writes the lower-cased names, sorted, one a
// line.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// sets are the folders read; gum/ is left out because it tags only people.
var sets = []string{"uner-en-ewt", "uner-en-pud", "wikigold"}

func main() {
	in := flag.String("in", "../../../../shared/ner-data", "ner-data directory")
	out := flag.String("out", "nonperson.txt.gz", "output file")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gennonperson:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	nonPerson, person := map[string]bool{}, map[string]bool{}
	for _, set := range sets {
		files, err := filepath.Glob(filepath.Join(in, set, "*.tsv"))
		if err != nil {
			return err
		}
		for _, f := range files {
			if err := readEntities(f, nonPerson, person); err != nil {
				return fmt.Errorf("reading %s: %w", f, err)
			}
		}
	}
	var names []string
	for n := range nonPerson {
		if !person[n] {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return writeGzip(out, strings.Join(names, "\n")+"\n")
}

// readEntities adds the multi-token LOC and ORG entities of one BIO2 file
// to nonPerson and every PER entity to person, lower-cased.
func readEntities(path string, nonPerson, person map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var toks []string
	kind := ""
	flush := func() {
		name := strings.ToLower(strings.Join(toks, " "))
		switch {
		case kind == "PER":
			person[name] = true
		case (kind == "LOC" || kind == "ORG") && len(toks) > 1:
			nonPerson[name] = true
		}
		toks, kind = nil, ""
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		tok, tag, ok := strings.Cut(sc.Text(), "\t")
		switch {
		case !ok:
			flush()
		case strings.HasPrefix(tag, "B-"):
			flush()
			toks, kind = []string{tok}, tag[2:]
		case strings.HasPrefix(tag, "I-") && kind == tag[2:]:
			toks = append(toks, tok)
		default:
			flush()
		}
	}
	flush()
	return sc.Err()
}

func writeGzip(path, data string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	if _, err := zw.Write([]byte(data)); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
