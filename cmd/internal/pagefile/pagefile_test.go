package pagefile

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	page := []byte("<html><body><p>The ferry runs again from Monday.</p></body></html>")
	var packed bytes.Buffer
	zw := gzip.NewWriter(&packed)
	zw.Write(page)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"plain.html":     page,
		"packed.html.gz": packed.Bytes(),
		"bad.html.gz":    page, // not gzip data
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"plain.html", "packed.html.gz"} {
		got, err := Read(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, page) {
			t.Errorf("Read(%s) = %q, %v; want the page", name, got, err)
		}
	}
	bad := filepath.Join(dir, "bad.html.gz")
	if _, err := Read(bad); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("Read(bad gzip) error %v, want one naming %s", err, bad)
	}
	if _, err := Read(filepath.Join(dir, "gone.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Read(missing) error %v, want fs.ErrNotExist", err)
	}
}
