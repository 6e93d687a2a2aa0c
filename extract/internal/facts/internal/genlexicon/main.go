// Command genlexicon builds the facts package's embedded word list from the
// name gazetteers and the common-word list (see the NOTICE entries in
// README.md for their sources and licences):
//
//	go run ./internal/genlexicon -in ../../../../shared/ner-data/gazetteers -out lexicon.tsv.gz
//
// Each output line is "word<TAB>gender<TAB>births<TAB>name<TAB>common":
// the lower-cased word; f, m or u when it is a US given name with at least
// -minbirths births (SSA 1880-2024, plus the 1990 Census lists), else -;
// log10 of its births, or -; s when it is a surname among the -surnames most
// frequent (1990 Census), n when it is in the cspell people-names list, b for
// both, else -; its
// SCOWL level when it is a common English word of level -level or less, else -.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

type entry struct {
	female, male float64
	given        bool
	surname      bool // 1990 Census
	name         bool // cspell people names
	common       int
}

func main() {
	in := flag.String("in", "../../../../shared/ner-data/gazetteers", "gazetteers directory")
	out := flag.String("out", "lexicon.tsv.gz", "output file")
	minBirths := flag.Float64("minbirths", 300, "fewest SSA births for a given name")
	maxSurname := flag.Int("surnames", 40000, "most frequent census surnames kept")
	maxLevel := flag.Int("level", 35, "highest SCOWL level kept")
	flag.Parse()
	if err := run(*in, *out, *minBirths, *maxSurname, *maxLevel); err != nil {
		fmt.Fprintln(os.Stderr, "genlexicon:", err)
		os.Exit(1)
	}
}

func run(in, out string, minBirths float64, maxSurname, maxLevel int) error {
	words := map[string]*entry{}
	get := func(w string) *entry {
		w = strings.ToLower(strings.TrimSpace(w))
		e := words[w]
		if e == nil {
			e = &entry{}
			words[w] = e
		}
		return e
	}
	err := eachRow(filepath.Join(in, "given-names-ssa.tsv"), func(f []string) error {
		fe, _ := strconv.ParseFloat(f[1], 64)
		ma, _ := strconv.ParseFloat(f[2], 64)
		if fe+ma < minBirths {
			return nil
		}
		e := get(f[0])
		e.given, e.female, e.male = true, e.female+fe, e.male+ma
		return nil
	})
	if err != nil {
		return err
	}
	for _, sex := range []string{"female", "male"} {
		err := eachRow(filepath.Join(in, "census1990-given-names-"+sex+".tsv"), func(f []string) error {
			e := get(f[0])
			if !e.given {
				e.given = true
				if sex == "female" {
					e.female += minBirths
				} else {
					e.male += minBirths
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	err = eachRow(filepath.Join(in, "census1990-surnames.tsv"), func(f []string) error {
		if rank, _ := strconv.Atoi(f[3]); rank <= maxSurname {
			get(f[0]).surname = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := eachLine(filepath.Join(in, "cspell-people-names.txt"), func(l string) error {
		if l != "" {
			get(l).name = true
		}
		return nil
	}); err != nil {
		return err
	}
	err = eachRow(filepath.Join(in, "common-words-en-scowl.tsv"), func(f []string) error {
		lvl, _ := strconv.Atoi(f[1])
		if lvl <= maxLevel {
			e := get(f[0])
			if e.common == 0 || lvl < e.common {
				e.common = lvl
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return write(out, words)
}

// minGenderShare: a given name is female or male when that sex has this
// share of its births, else unisex.
const minGenderShare = 0.8

// write writes the lexicon, one sorted line per word.
func write(out string, words map[string]*entry) error {
	keys := make([]string, 0, len(words))
	for w := range words {
		if w != "" && !strings.ContainsAny(w, "\t\n") {
			keys = append(keys, w)
		}
	}
	sort.Strings(keys)
	fh, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("creating %s: %w", out, err)
	}
	zw, _ := gzip.NewWriterLevel(fh, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	for _, w := range keys {
		fmt.Fprintf(bw, "%s\t%s\n", w, words[w].fields())
	}
	if err := bw.Flush(); err != nil {
		fh.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

// fields formats an entry as "gender<TAB>births<TAB>name<TAB>common".
func (e *entry) fields() string {
	gender, births := "-", "-"
	if e.given {
		total := e.female + e.male
		switch {
		case e.female >= minGenderShare*total:
			gender = "f"
		case e.male >= minGenderShare*total:
			gender = "m"
		default:
			gender = "u"
		}
		births = strconv.Itoa(int(math.Log10(total)))
	}
	name := "-"
	switch {
	case e.surname && e.name:
		name = "b"
	case e.surname:
		name = "s"
	case e.name:
		name = "n"
	}
	common := "-"
	if e.common > 0 {
		common = strconv.Itoa(e.common)
	}
	return strings.Join([]string{gender, births, name, common}, "\t")
}

// eachRow calls fn with the tab-separated fields of every row after the header.
func eachRow(path string, fn func([]string) error) error {
	first := true
	return eachLine(path, func(l string) error {
		if first {
			first = false
			return nil
		}
		f := strings.Split(l, "\t")
		if len(f) < 2 {
			return nil
		}
		return fn(f)
	})
}

func eachLine(path string, fn func(string) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		if err := fn(sc.Text()); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	return nil
}
