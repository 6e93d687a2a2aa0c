package facts

// A Go port of the scoring rules of ../shared/metadata-dev/score_meta.py,
// so the tests hold the same bars on our own annotated articles.

import (
	"encoding/json"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

type goldFile struct {
	Articles []goldArticle `json:"articles"`
}

type goldArticle struct {
	ID         string `json:"id"`
	Validation bool   `json:"validation"` // scored apart, never tuned on
	Dateline   *struct {
		Place  *string `json:"place"`
		Date   *string `json:"date"`
		Agency *string `json:"agency"`
	} `json:"dateline"`
	People []struct {
		Name     string   `json:"name"`
		Aliases  []string `json:"aliases"`
		Optional bool     `json:"optional"`
	} `json:"people"`
	Quotes []struct {
		Text       string   `json:"text"`
		Speaker    *string  `json:"speaker"`
		SpeakerAlt []string `json:"speaker_alt"`
		Optional   bool     `json:"optional"`
	} `json:"quotes"`
}

func readGold(t testing.TB, path string) goldFile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g goldFile
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatalf("parsing %s: %v", path, err)
	}
	return g
}

var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true,
	"prof": true, "professor": true, "sir": true, "dame": true, "lt": true, "col": true, "gen": true,
	"sgt": true, "capt": true, "sen": true, "rep": true, "gov": true, "rev": true}
var articles = map[string]bool{"a": true, "an": true, "the": true, "one": true}

func fold(s string) string {
	return strings.ReplaceAll(strings.ToLower(norm.NFKC.String(s)), "\u2019", "'")
}

func isW(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.IsMark(r)
}

func scoreTokens(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool { return !isW(r) })
}

func normField(s *string) string {
	if s == nil {
		return ""
	}
	f := strings.Join(strings.Fields(fold(*s)), " ")
	return strings.Trim(f, " \t,.;:()[]\u2014\u2013-")
}

func normName(s string) string {
	toks := strings.FieldsFunc(fold(s), func(r rune) bool { return !isW(r) && r != '\'' })
	for len(toks) > 0 && (honorifics[toks[0]] || articles[toks[0]]) {
		toks = toks[1:]
	}
	var out []string
	for _, t := range toks {
		if t = strings.Trim(t, "'"); t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, " ")
}

