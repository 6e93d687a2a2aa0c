package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFolding(t *testing.T) {
	if got := foldTitle("Mexico to fight ‘illogical’  steel tariffs!"); got != "mexico to fight illogical steel tariffs" {
		t.Errorf("foldTitle = %q", got)
	}
	if got := setF1([]string{"Ana Ruiz", "Tom Lee"}, []string{"ana ruiz"}); got < 0.66 || got > 0.67 {
		t.Errorf("setF1 = %.3f, want 2/3", got)
	}
	pub := time.Date(2024, 5, 2, 23, 30, 0, 0, time.UTC)
	if !sameDay("2024-05-03T01:30:00+02:00", &pub) {
		t.Error("sameDay: the same instant in the gold's zone is the same day")
	}
	if sameDay("2024-05-04", &pub) || sameDay("2024-05-02", nil) {
		t.Error("sameDay: different days or no time match")
	}
}

// writePage writes one gzipped page of a corpus under dir.
func writePage(t *testing.T, dir, id, page string) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(page))
	zw.Close()
	if err := os.WriteFile(filepath.Join(dir, "html", id+".html.gz"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRunScoresACorpus(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "mini")
	if err := os.MkdirAll(filepath.Join(corpus, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("<p>The council met on Tuesday evening to debate the harbour budget, and members argued for hours about the ferry.</p>", 4)
	writePage(t, corpus, "a", `<html><head><title>Harbour wall &amp;#8216;saved&amp;#8217; after a long fight | Town Crier</title>
<meta name="author" content="By Jo Marsh, MS, RD"><meta property="article:published_time" content="2024-05-03T08:00:00Z">
</head><body><article><h1>Harbour wall ‘saved’</h1>`+body+`</article></body></html>`)
	writePage(t, corpus, "b", `<html><head><title>Ferry fares rise</title><meta name="author" content="admin">
<meta property="article:published_time" content="0001-01-01T00:00:00Z"></head><body><article>`+body+`</article></body></html>`)
	gold := `{"a": {"title": "Harbour wall 'saved' after a long fight", "authors": ["Jo Marsh"], "published": "2024-05-03"},
 "b": {"title": "Ferry fares rise", "authors": ["Ann Cole"]}}`
	if err := os.WriteFile(filepath.Join(corpus, "meta.json"), []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(corpus, "validation.txt"), []byte("b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-corpora", dir, "-v"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"mini tuning: pages 1, extracted 1; with title 1, authors 1, published 1",
		"title 1.000 (n=1)  authors F1 1.000 (n=1)  publish day 1.000 (n=1)",
		"mini validation: pages 1, extracted 1; with title 1, authors 0, published 0",
		"title 1.000 (n=1)  authors F1 0.000 (n=1)  publish day n/a",
		"bad values: 0",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestRunMissingCorpora(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-corpora", filepath.Join(t.TempDir(), "absent")}, &stdout, &stderr); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "metascore: reading corpora:") {
		t.Errorf("stderr = %q", stderr.String())
	}
}
