package cli

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
)

// TestExitCodes runs one command line per exit-code class documented in
// README.md and checks the code, that stderr is one "newsclean: SOURCE:
// reason" line for a failed input, and that stdout stays empty on failure.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.html", `<!doctype html><html><head><title>Ferry service resumes</title></head><body><article>
<h1>Ferry service resumes</h1>
<p>The harbour ferry returned to service on Monday after six months of repairs to its engines and landing stage.</p>
<p>The operator said crossings would run every twenty minutes at peak times and every forty minutes in the evening.</p>
<p>Commuters who had driven the long way round the bay welcomed the news, although some complained about higher fares.</p>
</article></body></html>`)
	boiler := write("boiler.html", `<html><body><nav><a href="/">Home</a></nav><div class="ad">Advertisement</div>
<div class="newsletter"><p>Subscribe to our newsletter</p></div><div class="cookie"><p>We use cookies. Accept all cookies</p></div></body></html>`)
	binary := write("image.html", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
	big := write("big.html", "<p>"+strings.Repeat("word ", 4000)+"</p>")
	unreadable := write("unreadable.html", "<p>secret</p>")
	if err := os.Chmod(unreadable, 0); err != nil {
		t.Fatal(err)
	}
	if f, err := os.Open(unreadable); err == nil {
		f.Close()
		unreadable = "" // running as root: permissions do not apply
	}
	missing := filepath.Join(dir, "missing.html")

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.NotFound(w, r)
	}))
	defer srv.Close()

	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // substring of the one stderr line
		skip   bool
	}{
		{name: "ok", args: []string{"extract", good}, code: cliutil.ExitOK},
		{name: "usage/unknown flag", args: []string{"extract", "--no-such-flag", good}, code: cliutil.ExitUsage, stderr: "unknown flag"},
		{name: "usage/bad format", args: []string{"extract", "--format", "yaml", good}, code: cliutil.ExitUsage, stderr: "yaml"},
		{name: "usage/too many args", args: []string{"extract", good, good}, code: cliutil.ExitUsage},
		{name: "unreadable/missing file", args: []string{"extract", missing}, code: cliutil.ExitFailure, stderr: "missing.html"},
		{name: "unreadable/permission", args: []string{"extract", unreadable}, code: cliutil.ExitFailure, stderr: "permission denied", skip: unreadable == ""},
		{name: "unreadable/directory", args: []string{"extract", dir}, code: cliutil.ExitFailure, stderr: "directory"},
		{name: "rejected/binary", args: []string{"extract", binary}, code: cliutil.ExitRejected, stderr: "image.html: not an HTML or text page: looks like a PNG image"},
		{name: "rejected/too large", args: []string{"extract", "--max-bytes", "1000", big}, code: cliutil.ExitRejected, stderr: "big.html: input too large"},
		{name: "no article", args: []string{"extract", boiler}, code: cliutil.ExitNoArticle, stderr: "boiler.html: no article found"},
		{name: "fetch failure/404", args: []string{"extract", "--allow-private", srv.URL + "/story"}, code: cliutil.ExitFetch, stderr: "404"},
		{name: "batch partly failed", args: []string{"batch", good, binary}, code: cliutil.ExitPartial},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skip {
				t.Skip("file permissions do not apply to this user")
			}
			var out, errb bytes.Buffer
			streams := &cliutil.Streams{In: strings.NewReader(""), Out: &out, Err: &errb}
			code := Run(context.Background(), tt.args, streams)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, errb.String())
			}
			if code == cliutil.ExitOK {
				if out.Len() == 0 {
					t.Error("no output")
				}
				return
			}
			stderr := errb.String()
			if tt.stderr != "" && !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.stderr)
			}
			if !strings.HasPrefix(stderr, "newsclean: ") {
				t.Errorf("stderr %q does not start with \"newsclean: \"", stderr)
			}
			if tt.code == cliutil.ExitPartial {
				// One line per failed input plus the summary.
				if n := strings.Count(stderr, "image.html"); n != 1 {
					t.Errorf("failed input named %d times on stderr:\n%s", n, stderr)
				}
				return
			}
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if tt.code == cliutil.ExitUsage {
				lines = lines[:1] // followed by the --help hint
			}
			if len(lines) != 1 {
				t.Errorf("stderr has %d lines, want 1:\n%s", len(lines), stderr)
			}
			if out.Len() != 0 {
				t.Errorf("stdout not empty on failure: %q", out.String())
			}
		})
	}
}

// TestErrorLineIsSafe checks that a hostile source name cannot put control
// sequences or extra lines on stderr.
func TestErrorLineIsSafe(t *testing.T) {
	name := filepath.Join(t.TempDir(), "evil\x1b]0;owned\x07\nnewsclean: forged line.html")
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"extract", name}, &cliutil.Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	if code != cliutil.ExitFailure {
		t.Fatalf("exit %d, want %d", code, cliutil.ExitFailure)
	}
	s := errb.String()
	if strings.Count(s, "\n") != 1 || strings.ContainsAny(s, "\x1b\x07") {
		t.Errorf("unsafe error line: %q", s)
	}
}

// exitRowRE matches a row of README's exit-code table: | 3 | meaning |.
var exitRowRE = regexp.MustCompile(`(?m)^\| (\d+) \| `)

// TestReadmeExitCodes checks README's exit-code table against the codes
// the command defines; TestExitCodes runs a command line for each.
func TestReadmeExitCodes(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	start := strings.Index(s, "## Exit codes")
	if start < 0 {
		t.Fatal("README has no exit codes section")
	}
	s = s[start:]
	s = s[:strings.Index(s[1:], "\n## ")+1]
	var documented []int
	for _, m := range exitRowRE.FindAllStringSubmatch(s, -1) {
		n, _ := strconv.Atoi(m[1])
		documented = append(documented, n)
	}
	defined := []int{
		cliutil.ExitOK, cliutil.ExitFailure, cliutil.ExitUsage, cliutil.ExitNoArticle,
		cliutil.ExitPartial, cliutil.ExitRejected, cliutil.ExitFetch, cliutil.ExitInterrupted,
	}
	if d := cmp.Diff(defined, documented); d != "" {
		t.Errorf("README's exit codes differ from cliutil's (-code +README):\n%s", d)
	}
}
