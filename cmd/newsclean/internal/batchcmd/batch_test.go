package batchcmd

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/cobra"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/extract/source"
)

func docsFor(src string) []*source.Doc {
	if source.IsURL(src) {
		return []*source.Doc{{Source: src, Kind: source.KindURL, URL: src}}
	}
	return []*source.Doc{{Source: src}}
}

// runBatch runs `newsclean batch args...` and returns stdout, stderr and
// the exit code. hook, when set, may change the parsed options.
func runBatch(ctx context.Context, t testing.TB, stdin string, hook func(*Options), args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	streams := &cliutil.Streams{In: strings.NewReader(stdin), Out: &out, Err: &errb}
	cmd := newCmd(streams, func(ctx context.Context, o *Options) error {
		if hook != nil {
			hook(o)
		}
		return Run(ctx, o)
	})
	cmd.SetArgs(args)
	cmd.SetOut(&errb)
	cmd.SetErr(&errb)
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &cliutil.UsageError{Err: err} })
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	err := cmd.ExecuteContext(ctx)
	_, code := cliutil.Classify(err)
	return out.String(), errb.String(), code
}

type rec struct {
	Source      string `json:"source"`
	URL         string `json:"url"`
	Title       string `json:"title"`
	Error       string `json:"error"`
	ErrorKind   string `json:"error_kind"`
	DuplicateOf string `json:"duplicate_of"`
	TargetURI   string `json:"warc_target_uri"`
	RecordID    string `json:"warc_record_id"`
	File        string `json:"file"`
}

func parse(t testing.TB, jsonl string) []rec {
	t.Helper()
	var out []rec
	for _, l := range strings.SplitAfter(jsonl, "\n") {
		if l == "" {
			continue
		}
		if !strings.HasSuffix(l, "\n") {
			t.Fatalf("unterminated line %q", l)
		}
		var r rec
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("bad line %q: %v", l, err)
		}
		out = append(out, r)
	}
	return out
}

func testPages(t testing.TB) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob("testdata/pages/*.htm*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	sort.Strings(files)
	pages := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages[filepath.Base(f)] = b
	}
	return pages
}

func TestBatchDirectory(t *testing.T) {
	out, errs, code := runBatch(context.Background(), t, "", nil, "--dedup", "--now", "2024-06-01T00:00:00Z", "testdata/pages")
	if code != cliutil.ExitPartial {
		t.Errorf("exit %d, want %d (one page has no article); stderr:\n%s", code, cliutil.ExitPartial, errs)
	}
	want := []rec{
		{Source: "testdata/pages/council-budget.htm", Title: "Council approves budget with cuts to library hours"},
		{Source: "testdata/pages/empty-tag-page.html", Error: "no article found: no content left after cleaning", ErrorKind: "no_article"},
		{Source: "testdata/pages/harbour-ferry.html", Title: "Harbour ferry service to resume after six-month repair"},
		{Source: "testdata/pages/wire-storm-courier.html", Title: "Rivers burst banks as storm hits north"},
		{Source: "testdata/pages/wire-storm-gazette.html", Title: "Storm brings flooding to northern valleys", DuplicateOf: "testdata/pages/wire-storm-courier.html"},
	}
	if d := cmp.Diff(want, parse(t, out)); d != "" {
		t.Errorf("records (-want +got):\n%s", d)
	}
	for _, s := range []string{"newsclean: testdata/pages/empty-tag-page.html: no article found", "newsclean: batch: 5 documents", "4 ok, 1 failed, 1 duplicates"} {
		if !strings.Contains(errs, s) {
			t.Errorf("stderr lacks %q:\n%s", s, errs)
		}
	}
	if _, _, code := runBatch(context.Background(), t, "", nil, "--failures-ok", "testdata/pages"); code != 0 {
		t.Errorf("--failures-ok: exit %d, want 0", code)
	}
}

func TestBatchUsage(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"--jobs", "0", "x"},
		{"--format", "pdf", "x"},
		{"--resume", "x"},
		{"-o", "a", "--out-dir", "b", "x"},
		{"--now", "yesterday", "x"},
		{"--nope", "x"},
		{"-", "-"},
	} {
		if _, errs, code := runBatch(context.Background(), t, "", nil, args...); code != cliutil.ExitUsage {
			t.Errorf("%q: exit %d, want 2; stderr %q", args, code, errs)
		}
	}
}

