package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/servecmd"
)

// apiError is serve's JSON error body.
type apiError struct {
	Error string `json:"error"`
	Kind  string `json:"kind"`
}

// postAPI sends body to base's /api/extract and returns the status and the
// response body.
func postAPI(t *testing.T, base, ctype string, body []byte) (int, []byte) {
	t.Helper()
	resp, err := http.Post(base+"/api/extract", ctype, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

// postURL asks base's API to fetch and extract pageURL.
func postURL(t *testing.T, base, pageURL string) (int, []byte) {
	t.Helper()
	req, err := json.Marshal(map[string]string{"url": pageURL})
	if err != nil {
		t.Fatal(err)
	}
	return postAPI(t, base, "application/json", req)
}

// firstLine is s up to its first line break.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// TestPrivateAddressMessage checks that a URL refused for its loopback
// address gives one line naming the URL once with the flag that allows it,
// worded alike by extract, fetch, batch (record and stderr) and serve.
func TestPrivateAddressMessage(t *testing.T) {
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, readPage(t, seedPage))
	}))
	defer site.Close()
	url := site.URL + "/story"
	want := url + ": refusing non-public address " + strings.TrimPrefix(site.URL, "http://") + " (see --allow-private)"

	for _, cmd := range []string{"extract", "fetch"} {
		r := run(t, "", cmd, url)
		if r.code != cliutil.ExitFetch || r.err != "newsclean: "+want+"\n" || r.out != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit %d and %q", cmd, r.code, r.out, r.err, cliutil.ExitFetch, want)
		}
	}

	r := run(t, "", "batch", url)
	var rec struct {
		Source, Error string
		ErrorKind     string `json:"error_kind"`
	}
	if err := json.Unmarshal([]byte(r.out), &rec); err != nil {
		t.Fatalf("batch record %q: %v", r.out, err)
	}
	if rec.Source != url || rec.Error != want || rec.ErrorKind != cliutil.KindFetch {
		t.Errorf("batch record %+v, want error %q", rec, want)
	}
	if got := firstLine(r.err); got != "newsclean: "+want {
		t.Errorf("batch stderr %q, want %q", got, "newsclean: "+want)
	}

	api := httptest.NewServer(servecmd.NewHandler(servecmd.Config{}))
	defer api.Close()
	status, body := postURL(t, api.URL, url)
	var e apiError
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("serve: %v in %q", err, body)
	}
	if status != http.StatusForbidden || e.Error != want || e.Kind != cliutil.KindFetch {
		t.Errorf("serve: status %d, %+v; want 403 and %q", status, e, want)
	}
}

// TestSchemeAnyCase checks that every command takes a source whose scheme
// is written in capitals as a URL, not as a file name.
func TestSchemeAnyCase(t *testing.T) {
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, readPage(t, seedPage))
	}))
	defer site.Close()
	hostPath := strings.TrimPrefix(site.URL, "http://") + "/story"

	for _, scheme := range []string{"HTTP", "Http"} {
		url := scheme + "://" + hostPath
		if r := run(t, "", "extract", "--allow-private", url); r.code != 0 || !strings.HasPrefix(r.out, seedTitle) {
			t.Errorf("extract %s: exit %d, stderr %q", url, r.code, r.err)
		}
		if r := run(t, "", "fetch", "--allow-private", url); r.code != 0 || !strings.Contains(r.out, seedPara) {
			t.Errorf("fetch %s: exit %d, stderr %q", url, r.code, r.err)
		}
		if r := run(t, "", "batch", "--allow-private", url); r.code != 0 || !strings.Contains(r.out, `"source":"`+url+`"`) || !strings.Contains(r.out, seedPara) {
			t.Errorf("batch %s: exit %d, stdout %q, stderr %q", url, r.code, shorten(r.out), r.err)
		}
	}

	api := httptest.NewServer(servecmd.NewHandler(servecmd.Config{AllowPrivate: true}))
	defer api.Close()
	if status, body := postURL(t, api.URL, "HTTP://"+hostPath); status != http.StatusOK || !bytes.Contains(body, []byte(seedPara)) {
		t.Errorf("serve HTTP://: status %d, body %q", status, shorten(string(body)))
	}

	// An https URL in capitals is fetched too: over this plain-HTTP server
	// that fails in the TLS handshake, a fetch error, not a missing file.
	for _, args := range [][]string{
		{"extract", "--allow-private", "Https://" + hostPath},
		{"fetch", "--allow-private", "HTTPS://" + hostPath},
	} {
		r := run(t, "", args...)
		if r.code != cliutil.ExitFetch || strings.Contains(r.err, "no such file") {
			t.Errorf("%q: exit %d, stderr %q; want %d", args, r.code, r.err, cliutil.ExitFetch)
		}
	}
	r := run(t, "", "batch", "--allow-private", "Https://"+hostPath)
	if !strings.Contains(r.out, `"error_kind":"fetch"`) {
		t.Errorf("batch Https://: stdout %q, stderr %q", r.out, r.err)
	}
}

