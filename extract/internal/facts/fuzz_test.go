package facts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzAnalyze runs the whole reader on arbitrary paragraphs (split at
// newlines): no panic, places and quotes taken from the input, paragraph
// numbers in range, every speaker a listed person or a source phrase.
func FuzzAnalyze(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(ownData, "*.txt"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(strings.Join(splitParagraphs(string(data)), "\n"))
		}
	}
	f.Add("PARIS — “x y z,” said Mr Lee.\n“a b c\n“d e f,” she added.")
	f.Add("OBAMA FOCUSED said: “we will not stop now,” and he’d been harassed said “a b c d.”")
	f.Fuzz(func(t *testing.T, in string) {
		paras := strings.Split(in, "\n")
		r := Analyze(paras, published)
		if r.Dateline != nil && !strings.Contains(in, r.Dateline.Place) {
			t.Fatalf("dateline place %q not in input", r.Dateline.Place)
		}
		for _, q := range r.Quotes {
			if q.Paragraph < 0 || q.Paragraph >= len(paras) || !strings.Contains(paras[q.Paragraph], q.Text) {
				t.Fatalf("quote %+v not in its paragraph", q)
			}
		}
		checkSpeakerRule(t, "fuzz", paras, r)
		for _, p := range r.People {
			if p.Name == "" || p.Mentions <= 0 {
				t.Fatalf("bad person %+v", p)
			}
		}
	})
}
