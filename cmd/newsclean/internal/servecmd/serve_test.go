package servecmd

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
)

func TestFlags(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		want     *Options
		wantKind string
	}{
		{name: "defaults", args: []string{},
			want: &Options{Addr: "127.0.0.1:8080", MaxBytes: 20 << 20, Timeout: 30 * time.Second}},
		{name: "loopback v6", args: []string{"--addr", "[::1]:9000"},
			want: &Options{Addr: "[::1]:9000", MaxBytes: 20 << 20, Timeout: 30 * time.Second}},
		{name: "localhost", args: []string{"--addr", "localhost:0", "--allow-private", "--timeout", "5s", "--max-bytes", "1000"},
			want: &Options{Addr: "localhost:0", AllowPrivate: true, MaxBytes: 1000, Timeout: 5 * time.Second}},
		{name: "all interfaces refused", args: []string{"--addr", ":8080"}, wantKind: cliutil.KindUsage},
		{name: "lan address refused", args: []string{"--addr", "192.168.1.5:8080"}, wantKind: cliutil.KindUsage},
		{name: "remote allowed", args: []string{"--addr", "0.0.0.0:8080", "--allow-remote"},
			want: &Options{Addr: "0.0.0.0:8080", AllowRemote: true, MaxBytes: 20 << 20, Timeout: 30 * time.Second}},
		{name: "human size", args: []string{"--max-bytes", "2MiB"},
			want: &Options{Addr: "127.0.0.1:8080", MaxBytes: 2 << 20, Timeout: 30 * time.Second}},
		{name: "no size cap", args: []string{"--max-bytes", "0"},
			want: &Options{Addr: "127.0.0.1:8080", MaxBytes: -1, Timeout: 30 * time.Second}},
		{name: "bad size", args: []string{"--max-bytes", "lots"}, wantKind: cliutil.KindUsage},
		{name: "bad addr", args: []string{"--addr", "8080"}, wantKind: cliutil.KindUsage},
		{name: "zero timeout", args: []string{"--timeout", "0s"}, wantKind: cliutil.KindUsage},
		{name: "extra argument", args: []string{"page.html"}, wantKind: cliutil.KindUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *Options
			streams := &cliutil.Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
			cmd := newCmd(streams, func(_ context.Context, o *Options) error {
				got = o
				return nil
			})
			cmd.SetArgs(tt.args)
			cmd.SetOut(streams.Out)
			cmd.SetErr(streams.Err)
			cmd.SilenceErrors, cmd.SilenceUsage = true, true
			cmd.SetFlagErrorFunc(func(_ *cobraCommand, err error) error { return &cliutil.UsageError{Err: err} })
			err := cmd.Execute()
			if tt.wantKind != "" {
				kind, _ := cliutil.Classify(err)
				if err == nil || kind != tt.wantKind {
					t.Fatalf("err %v (kind %s), want kind %s", err, kind, tt.wantKind)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(Options{}, "Streams"), cmpopts.IgnoreUnexported(Options{})); d != "" {
				t.Errorf("options (-want +got):\n%s", d)
			}
		})
	}
}

// TestRunShutdown serves on a free loopback port, answers a request, and
// stops cleanly when the context is cancelled.
func TestRunShutdown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncBuffer
	addrc := make(chan string, 1)
	opts := &Options{
		Streams:  &cliutil.Streams{Out: &bytes.Buffer{}, Err: &stderr},
		Addr:     "127.0.0.1:0",
		MaxBytes: 1 << 20,
		Timeout:  5 * time.Second,
		onListen: func(a string) { addrc <- a },
	}
	done := make(chan error, 1)
	go func() { done <- Run(ctx, opts) }()
	var addr string
	select {
	case addr = <-addrc:
	case err := <-done:
		t.Fatalf("Run returned early: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("server did not start")
	}
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("healthz status %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("server did not stop")
	}
	if s := stderr.String(); !strings.Contains(s, "serving on http://"+addr+"/") || !strings.Contains(s, "shutting down") {
		t.Errorf("stderr %q", s)
	}
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("server still answers after shutdown")
	}
}

func TestRunLoopbackNoWarning(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var stderr syncBuffer
	opts := &Options{
		Streams:     &cliutil.Streams{Out: &bytes.Buffer{}, Err: &stderr},
		Addr:        "127.0.0.2:0", // loopback, so nothing is exposed, but exercise the flag
		AllowRemote: true,
		MaxBytes:    1 << 20,
		Timeout:     time.Second,
		onListen:    func(string) { cancel() },
	}
	if err := Run(ctx, opts); err != nil && !errors.Is(err, context.Canceled) {
		t.Skipf("cannot listen on 127.0.0.2: %v", err)
	}
	if strings.Contains(stderr.String(), "warning") {
		t.Errorf("warning printed for a loopback address: %q", stderr.String())
	}
}
