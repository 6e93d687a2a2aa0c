package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// page is one page of a corpus: where its bytes are and the gold text.
type page struct {
	id   string
	path string // input.html, input.txt, <id>.html or <id>.html.gz
	gold string
}

// loadCorpus finds the layout of dir and lists its pages, sorted by id.
func loadCorpus(dir string) ([]page, error) {
	for _, l := range []struct {
		file, field string
	}{{"gold.json", "text"}, {"ground-truth.json", "articleBody"}} {
		path := filepath.Join(dir, l.file)
		if _, err := os.Stat(path); err == nil {
			return loadGoldJSON(dir, path, l.field)
		}
	}
	return loadCases(dir)
}

// loadGoldJSON reads a gold file mapping ids to objects whose field holds
// the article text; the pages are html/<id>.html or html/<id>.html.gz.
func loadGoldJSON(dir, path, field string) ([]page, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var gold map[string]map[string]any
	if err := json.Unmarshal(data, &gold); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var out []page
	for id, g := range gold {
		text, _ := g[field].(string)
		p := page{id: id, gold: text}
		for _, name := range []string{id + ".html.gz", id + ".html"} {
			if _, err := os.Stat(filepath.Join(dir, "html", name)); err == nil {
				p.path = filepath.Join(dir, "html", name)
				break
			}
		}
		if p.path == "" {
			return nil, fmt.Errorf("%s: no html/%s.html(.gz) for a gold entry", dir, id)
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out, nil
}

// loadCases reads golden case folders: input.html or input.txt, and
// want.txt whose first line is the title and the rest the article.
func loadCases(dir string) ([]page, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []page
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		cd := filepath.Join(dir, e.Name())
		want, err := os.ReadFile(filepath.Join(cd, "want.txt"))
		if err != nil {
			continue
		}
		p := page{id: e.Name()}
		for _, name := range []string{"input.html", "input.txt"} {
			if _, err := os.Stat(filepath.Join(cd, name)); err == nil {
				p.path = filepath.Join(cd, name)
				break
			}
		}
		if p.path == "" {
			continue
		}
		_, body, _ := strings.Cut(string(want), "\n")
		p.gold = body
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, errors.New(dir + ": no gold.json, ground-truth.json or case folders with want.txt")
	}
	return out, nil
}

// selectPages keeps the pages listed in idsFile (when given) and drops
// those listed in skipFile (when given).
func selectPages(pages []page, idsFile, skipFile string) ([]page, error) {
	keep, err := readIDs(idsFile)
	if err != nil {
		return nil, err
	}
	drop, err := readIDs(skipFile)
	if err != nil {
		return nil, err
	}
	out := pages[:0]
	for _, p := range pages {
		if keep != nil && !keep[p.id] || drop[p.id] {
			continue
		}
		out = append(out, p)
	}
	return out, nil
}

func readIDs(path string) (map[string]bool, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ids := make(map[string]bool)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if id := strings.TrimSpace(sc.Text()); id != "" {
			ids[id] = true
		}
	}
	return ids, sc.Err()
}
