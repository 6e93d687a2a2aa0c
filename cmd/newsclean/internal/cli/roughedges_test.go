package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
)

// TestUsageErrors checks that every usage error exits 2, prints one
// "newsclean: ..." line and points at the help of the command that was
// run, not at the top-level help.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		err  string // substring of the first line
		help string // the command whose --help is suggested
	}{
		{"unknown command", []string{"extrat", seedPage}, `unknown command "extrat"`, "newsclean"},
		{"unknown command suggests", []string{"extrat"}, "did you mean extract?", "newsclean"},
		{"unknown root flag", []string{"--nope"}, "unknown flag: --nope", "newsclean"},
		{"extract bad flag", []string{"extract", "--nope", seedPage}, "unknown flag: --nope", "newsclean extract"},
		{"extract bad format", []string{"extract", "-f", "yaml", seedPage}, `unknown --format "yaml"`, "newsclean extract"},
		{"extract two sources", []string{"extract", seedPage, seedPage}, "accepts at most 1 arg", "newsclean extract"},
		{"batch no source", []string{"batch"}, "batch needs at least one SOURCE", "newsclean batch"},
		{"batch bad jobs", []string{"batch", "--jobs", "0", seedPage}, "--jobs must be at least 1", "newsclean batch"},
		{"fetch bad flag", []string{"fetch", "--nope"}, "unknown flag: --nope", "newsclean fetch"},
		{"serve bad flag", []string{"serve", "--nope"}, "unknown flag: --nope", "newsclean serve"},
		{"completion no shell", []string{"completion"}, "completion needs a shell", "newsclean completion"},
		{"completion unknown shell", []string{"completion", "tcsh"}, `unknown shell "tcsh"`, "newsclean completion"},
		{"completion extra argument", []string{"completion", "bash", "x"}, "unknown command", "newsclean completion bash"},
		{"man two dirs", []string{"man", "a", "b"}, "accepts at most 1 arg", "newsclean man"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, "", tt.args...)
			if r.code != cliutil.ExitUsage {
				t.Fatalf("exit %d, want %d; stderr %q", r.code, cliutil.ExitUsage, r.err)
			}
			lines := strings.Split(strings.TrimSuffix(r.err, "\n"), "\n")
			if len(lines) != 2 {
				t.Fatalf("stderr has %d lines, want 2:\n%s", len(lines), r.err)
			}
			if !strings.HasPrefix(lines[0], "newsclean: ") || !strings.Contains(lines[0], tt.err) {
				t.Errorf("first line %q, want \"newsclean: ...%s...\"", lines[0], tt.err)
			}
			if want := "Run '" + tt.help + " --help' for usage."; lines[1] != want {
				t.Errorf("hint %q, want %q", lines[1], want)
			}
			if r.out != "" {
				t.Errorf("stdout not empty: %q", r.out)
			}
		})
	}
}

// TestNoSubcommandPrintsHelp checks that newsclean alone prints its help
// and succeeds.
func TestNoSubcommandPrintsHelp(t *testing.T) {
	r := run(t, "")
	if r.code != 0 || !strings.Contains(r.out, "Available Commands:") || !strings.Contains(r.out, "completion") {
		t.Errorf("exit %d, stdout %q", r.code, shorten(r.out))
	}
}

// TestBadNow checks that a bad --now says what it wants, in words rather
// than Go's reference-time layout.
func TestBadNow(t *testing.T) {
	r := run(t, "", "batch", "--now", "yesterday", seedPage)
	if r.code != cliutil.ExitUsage {
		t.Fatalf("exit %d, want 2: %s", r.code, r.err)
	}
	if !strings.Contains(r.err, `bad --now "yesterday"`) || !strings.Contains(r.err, "RFC 3339") || strings.Contains(r.err, "2006") {
		t.Errorf("stderr %q", r.err)
	}
}

// TestOutputIntoMissingDir checks that -o into a directory that does not
// exist names the file asked for, not the temporary file.
func TestOutputIntoMissingDir(t *testing.T) {
	out := filepath.Join(t.TempDir(), "no", "such", "dir", "out.txt")
	r := run(t, "", "extract", "-o", out, seedPage)
	if r.code != cliutil.ExitFailure {
		t.Fatalf("exit %d, want 1: %s", r.code, r.err)
	}
	want := "newsclean: writing " + out + ": no such file or directory\n"
	if r.err != want {
		t.Errorf("stderr %q, want %q", r.err, want)
	}
}