// startServe runs "newsclean serve" on a free loopback port with args and
// returns its base URL, or "" when it exits before listening, and a
// function that stops it and returns its exit code.
func startServe(t *testing.T, args ...string) (base string, stop func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	streams := &cliutil.Streams{In: stringReader{strings.NewReader("")}, Out: io.Discard, Err: pw}
	code := make(chan int, 1)
	go func() {
		code <- Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), streams)
		pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "newsclean: serving on "); ok {
			base = strings.TrimSuffix(strings.Fields(rest)[0], "/")
			break
		}
	}
	go io.Copy(io.Discard, pr)
	return base, func() int {
		cancel()
		return <-code
	}
}

// TestMaxBytesEveryCommand checks that extract, batch, fetch and serve read
// --max-bytes alike, as README's "Sizes and --max-bytes" says: sizes with
// or without a space before the unit, 0 for no cap, and a negative size is
// a usage error.
func TestMaxBytesEveryCommand(t *testing.T) {
	// The seed article padded past 1 MiB with a comment.
	seed := readPage(t, seedPage)
	i := strings.LastIndex(seed, "</body>")
	page := seed[:i] + "<!-- " + strings.Repeat("padding ", (1<<20)/8+1) + "-->" + seed[i:]
	file := filepath.Join(t.TempDir(), "big.html")
	if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, page)
	}))
	defer site.Close()

	tests := []struct {
		size string
		code int // exit code of extract and fetch
	}{
		{"1MiB", cliutil.ExitRejected},
		{"1 MiB", cliutil.ExitRejected},
		{"20MB", cliutil.ExitOK},
		{"20 MiB", cliutil.ExitOK},
		{"0", cliutil.ExitOK},
		{"-1", cliutil.ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.size, func(t *testing.T) {
			if r := run(t, "", "extract", "--max-bytes", tt.size, file); r.code != tt.code {
				t.Errorf("extract: exit %d, want %d; stderr %q", r.code, tt.code, r.err)
			}
			if r := run(t, "", "fetch", "--allow-private", "--max-bytes", tt.size, site.URL); r.code != tt.code {
				t.Errorf("fetch: exit %d, want %d; stderr %q", r.code, tt.code, r.err)
			}
			r := run(t, "", "batch", "--failures-ok", "--max-bytes", tt.size, file)
			switch {
			case tt.code == cliutil.ExitUsage:
				if r.code != cliutil.ExitUsage || r.out != "" {
					t.Errorf("batch: exit %d, stdout %q; want usage error", r.code, r.out)
				}
			case tt.code == cliutil.ExitRejected:
				if !strings.Contains(r.out, `"error_kind":"rejected"`) {
					t.Errorf("batch: record %q, want rejected", r.out)
				}
			case !strings.Contains(r.out, seedPara):
				t.Errorf("batch: record %q, want the article", shorten(r.out))
			}

			base, stop := startServe(t, "--max-bytes", tt.size)
			if tt.code == cliutil.ExitUsage {
				if base != "" || stop() != cliutil.ExitUsage {
					t.Errorf("serve: started or did not exit %d", cliutil.ExitUsage)
				}
				return
			}
			if base == "" {
				t.Fatalf("serve did not start: exit %d", stop())
			}
			defer stop()
			status, body := postAPI(t, base, "text/html", []byte(page))
			wantStatus := http.StatusOK
			if tt.code == cliutil.ExitRejected {
				wantStatus = http.StatusRequestEntityTooLarge
			}
			if status != wantStatus {
				t.Errorf("serve: status %d, want %d; body %q", status, wantStatus, shorten(string(body)))
			}
		})
	}
}

// TestBadNowValues checks that every value --now does not take is a usage
// error on one line that names the accepted form.
func TestBadNowValues(t *testing.T) {
	for _, v := range []string{"yesterday", "2024-05-01", "2024-05-01 09:30", "1714555800", "now"} {
		r := run(t, "", "batch", "--now", v, seedPage)
		lines := strings.Split(strings.TrimSuffix(r.err, "\n"), "\n")
		if r.code != cliutil.ExitUsage || r.out != "" || len(lines) != 2 {
			t.Errorf("--now %q: exit %d, stdout %q, stderr %q; want exit 2 and two lines", v, r.code, r.out, r.err)
			continue
		}
		if want := `newsclean: bad --now "` + v + `": want an RFC 3339 time such as `; !strings.HasPrefix(lines[0], want) {
			t.Errorf("--now %q: %q, want prefix %q", v, lines[0], want)
		}
	}
	if r := run(t, "", "batch", "--now", "2024-05-01T09:30:00+02:00", seedPage); r.code != 0 {
		t.Errorf("RFC 3339 --now: exit %d, stderr %q", r.code, r.err)
	}
}
