package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"

	"github.com/newsclean/newsclean/cmd/internal/pagefile"
	"github.com/newsclean/newsclean/extract"
)

// ruleStat adds up what one rule cut across the corpus.
type ruleStat struct {
	rule        string
	pages       int // pages on which the rule cut something
	cuts        int // blocks or containers cut
	words       int // words cut
	story       int // words cut that the gold has and the output lacks
	storyPages  int // pages on which the rule lost story words
	worstPage   string
	worstStory  int
	boilerplate int // words cut that the gold does not have (or the output keeps)
}

// pageStat is one page's outcome.
type pageStat struct {
	id              string
	goldWords       int
	outWords        int
	lost            int // gold words missing from the output
	noRule          int // of those, words no rule cut
	f1, p, r        float64
	err             string
	biggestRule     string
	biggestRuleLost int
}

type report struct {
	show   string // print each cut of this rule
	kept   bool   // print each kept block that is mostly not in the gold
	out    io.Writer
	rules  map[string]*ruleStat
	pages  []pageStat
	failed int
}

// audit extracts every page and weighs each cut against the gold.
func audit(pages []page, show string, kept bool, w io.Writer) *report {
	rep := &report{rules: make(map[string]*ruleStat), show: show, kept: kept, out: w}
	for _, p := range pages {
		rep.pages = append(rep.pages, rep.auditPage(p))
	}
	return rep
}

func (rep *report) auditPage(p page) pageStat {
	ps := pageStat{id: p.id}
	gold := tokenize(p.gold)
	ps.goldWords = len(gold)
	var a *extract.Article
	data, err := pagefile.Read(p.path)
	if err == nil {
		a, err = extract.FromBytes(data, extract.Options{NoFacts: true, Explain: true})
	}
	if err != nil && !errors.Is(err, extract.ErrNoArticle) {
		ps.err = err.Error()
		rep.failed++
	}
	var out []string
	if a != nil {
		out = tokenize(a.Text)
	}
	ps.outWords = len(out)
	ps.p, ps.r, ps.f1 = score(out, gold)

	// missing is the bag of gold words the output lacks; each cut word
	// that fills a place in it is a story word lost to that rule.
	missing := bag(gold)
	for _, w := range out {
		if missing[w] > 0 {
			missing[w]--
		}
	}
	for _, n := range missing {
		ps.lost += n
	}
	if a == nil {
		ps.noRule = ps.lost
		return ps
	}
	pairs := pairSet(gold)
	lostByRule := rep.charge(p.id, a.Removed, pairs, missing)
	if rep.kept {
		rep.showKept(p.id, a.Blocks, pairs)
	}
	attributed := 0
	for rule, n := range lostByRule {
		attributed += n
		st := rep.rules[rule]
		st.storyPages++
		if n > st.worstStory {
			st.worstStory, st.worstPage = n, p.id
		}
		if n > ps.biggestRuleLost {
			ps.biggestRule, ps.biggestRuleLost = rule, n
		}
	}
	ps.noRule = max(ps.lost-attributed, 0)
	return ps
}

// charge adds each cut to its rule's figures and returns, per rule, the
// story words it cut on this page.
func (rep *report) charge(id string, removed []extract.Removal, pairs map[string]bool, missing map[string]int) map[string]int {
	lostByRule := make(map[string]int)
	seen := make(map[string]bool)
	for _, r := range removed {
		st := rep.rule(r.Rule)
		if !seen[r.Rule] {
			seen[r.Rule] = true
			st.pages++
		}
		ws := tokenize(r.Full)
		st.cuts++
		st.words += len(ws)
		story := 0
		for i, w := range ws {
			if inStory(ws, i, pairs, missing) {
				missing[w]--
				story++
			}
		}
		lostByRule[r.Rule] += story
		st.story += story
		st.boilerplate += len(ws) - story
		if r.Rule == rep.show {
			fmt.Fprintf(rep.out, "%s\t%d/%d\t%s\n", id, story, len(ws), r.Text)
		}
	}
	return lostByRule
}

// showKept prints the kept blocks that are mostly not in the gold.
func (rep *report) showKept(id string, blocks []extract.Block, pairs map[string]bool) {
	for _, b := range blocks {
		ws := tokenize(b.Text)
		in := 0
		for i := range ws {
			if i > 0 && pairs[ws[i-1]+" "+ws[i]] || i+1 < len(ws) && pairs[ws[i]+" "+ws[i+1]] {
				in++
			}
		}
		if len(ws) > 0 && in*2 < len(ws) {
			fmt.Fprintf(rep.out, "%s\tkept %s %d/%d\t%.150s\n", id, b.Kind, in, len(ws), b.Text)
		}
	}
}

func (rep *report) rule(name string) *ruleStat {
	st := rep.rules[name]
	if st == nil {
		st = &ruleStat{rule: name}
		rep.rules[name] = st
	}
	return st
}

