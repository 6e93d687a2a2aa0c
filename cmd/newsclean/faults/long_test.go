//go:build linux

package faults

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Environment variables that turn on the cases too slow for go test ./...:
// the 100,000-document run (minutes) and the 1,000-client load (half a
// minute, run by .ci/check-faults.sh).
const (
	longEnv = "NEWSCLEAN_FAULTS_LONG"
	loadEnv = "NEWSCLEAN_FAULTS_LOAD"
)

func needEnv(t *testing.T, key string) {
	t.Helper()
	if os.Getenv(key) != "1" {
		t.Skipf("slow case: set %s=1 to run it (see .ci/check-faults.sh)", key)
	}
}

var gcLine = regexp.MustCompile(`(\d+)->(\d+)->(\d+) MB, (\d+) MB goal`)

// gcPeaks reads the GODEBUG=gctrace=1 lines of stderr and returns the
// largest heap after marking (live data plus what was allocated while
// marking) and the largest heap reached, in MB.
func gcPeaks(stderr string) (live, heap int) {
	for _, m := range gcLine.FindAllStringSubmatch(stderr, -1) {
		end, _ := strconv.Atoi(m[2])
		l, _ := strconv.Atoi(m[3])
		live, heap = max(live, l), max(heap, end)
	}
	return live, heap
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
	needEnv(t, longEnv)
	t.Setenv("GODEBUG", "gctrace=1") // to tell a leak from a GC spike
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
		live, heap := gcPeaks(r.stderr)
		t.Logf("%7d documents: peak RSS %6d KiB, largest heap %d MB, largest live heap %d MB, %s (%s)",
			n, peaks[n], heap, live, r.elapsed.Round(100_000_000), batchSummary(r.stderr))
	}
	if limit := peaks[short] * 110 / 100; peaks[long] > limit {
		t.Errorf("peak RSS grew from %d KiB at %d documents to %d KiB at %d (limit %d KiB)", peaks[short], short, peaks[long], long, limit)
	}

	path := filepath.Join(out, fmt.Sprintf("%d.jsonl", long))
	r, peak := runPeak(t, append([]string{"batch", "--jobs", "2", "--resume", "-o", path}, list(long)...)...)
	if r.code != 0 {
		t.Fatalf("--resume: exit %d\n%s", r.code, r.stderr)
	}
	t.Logf("--resume over %d finished documents: peak RSS %d KiB, %s (%s)", long, peak, r.elapsed.Round(100_000_000), batchSummary(r.stderr))
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

// batchSummary returns batch's closing line from stderr.
func batchSummary(stderr string) string {
	i := strings.LastIndex(stderr, "newsclean: batch: ")
	if i < 0 {
		return "no summary line"
	}
	line, _, _ := strings.Cut(stderr[i:], "\n")
	return line
}
