package fetchcmd_test

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cli"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/extract/fetch/fetchtest"
)

// Short limits keep the suite fast; loopback needs --allow-private.
var short = []string{"--allow-private", "--connect-timeout", "5s", "--header-timeout", "5s",
	"--idle-timeout", "1s", "--timeout", "2s", "--max-bytes", "1048576", "--retries", "0"}

func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cli.Run(t.Context(), args, &cliutil.Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	return out.String(), errb.String(), code
}

func TestFetchCommand(t *testing.T) {
	srv := httptest.NewServer(fetchtest.Handler())
	t.Cleanup(srv.Close) // after the parallel subtests
	tests := []struct {
		path   string
		args   []string
		code   int
		stderr string
	}{
		{path: "/ok", code: 0},
		{path: "/chain/3", code: 0},
		{path: "/drip", code: cliutil.ExitFetch, stderr: "reading body: timed out after 2s (see --timeout)", args: []string{"--idle-timeout", "5s"}},
		{path: "/stall", code: cliutil.ExitFetch, stderr: "stalled: no data for 1s (see --idle-timeout)"},
		{path: "/endless", code: cliutil.ExitRejected, stderr: "input too large: body larger than 1 MiB (see --max-bytes)"},
		{path: "/huge", code: cliutil.ExitRejected, stderr: "Content-Length 1099511627776 is over the 1 MiB cap"},
		{path: "/bomb", code: cliutil.ExitRejected, stderr: "body larger than 1 MiB"},
		{path: "/loop", code: cliutil.ExitFetch, stderr: "redirect loop back to"},
		{path: "/chain/40", code: cliutil.ExitFetch, stderr: "too many redirects: more than 10 (see --max-redirects)"},
		{path: "/to/file", code: cliutil.ExitFetch, stderr: `unsupported URL scheme "file"`},
		{path: "/to/ftp", code: cliutil.ExitFetch, stderr: `unsupported URL scheme "ftp"`},
		{path: "/to/data", code: cliutil.ExitFetch, stderr: `unsupported URL scheme "data"`},
		{path: "/status/404", code: cliutil.ExitFetch, stderr: "HTTP status 404 Not Found"},
		{path: "/status/500", code: cliutil.ExitFetch, stderr: "HTTP status 500 Internal Server Error"},
		{path: "/reset", code: cliutil.ExitFetch, stderr: "connection reset by the server"},
		{path: "/image", code: cliutil.ExitRejected, stderr: "not an HTML or text page: content type image/png"},
		{path: "/ok", code: cliutil.ExitFetch, stderr: "refusing non-public address 127.0.0.1:", args: []string{"--allow-private=false"}},
	}
	for _, tt := range tests {
		t.Run(tt.path+strings.Join(tt.args, ""), func(t *testing.T) {
			t.Parallel()
			u := srv.URL + tt.path
			args := append(append(append([]string{"fetch"}, short...), tt.args...), u)
			stdout, stderr, code := run(t, args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if tt.code == 0 {
				if stdout != fetchtest.Page || stderr != "" {
					t.Errorf("stdout %q, stderr %q", stdout, stderr)
				}
				return
			}
			if stdout != "" {
				t.Errorf("stdout %q on failure", stdout)
			}
			prefix := "newsclean: " + u + ": "
			if !strings.HasPrefix(stderr, prefix) || !strings.Contains(stderr, tt.stderr) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr %q: want one line %q…%q", stderr, prefix, tt.stderr)
			}
		})
	}
}

func TestFetchOutputFile(t *testing.T) {
	srv := httptest.NewServer(fetchtest.Handler())
	defer srv.Close()
	dir := t.TempDir()
	out := filepath.Join(dir, "page.html")
	stdout, stderr, code := run(t, append(append([]string{"fetch"}, short...), "-o", out, srv.URL+"/ok")...)
	if code != 0 || stdout != "" || stderr != "" {
		t.Fatalf("code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil || string(got) != fetchtest.Page {
		t.Fatalf("file %q, %v", got, err)
	}
	// A failed fetch leaves the existing file alone and no temp files.
	_, _, code = run(t, append(append([]string{"fetch"}, short...), "-o", out, srv.URL+"/status/404")...)
	if code != cliutil.ExitFetch {
		t.Errorf("code %d", code)
	}
	if got, _ := os.ReadFile(out); string(got) != fetchtest.Page {
		t.Error("failed fetch changed the output file")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("directory holds %d entries", len(ents))
	}
}

// extract reads URLs through the same fetcher and flags.
func TestExtractURL(t *testing.T) {
	srv := httptest.NewServer(fetchtest.Handler())
	defer srv.Close()
	stdout, stderr, code := run(t, append(append([]string{"extract", "--format", "json"}, short...), srv.URL+"/chain/2")...)
	if code != 0 {
		t.Fatalf("code %d, stderr %q", code, stderr)
	}
	var a struct {
		URL        string `json:"url"`
		FetchedAt  string `json:"fetched_at"`
		HTTPStatus int    `json:"http_status"`
		Title      string `json:"title"`
	}
	if err := json.Unmarshal([]byte(stdout), &a); err != nil {
		t.Fatal(err)
	}
	if a.URL != srv.URL+"/ok" || a.HTTPStatus != 200 || a.FetchedAt == "" || a.Title != "Harbour bridge reopens" {
		t.Errorf("article %+v", a)
	}
	u := srv.URL + "/status/404"
	_, stderr, code = run(t, append(append([]string{"extract"}, short...), u)...)
	if want := "newsclean: " + u + ": HTTP status 404 Not Found\n"; code != cliutil.ExitFetch || stderr != want {
		t.Errorf("404: code %d, stderr %q; want %d, %q", code, stderr, cliutil.ExitFetch, want)
	}
}