// testWARC builds a crawl of the given pages as gowarc-readable WARC,
// one gzip member per record, with records that are not pages, a corrupt
// member and a truncated last record. It returns the archive and the
// number of HTML responses that are intact.
func testWARC(pages map[string][]byte) ([]byte, int) {
	names := make([]string, 0, len(pages))
	for n := range pages {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	member := func(s string) {
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(s))
		zw.Close()
	}
	record := func(typ, uri, id, ct string, block []byte, extra int) string {
		return fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
			typ, uri, id, ct, len(block)+extra, block)
	}
	httpResp := func(ct string, body []byte) []byte {
		return []byte(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", ct, len(body), body))
	}
	member(record("warcinfo", "", "info", "application/warc-fields", []byte("software: newsclean-test\r\n"), 0))
	good := 0
	for i, n := range names {
		uri := "https://news.example/" + n
		member(record("request", uri, fmt.Sprintf("req-%d", i), "application/http; msgtype=request", []byte("GET /"+n+" HTTP/1.1\r\nHost: news.example\r\n\r\n"), 0))
		member(record("response", uri, fmt.Sprintf("resp-%d", i), "application/http; msgtype=response", httpResp("text/html; charset=utf-8", pages[n]), 0))
		good++
		member(record("metadata", uri, fmt.Sprintf("meta-%d", i), "application/warc-fields", []byte("fetchTimeMs: 120\r\n"), 0))
		if i%50 == 0 {
			member(record("response", uri+".png", fmt.Sprintf("png-%d", i), "application/http; msgtype=response", httpResp("image/png", []byte("\x89PNG\r\n\x1a\n")), 0))
		}
		if i == len(names)/2 {
			// A damaged gzip member in the middle of the archive.
			start := buf.Len()
			member(record("response", uri+"?corrupt", "corrupt", "application/http; msgtype=response", httpResp("text/html", bytes.Repeat([]byte("<p>lost page text</p>"), 300)), 0))
			b := buf.Bytes()
			for j := start + (buf.Len()-start)/2; j < start+(buf.Len()-start)/2+32; j++ {
				b[j] ^= 0x55
			}
		}
	}
	// A truncated record at the end, as a crawler killed mid-write leaves.
	member(record("response", "https://news.example/cut", "cut", "application/http; msgtype=response", httpResp("text/html", []byte("<p>cut</p>")), 400))
	return buf.Bytes(), good
}

func checkWARCRun(t *testing.T, archive string, good int, jobs ...string) {
	t.Helper()
	var first string
	for _, j := range jobs {
		out, errs, code := runBatch(context.Background(), t, "", nil, "--jobs", j, archive)
		if code != cliutil.ExitPartial {
			t.Fatalf("--jobs %s: exit %d, want 4; stderr:\n%s", j, code, errs)
		}
		if first == "" {
			first = out
			recs := parse(t, out)
			if len(recs) != good+2 {
				t.Fatalf("%d records, want %d HTML responses + 2 damaged records", len(recs), good+2)
			}
			var bad []string
			for _, r := range recs {
				if r.Error != "" {
					bad = append(bad, r.ErrorKind+" "+r.TargetURI)
					continue
				}
				if r.TargetURI == "" || r.RecordID == "" || r.URL != r.TargetURI {
					t.Errorf("record lacks WARC identity: %+v", r)
				}
			}
			// The pages' own failures (no article) are allowed; the two
			// damaged records must be there, the corrupt one in the middle
			// and the truncated one last.
			if last := recs[len(recs)-1]; last.ErrorKind != "read" || last.TargetURI != "https://news.example/cut" {
				t.Errorf("last record = %+v, want the truncated record as a read error", last)
			}
			found := false
			for i, r := range recs[:len(recs)-1] {
				if r.ErrorKind == "read" && strings.Contains(r.Error, "bad WARC record") {
					found = true
					if i < 2 || i > len(recs)-3 {
						t.Errorf("corrupt member reported at record %d of %d", i, len(recs))
					}
				}
			}
			if !found {
				t.Errorf("no record for the corrupt gzip member; failures: %q", bad)
			}
			continue
		}
		if out != first {
			t.Errorf("--jobs %s output differs from --jobs %s", j, jobs[0])
		}
	}
}

