//go:build linux

package faults

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestSignals stops a batch with SIGINT, SIGTERM and SIGHUP: each ends it
// like Ctrl-C, with exit 128+signal, whole records only and the resume
// hint, and --resume then completes the run.
func TestSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary over thousands of pages")
	}
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{
		{syscall.SIGINT, 130},
		{syscall.SIGTERM, 143},
		{syscall.SIGHUP, 129},
	} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			base := baseline(t, "--jobs", "2")
			out := filepath.Join(t.TempDir(), "out.jsonl")
			ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, "batch", "--jobs", "2", "-o", out, corpus(t))
			var errb bytes.Buffer
			cmd.Stderr = &errb
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan struct{})
			var werr error
			go func() { werr = cmd.Wait(); close(exited) }()
			waitForFile(t, out, 256<<10, exited) // mid-run
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			<-exited
			if code := exitCode(t, werr, cmd); code != tc.code {
				t.Fatalf("exit %d, want %d\n%s", code, tc.code, errb.String())
			}
			if !strings.Contains(errb.String(), "newsclean: interrupted; run again with --resume to continue\n") {
				t.Errorf("stderr lacks the resume hint:\n%s", errb.String())
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			n, torn := checkSubset(t, data, base)
			if torn {
				t.Fatal("output ends in a torn record")
			}
			t.Logf("stopped after %d records; stderr: %s", n, strings.TrimSpace(errb.String()))
			if r := run(t, "batch", "--jobs", "2", "--resume", "-o", out, corpus(t)); r.code != 0 {
				t.Fatalf("--resume: exit %d\n%s", r.code, r.stderr)
			}
			if data, err = os.ReadFile(out); err != nil {
				t.Fatal(err)
			}
			checkSame(t, data, base, false)
		})
	}
}

// TestBrokenPipe reads one record from stdout and closes the pipe, as
// `newsclean batch DIR | head -1` does: the run ends quietly, killed by
// SIGPIPE, with nothing on stderr.
func TestBrokenPipe(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary over thousands of pages")
	}
	p := startPiped(t, nil, "batch", corpus(t))
	line, err := bufio.NewReader(p.stdout).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, `{"source":`) {
		t.Fatalf("first line %.80q: %v", line, err)
	}
	p.stdout.Close()
	p.wait(t)
	ws := p.cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !(ws.Signaled() && ws.Signal() == syscall.SIGPIPE) && ws.ExitStatus() != 0 {
		t.Errorf("ended with %v, want SIGPIPE or exit 0", p.cmd.ProcessState)
	}
	if p.stderr.Len() > 0 {
		t.Errorf("stderr is not empty:\n%s", p.stderr.String())
	}
}
