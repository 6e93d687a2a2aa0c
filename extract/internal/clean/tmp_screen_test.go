package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func loadTmpBlocks(t testing.TB) []string {
	files, _ := filepath.Glob("/tmp/speed-base-out/*/*.blocks")
	var out []string
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, l := range strings.Split(string(b), "\n") {
			if i := strings.IndexByte(l, '\t'); i >= 0 && len(l)-i-1 <= 400 && len(l)-i > 1 {
				out = append(out, l[i+1:])
			}
		}
	}
	return out
}

func TestTmpScreenCost(t *testing.T) {
	blocks := loadTmpBlocks(t)
	sc := boilerplateScreen()
	costs := map[byte]time.Duration{}
	counts := map[byte]int{}
	for _, b := range blocks {
		c := b[0]
		if c >= 128 { c = 0 }
		st := time.Now()
		for i := 0; i < 5; i++ { sc.match(b) }
		costs[c] += time.Since(st)
		counts[c]++
	}
	var total time.Duration
	for c, d := range costs {
		total += d
		if d > 20*time.Millisecond { t.Logf("%q n=%d %v len=%d", c, counts[c], d, 0) }
	}
	t.Logf("blocks %d total %v", len(blocks), total)
}

func TestTmpShow(t *testing.T) {
	sc := boilerplateScreen()
	t.Log(len(sc.other))
	t.Log(len(sc.ascii[87]))
}

func TestTmpNeedCost(t *testing.T) {
	blocks := loadTmpBlocks(t)
	words := map[string]bool{}
	for i, r := range boilerplateRules() {
		if r.need == nil { continue }
		for _, w := range r.need { words[w] = true }
		var d time.Duration
		n := 0
		for _, b := range blocks {
			tt := strings.TrimSpace(strings.Trim(b, "|•·›»«<>[]"))
			lower := strings.ToLower(tt)
			found := false
			for _, w := range r.need { if strings.Contains(lower, w) { found = true } }
			if !found { continue }
			n++
			st := time.Now()
			r.re.MatchString(tt)
			d += time.Since(st)
		}
		t.Logf("%d %s n=%d %v", i, r.rule, n, d)
	}
	t.Logf("words %d", len(words))
}
