//go:build linux

package faults

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// smallDisk mounts a tmpfs of size (e.g. "64k") on a new directory and
// unmounts it when the test ends. It skips the test where mounting is not
// permitted.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput()
	if err != nil {
		t.Skipf("cannot mount a small tmpfs here (%v: %s); the io.Writer fault tests in batchcmd cover the same path", err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

// grow makes the tmpfs at dir larger: space is freed.
func grow(t *testing.T, dir, size string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,size="+size, dir).CombinedOutput(); err != nil {
		t.Fatalf("remounting %s: %v: %s", dir, err, out)
	}
}

// checkNoSpaceError checks stderr for the one-line error naming the file.
func checkNoSpaceError(t *testing.T, stderr, file string) {
	t.Helper()
	want := regexp.MustCompile(`(?m)^newsclean: writing ` + regexp.QuoteMeta(file) +
		`: no space left on device; free some space, then run again with --resume to continue$`)
	if !want.MatchString(stderr) {
		t.Errorf("stderr lacks the no-space line for %s:\n%s", file, stderr)
	}
	if n := strings.Count(stderr, "no space left"); n != 1 {
		t.Errorf("no-space error printed %d times:\n%s", n, stderr)
	}
}

// TestDiskFullOutput fills the disk under --output: exit 1, one clear line
// naming the file, no torn last record, and --resume after space is freed
// completes the run byte for byte.
func TestDiskFullOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary over thousands of pages")
	}
	base := baseline(t, "--jobs", "1")
	disk := smallDisk(t, "64k")
	out := filepath.Join(disk, "out.jsonl")
	r := run(t, "batch", "--jobs", "1", "-o", out, corpus(t))
	if r.code != 1 {
		t.Fatalf("disk full: exit %d, want 1\n%s", r.code, r.stderr)
	}
	checkNoSpaceError(t, r.stderr, out)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	n, torn := checkSubset(t, data, base)
	if torn {
		t.Fatalf("the full disk left a torn last record (%d bytes)", len(data))
	}
	t.Logf("disk full after %d whole records (%d bytes); stderr:\n%s", n, len(data), r.stderr)
	if m := regexp.MustCompile(`(?m)batch: (\d+) documents.*?(?:the last (\d+) not saved|$)`).FindStringSubmatch(r.stderr); m == nil {
		t.Errorf("no summary line:\n%s", r.stderr)
	} else if docs, _ := strconv.Atoi(m[1]); docs-atoi(m[2]) != n {
		t.Errorf("summary counts %s documents, %s of them not saved; the file holds %d", m[1], m[2], n)
	}

	grow(t, disk, "16m")
	r = run(t, "batch", "--jobs", "1", "--resume", "-o", out, corpus(t))
	if r.code != 0 {
		t.Fatalf("--resume after freeing space: exit %d\n%s", r.code, r.stderr)
	}
	if data, err = os.ReadFile(out); err != nil {
		t.Fatal(err)
	}
	checkSame(t, data, base, true)
}

// TestDiskFullOutDir fills the disk under --out-dir: exit 1, one line
// naming the article file, no partial or temporary file left, and
// --resume after space is freed writes exactly the files of an
// uninterrupted run.
func TestDiskFullOutDir(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary over thousands of pages")
	}
	baseDir := filepath.Join(t.TempDir(), "articles")
	if r := run(t, "batch", "--out-dir", baseDir, corpus(t)); r.code != 0 {
		t.Fatalf("baseline --out-dir run: exit %d\n%s", r.code, r.stderr)
	}
	want := readDir(t, baseDir)

	disk := smallDisk(t, "64k")
	dir := filepath.Join(disk, "articles")
	r := run(t, "batch", "--out-dir", dir, corpus(t))
	if r.code != 1 {
		t.Fatalf("disk full: exit %d, want 1\n%s", r.code, r.stderr)
	}
	m := regexp.MustCompile(`newsclean: writing (\S+): no space left`).FindStringSubmatch(r.stderr)
	if m == nil || filepath.Dir(m[1]) != dir {
		t.Fatalf("stderr does not name an article file in %s:\n%s", dir, r.stderr)
	}
	checkNoSpaceError(t, r.stderr, m[1])
	got := readDir(t, dir)
	for name, b := range got {
		if strings.HasPrefix(name, ".") {
			t.Errorf("temporary file %s left behind", name)
		} else if !bytes.Equal(b, want[name]) {
			t.Errorf("%s is not the uninterrupted run's file (%d bytes, want %d)", name, len(b), len(want[name]))
		}
	}
	if _, ok := got[filepath.Base(m[1])]; ok {
		t.Errorf("%s, named in the error, exists", m[1])
	}
	listed := strings.Count(r.stdout, "\n")
	t.Logf("disk full after %d files (%d listed on stdout); stderr:\n%s", len(got), listed, r.stderr)
	if listed != len(got) {
		t.Errorf("stdout lists %d files, the directory holds %d", listed, len(got))
	}

	grow(t, disk, "32m")
	r2 := run(t, "batch", "--resume", "--out-dir", dir, corpus(t))
	if r2.code != 0 {
		t.Fatalf("--resume after freeing space: exit %d\n%s", r2.code, r2.stderr)
	}
	got = readDir(t, dir)
	if len(got) != len(want) {
		t.Fatalf("after --resume %d files, want %d", len(got), len(want))
	}
	for name, b := range want {
		if !bytes.Equal(got[name], b) {
			t.Fatalf("after --resume %s differs from the uninterrupted run", name)
		}
	}
	if n := listed + strings.Count(r2.stdout, "\n"); n != corpusSize {
		t.Errorf("the two runs list %d files on stdout, want %d", n, corpusSize)
	}
}

func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