func TestBatchWARC(t *testing.T) {
	data, good := testWARC(testPages(t))
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	checkWARCRun(t, path, good, "1", "2", "8")
}

// benchPages reads the shared benchmark pages, or skips.
func benchPages(t testing.TB) map[string][]byte {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "..", "..", "shared", "bench", "scrapinghub", "html")
	files, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if len(files) == 0 {
		t.Skip("../shared/bench is absent: the shared benchmark pages are not in this checkout")
	}
	pages := map[string][]byte{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(fh)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		b.ReadFrom(zr)
		fh.Close()
		pages[strings.TrimSuffix(filepath.Base(f), ".gz")] = b.Bytes()
	}
	return pages
}

func TestBatchBenchWARC(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: 181 pages, three times")
	}
	data, good := testWARC(benchPages(t))
	path := filepath.Join(t.TempDir(), "bench.warc.gz")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	checkWARCRun(t, path, good, "1", "2")
}

// TestBatchResume kills a run at about half way, leaves a torn last line
// as a killed process can, and checks that --resume completes the output
// to exactly what an uninterrupted run writes.
func TestBatchResume(t *testing.T) {
	data, good := testWARC(testPages(t))
	dir := t.TempDir()
	archive := filepath.Join(dir, "crawl.warc.gz")
	if err := os.WriteFile(archive, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// Add the pages as files too, so the run has several sources.
	args := []string{"--dedup", "--jobs", "2", "testdata/pages", archive}
	want, _, _ := runBatch(context.Background(), t, "", nil, args...)
	total := good + 2 + len(testPages(t))
	if n := len(parse(t, want)); n != total {
		t.Fatalf("uninterrupted run: %d records, want %d", n, total)
	}

	out := filepath.Join(dir, "out.jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var written atomic.Int64
	_, errs, code := runBatch(ctx, t, "", func(o *Options) {
		o.afterWrite = func() {
			if written.Add(1) == int64(total/2) {
				cancel()
			}
		}
	}, append([]string{"-o", out}, args...)...)
	if code != cliutil.ExitInterrupted {
		t.Fatalf("interrupted run: exit %d, want 130; stderr:\n%s", code, errs)
	}
	partial, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	n := len(parse(t, string(partial)))
	if n < total/2 || n >= total {
		t.Fatalf("interrupted run wrote %d of %d records", n, total)
	}
	if !strings.HasPrefix(want, string(partial)) {
		t.Fatalf("interrupted output is not a prefix of the full output")
	}
	// A torn line, as SIGKILL during a write leaves.
	f, _ := os.OpenFile(out, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"source":"torn","tit`)
	f.Close()

	_, errs, code = runBatch(context.Background(), t, "", nil, append([]string{"-o", out, "--resume"}, args...)...)
	if code != cliutil.ExitPartial {
		t.Fatalf("resumed run: exit %d, want 4; stderr:\n%s", code, errs)
	}
	if !strings.Contains(errs, fmt.Sprintf("%d already done", n)) {
		t.Errorf("stderr does not report %d documents already done:\n%s", n, errs)
	}
	got, _ := os.ReadFile(out)
	if string(got) != want {
		t.Errorf("resumed output differs from an uninterrupted run:\n%s", cmp.Diff(want, string(got)))
	}
}

func TestBatchOutDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "articles")
	out, errs, code := runBatch(context.Background(), t, "", nil, "--out-dir", dir, "--format", "markdown", "testdata/pages")
	if code != cliutil.ExitPartial {
		t.Fatalf("exit %d; stderr:\n%s", code, errs)
	}
	recs := parse(t, out)
	files, _ := os.ReadDir(dir)
	if len(files) != 4 {
		t.Fatalf("%d files in out-dir, want 4", len(files))
	}
	for _, r := range recs {
		if r.Error != "" {
			continue
		}
		if r.File == "" || strings.ContainsAny(r.File, `/\`) || strings.HasPrefix(r.File, ".") || !strings.HasSuffix(r.File, ".md") {
			t.Errorf("unsafe or missing file name %q", r.File)
		}
		b, err := os.ReadFile(filepath.Join(dir, r.File))
		if err != nil || !strings.HasPrefix(string(b), "# "+r.Title) {
			t.Errorf("%s: %v, content %.60q", r.File, err, b)
		}
	}
	out, errs, _ = runBatch(context.Background(), t, "", nil, "--resume", "--out-dir", dir, "--format", "markdown", "testdata/pages")
	if n := len(parse(t, out)); n != 1 || !strings.Contains(errs, "4 already done") {
		t.Errorf("resume in out-dir: %d records (want only the failed page again); stderr:\n%s", n, errs)
	}
}

func TestBatchURLs(t *testing.T) {
	pages := testPages(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := pages[strings.TrimPrefix(r.URL.Path, "/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b)
	}))
	defer srv.Close()
	list := srv.URL + "/harbour-ferry.html\n" + srv.URL + "/missing.html\n" + "testdata/pages/council-budget.htm\n"
	out, errs, code := runBatch(context.Background(), t, list, nil, "--allow-private", "-")
	if code != cliutil.ExitPartial {
		t.Fatalf("exit %d; stderr:\n%s", code, errs)
	}
	recs := parse(t, out)
	want := []rec{
		{Source: srv.URL + "/harbour-ferry.html", URL: srv.URL + "/harbour-ferry.html", Title: "Harbour ferry service to resume after six-month repair"},
		{Source: srv.URL + "/missing.html", ErrorKind: "fetch"},
		{Source: "testdata/pages/council-budget.htm", Title: "Council approves budget with cuts to library hours"},
	}
	for i := range recs {
		recs[i].Error = ""
	}
	if d := cmp.Diff(want, recs); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestBatchDocTimeout(t *testing.T) {
	out, _, code := runBatch(context.Background(), t, "", nil, "--doc-timeout", "1ns", "testdata/pages/harbour-ferry.html")
	recs := parse(t, out)
	if code != cliutil.ExitPartial || len(recs) != 1 || recs[0].ErrorKind != cliutil.KindTimeout {
		t.Errorf("exit %d, records %+v; want one timeout failure", code, recs)
	}
}

func TestFileName(t *testing.T) {
	tests := []string{
		"../../etc/passwd",
		"pages/.hidden.html",
		"a\x1b[2Jb\n.html",
		"https://news.example/2024/03/story?id=1#x",
		strings.Repeat("long", 50) + ".html",
		"",
	}
	seen := map[string]bool{}
	for _, src := range tests {
		for _, d := range docsFor(src) {
			name := fileName(d, "text")
			if strings.ContainsAny(name, "/\\\x00\n\x1b") || strings.HasPrefix(name, ".") || len(name) > 90 || !strings.HasSuffix(name, ".txt") {
				t.Errorf("fileName(%q) = %q: unsafe", src, name)
			}
			if seen[name] {
				t.Errorf("fileName(%q) = %q: already used", src, name)
			}
			seen[name] = true
		}
	}
}

func TestSimhash(t *testing.T) {
	base := strings.Repeat("The council met on Tuesday to discuss the plan for the new bridge over the river. ", 3) +
		"Residents said the bridge would cut journeys by twenty minutes, but others feared the cost would rise again next year."
	edited := strings.Replace(base, "twenty minutes", "half an hour", 1)
	other := strings.Repeat("Farmers in the valley are harvesting early after a dry summer left the wheat small and the rivers low. ", 4)
	fa, _ := simhash(base)
	fb, _ := simhash(edited)
	fc, _ := simhash(other)
	idx := newDedupIndex()
	idx.add(fa, "a")
	if src, ok := idx.match(fb); !ok || src != "a" {
		t.Errorf("edited copy not matched")
	}
	if _, ok := idx.match(fc); ok {
		t.Errorf("unrelated text matched")
	}
	if _, ok := simhash("too short to judge"); ok {
		t.Errorf("short text fingerprinted")
	}
}
