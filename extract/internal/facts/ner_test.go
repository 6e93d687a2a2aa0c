package facts

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// gumDir holds GUM's person annotations (news, interviews, biographies
// and more from Wikinews, Wikipedia and open papers). Nothing in the facts
// reader was built or tuned from GUM, so it measures people on text the
// rules have not seen.
const gumDir = "../../../../shared/ner-data/gum"

// minGUMPrecision is the people precision TestGUMPeople holds on GUM's
// news and interview documents, a little under the measured 0.838. GUM
// leaves many people untagged (in these documents "Mark Zuckerberg",
// "Truman Capote", "Kyle Walker" are O), so the figure is a lower bound:
// of the 38 names it counts wrong, about five are not people ("British
// Red Cross", "Angel Catbird", "Santo Spirito").
const minGUMPrecision = 0.80

type gumSentence struct {
	toks, tags []string
}

// readGUM reads the sentences of one GUM split in order.
func readGUM(t *testing.T, split string) []gumSentence {
	t.Helper()
	f, err := os.Open(filepath.Join(gumDir, split+".tsv"))
	if err != nil {
		t.Skipf("GUM data absent (%v): skipping", err)
	}
	defer f.Close()
	var out []gumSentence
	var cur gumSentence
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		tok, tag, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			if len(cur.toks) > 0 {
				out = append(out, cur)
			}
			cur = gumSentence{}
			continue
		}
		cur.toks, cur.tags = append(cur.toks, tok), append(cur.tags, tag)
	}
	if len(cur.toks) > 0 {
		out = append(out, cur)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// detokenize joins tokens as running text: no space before closing
// punctuation and clitics, none after an opening bracket.
func detokenize(toks []string) string {
	var b strings.Builder
	noSpaceAfter := false
	for i, tok := range toks {
		attach := strings.ContainsAny(tok[:1], ",.;:!?)]%") || tok == "'s" || tok == "n't" || tok == "'re" || tok == "'ve" || tok == "'ll" || tok == "'d" || tok == "'m"
		if i > 0 && !attach && !noSpaceAfter {
			b.WriteByte(' ')
		}
		b.WriteString(tok)
		noSpaceAfter = tok == "(" || tok == "["
	}
	return b.String()
}

// gumDocs groups the sentences of each GUM document of the given genres
// into paragraphs (one a sentence) and the set of its PER names.
func gumDocs(t *testing.T, genres map[string]bool) (docs [][]string, names []map[string]bool) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(gumDir, "docs.tsv"))
	if err != nil {
		t.Skipf("GUM data absent (%v): skipping", err)
	}
	splits := map[string][]gumSentence{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n")[1:] {
		f := strings.Split(line, "\t")
		if len(f) < 5 || !genres[f[4]] {
			continue
		}
		if splits[f[0]] == nil {
			splits[f[0]] = readGUM(t, f[0])
		}
		first, _ := strconv.Atoi(f[2])
		n, _ := strconv.Atoi(f[3])
		sents := splits[f[0]]
		if first+n > len(sents) {
			t.Fatalf("docs.tsv: %s runs past its split", f[1])
		}
		var paras []string
		per := map[string]bool{}
		for _, s := range sents[first : first+n] {
			paras = append(paras, detokenize(s.toks))
			for _, name := range perSpans(s) {
				per[normName(name)] = true
			}
		}
		docs, names = append(docs, paras), append(names, per)
	}
	return docs, names
}

// perSpans returns the PER entities of a sentence as text.
func perSpans(s gumSentence) []string {
	var out, cur []string
	for i, tag := range s.tags {
		switch {
		case tag == "B-PER":
			if cur != nil {
				out = append(out, strings.Join(cur, " "))
			}
			cur = []string{s.toks[i]}
		case tag == "I-PER" && cur != nil:
			cur = append(cur, s.toks[i])
		default:
			if cur != nil {
				out = append(out, strings.Join(cur, " "))
			}
			cur = nil
		}
	}
	if cur != nil {
		out = append(out, strings.Join(cur, " "))
	}
	return out
}

// TestGUMPeople measures people on GUM's news and interview documents: a
// person found is right when a word of its name is a word of a PER span
// of the document. It holds precision at minGUMPrecision; recall is
// reported only, since GUM tags lone surnames and first names that the
// reader lists only when it can tie them to a full name.
func TestGUMPeople(t *testing.T) {
	docs, names := gumDocs(t, map[string]bool{"news": true, "interview": true})
	tp, fp := 0, 0
	for i, paras := range docs {
		r := Analyze(paras, published)
		words := map[string]bool{}
		for n := range names[i] {
			for _, w := range strings.Fields(n) {
				words[w] = true
			}
		}
		for _, p := range r.People {
			// GUM leaves parts of some names untagged ("Kevin De" B-PER
			// I-PER, "Bruyne" O): a person found is right when a word of
			// its name is a word of a PER span
			ok := false
			for _, w := range strings.Fields(normName(p.Name)) {
				ok = ok || words[w] && !wordLists().particle[w]
			}
			if ok {
				tp++
			} else {
				fp++
				t.Logf("no word of %q in a PER span", p.Name)
			}
		}
	}
	if tp+fp == 0 {
		t.Fatal("no people found in GUM")
	}
	precision := float64(tp) / float64(tp+fp)
	t.Logf("GUM news+interview: %d documents, %d people found, precision %.3f", len(docs), tp+fp, precision)
	if precision < minGUMPrecision {
		t.Errorf("people precision %.3f < %.2f", precision, minGUMPrecision)
	}
}
