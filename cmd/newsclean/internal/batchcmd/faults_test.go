package batchcmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
)

// fullDisk is a writer with room for a fixed number of bytes: the write
// that passes it stores what fits and fails with ENOSPC, as a file on a
// full disk does.
type fullDisk struct {
	w    io.Writer
	room int
}

func (d *fullDisk) Write(p []byte) (int, error) {
	if len(p) <= d.room {
		d.room -= len(p)
		return d.w.Write(p)
	}
	n, _ := d.w.Write(p[:d.room])
	d.room = 0
	return n, &os.PathError{Op: "write", Path: "out.jsonl", Err: syscall.ENOSPC}
}

func TestRecordWriterDiskFull(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.jsonl")
	earlier := "{\"source\":\"earlier\"}\n"
	if err := os.WriteFile(path, []byte(earlier), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, room := range []int{0, 1, chunkSize - 1, chunkSize, chunkSize + 500, 3*chunkSize + 7} {
		t.Run(fmt.Sprint(room), func(t *testing.T) {
			if err := f.Truncate(int64(len(earlier))); err != nil {
				t.Fatal(err)
			}
			rw := newRecordWriter(&fullDisk{w: f, room: room}, path)
			if err := rw.truncatable(f); err != nil {
				t.Fatal(err)
			}
			var werr error
			for i := 0; werr == nil && i < 1000; i++ {
				rec := fmt.Sprintf("{\"source\":\"doc-%d\",\"text\":%q}\n", i, strings.Repeat("word ", i%300))
				werr = rw.write([]byte(rec))
			}
			if werr == nil {
				werr = rw.flush()
			}
			if werr == nil {
				t.Fatal("no error from a full disk")
			}
			want := "writing " + path + ": no space left on device; " + noSpaceHint
			if werr.Error() != want {
				t.Errorf("error %q, want %q", werr, want)
			}
			if kind, code := cliutil.Classify(werr); kind != cliutil.KindWrite || code != cliutil.ExitFailure {
				t.Errorf("classified %s/%d, want %s/%d", kind, code, cliutil.KindWrite, cliutil.ExitFailure)
			}
			if !errors.Is(werr, syscall.ENOSPC) {
				t.Errorf("%v does not wrap ENOSPC", werr)
			}
			if err := rw.write([]byte("{}\n")); err != werr {
				t.Errorf("write after the failure: %v, want the first error", err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(data, []byte(earlier)) || !bytes.HasSuffix(data, []byte("\n")) {
				t.Fatalf("file lost earlier records or ends in a torn one: %d bytes, tail %q", len(data), data[max(0, len(data)-40):])
			}
			if len(data) > len(earlier)+room {
				t.Errorf("file has %d bytes, more than the disk's room", len(data))
			}
		})
	}
}

// runFull runs a batch with args whose output has room for room bytes
// and returns Run's error.
func runFull(t *testing.T, room int, args ...string) error {
	t.Helper()
	var opts *Options
	streams := &cliutil.Streams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}
	cmd := newCmd(streams, func(_ context.Context, o *Options) error { opts = o; return nil })
	cmd.SetArgs(args)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	opts.wrapOutput = func(w io.Writer) io.Writer { return &fullDisk{w: w, room: room} }
	return Run(context.Background(), opts)
}

// TestBatchDiskFull runs a batch whose --output fills up: exit 1 with the
// error naming the file, whole records only, and --resume completes it.
func TestBatchDiskFull(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.jsonl")
	_, _, code := runBatch(context.Background(), t, "", nil, "--jobs", "1", "-o", out, "testdata/pages")
	if code != cliutil.ExitPartial {
		t.Fatalf("reference run: exit %d", code)
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(out)

	err = runFull(t, len(want)/2, "--jobs", "1", "-o", out, "testdata/pages")
	if _, code := cliutil.Classify(err); code != cliutil.ExitFailure {
		t.Fatalf("full disk: exit %d (%v), want %d", code, err, cliutil.ExitFailure)
	}
	if msg := cliutil.Message(err); !strings.HasPrefix(msg, "writing "+out+": no space left on device") {
		t.Errorf("error %q does not name %s", msg, out)
	}
	half, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(want, half) || len(half) > 0 && half[len(half)-1] != '\n' {
		t.Fatalf("after the full disk the file is not whole records of the reference (%d bytes)", len(half))
	}
	if _, _, code = runBatch(context.Background(), t, "", nil, "--jobs", "1", "--resume", "-o", out, "testdata/pages"); code != cliutil.ExitOK && code != cliutil.ExitPartial {
		t.Fatalf("--resume: exit %d", code)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("after --resume the output differs from the reference:\n%s\nwant\n%s", got, want)
	}
}

// TestBatchStdoutFull: a failing standard output ends the batch with
// exit 1 and an error naming stdout.
func TestBatchStdoutFull(t *testing.T) {
	err := runFull(t, 100, "--jobs", "2", "testdata/pages")
	if _, code := cliutil.Classify(err); code != cliutil.ExitFailure {
		t.Fatalf("exit %d (%v), want %d", code, err, cliutil.ExitFailure)
	}
	if msg := cliutil.Message(err); !strings.HasPrefix(msg, "writing stdout: no space left on device") {
		t.Errorf("error %q does not name stdout", msg)
	}
}
