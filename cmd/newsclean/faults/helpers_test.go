//go:build linux

package faults

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// corpusSize is how many generated pages the batch fault tests read.
const corpusSize = 3000

// runTimeout bounds every run of the binary: a hang fails the test.
const runTimeout = 10 * time.Minute

var (
	corpusOnce sync.Once
	corpusDir  string
	corpusErr  error

	baselines = map[string][]byte{} // flags -> output of an uninterrupted run
)

// corpus returns the directory of generated pages shared by the tests.
func corpus(t *testing.T) string {
	t.Helper()
	corpusOnce.Do(func() {
		corpusDir, corpusErr = os.MkdirTemp("", "newsclean-corpus-")
		if corpusErr != nil {
			return
		}
		if corpusErr = os.Chmod(corpusDir, 0o755); corpusErr != nil {
			return
		}
		writePages(t, corpusDir, 0, corpusSize, 500)
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return corpusDir
}

func removeCorpus() {
	if corpusDir != "" {
		os.RemoveAll(corpusDir)
	}
}

// result is how one run of the binary ended.
type result struct {
	stdout, stderr string
	code           int // exit code, or -1 when killed by a signal
	elapsed        time.Duration
}

// run runs the binary to its end.
func run(t *testing.T, args ...string) result {
	t.Helper()
	return runProgram(t, bin, args...)
}

// runProgram runs prog (the binary, or a wrapper of it) to its end.
func runProgram(t *testing.T, prog string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, prog, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String(), elapsed: time.Since(start)}
	if ctx.Err() != nil {
		t.Fatalf("newsclean %s: no end after %s", strings.Join(args, " "), runTimeout)
	}
	r.code = exitCode(t, err, cmd)
	return r
}

func exitCode(t *testing.T, err error, cmd *exec.Cmd) int {
	t.Helper()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("running newsclean: %v", err)
	}
	return cmd.ProcessState.ExitCode()
}

// baseline returns the JSON Lines of an uninterrupted batch run over the
// corpus with extra flags (cached per flags).
func baseline(t *testing.T, flags ...string) []byte {
	t.Helper()
	key := strings.Join(flags, " ")
	if b, ok := baselines[key]; ok {
		return b
	}
	path := filepath.Join(t.TempDir(), "baseline.jsonl")
	args := append([]string{"batch", "-o", path}, flags...)
	r := run(t, append(args, corpus(t))...)
	if r.code != 0 {
		t.Fatalf("baseline run: exit %d\n%s", r.code, r.stderr)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b, []byte("\n")); n != corpusSize {
		t.Fatalf("baseline has %d records, want %d", n, corpusSize)
	}
	baselines[key] = b
	return b
}

// records splits JSON Lines into whole records keyed by source. A last
// line without its newline is returned apart as torn; anything else that
// is not a record, or a source seen twice, fails the test.
func records(t *testing.T, data []byte) (recs map[string]string, order []string, torn string) {
	t.Helper()
	recs = map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	if n := len(data); n > 0 && data[n-1] != '\n' {
		i := bytes.LastIndexByte(data, '\n')
		torn = string(data[i+1:])
		data = data[:i+1]
		sc = bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 1<<20), 16<<20)
	}
	for sc.Scan() {
		var rec struct {
			Source string `json:"source"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil || rec.Source == "" {
			t.Fatalf("line %d is not a record (%v): %.200q", len(order)+1, err, sc.Text())
		}
		if _, dup := recs[rec.Source]; dup {
			t.Fatalf("record for %s written twice", rec.Source)
		}
		recs[rec.Source] = sc.Text()
		order = append(order, rec.Source)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return recs, order, torn
}

// checkSubset fails unless every whole record of got is the baseline's
// record for its source.
func checkSubset(t *testing.T, got, base []byte) (n int, torn bool) {
	t.Helper()
	want, _, _ := records(t, base)
	recs, _, tornLine := records(t, got)
	for src, line := range recs {
		if want[src] != line {
			t.Fatalf("record for %s differs from the uninterrupted run:\n got %.300s\nwant %.300s", src, line, want[src])
		}
	}
	return len(recs), tornLine != ""
}

// checkSame fails unless got holds exactly the baseline's records: as a
// set, and byte for byte when bytewise is set.
func checkSame(t *testing.T, got, base []byte, bytewise bool) {
	t.Helper()
	n, torn := checkSubset(t, got, base)
	if torn {
		t.Fatalf("output ends in a torn record")
	}
	if n != corpusSize {
		t.Fatalf("output has %d records, want %d", n, corpusSize)
	}
	if bytewise && !bytes.Equal(got, base) {
		t.Fatalf("output differs byte for byte from the uninterrupted run (same records, other order)")
	}
}

// waitForFile waits until path holds at least min bytes or the process
// ends (done closed).
func waitForFile(t *testing.T, path string, min int64, done <-chan struct{}) {
	t.Helper()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(runTimeout)
	for {
		if fi, err := os.Stat(path); err == nil && fi.Size() >= min {
			return
		}
		select {
		case <-tick.C:
		case <-done:
			return
		case <-deadline:
			t.Fatalf("%s: no output after %s", path, runTimeout)
		}
	}
}

// piped is a running binary with its stdout on a pipe.
type piped struct {
	cmd    *exec.Cmd
	stdout io.ReadCloser
	stderr strings.Builder
	ctx    context.Context
	cancel context.CancelFunc
}

// startPiped starts the binary with args (as another user when attr says
// so) and its stdout on a pipe; call wait to end it.
func startPiped(t *testing.T, attr *syscall.SysProcAttr, args ...string) *piped {
	t.Helper()
	p := &piped{}
	p.ctx, p.cancel = context.WithTimeout(context.Background(), runTimeout)
	p.cmd = exec.CommandContext(p.ctx, bin, args...)
	p.cmd.SysProcAttr = attr
	p.cmd.Stderr = &p.stderr
	var err error
	if p.stdout, err = p.cmd.StdoutPipe(); err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		p.cancel()
		if attr != nil && errors.Is(err, syscall.EPERM) {
			t.Skipf("cannot start a process as another user here: %v", err)
		}
		t.Fatal(err)
	}
	return p
}

// wait waits for the end and returns the exit code (-1 after a signal).
// A run that outlives runTimeout fails the test.
func (p *piped) wait(t *testing.T) int {
	t.Helper()
	defer p.cancel()
	err := p.cmd.Wait()
	if p.ctx.Err() != nil {
		t.Fatalf("newsclean did not end within %s (blocked?)", runTimeout)
	}
	return exitCode(t, err, p.cmd)
}
