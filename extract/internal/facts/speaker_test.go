package facts

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSourcePhrase(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"a company spokesperson", true},
		{"the document", true},
		{"the influential US daily", true},
		{"Russia's defence ministry", true},
		{"a spokesperson for the Department of Homeland Security", true},
		{"one of the organisers", true},
		{"prosecutors", true},
		{"the CNN host", true},
		{"Will Tjernlund", true},
		{"Reuters", true},
		{"he’d been harassed", false},
		{"campaign sent a fundraising email on Friday morning", false},
		{"the United States not to treat his country", false},
		{"OBAMA FOCUSED", false},
		{"Also", false},
		{"Finally", false},
		{"It may be", false},
		{"They", false},
		{"you may need to", false},
		{"There is a", false},
		{"New legislation will end what officials", false},
		{"instead of", false},
		{"", false},
	} {
		if got := sourcePhrase(c.in); got != c.want {
			t.Errorf("sourcePhrase(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// checkSpeakerRule fails on a quote whose speaker is neither a person the
// result lists nor a source phrase written in the article (a source named
// once may speak again in a later paragraph: "it added").
func checkSpeakerRule(t *testing.T, where string, paras []string, r Result) {
	t.Helper()
	names := map[string]bool{}
	for _, p := range r.People {
		names[p.Name] = true
	}
	text := strings.Join(strings.Fields(strings.Join(paras, " ")), " ")
	for _, q := range r.Quotes {
		if q.Speaker == nil || names[*q.Speaker] {
			continue
		}
		s := *q.Speaker
		if !sourcePhrase(s) || !strings.Contains(text, s) {
			t.Errorf("%s: speaker %q of %q is neither a listed person nor a source phrase of the article", where, s, q.Text)
		}
	}
}

// TestSpeakerRuleEverywhere holds the speaker rule over every article we
// have as text: ours, the golden cases' and the shared development set's.
func TestSpeakerRuleEverywhere(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(ownData, "*.txt"))
	texts := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = string(data)
	}
	golden, _ := filepath.Glob("../../../testdata/golden/*/want.txt")
	for _, f := range golden {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = string(data)
	}
	if data, err := os.ReadFile("../../../../shared/bench/scrapinghub/ground-truth.json"); err == nil {
		var bench map[string]struct {
			ArticleBody string `json:"articleBody"`
		}
		if err := json.Unmarshal(data, &bench); err != nil {
			t.Fatal(err)
		}
		for id, b := range bench {
			texts["bench/"+id] = b.ArticleBody
		}
	}
	quotes := 0
	for where, text := range texts {
		paras := splitParagraphs(text)
		r := Analyze(paras, published)
		checkSpeakerRule(t, where, paras, r)
		quotes += len(r.Quotes)
	}
	if quotes == 0 {
		t.Fatal("no quotes found: the property was checked on nothing")
	}
	t.Logf("%d articles, %d quotes", len(texts), quotes)
}
