package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/newsclean/newsclean/extract"
	"github.com/newsclean/newsclean/extract/internal/meta"
)

// split holds the figures of one part of a corpus (tuning or validation).
type split struct {
	pages, extracted                 int
	withTitle, withAuthors, withDate int
	titleGold, titleRight            int
	authorsGold                      int
	authorsF1                        float64
	dateGold, dateRight              int
}

// report is a corpus's figures and the lines worth reading.
type report struct {
	tuning, validation split
	hasGold            bool
	bad, misses        []string
	rows               []string // id, title, authors, published of each page
}

// scoreCorpus extracts every page of a corpus and scores its metadata.
func scoreCorpus(dir, goldName string) (*report, error) {
	gold, err := readGold(filepath.Join(dir, goldName))
	if err != nil {
		return nil, err
	}
	val, err := readIDs(filepath.Join(dir, "validation.txt"))
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(dir, "html", "*.html.gz"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	r := &report{hasGold: gold != nil}
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		data, err := readGzip(f)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", f, err)
		}
		s := &r.tuning
		if val[id] {
			s = &r.validation
		}
		a, _ := extract.FromBytes(data, extract.Options{})
		r.add(s, id, a, gold[id])
	}
	return r, nil
}

// add scores one page.
func (r *report) add(s *split, id string, a *extract.Article, g goldMeta) {
	s.pages++
	if a == nil {
		return
	}
	s.extracted++
	pub := ""
	if a.Published != nil {
		pub = a.Published.Format(time.RFC3339)
	}
	r.rows = append(r.rows, strings.Join([]string{id, a.Title, strings.Join(a.Authors, "; "), pub}, "\t"))
	r.checkValues(id, a)
	if a.Title != "" {
		s.withTitle++
	}
	if len(a.Authors) > 0 {
		s.withAuthors++
	}
	if a.Published != nil {
		s.withDate++
	}
	if g.Title != nil {
		s.titleGold++
		if foldTitle(*g.Title) == foldTitle(a.Title) {
			s.titleRight++
		} else {
			r.misses = append(r.misses, fmt.Sprintf("%s title: want %q got %q", id, *g.Title, a.Title))
		}
	}
	if g.Authors != nil && len(*g.Authors) > 0 {
		s.authorsGold++
		f1 := setF1(*g.Authors, a.Authors)
		s.authorsF1 += f1
		if f1 < 1 {
			r.misses = append(r.misses, fmt.Sprintf("%s authors: want %q got %q", id, *g.Authors, a.Authors))
		}
	}
	if g.Published != nil && *g.Published != "" {
		s.dateGold++
		if sameDay(*g.Published, a.Published) {
			s.dateRight++
		} else {
			r.misses = append(r.misses, fmt.Sprintf("%s published: want %s got %v", id, *g.Published, a.Published))
		}
	}
}

// checkValues records every value of a that no reader should see.
func (r *report) checkValues(id string, a *extract.Article) {
	for k, v := range map[string]string{"title": a.Title, "site_name": a.SiteName, "description": a.Description} {
		if why := meta.Problem(v); v != "" && why != "" {
			r.bad = append(r.bad, fmt.Sprintf("%s %s %.60q %s", id, k, v, why))
		}
	}
	for _, au := range a.Authors {
		if why := meta.AuthorProblem(au); why != "" {
			r.bad = append(r.bad, fmt.Sprintf("%s author %q %s", id, au, why))
		}
	}
	for k, t := range map[string]*time.Time{"published": a.Published, "modified": a.Modified} {
		if why := meta.TimeProblem(t, time.Now()); why != "" {
			r.bad = append(r.bad, fmt.Sprintf("%s %s %s", id, k, why))
		}
	}
}

var nonWordRE = regexp.MustCompile(`[^\pL\pN]+`)

// foldTitle folds a title for comparison: NFKC, lower case, every run of
// punctuation and space one space.
func foldTitle(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	return strings.TrimSpace(nonWordRE.ReplaceAllString(s, " "))
}

// setF1 is the F1 of two sets of names after folding.
func setF1(gold, pred []string) float64 {
	g := map[string]bool{}
	for _, n := range gold {
		g[foldTitle(n)] = true
	}
	p := map[string]bool{}
	for _, n := range pred {
		p[foldTitle(n)] = true
	}
	tp := 0
	for n := range p {
		if g[n] {
			tp++
		}
	}
	if tp == 0 {
		return 0
	}
	prec, rec := float64(tp)/float64(len(p)), float64(tp)/float64(len(g))
	return 2 * prec * rec / (prec + rec)
}

// sameDay compares a gold time (RFC 3339 or a bare date) with a page time
// by calendar day in the gold's zone.
func sameDay(gold string, t *time.Time) bool {
	if t == nil {
		return false
	}
	if g, err := time.Parse(time.RFC3339, gold); err == nil {
		return t.In(g.Location()).Format(time.DateOnly) == g.Format(time.DateOnly)
	}
	return len(gold) >= 10 && t.Format(time.DateOnly) == gold[:10]
}

func (r *report) print(w io.Writer, name string, verbose bool) {
	for _, part := range []struct {
		label string
		s     split
	}{{"tuning", r.tuning}, {"validation", r.validation}} {
		s := part.s
		fmt.Fprintf(w, "%s %s: pages %d, extracted %d; with title %d, authors %d, published %d\n",
			name, part.label, s.pages, s.extracted, s.withTitle, s.withAuthors, s.withDate)
		if r.hasGold {
			fmt.Fprintf(w, "  title %s  authors F1 %s  publish day %s\n", ratio(float64(s.titleRight), s.titleGold),
				ratio(s.authorsF1, s.authorsGold), ratio(float64(s.dateRight), s.dateGold))
		}
	}
	if !r.hasGold {
		fmt.Fprintf(w, "  %s has no metadata gold: coverage and bad values only\n", name)
	}
	fmt.Fprintf(w, "  bad values: %d\n", len(r.bad))
	if verbose {
		for _, l := range append(r.bad, r.misses...) {
			fmt.Fprintln(w, "   ", l)
		}
	}
}

func ratio(x float64, n int) string {
	if n == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.3f (n=%d)", x/float64(n), n)
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return gunzip(f)
}

func (r *report) dump(w io.Writer, name string) {
	for _, row := range r.rows {
		fmt.Fprintf(w, "%s/%s\n", name, row)
	}
}
