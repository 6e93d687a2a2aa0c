//go:build linux

package faults

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// sharedTempDir returns a directory other users can read, removed when the
// test ends (t.TempDir is private to root).
func sharedTempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "newsclean-inputs-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

type inputRecord struct {
	Source    string `json:"source"`
	Title     string `json:"title"`
	Error     string `json:"error"`
	ErrorKind string `json:"error_kind"`
}

// streamBatch runs batch --jobs 1 on args with stdout on a pipe, calling
// onRecord (when set) as each record arrives. It returns the records,
// stderr and the exit code.
func streamBatch(t *testing.T, attr *syscall.SysProcAttr, onRecord func(inputRecord), args ...string) ([]inputRecord, string, int) {
	t.Helper()
	p := startPiped(t, attr, append([]string{"batch", "--jobs", "1"}, args...)...)
	var recs []inputRecord
	sc := bufio.NewScanner(p.stdout)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var r inputRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("bad record %.200q: %v", sc.Text(), err)
		}
		recs = append(recs, r)
		if onRecord != nil {
			onRecord(r)
		}
	}
	io.Copy(io.Discard, p.stdout)
	code := p.wait(t)
	return recs, p.stderr.String(), code
}

// TestAwkwardInputs walks a tree holding a FIFO, symbolic link loops and
// a directory removed while its pages are being read: each gives one
// error record (and one stderr line), the run goes on and never blocks.
func TestAwkwardInputs(t *testing.T) {
	root := sharedTempDir(t)
	writePages(t, filepath.Join(root, "a"), 0, 100, 1000)   // a/d000/...
	writePages(t, filepath.Join(root, "b"), 100, 300, 100)  // b/d001, b/d002
	writePages(t, filepath.Join(root, "c"), 300, 305, 1000) // the odd files sit beside these
	odd := filepath.Join(root, "c", "d000")
	if err := syscall.Mkfifo(filepath.Join(odd, "feed.html"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, l := range [][2]string{
		{"self.html", "self.html"},      // a link to itself
		{"ping.html", "pong.html"},      // two links to each other
		{"pong.html", "ping.html"},      //
		{"up", ".."},                    // a directory loop: not followed
		{"fifo-link.html", "feed.html"}, // a link to the FIFO
	} {
		if err := os.Symlink(l[1], filepath.Join(odd, l[0])); err != nil {
			t.Fatal(err)
		}
	}
	// b/d001 goes once its first record is out: its pages are listed
	// and partly read by then.
	removed := filepath.Join(root, "b", "d001")
	gone := false
	recs, stderr, code := streamBatch(t, nil, func(r inputRecord) {
		if !gone && strings.HasPrefix(r.Source, removed) {
			gone = true
			if err := os.RemoveAll(removed); err != nil {
				t.Error(err)
			}
		}
	}, root)
	if code != 4 {
		t.Errorf("exit %d, want 4 (some documents failed)\n%s", code, stderr)
	}
	wantErr := map[string]string{
		filepath.Join(odd, "feed.html"):      "not a regular file (a named pipe)",
		filepath.Join(odd, "fifo-link.html"): "not a regular file (a named pipe)",
		filepath.Join(odd, "self.html"):      "too many levels of symbolic links",
		filepath.Join(odd, "ping.html"):      "too many levels of symbolic links",
		filepath.Join(odd, "pong.html"):      "too many levels of symbolic links",
	}
	seen := map[string]bool{}
	ok, vanished := 0, 0
	for _, r := range recs {
		if seen[r.Source] {
			t.Errorf("two records for %s", r.Source)
		}
		seen[r.Source] = true
		want, isErr := wantErr[r.Source]
		switch {
		case strings.HasPrefix(r.Source, removed+"/") && r.Error != "":
			vanished++
			if r.ErrorKind != "read" || !strings.Contains(r.Error, "no such file or directory") {
				t.Errorf("%s: error %q (%s), want a read error: no such file", r.Source, r.Error, r.ErrorKind)
			}
		case isErr && (r.ErrorKind != "read" || !strings.Contains(r.Error, want)):
			t.Errorf("%s: error %q (%s), want a read error with %q", r.Source, r.Error, r.ErrorKind, want)
		case !isErr && r.Error != "":
			t.Errorf("%s: unexpected error %q", r.Source, r.Error)
		case !isErr:
			ok++
		}
	}
	for src := range wantErr {
		if !seen[src] {
			t.Errorf("no record for %s", src)
		}
		if n := strings.Count(stderr, "newsclean: "+src+": "); n != 1 {
			t.Errorf("stderr names %s %d times, want once:\n%s", src, n, stderr)
		}
	}
	if want := 100 + 200 + 5; ok+vanished != want || vanished == 0 {
		t.Errorf("%d articles and %d vanished pages, want %d in all, some vanished", ok, vanished, want)
	}
	if n := strings.Count(stderr, "newsclean: "+removed+"/"); n != vanished {
		t.Errorf("stderr names %d vanished pages, want %d", n, vanished)
	}
	t.Logf("%d records: %d articles, %d pages of the removed directory reported missing", len(recs), ok, vanished)
}

// TestUnreadableFile runs batch as an unprivileged user (as nobody when
// the test runs as root, who reads every file) over pages one of which it
// may not read: one error record, the other pages extracted.
func TestUnreadableFile(t *testing.T) {
	const nobody = 65534
	root := sharedTempDir(t)
	writePages(t, root, 0, 20, 1000)
	secret := filepath.Join(root, "d000", "secret.html")
	if err := os.WriteFile(secret, page(99), 0o600); err != nil {
		t.Fatal(err)
	}
	var attr *syscall.SysProcAttr // a plain user cannot read the file as it is
	if os.Getuid() == 0 {
		attr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	}
	recs, stderr, code := streamBatch(t, attr, nil, root)
	if code != 4 {
		t.Errorf("exit %d, want 4\n%s", code, stderr)
	}
	if len(recs) != 21 {
		t.Fatalf("%d records, want 21\n%s", len(recs), stderr)
	}
	for _, r := range recs {
		switch {
		case r.Source == secret:
			if r.ErrorKind != "read" || !strings.Contains(r.Error, "permission denied") {
				t.Errorf("%s: error %q (%s), want a read error: permission denied", r.Source, r.Error, r.ErrorKind)
			}
		case r.Error != "":
			t.Errorf("%s: unexpected error %q", r.Source, r.Error)
		}
	}
	if n := strings.Count(stderr, "newsclean: "+secret+": "); n != 1 {
		t.Errorf("stderr names %s %d times, want once:\n%s", secret, n, stderr)
	}
}
