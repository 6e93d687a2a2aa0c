package faults

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// longEnv turns on the long cases: 100,000 documents, 1,000 slow clients.
const longEnv = "NEWSCLEAN_FAULTS_LONG"

func needLong(t *testing.T) {
	t.Helper()
	if os.Getenv(longEnv) != "1" {
		t.Skipf("long case: set %s=1 (.ci/check-faults.sh does)", longEnv)
	}
}

// runPeak runs the binary under /usr/bin/time and returns the result
// with the run's peak resident set in KiB ("Maximum resident set size" of
// time -v). The child's own rusage is no use here: on Linux a child that
// execs inherits the high-water mark of the test process it was cloned
// from.
func runPeak(t *testing.T, args ...string) (result, int64) {
	t.Helper()
	const timeBin = "/usr/bin/time"
	if _, err := os.Stat(timeBin); err != nil {
		t.Skipf("%s is needed to measure peak memory: %v", timeBin, err)
	}
	rssFile := filepath.Join(t.TempDir(), "rss")
	r := runProgram(t, timeBin, append([]string{"-f", "%M", "-o", rssFile, bin}, args...)...)
	b, err := os.ReadFile(rssFile)
	if err != nil {
		t.Fatal(err)
	}
	kib, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		t.Fatalf("%s wrote %q: %v", timeBin, b, err)
	}
	return r, kib
}

// TestLongRunMemory runs batch over 10,000 and then 100,000 generated
// documents (1,000 to a directory) and checks that the peak resident set
// of the long run is within 10% of the short one's. It also measures a
// --resume over the finished 100,000-record output, which holds the
// resume index of every source.
func TestLongRunMemory(t *testing.T) {
	needLong(t)
	const short, long = 10_000, 100_000
	root := sharedTempDir(t)
	writePages(t, root, 0, long, 1000)
	list := func(n int) []string {
		var dirs []string
		for i := range n / 1000 {
			dirs = append(dirs, filepath.Join(root, fmt.Sprintf("d%03d", i)))
		}
		return dirs
	}
	out := t.TempDir()
	peaks := map[int]int64{}
	for _, n := range []int{short, long} {
		path := filepath.Join(out, fmt.Sprintf("%d.jsonl", n))
		r, peak := runPeak(t, append([]string{"batch", "--jobs", "2", "-o", path}, list(n)...)...)
		if r.code != 0 {
			t.Fatalf("%d documents: exit %d\n%s", n, r.code, r.stderr)
		}
		if got := lines(t, path); got != n {
			t.Fatalf("%d documents: %d records", n, got)
		}
		peaks[n] = peak
		t.Logf("%7d documents: peak RSS %6d KiB, %s (%s)", n, peaks[n], r.elapsed.Round(100_000_000), lastLine(r.stderr))
	}
	if limit := peaks[short] * 110 / 100; peaks[long] > limit {
		t.Errorf("peak RSS grew from %d KiB at %d documents to %d KiB at %d (limit %d KiB)", peaks[short], short, peaks[long], long, limit)
	}

	path := filepath.Join(out, fmt.Sprintf("%d.jsonl", long))
	r, peak := runPeak(t, append([]string{"batch", "--jobs", "2", "--resume", "-o", path}, list(long)...)...)
	if r.code != 0 {
		t.Fatalf("--resume: exit %d\n%s", r.code, r.stderr)
	}
	t.Logf("--resume over %d finished documents: peak RSS %d KiB, %s (%s)", long, peak, r.elapsed.Round(100_000_000), lastLine(r.stderr))
}

// lines counts the lines of the file at path without holding it.
func lines(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	buf := make([]byte, 1<<16)
	for {
		k, err := f.Read(buf)
		n += bytes.Count(buf[:k], []byte("\n"))
		if err == io.EOF {
			return n
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func lastLine(s string) string {
	for len(s) > 0 && s[len(s)-1] == '\n' {
		s = s[:len(s)-1]
	}
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '\n' {
			return s[i+1:]
		}
	}
	return s
}
