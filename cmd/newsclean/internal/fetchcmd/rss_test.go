//go:build linux

package fetchcmd_test

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cli"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/extract/fetch/fetchtest"
)

// With NEWSCLEAN_TEST_MAIN set, the test binary is newsclean itself, so
// a test can run the command in a child process and read its peak memory.
func TestMain(m *testing.M) {
	if os.Getenv("NEWSCLEAN_TEST_MAIN") == "1" {
		os.Exit(cli.Run(context.Background(), os.Args[1:], &cliutil.Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
	}
	os.Exit(m.Run())
}

// TestPeakMemory runs `newsclean fetch` with the default 20 MiB cap
// against a gzip bomb and an endless body, in a child process, and checks
// its peak resident memory.
func TestPeakMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	if raceEnabled {
		t.Skip("the race detector inflates memory use")
	}
	srv := httptest.NewServer(fetchtest.Handler())
	defer srv.Close()
	for _, path := range []string{"/bomb", "/endless"} {
		t.Run(path, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, os.Args[0], "fetch", "--allow-private", srv.URL+path)
			cmd.Env = append(os.Environ(), "NEWSCLEAN_TEST_MAIN=1")
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, _ := cmd.Output()
			if code := cmd.ProcessState.ExitCode(); code != cliutil.ExitRejected {
				t.Errorf("exit code %d, want %d; stderr %q", code, cliutil.ExitRejected, stderr.String())
			}
			if len(out) != 0 || !strings.Contains(stderr.String(), "body larger than 20 MiB") {
				t.Errorf("stdout %d bytes, stderr %q", len(out), stderr.String())
			}
			ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			if !ok {
				t.Skip("no rusage on this system")
			}
			peak := ru.Maxrss << 10 // kB on Linux
			t.Logf("%s: peak RSS %.1f MB", path, float64(peak)/1e6)
			if peak > 100e6 {
				t.Errorf("peak RSS %d bytes, want under 100 MB", peak)
			}
		})
	}
}