// TestUnsupportedScheme checks that a URL newsclean cannot fetch is a
// usage error naming the scheme, not a missing file.
func TestUnsupportedScheme(t *testing.T) {
	for _, args := range [][]string{
		{"extract", "ftp://x/y"},
		{"extract", "file:///etc/hostname"},
		{"batch", "ftp://x/y"},
		{"batch", "--failures-ok", seedPage, "gopher://x/y"},
	} {
		r := run(t, "", args...)
		if r.code != cliutil.ExitUsage || !strings.Contains(r.err, "unsupported scheme") || strings.Contains(r.err, "no such file") {
			t.Errorf("%q: exit %d, stderr %q; want 2 and \"unsupported scheme\"", args, r.code, r.err)
		}
	}
}

// TestExtractGzip checks that extract unpacks a .gz page as batch does.
func TestExtractGzip(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(readPage(t, seedPage)))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "page.html.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "extract", path)
	if r.code != 0 || !strings.HasPrefix(r.out, seedTitle+"\n\n") || !strings.Contains(r.out, seedPara) {
		t.Fatalf("exit %d, stderr %q, stdout %q", r.code, r.err, shorten(r.out))
	}
	want := run(t, "", "extract", seedPage)
	if r.out != want.out {
		t.Error("the .gz page extracts differently from the plain page")
	}

	// A .gz name over data that is not gzip fails with one line, exit 1.
	bad := filepath.Join(t.TempDir(), "bad.html.gz")
	if err := os.WriteFile(bad, []byte("<p>not packed</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, "", "extract", bad)
	if r.code != cliutil.ExitFailure || !strings.Contains(r.err, "bad.html.gz") || strings.Count(r.err, "\n") != 1 {
		t.Errorf("exit %d, stderr %q", r.code, r.err)
	}
}

// TestExtractStdinTerminal checks that extract without a source does not
// wait silently for a terminal to type a page, while "-" still reads it.
func TestExtractStdinTerminal(t *testing.T) {
	runTTY := func(args ...string) result {
		var out, errb bytes.Buffer
		streams := &cliutil.Streams{In: stringReader{strings.NewReader(readPage(t, seedPage))}, InTTY: true, Out: &out, Err: &errb}
		code := Run(context.Background(), args, streams)
		return result{code: code, out: out.String(), err: errb.String()}
	}
	r := runTTY("extract")
	if r.code != cliutil.ExitUsage || !strings.Contains(r.err, "standard input is a terminal") || r.out != "" {
		t.Errorf("no SOURCE on a terminal: exit %d, stderr %q", r.code, r.err)
	}
	r = runTTY("extract", "-")
	if r.code != 0 || !strings.Contains(r.out, seedPara) {
		t.Errorf(`"-" on a terminal: exit %d, stderr %q`, r.code, r.err)
	}
}

// TestBatchMissingSource checks that a source that names nothing at all is
// a usage error, with or without --failures-ok, and nothing is written.
func TestBatchMissingSource(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	for _, args := range [][]string{
		{"batch", filepath.Join(dir, "no-such-dir")},
		{"batch", "--failures-ok", filepath.Join(dir, "no-such-dir")},
		{"batch", "--failures-ok", "-o", out, seedPage, filepath.Join(dir, "no-such-dir")},
		{"batch", "--failures-ok", "@" + filepath.Join(dir, "no-such-list.txt")},
		{"batch", "--failures-ok", filepath.Join(dir, "*.html")},
	} {
		r := run(t, "", args...)
		if r.code != cliutil.ExitUsage || r.out != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and no output", args, r.code, r.out, r.err)
			continue
		}
		if !strings.Contains(r.err, "no such") || !strings.Contains(r.err, "Run 'newsclean batch --help'") {
			t.Errorf("%q: stderr %q", args, r.err)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("-o file created by a run refused for usage")
	}

	// A source inside a list that is missing stays a record: it is data.
	list := filepath.Join(dir, "list.txt")
	if err := os.WriteFile(list, []byte(seedPage+"\n"+filepath.Join(dir, "gone.html")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "batch", "--failures-ok", "@"+list)
	if r.code != 0 || strings.Count(r.out, "\n") != 2 || !strings.Contains(r.out, `"error_kind":"read"`) {
		t.Errorf("missing page in a list: exit %d, stdout %q", r.code, shorten(r.out))
	}
}
