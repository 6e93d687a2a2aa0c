package facts

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFrequentWordsAreCommon holds isCommon's shortcut to the lexicon:
// every word of the annotated articles that frequentWord answers is an
// ordinary word there.
func TestFrequentWordsAreCommon(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(ownData, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in %s: %v", ownData, err)
	}
	seen := map[string]bool{}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range newParas(splitParagraphs(string(data))) {
			for _, tok := range p.toks {
				if l := lw(tok); frequentWord(l) && !seen[l] {
					seen[l] = true
					if lookupWord(l).common == 0 {
						t.Errorf("frequentWord(%q) but the lexicon has no ordinary word %q", l, l)
					}
				}
			}
		}
	}
	if len(seen) < 50 {
		t.Errorf("only %d frequent words in the articles, want most of the list", len(seen))
	}
}
