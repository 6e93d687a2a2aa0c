//go:build linux

package faults

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// killsPerMode is how many times each kill test stops the binary with
// SIGKILL before letting a last --resume finish.
const killsPerMode = 20

// TestKillResume kills a batch at random instants (fixed seed), each time
// going on with --resume, and checks that the final output holds exactly
// the records of an uninterrupted run: byte for byte with --jobs 1, as a
// set with --jobs 2; no record twice, none torn.
func TestKillResume(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary over thousands of pages")
	}
	for _, jobs := range []int{1, 2} {
		t.Run("jobs"+strconv.Itoa(jobs), func(t *testing.T) {
			flags := []string{"--jobs", strconv.Itoa(jobs)}
			start := time.Now()
			base := baseline(t, flags...)
			full := time.Since(start)
			out := filepath.Join(t.TempDir(), "out.jsonl")
			rng := rand.New(rand.NewPCG(14, uint64(jobs)))
			torn, finished := 0, 0
			for k := range killsPerMode {
				// Up to a twelfth of a full run: the kills land in the
				// start-up (reading the resume index), mid-run and while
				// flushing.
				delay := time.Duration(rng.Int64N(int64(full / 12)))
				before := fileSize(out)
				ended := killAfter(t, delay, append([]string{"batch", "--resume", "-o", out}, append(flags, corpus(t))...)...)
				data, _ := os.ReadFile(out)
				n, isTorn := checkSubset(t, data, base)
				if isTorn {
					torn++
				}
				if ended {
					finished++
				}
				t.Logf("kill %2d after %-12s output %7d -> %7d bytes, %4d whole records, torn tail %v, ended before the kill %v",
					k+1, delay.Round(time.Microsecond), before, len(data), n, isTorn, ended)
			}
			r := run(t, append([]string{"batch", "--resume", "-o", out}, append(flags, corpus(t))...)...)
			if r.code != 0 {
				t.Fatalf("last --resume: exit %d\n%s", r.code, r.stderr)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			checkSame(t, data, base, jobs == 1)
			t.Logf("%d kills (%d left a torn tail, %d runs ended first); final output equals the uninterrupted run's %d records", killsPerMode, torn, finished, corpusSize)
		})
	}
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// killAfter starts the binary, sends SIGKILL after delay and waits. It
// reports whether the process ended by itself first.
func killAfter(t *testing.T, delay time.Duration, args ...string) (ended bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	timer := time.NewTimer(delay)
	defer timer.Stop()
	select {
	case err := <-done:
		if code := cmd.ProcessState.ExitCode(); code != 0 {
			t.Fatalf("run ended with exit %d before the kill: %v", code, err)
		}
		return true
	case <-timer.C:
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-done
	if ctx.Err() != nil {
		t.Fatal("killed run did not end")
	}
	return false
}

// TestKillResumeOutDir kills an --out-dir run at random instants (fixed
// seed), each time going on with --resume: the directory ends with
// exactly the files of an uninterrupted run, and no temporary file.
func TestKillResumeOutDir(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary over thousands of pages")
	}
	baseDir := filepath.Join(t.TempDir(), "base")
	start := time.Now()
	if r := run(t, "batch", "--jobs", "2", "--out-dir", baseDir, corpus(t)); r.code != 0 {
		t.Fatalf("baseline --out-dir run: exit %d\n%s", r.code, r.stderr)
	}
	full := time.Since(start)
	want := readDir(t, baseDir)
	dir := filepath.Join(t.TempDir(), "articles")
	rng := rand.New(rand.NewPCG(14, 3))
	for k := range killsPerMode / 2 {
		delay := time.Duration(rng.Int64N(int64(full / 8)))
		ended := killAfter(t, delay, "batch", "--jobs", "2", "--resume", "--out-dir", dir, corpus(t))
		n, temps := 0, 0
		for name, b := range readDir(t, dir) {
			switch {
			case strings.HasPrefix(name, "."):
				temps++
			case !bytes.Equal(b, want[name]):
				t.Fatalf("after kill %d %s is not the uninterrupted run's file", k+1, name)
			default:
				n++
			}
		}
		t.Logf("kill %2d after %-12s %4d files, %d temporary, ended before the kill %v", k+1, delay.Round(time.Microsecond), n, temps, ended)
	}
	if r := run(t, "batch", "--jobs", "2", "--resume", "--out-dir", dir, corpus(t)); r.code != 0 {
		t.Fatalf("last --resume: exit %d\n%s", r.code, r.stderr)
	}
	got := readDir(t, dir)
	if len(got) != len(want) {
		t.Fatalf("%d files, want %d", len(got), len(want))
	}
	for name, b := range want {
		if !bytes.Equal(got[name], b) {
			t.Fatalf("%s differs from the uninterrupted run", name)
		}
	}
}
