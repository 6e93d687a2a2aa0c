package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
)

// Pages from the golden cases (testdata/golden, testdata/seed at the
// repository root).
var (
	seedPage  = filepath.Join("..", "..", "..", "..", "testdata", "seed", "input.html")
	textPage  = filepath.Join("..", "..", "..", "..", "testdata", "golden", "text-dump", "input.txt")
	seedTitle = "S’pore, France to step up collaboration on cyber-security, digital technologies"
	seedPara  = "Mr Lee is on a three-day visit to France"
)

// stringReader hides strings.Reader's Seek and ReadAt, as a pipe would.
type stringReader struct{ r *strings.Reader }

func (s stringReader) Read(p []byte) (int, error) { return s.r.Read(p) }

type result struct {
	code     int
	out, err string
}

func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	streams := &cliutil.Streams{In: stringReader{strings.NewReader(stdin)}, Out: &out, Err: &errb}
	code := Run(context.Background(), args, streams)
	return result{code: code, out: out.String(), err: errb.String()}
}

func readPage(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestExtract(t *testing.T) {
	seed := readPage(t, seedPage)
	tests := []struct {
		name       string
		args       []string
		stdin      string
		code       int
		outHas     []string // substrings of stdout
		outHasNot  []string
		errHas     []string // substrings of stderr
		errLines   int      // exact number of stderr lines; -1 means any
		json       bool     // stdout must be one valid JSON value
		jsonFields []string // top-level keys the JSON must have
	}{
		{
			name:   "text from file",
			args:   []string{"extract", seedPage},
			outHas: []string{seedTitle + "\n\n", seedPara},
			outHasNot: []string{
				"Advertisement", "Follow TODAY on WhatsApp", "Stay in the know", "removed [",
			},
			errLines: 0,
		},
		{
			name:     "text is the default format",
			args:     []string{"extract", "--format", "text", seedPage},
			outHas:   []string{seedTitle + "\n\n", seedPara},
			errLines: 0,
		},
		{
			name:       "json",
			args:       []string{"extract", "--format", "json", seedPage},
			json:       true,
			jsonFields: []string{"title", "authors", "text", "word_count", "dateline", "people", "quotes"},
			outHas:     []string{`"title": "` + seedTitle + `"`, seedPara},
			outHasNot:  []string{`"removed"`},
			errLines:   0,
		},
		{
			name:     "json compact is one line",
			args:     []string{"extract", "-f", "json", "--compact", seedPage},
			json:     true,
			errLines: 0,
		},
		{
			name:      "markdown",
			args:      []string{"extract", "--format", "markdown", seedPage},
			outHas:    []string{"# " + seedTitle + "\n\n", "## CYBER-SECURITY THREATS", seedPara},
			outHasNot: []string{"Advertisement"},
			errLines:  0,
		},
		{
			name:     "stdin without argument",
			args:     []string{"extract"},
			stdin:    seed,
			outHas:   []string{seedTitle + "\n\n", seedPara},
			errLines: 0,
		},
		{
			name:     "stdin as dash",
			args:     []string{"extract", "-f", "json", "-"},
			stdin:    seed,
			json:     true,
			outHas:   []string{seedPara},
			errLines: 0,
		},
		{
			name:      "explain goes to stderr for text",
			args:      []string{"extract", "--explain", seedPage},
			outHas:    []string{seedPara},
			outHasNot: []string{"removed ["},
			errHas:    []string{"removed [", "Advertisement", "Stay in the know"},
			errLines:  -1,
		},
		{
			name:       "explain fills removed in json",
			args:       []string{"extract", "--explain", "-f", "json", seedPage},
			json:       true,
			jsonFields: []string{"removed"},
			outHas:     []string{`"rule": `, "Stay in the know"},
			errLines:   0,
		},
		{
			name:     "facts after the text",
			args:     []string{"extract", "--facts", seedPage},
			outHas:   []string{seedPara, "\n---\n", "DATELINE", "PEOPLE (", "QUOTES ("},
			errLines: 0,
		},
		{
			name:     "facts in markdown",
			args:     []string{"extract", "--facts", "-f", "markdown", seedPage},
			outHas:   []string{"## Dateline", "## People (", "## Quotes ("},
			errLines: 0,
		},
		{
			name:      "no-facts leaves facts empty",
			args:      []string{"extract", "--no-facts", "-f", "json", seedPage},
			json:      true,
			outHas:    []string{`"people": []`, `"quotes": []`, `"dateline": null`},
			outHasNot: []string{`"mentions"`},
			errLines:  0,
		},
		{
			name:     "text input forced",
			args:     []string{"extract", "--input", "text", textPage},
			outHas:   []string{"A ferry operator has been fined £2.1m"},
			errLines: 0,
		},
		{
			name:     "text input detected on stdin",
			args:     []string{"extract"},
			stdin:    readPage(t, textPage),
			outHas:   []string{"A ferry operator has been fined £2.1m"},
			errLines: 0,
		},
		{
			name:     "missing file",
			args:     []string{"extract", "no-such-page.html"},
			code:     cliutil.ExitFailure,
			errHas:   []string{"newsclean: ", "no-such-page.html"},
			errLines: 1,
		},
		{
			name:     "directory is not a page",
			args:     []string{"extract", "."},
			code:     cliutil.ExitFailure,
			errHas:   []string{"newsclean: "},
			errLines: 1,
		},
		{
			name:     "unknown flag",
			args:     []string{"extract", "--no-such-flag", seedPage},
			code:     cliutil.ExitUsage,
			errHas:   []string{"newsclean: ", "no-such-flag"},
			errLines: -1,
		},
		{
			name:     "unknown format",
			args:     []string{"extract", "--format", "yaml", seedPage},
			code:     cliutil.ExitUsage,
			errHas:   []string{"yaml"},
			errLines: -1,
		},
		{
			name:     "unknown input kind",
			args:     []string{"extract", "--input", "pdf", seedPage},
			code:     cliutil.ExitUsage,
			errHas:   []string{"pdf"},
			errLines: -1,
		},
		{
			name:     "too many arguments",
			args:     []string{"extract", seedPage, seedPage},
			code:     cliutil.ExitUsage,
			errLines: -1,
		},
		{
			name:     "page with no article",
			args:     []string{"extract"},
			stdin:    `<!DOCTYPE html><html><head><title>Home</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>© 2024</footer></body></html>`,
			code:     cliutil.ExitNoArticle,
			errHas:   []string{"newsclean: ", "stdin"},
			errLines: 1,
		},
		{
			name:     "empty input",
			args:     []string{"extract"},
			stdin:    "",
			code:     cliutil.ExitNoArticle,
			errHas:   []string{"newsclean: "},
			errLines: 1,
		},
		{
			name:     "binary input is rejected",
			args:     []string{"extract"},
			stdin:    "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa",
			code:     cliutil.ExitRejected,
			errHas:   []string{"newsclean: "},
			errLines: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.stdin, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit code %d, want %d\nstderr: %s", r.code, tt.code, r.err)
			}
			for _, s := range tt.outHas {
				if !strings.Contains(r.out, s) {
					t.Errorf("stdout lacks %q\nstdout: %s", s, shorten(r.out))
				}
			}
			for _, s := range tt.outHasNot {
				if strings.Contains(r.out, s) {
					t.Errorf("stdout has %q", s)
				}
			}
			for _, s := range tt.errHas {
				if !strings.Contains(r.err, s) {
					t.Errorf("stderr lacks %q\nstderr: %s", s, r.err)
				}
			}
			if tt.errLines >= 0 {
				if n := strings.Count(r.err, "\n"); n != tt.errLines || (n > 0 && !strings.HasSuffix(r.err, "\n")) {
					t.Errorf("stderr has %d lines, want %d:\n%s", n, tt.errLines, r.err)
				}
			}
			if tt.code != 0 && r.out != "" {
				t.Errorf("stdout not empty on failure: %s", shorten(r.out))
			}
			if tt.json {
				if !json.Valid([]byte(r.out)) {
					t.Fatalf("stdout is not valid JSON: %s", shorten(r.out))
				}
				var m map[string]json.RawMessage
				if err := json.Unmarshal([]byte(r.out), &m); err != nil {
					t.Fatalf("stdout is not a JSON object: %v", err)
				}
				for _, k := range tt.jsonFields {
					if _, ok := m[k]; !ok {
						t.Errorf("JSON lacks %q", k)
					}
				}
				if strings.Contains(strings.Join(tt.args, " "), "--compact") && strings.Count(r.out, "\n") != 1 {
					t.Errorf("compact JSON spans %d lines", strings.Count(r.out, "\n"))
				}
			}
		})
	}
}

