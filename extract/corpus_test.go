package extract_test

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsclean/newsclean/extract"
	"github.com/newsclean/newsclean/extract/internal/meta"
)

// corporaDir holds real pages with gold text (fundus, wcxb-dev), outside
// the repository like the benchmark.
const corporaDir = "../../shared/corpora"

// corpusArticle is one page of a shared corpus and what the extractor made
// of it (nil when it found no article).
type corpusArticle struct {
	corpus, id string
	article    *extract.Article
}

// corpusArticles extracts every page of the benchmark and the corpora
// once per test binary; the tests below check properties of the results.
var corpusArticles = sync.OnceValues(func() ([]corpusArticle, error) {
	var out []corpusArticle
	dirs := map[string]string{
		"bench":    filepath.Join(benchDir, "html"),
		"fundus":   filepath.Join(corporaDir, "fundus", "html"),
		"wcxb-dev": filepath.Join(corporaDir, "wcxb-dev", "html"),
	}
	names := []string{"bench", "fundus", "wcxb-dev"}
	for _, corpus := range names {
		files, err := filepath.Glob(filepath.Join(dirs[corpus], "*.html.gz"))
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		for _, f := range files {
			data, err := readGzip(f)
			if err != nil {
				return nil, fmt.Errorf("reading %s: %w", f, err)
			}
			a, _ := extract.FromBytes(data, extract.Options{Now: fixedNow})
			out = append(out, corpusArticle{corpus: corpus, id: strings.TrimSuffix(filepath.Base(f), ".html.gz"), article: a})
		}
	}
	return out, nil
})

func fixedNow() time.Time { return time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC) }

func loadCorpora(t *testing.T) []corpusArticle {
	t.Helper()
	if testing.Short() {
		t.Skip("extracting every corpus page is slow: skipped with -short")
	}
	arts, err := corpusArticles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) == 0 {
		t.Skip("../shared/bench and ../shared/corpora are absent: no corpus pages to check")
	}
	return arts
}

// clauseMarkers are words that make a phrase a clause: pronouns, auxiliary
// and modal verbs, negation. None belongs in a source named as written.
var clauseMarkers = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`he she it they we i you him them me us is are was were be been
		may might can could would will should must not never has have had do does did that which
		who if because he'd she'd they'd it's he’d she’d they’d it’s`) {
		clauseMarkers[w] = true
	}
}

// breaksSpeakerRule explains why a speaker that names no person of the
// article is not a noun phrase naming a source, or returns "".
func breaksSpeakerRule(s string) string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return "empty"
	}
	if len(words) > 10 {
		return "longer than a noun phrase"
	}
	caps := 0
	for i, w := range words {
		nameAfter := i+1 < len(words) && w != strings.ToLower(w) && words[i+1] != strings.ToLower(words[i+1])
		if l := strings.ToLower(strings.Trim(w, ",.;:")); clauseMarkers[l] && !nameAfter {
			return "holds the clause word " + l
		}
		if len([]rune(w)) >= 4 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
			caps++
		}
	}
	if caps >= 2 {
		return "a heading in capitals"
	}
	first := strings.ToLower(words[0])
	switch first {
	case "also", "however", "meanwhile", "then", "still", "but", "and", "so", "now", "later", "instead":
		return "opens with an adverb or conjunction"
	}
	switch first {
	case "finally", "additionally", "similarly", "currently", "recently", "previously", "clearly", "separately":
		return "a sentence adverb"
	}
	return ""
}

// checkSpeakers reports every quote whose speaker is neither a person of
// the article nor a source phrase.
func checkSpeakers(t *testing.T, where string, a *extract.Article) {
	t.Helper()
	names := map[string]bool{}
	for _, p := range a.People {
		names[p.Name] = true
	}
	for _, q := range a.Quotes {
		if q.Speaker == nil || names[*q.Speaker] {
			continue
		}
		if why := breaksSpeakerRule(*q.Speaker); why != "" {
			t.Errorf("%s: speaker %q of %.60q: %s", where, *q.Speaker, q.Text, why)
		}
	}
}

// TestCorpusSpeakers holds the speaker rule on every page of every shared
// corpus.
func TestCorpusSpeakers(t *testing.T) {
	n := 0
	for _, c := range loadCorpora(t) {
		if c.article != nil {
			checkSpeakers(t, c.corpus+"/"+c.id, c.article)
			n += len(c.article.Quotes)
		}
	}
	t.Logf("%d quotes checked", n)
}

// TestCorpusMetadata: no metadata field of any page of any corpus holds an
// HTML entity, a control character or a placeholder value.
func TestCorpusMetadata(t *testing.T) {
	for _, c := range loadCorpora(t) {
		a := c.article
		if a == nil {
			continue
		}
		where := c.corpus + "/" + c.id
		fields := map[string]string{"title": a.Title, "site_name": a.SiteName, "description": a.Description}
		for i, au := range a.Authors {
			if why := meta.AuthorProblem(au); why != "" {
				t.Errorf("%s: authors[%d] %q %s", where, i, au, why)
			}
		}
		for k, v := range fields {
			if v == "" {
				continue
			}
			if why := meta.Problem(v); why != "" {
				t.Errorf("%s: %s %.80q %s", where, k, v, why)
			}
		}
		for k, v := range map[string]*time.Time{"published": a.Published, "modified": a.Modified} {
			if why := meta.TimeProblem(v, fixedNow()); why != "" {
				t.Errorf("%s: %s %s", where, k, why)
			}
		}
	}
}
