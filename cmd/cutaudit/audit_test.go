package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// On the golden cases the expected text is the gold: the audit must find
// every story word kept and charge no rule with story words, and its table
// must list the rules that cut the cases' furniture.
func TestAuditGolden(t *testing.T) {
	pages, err := loadCorpus("../../testdata/golden")
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 10 {
		t.Fatalf("found %d golden cases", len(pages))
	}
	var shown bytes.Buffer
	rep := audit(pages, "", false, &shown)
	for _, p := range rep.pages {
		if p.err != "" {
			t.Errorf("%s: %s", p.id, p.err)
		}
		if p.lost != 0 || p.r < 1 {
			t.Errorf("%s: %d gold words lost (recall %.3f)", p.id, p.lost, p.r)
		}
	}
	for name, st := range rep.rules {
		if st.story != 0 {
			t.Errorf("rule %s is charged with %d story words on the goldens", name, st.story)
		}
	}
	for _, rule := range []string{"class:newsletter", "class:ad", "caption"} {
		if rep.rules[rule] == nil || rep.rules[rule].words == 0 {
			t.Errorf("rule %s cut nothing on the goldens", rule)
		}
	}
	var out bytes.Buffer
	rep.write(&out, true)
	if !strings.Contains(out.String(), "| `class:newsletter` |") {
		t.Errorf("the Markdown table lacks the newsletter rule:\n%s", out.String())
	}
}

// The attribution: a removed block's words count as story words only when
// the gold has them next to the same neighbour and the output lacks them.
func TestAttribution(t *testing.T) {
	gold := tokenize("The council approved the budget on Tuesday. Subscribe to our newsletter is not here.")
	pairs := pairSet(gold)
	missing := bag(tokenize("The council approved the budget on Tuesday."))
	for w := range missing {
		missing[w] = 0
	}
	missing["tuesday"] = 1
	cut := tokenize("on Tuesday")
	if !inStory(cut, 1, pairs, missing) {
		t.Error("a missing gold word next to its gold neighbour is not a story word")
	}
	missing["tuesday"] = 0
	if inStory(cut, 1, pairs, missing) {
		t.Error("a word the output still has is a story word")
	}
	if p, r, f := score(tokenize("a b c"), tokenize("a b d")); f < 0.66 || f > 0.67 || p != r {
		t.Errorf("score = %v %v %v", p, r, f)
	}
}

// On the shared corpora (when present) every rule must cut far more
// furniture than story: at most a third of what it cuts may be story words,
// for rules that cut enough to judge. The tuning and validation splits are
// audited together, as a user's corpus would be.
func TestAuditCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts about 1,000 pages; skipped with -short")
	}
	lostPages := 0
	for _, c := range []struct {
		dir   string
		floor float64 // the least mean F1 the corpus may score
		held  bool    // a corpus nobody tuned on, whose lost stories count
	}{
		{"../../../shared/corpora/fundus", 0.945, true},
		{"../../../shared/corpora/wcxb-dev", 0.945, true},
		{"../../../shared/bench/scrapinghub", 0.975, false},
	} {
		if _, err := os.Stat(c.dir); err != nil {
			t.Skipf("%s not found (it lives outside the repository)", c.dir)
		}
		pages, err := loadCorpus(c.dir)
		if err != nil {
			t.Fatal(err)
		}
		rep := audit(pages, "", false, &bytes.Buffer{})
		name := filepath.Base(c.dir)
		for rule, st := range rep.rules {
			if st.words >= minJudged && st.story*3 > st.words {
				t.Errorf("%s: rule %s cut %d words, %d of them story", name, rule, st.words, st.story)
			}
		}
		f1, lost := rep.scores()
		if f1 < c.floor {
			t.Errorf("%s: F1 %.3f, below %.3f", name, f1, c.floor)
		}
		if c.held {
			lostPages += lost
		}
	}
	if lostPages > maxLostPages {
		t.Errorf("%d stories of 100 words or more come back with under a fifth of their words, more than %d", lostPages, maxLostPages)
	}
}

// maxLostPages is the most stories of the two held-out corpora that may be
// lost (under a fifth of a gold text of 100 words or more).
const maxLostPages = 4

// minJudged is the least words a rule must cut on a corpus to be judged.
const minJudged = 200