// TestExtractJSONFields decodes the JSON and checks the values, not just the
// shape.
func TestExtractJSONFields(t *testing.T) {
	r := run(t, "", "extract", "-f", "json", "--explain", seedPage)
	if r.code != 0 {
		t.Fatalf("exit code %d: %s", r.code, r.err)
	}
	var got struct {
		Title     string   `json:"title"`
		Authors   []string `json:"authors"`
		SiteName  string   `json:"site_name"`
		Published string   `json:"published"`
		Text      string   `json:"text"`
		WordCount int      `json:"word_count"`
		Removed   []struct {
			Rule string `json:"rule"`
			Text string `json:"text"`
		} `json:"removed"`
	}
	if err := json.Unmarshal([]byte(r.out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Title != seedTitle {
		t.Errorf("title %q, want %q", got.Title, seedTitle)
	}
	if got.Authors == nil {
		t.Error("authors is null, want a list")
	}
	if got.Published != "2018-07-14T18:05:00+08:00" {
		t.Errorf("published %q", got.Published)
	}
	if n := len(strings.Fields(got.Text)); n != got.WordCount {
		t.Errorf("word_count %d, text has %d words", got.WordCount, n)
	}
	if len(got.Removed) == 0 {
		t.Fatal("removed is empty with --explain")
	}
	for _, rm := range got.Removed {
		if rm.Rule == "" {
			t.Errorf("removal without a rule: %q", rm.Text)
		}
	}
}

func TestExtractOutputFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	r := run(t, "", "extract", "-f", "json", "-o", path, seedPage)
	if r.code != 0 || r.out != "" || r.err != "" {
		t.Fatalf("code %d, stdout %q, stderr %q", r.code, shorten(r.out), r.err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := run(t, "", "extract", "-f", "json", seedPage).out
	if d := cmp.Diff(want, string(got)); d != "" {
		t.Errorf("-o file differs from stdout (-stdout +file):\n%s", d)
	}
	// Atomic: the temporary file is gone, and the mode is the usual 0644.
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %q, want only out.json", names)
	}
	if st, err := os.Stat(path); err == nil && st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}

	// A failed extraction leaves an existing file untouched.
	if err := os.WriteFile(path, []byte("keep\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, "", "extract", "-o", path, filepath.Join(dir, "missing.html"))
	if r.code != cliutil.ExitFailure {
		t.Errorf("exit code %d, want %d", r.code, cliutil.ExitFailure)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep\n" {
		t.Errorf("output file changed on failure: %q", b)
	}

	// An unwritable destination is a failure with one line on stderr.
	r = run(t, "", "extract", "-o", filepath.Join(dir, "no", "such", "dir", "out.txt"), seedPage)
	if r.code != cliutil.ExitFailure || strings.Count(r.err, "\n") != 1 {
		t.Errorf("code %d, stderr %q; want %d and one line", r.code, r.err, cliutil.ExitFailure)
	}
}

// TestExtractJSONThroughJQ pipes the JSON output through jq, as users do.
func TestExtractJSONThroughJQ(t *testing.T) {
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("jq not installed")
	}
	for _, args := range [][]string{
		{"extract", "-f", "json", seedPage},
		{"extract", "-f", "json", "--explain", "--compact", seedPage},
		{"extract", "-f", "json", textPage},
	} {
		r := run(t, "", args...)
		if r.code != 0 {
			t.Fatalf("%q: exit code %d: %s", args, r.code, r.err)
		}
		cmd := exec.Command(jq, "-e", ".title | type == \"string\"")
		cmd.Stdin = strings.NewReader(r.out)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if out, err := cmd.Output(); err != nil || strings.TrimSpace(string(out)) != "true" {
			t.Errorf("%q | jq: %v %s %s", args, err, out, stderr.String())
		}
		cmd = exec.Command(jq, ".")
		cmd.Stdin = strings.NewReader(r.out)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%q | jq .: %v\n%s", args, err, out)
		}
	}
}

func shorten(s string) string {
	if len(s) > 400 {
		return s[:400] + "…"
	}
	return s
}