func dice(a, b string) float64 {
	ta, tb := scoreTokens(a), scoreTokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	cnt := map[string]int{}
	for _, t := range ta {
		cnt[t]++
	}
	common := 0
	for _, t := range tb {
		if cnt[t] > 0 {
			cnt[t]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(ta)+len(tb))
}

type tally struct {
	n, dateline                 int
	ptp, pfp, pfn               int
	qtp, qfp, qfn, speakerRight int
	errors                      []string
	quiet                       bool // report figures only, not each error
}

func (t *tally) f1(tp, fp, fn int) float64 {
	if tp == 0 {
		return 0
	}
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	return 2 * p * r / (p + r)
}

var spaceRE = regexp.MustCompile(`\s+`)

func endsWithTitle(n, k string) bool { return strings.Contains(k, " ") && strings.HasSuffix(n, " "+k) }

func (t *tally) add(g goldArticle, r Result) {
	t.n++
	// dateline
	var gp, gd, ga string
	if g.Dateline != nil {
		gp, gd, ga = normField(g.Dateline.Place), normField(g.Dateline.Date), normField(g.Dateline.Agency)
	}
	var pp, pd, pa string
	if r.Dateline != nil {
		pp, pd, pa = normField(&r.Dateline.Place), normField(&r.Dateline.Date), normField(&r.Dateline.Agency)
	}
	if gp == pp && gd == pd && ga == pa {
		t.dateline++
	} else {
		t.errors = append(t.errors, g.ID+": dateline want "+gp+"|"+gd+"|"+ga+" got "+pp+"|"+pd+"|"+pa)
	}
	// people
	index := map[string]int{}
	for i, p := range g.People {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			if _, ok := index[normName(n)]; !ok {
				index[normName(n)] = i
			}
		}
	}
	lookupGold := func(n string) int {
		if i, ok := index[n]; ok {
			return i
		}
		for k, i := range index {
			if endsWithTitle(n, k) {
				return i
			}
		}
		return -1
	}
	hit, seen := map[int]bool{}, map[string]bool{}
	for _, p := range r.People {
		n := normName(p.Name)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		i := lookupGold(n)
		switch {
		case i < 0:
			t.pfp++
			t.errors = append(t.errors, g.ID+": person FP "+p.Name)
		case g.People[i].Optional || hit[i]:
		default:
			hit[i] = true
			t.ptp++
		}
	}
	for i, p := range g.People {
		if !p.Optional && !hit[i] {
			t.pfn++
			t.errors = append(t.errors, g.ID+": person FN "+p.Name)
		}
	}
	// quotes
	type cand struct {
		o    float64
		i, j int
	}
	var gq []int
	for i, q := range g.Quotes {
		if len(scoreTokens(q.Text)) >= 3 {
			gq = append(gq, i)
		}
	}
	var pq []int
	for j, q := range r.Quotes {
		if len(scoreTokens(q.Text)) >= 3 {
			pq = append(pq, j)
		}
	}
	var cands []cand
	for _, i := range gq {
		for _, j := range pq {
			if o := dice(g.Quotes[i].Text, r.Quotes[j].Text); o >= 0.8 {
				cands = append(cands, cand{o, i, j})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].o > cands[b].o })
	usedG, usedP := map[int]bool{}, map[int]bool{}
	for _, c := range cands {
		if usedG[c.i] || usedP[c.j] {
			continue
		}
		usedG[c.i], usedP[c.j] = true, true
		gqt := g.Quotes[c.i]
		if gqt.Optional {
			continue
		}
		t.qtp++
		pred := ""
		if s := r.Quotes[c.j].Speaker; s != nil {
			pred = normName(*s)
		}
		ok := false
		if gqt.Speaker == nil || *gqt.Speaker == "" {
			ok = pred == ""
		} else {
			acc := map[string]bool{normName(*gqt.Speaker): true}
			for _, a := range gqt.SpeakerAlt {
				acc[normName(a)] = true
			}
			for _, p := range g.People {
				if normName(p.Name) == normName(*gqt.Speaker) {
					for _, a := range p.Aliases {
						acc[normName(a)] = true
					}
				}
			}
			for a := range acc {
				if pred == a || endsWithTitle(pred, a) {
					ok = true
				}
			}
		}
		if ok {
			t.speakerRight++
		} else {
			want := "<nil>"
			if gqt.Speaker != nil {
				want = *gqt.Speaker
			}
			t.errors = append(t.errors, g.ID+": speaker want "+want+" got "+pred+" | "+gqt.Text)
		}
	}
	for _, i := range gq {
		if !usedG[i] && !g.Quotes[i].Optional {
			t.qfn++
			t.errors = append(t.errors, g.ID+": quote FN "+g.Quotes[i].Text)
		}
	}
	for _, j := range pq {
		if !usedP[j] {
			t.qfp++
			t.errors = append(t.errors, g.ID+": quote FP "+r.Quotes[j].Text)
		}
	}
}

// The acceptance bars of the facts reader.
const (
	minDateline = 0.97 // share of articles whose place, date and agency are all right
	minPeopleF1 = 0.95 // F1 of people found against the annotated ones
	minQuoteF1  = 0.97 // F1 of quotes found (bag-of-words Dice >= 0.8 matches)
	minSpeaker  = 0.95 // share of matched quotes with the right speaker
)

// check holds the acceptance bars (minDateline, minPeopleF1, minQuoteF1,
// minSpeaker).
func (t *tally) check(tb testing.TB) {
	tb.Helper()
	dl := float64(t.dateline) / float64(t.n)
	pf := t.f1(t.ptp, t.pfp, t.pfn)
	qf := t.f1(t.qtp, t.qfp, t.qfn)
	sp := 0.0
	if t.qtp > 0 {
		sp = float64(t.speakerRight) / float64(t.qtp)
	}
	tb.Logf("articles %d: dateline %.3f  people F1 %.3f (tp=%d fp=%d fn=%d)  quotes F1 %.3f (tp=%d fp=%d fn=%d)  speaker %.3f",
		t.n, dl, pf, t.ptp, t.pfp, t.pfn, qf, t.qtp, t.qfp, t.qfn, sp)
	for _, e := range t.errors {
		if t.quiet {
			break
		}
		tb.Log("  " + spaceRE.ReplaceAllString(e, " "))
	}
	if dl < minDateline || pf < minPeopleF1 || qf < minQuoteF1 || sp < minSpeaker {
		tb.Errorf("below the bars: dateline %.3f (>= %.2f), people F1 %.3f (>= %.2f), quote F1 %.3f (>= %.2f), speaker %.3f (>= %.2f)",
			dl, minDateline, pf, minPeopleF1, qf, minQuoteF1, sp, minSpeaker)
	}
}