// inStory reports whether the i-th cut word is story text the output
// lacks: the gold has it next to the same neighbour (or, for a one-word
// cut, at all), and the output has fewer of it than the gold.
func inStory(ws []string, i int, pairs map[string]bool, missing map[string]int) bool {
	if missing[ws[i]] <= 0 {
		return false
	}
	if len(ws) == 1 {
		return true
	}
	if i > 0 && pairs[ws[i-1]+" "+ws[i]] {
		return true
	}
	return i+1 < len(ws) && pairs[ws[i]+" "+ws[i+1]]
}

// tokenize returns the lower-cased word tokens of s, as the corpora's
// scorer counts them (runs of letters, digits and underscores).
func tokenize(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '_'
	})
}

func bag(ws []string) map[string]int {
	m := make(map[string]int, len(ws))
	for _, w := range ws {
		m[w]++
	}
	return m
}

func pairSet(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for i := 0; i+1 < len(ws); i++ {
		m[ws[i]+" "+ws[i+1]] = true
	}
	return m
}

// score is the corpora's word-bag precision, recall and F1 for one page.
func score(out, gold []string) (p, r, f float64) {
	if len(gold) == 0 {
		if len(out) == 0 {
			return 1, 1, 1
		}
		return 0, 0, 0
	}
	if len(out) == 0 {
		return 0, 0, 0
	}
	g := bag(gold)
	overlap := 0
	for _, w := range out {
		if g[w] > 0 {
			g[w]--
			overlap++
		}
	}
	p, r = float64(overlap)/float64(len(out)), float64(overlap)/float64(len(gold))
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// scores returns the corpus's mean F1 and the number of lost stories:
// pages whose gold has 100 words or more that keep under a fifth of them.
func (rep *report) scores() (f1 float64, lost int) {
	for _, ps := range rep.pages {
		f1 += ps.f1
		if ps.goldWords >= 100 && ps.r < 0.2 {
			lost++
		}
	}
	return f1 / float64(max(len(rep.pages), 1)), lost
}

// write prints the corpus summary and the rule table, worst rules first.
func (rep *report) write(w io.Writer, markdown bool) {
	var p, r float64
	gold, lost, noRule := 0, 0, 0
	for _, ps := range rep.pages {
		p += ps.p
		r += ps.r
		gold += ps.goldWords
		lost += ps.lost
		noRule += ps.noRule
	}
	f1, short := rep.scores()
	n := float64(max(len(rep.pages), 1))
	fmt.Fprintf(w, "%d pages, F1 %.3f P %.3f R %.3f; %d failed; %d pages with >= 100 gold words keep under a fifth of them\n",
		len(rep.pages), f1, p/n, r/n, rep.failed, short)
	fmt.Fprintf(w, "gold words %d, lost %d (%.1f%%): %d cut by a rule, %d lost with no rule (container choice)\n",
		gold, lost, pct(lost, gold), lost-noRule, noRule)
	rules := make([]*ruleStat, 0, len(rep.rules))
	for _, st := range rep.rules {
		rules = append(rules, st)
	}
	sort.Slice(rules, func(i, j int) bool {
		if rules[i].story != rules[j].story {
			return rules[i].story > rules[j].story
		}
		return rules[i].rule < rules[j].rule
	})
	if markdown {
		fmt.Fprintln(w, "\n| rule | pages | cuts | words cut | boilerplate | story words lost | story share |")
		fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	} else {
		fmt.Fprintf(w, "\n%-26s %6s %6s %9s %11s %10s %7s  %s\n", "rule", "pages", "cuts", "words", "boilerplate", "story", "share", "worst page (story words)")
	}
	for _, st := range rules {
		share := pct(st.story, st.words)
		if markdown {
			fmt.Fprintf(w, "| `%s` | %d | %d | %d | %d | %d | %.1f%% |\n", st.rule, st.pages, st.cuts, st.words, st.boilerplate, st.story, share)
			continue
		}
		worst := ""
		if st.worstStory > 0 {
			worst = fmt.Sprintf("%s (%d)", st.worstPage, st.worstStory)
		}
		fmt.Fprintf(w, "%-26s %6d %6d %9d %11d %10d %6.1f%%  %s\n", st.rule, st.pages, st.cuts, st.words, st.boilerplate, st.story, share, worst)
	}
}

// writeWorst lists the pages that lose the most gold words.
func (rep *report) writeWorst(w io.Writer, n int) {
	ps := append([]pageStat(nil), rep.pages...)
	sort.Slice(ps, func(i, j int) bool { return ps[i].lost > ps[j].lost })
	fmt.Fprintf(w, "\n%-48s %6s %6s %6s %6s %6s  %s\n", "page", "F1", "gold", "out", "lost", "norule", "biggest rule")
	for _, p := range ps[:min(n, len(ps))] {
		note := ""
		if p.biggestRule != "" {
			note = fmt.Sprintf("%s (%d)", p.biggestRule, p.biggestRuleLost)
		}
		if p.err != "" {
			note += " error: " + p.err
		}
		fmt.Fprintf(w, "%-48s %6.3f %6d %6d %6d %6d  %s\n", p.id, p.f1, p.goldWords, p.outWords, p.lost, p.noRule, note)
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
