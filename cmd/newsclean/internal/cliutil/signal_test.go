//go:build unix

package cliutil

import (
	"context"
	"io/fs"
	"os"
	"syscall"
	"testing"
)

func TestInterruptedCode(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cause error
		want  int
	}{
		{"Ctrl-C", &SignalError{Signal: os.Interrupt}, 130},
		{"SIGTERM", &SignalError{Signal: syscall.SIGTERM}, 143},
		{"SIGHUP", &SignalError{Signal: syscall.SIGHUP}, 129},
		{"no signal", nil, ExitInterrupted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancelCause(context.Background())
			cancel(tc.cause)
			if got := InterruptedCode(ctx); got != tc.want {
				t.Errorf("InterruptedCode = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestNotifyContext(t *testing.T) {
	ctx, stop := NotifyContext(context.Background(), syscall.SIGUSR1)
	defer stop()
	if err := syscall.Kill(os.Getpid(), syscall.SIGUSR1); err != nil {
		t.Fatal(err)
	}
	<-ctx.Done()
	if got := InterruptedCode(ctx); got != 128+int(syscall.SIGUSR1) {
		t.Errorf("InterruptedCode = %d after SIGUSR1, want %d", got, 128+int(syscall.SIGUSR1))
	}
	stop()
}

func TestWriteErrorMessage(t *testing.T) {
	pe := &fs.PathError{Op: "write", Path: "out.jsonl", Err: syscall.ENOSPC}
	for _, tc := range []struct {
		err  *WriteError
		want string
	}{
		{&WriteError{Err: pe}, "writing output: write out.jsonl: no space left on device"},
		{&WriteError{Path: "out.jsonl", Err: pe}, "writing out.jsonl: no space left on device"},
		{&WriteError{Path: "stdout", Err: syscall.EPIPE, Hint: "try again"}, "writing stdout: broken pipe; try again"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}
