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
	for _, dir := range []string{"../../../shared/corpora/fundus", "../../../shared/corpora/wcxb-dev", "../../../shared/bench/scrapinghub"} {
		if _, err := os.Stat(dir); err != nil {
			t.Skipf("%s not found (it lives outside the repository)", dir)
		}
		pages, err := loadCorpus(dir)
		if err != nil {
			t.Fatal(err)
		}
		rep := audit(pages, "", false, &bytes.Buffer{})
		for name, st := range rep.rules {
			if st.words >= minJudged && st.story*3 > st.words {
				t.Errorf("%s: rule %s cut %d words, %d of them story", filepath.Base(dir), name, st.words, st.story)
			}
		}
	}
}

// minJudged is the least words a rule must cut on a corpus to be judged.
const minJudged = 200
