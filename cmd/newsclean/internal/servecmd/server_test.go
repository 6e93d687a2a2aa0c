package servecmd

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliflags"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/extractcmd"
)

// fixedNow pins extraction time so answers compare equal.
func fixedNow() time.Time { return time.Date(2025, 3, 5, 12, 0, 0, 0, time.UTC) }

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// newTestServer serves NewHandler(cfg) on loopback.
func newTestServer(t *testing.T, cfg Config) *httptest.Server {
	t.Helper()
	if cfg.Now == nil {
		cfg.Now = fixedNow
	}
	ts := httptest.NewServer(NewHandler(cfg))
	t.Cleanup(ts.Close)
	return ts
}

func post(t *testing.T, url, ctype string, body []byte, hdr map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func get(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return do(t, req)
}

// origin serves pages for URL fetching tests.
func origin(t *testing.T) *httptest.Server {
	t.Helper()
	page := readFixture(t, "article.html")
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "not here", http.StatusNotFound)
	})
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts
}

func TestAPI(t *testing.T) {
	page := readFixture(t, "article.html")
	src := origin(t)
	jsonBody := func(v any) []byte {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	text := "Council backs rent cap\n\nThe city council voted on Tuesday to cap rents in the old town for three years, after months of protests by tenants who said they were being priced out of the neighbourhood.\n\nThe measure passed by 31 votes to 12.\n"
	tests := []struct {
		name         string
		cfg          Config
		query        string
		ctype        string
		body         []byte
		wantStatus   int
		wantKind     string // error kind, or "" for success
		wantTitle    string
		wantURL      string
		wantRemoved  bool
		wantHTTPStat int
	}{
		{name: "html", ctype: "text/html", body: page, wantStatus: 200,
			wantTitle: "How one <script> tag took down the city's voting site"},
		{name: "html with base url and explain", ctype: "text/html; charset=utf-8", query: "?url=https://courier.example/s&explain=1", body: page,
			wantStatus: 200, wantTitle: "How one <script> tag took down the city's voting site", wantURL: "https://courier.example/s", wantRemoved: true},
		{name: "plain text", ctype: "text/plain", body: []byte(text), wantStatus: 200, wantTitle: "Council backs rent cap"},
		{name: "json html", ctype: "application/json", body: jsonBody(map[string]any{"html": string(page), "url": "https://courier.example/s"}),
			wantStatus: 200, wantTitle: "How one <script> tag took down the city's voting site", wantURL: "https://courier.example/s"},
		{name: "json text", ctype: "application/json", body: jsonBody(map[string]any{"text": text}), wantStatus: 200, wantTitle: "Council backs rent cap"},
		{name: "json url allowed", cfg: Config{AllowPrivate: true}, ctype: "application/json", body: jsonBody(map[string]any{"url": src.URL + "/story"}),
			wantStatus: 200, wantTitle: "How one <script> tag took down the city's voting site", wantURL: src.URL + "/story", wantHTTPStat: 200},
		{name: "json url private refused", ctype: "application/json", body: jsonBody(map[string]any{"url": src.URL + "/story"}),
			wantStatus: 403, wantKind: "fetch"},
		{name: "json url localhost refused", ctype: "application/json", body: jsonBody(map[string]any{"url": "http://localhost:1/story"}),
			wantStatus: 403, wantKind: "fetch"},
		{name: "json url 10/8 refused", ctype: "application/json", body: jsonBody(map[string]any{"url": "http://10.1.2.3/story"}),
			wantStatus: 403, wantKind: "fetch"},
		{name: "json url upstream 404", cfg: Config{AllowPrivate: true}, ctype: "application/json", body: jsonBody(map[string]any{"url": src.URL + "/gone"}),
			wantStatus: 502, wantKind: "fetch"},
		{name: "json url bad scheme", ctype: "application/json", body: jsonBody(map[string]any{"url": "file:///etc/passwd"}),
			wantStatus: 400, wantKind: "usage"},
		{name: "json empty", ctype: "application/json", body: []byte(`{}`), wantStatus: 400, wantKind: "usage"},
		{name: "json unknown field", ctype: "application/json", body: []byte(`{"html":"<p>x</p>","explian":true}`), wantStatus: 400, wantKind: "usage"},
		{name: "json broken", ctype: "application/json", body: []byte(`{"html":`), wantStatus: 400, wantKind: "usage"},
		{name: "json html and text", ctype: "application/json", body: []byte(`{"html":"a","text":"b"}`), wantStatus: 400, wantKind: "usage"},
		{name: "no content type", body: page, wantStatus: 415, wantKind: "rejected"},
		{name: "image", ctype: "image/png", body: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), wantStatus: 415, wantKind: "rejected"},
		{name: "binary sent as html", ctype: "text/html", body: append([]byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"), bytes.Repeat([]byte{0, 1, 2, 0xff}, 64)...),
			wantStatus: 415, wantKind: "rejected"},
		{name: "too large", cfg: Config{MaxBytes: 1000}, ctype: "text/html", body: page, wantStatus: 413, wantKind: "rejected"},
		{name: "json too large", cfg: Config{MaxBytes: 1000}, ctype: "application/json", body: jsonBody(map[string]any{"html": string(page)}), wantStatus: 413, wantKind: "rejected"},
		{name: "no article", ctype: "text/html", body: []byte(`<html><body><nav><a href="/">Home</a></nav></body></html>`), wantStatus: 422, wantKind: "no_article"},
		{name: "empty html body", ctype: "text/html", wantStatus: 400, wantKind: "usage"},
		{name: "empty text body", ctype: "text/plain; charset=utf-8", wantStatus: 400, wantKind: "usage"},
		{name: "empty body without content type", wantStatus: 400, wantKind: "usage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, tt.cfg)
			resp, body := post(t, ts.URL+"/api/extract"+tt.query, tt.ctype, tt.body, nil)
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d; body %s", resp.StatusCode, tt.wantStatus, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			if tt.wantKind != "" {
				var e apiError
				if err := json.Unmarshal(body, &e); err != nil {
					t.Fatalf("error body %s: %v", body, err)
				}
				if e.Kind != tt.wantKind || e.Error == "" {
					t.Errorf("error %+v, want kind %q and a message", e, tt.wantKind)
				}
				return
			}
			var got struct {
				Title      string            `json:"title"`
				URL        string            `json:"url"`
				Text       string            `json:"text"`
				HTTPStatus int               `json:"http_status"`
				Removed    []json.RawMessage `json:"removed"`
			}
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatalf("answer %s: %v", body, err)
			}
			if got.Title != tt.wantTitle {
				t.Errorf("title %q, want %q", got.Title, tt.wantTitle)
			}
			if got.URL != tt.wantURL {
				t.Errorf("url %q, want %q", got.URL, tt.wantURL)
			}
			if got.HTTPStatus != tt.wantHTTPStat {
				t.Errorf("http_status %d, want %d", got.HTTPStatus, tt.wantHTTPStat)
			}
			if got.Text == "" {
				t.Error("empty text")
			}
			if (len(got.Removed) > 0) != tt.wantRemoved {
				t.Errorf("removed has %d entries, want some: %v", len(got.Removed), tt.wantRemoved)
			}
		})
	}
}

// TestAPISameAsExtract checks that the API answers exactly what
// `newsclean extract --format json` prints.
func TestAPISameAsExtract(t *testing.T) {
	var out, errb bytes.Buffer
	opts := &extractcmd.Options{
		Streams: &cliutil.Streams{In: strings.NewReader(""), Out: &out, Err: &errb},
		Source:  "testdata/article.html",
		Format:  "json",
		Extract: cliflags.Extract{Input: "auto", MaxBytes: 20 << 20},
	}
	if err := extractcmd.Run(context.Background(), opts); err != nil {
		t.Fatalf("extract: %v (%s)", err, errb.String())
	}
	ts := newTestServer(t, Config{Now: time.Now})
	resp, body := post(t, ts.URL+"/api/extract", "text/html", readFixture(t, "article.html"), nil)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	if d := cmp.Diff(out.String(), string(body)); d != "" {
		t.Errorf("API answer differs from extract --format json (-extract +api):\n%s", d)
	}
}

func TestHealthz(t *testing.T) {
	ts := newTestServer(t, Config{})
	resp, body := get(t, ts.URL+"/healthz")
	if resp.StatusCode != 200 || strings.TrimSpace(string(body)) != `{"status":"ok"}` {
		t.Errorf("healthz: %d %q", resp.StatusCode, body)
	}
}

func TestSecurityHeaders(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, path := range []string{"/", "/healthz", "/static/style.css", "/nope"} {
		resp, _ := get(t, ts.URL+path)
		want := map[string]string{
			"Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "no-referrer",
		}
		for k, v := range want {
			if got := resp.Header.Get(k); got != v {
				t.Errorf("%s: %s = %q, want %q", path, k, got, v)
			}
		}
	}
	resp, body := get(t, ts.URL+"/static/style.css")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") || len(body) < 100 {
		t.Errorf("style.css: %d %q, %d bytes", resp.StatusCode, resp.Header.Get("Content-Type"), len(body))
	}
}

func TestHostCheck(t *testing.T) {
	tests := []struct {
		host    string
		anyHost bool
		want    int
	}{
		{host: "", want: 200}, // the test server's own 127.0.0.1:port
		{host: "localhost:8080", want: 200},
		{host: "[::1]:8080", want: 200},
		{host: "rebind.attacker.example", want: http.StatusMisdirectedRequest},
		{host: "192.168.1.10:8080", want: http.StatusMisdirectedRequest},
		{host: "rebind.attacker.example", anyHost: true, want: 200},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			ts := newTestServer(t, Config{AnyHost: tt.anyHost})
			req, _ := http.NewRequest(http.MethodGet, ts.URL+"/healthz", nil)
			if tt.host != "" {
				req.Host = tt.host
			}
			resp, body := do(t, req)
			if resp.StatusCode != tt.want {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tt.want, body)
			}
		})
	}
}

func TestCrossOriginRefused(t *testing.T) {
	ts := newTestServer(t, Config{})
	resp, body := post(t, ts.URL+"/api/extract", "text/plain", []byte("Some text"), map[string]string{"Sec-Fetch-Site": "cross-site"})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST: status %d, want 403: %s", resp.StatusCode, body)
	}
	resp, body = post(t, ts.URL+"/", "application/x-www-form-urlencoded", []byte("url=https://example.com/"), map[string]string{"Origin": "https://evil.example"})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-origin form: status %d, want 403: %s", resp.StatusCode, body)
	}
}

// multipartForm builds a form body as the page's form sends it.
func multipartForm(t *testing.T, fields map[string]string, fileName string, file []byte) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	fw, err := mw.CreateFormFile("file", fileName)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(file)
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return mw.FormDataContentType(), buf.Bytes()
}

var downloadRE = regexp.MustCompile(`href="(/download/[0-9a-f]{32}/article\.(md|json|txt))"`)

func TestPageSubmit(t *testing.T) {
	page := readFixture(t, "article.html")
	src := origin(t)
	tests := []struct {
		name   string
		cfg    Config
		fields map[string]string
		file   []byte
	}{
		{name: "upload", fields: map[string]string{"input": "auto"}, file: page},
		{name: "paste", fields: map[string]string{"paste": string(page), "input": "html"}},
		{name: "url", cfg: Config{AllowPrivate: true}, fields: map[string]string{"url": src.URL + "/story", "input": "auto"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, tt.cfg)
			ct, body := multipartForm(t, tt.fields, "story.html", tt.file)
			resp, html := post(t, ts.URL+"/", ct, body, nil)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, html)
			}
			s := string(html)
			for _, want := range []string{
				`<h1 id="title">How one &lt;script&gt; tag took down the city&#39;s voting site</h1>`,
				`<p class="byline" id="byline">By Tomás Varga</p>`,
				`officials said.</p>`,
				`<details class="removed" id="removed">`,
				`<span class="rule">`,
			} {
				if !strings.Contains(s, want) {
					t.Errorf("page lacks %q", want)
				}
			}
			if strings.Contains(s, "Get the Morning Briefing") && !strings.Contains(s, `<span class="rule">`) {
				t.Error("newsletter box kept in the text")
			}
			// Downloads: the JSON equals the API's answer.
			links := downloadRE.FindAllStringSubmatch(s, -1)
			if len(links) != 3 {
				t.Fatalf("found %d download links, want 3", len(links))
			}
			for _, l := range links {
				resp, b := get(t, ts.URL+l[1])
				if resp.StatusCode != 200 {
					t.Fatalf("%s: status %d", l[1], resp.StatusCode)
				}
				cd := resp.Header.Get("Content-Disposition")
				if want := `attachment; filename=how-one-script-tag-took-down-the-city-s-voting-site.` + l[2]; cd != want {
					t.Errorf("%s: Content-Disposition %q, want %q", l[1], cd, want)
				}
				switch l[2] {
				case "md":
					if !strings.HasPrefix(string(b), "# How one <script> tag") {
						t.Errorf("markdown starts %.40q", b)
					}
				case "json":
					var a struct {
						Title string `json:"title"`
					}
					if err := json.Unmarshal(b, &a); err != nil || a.Title != "How one <script> tag took down the city's voting site" {
						t.Errorf("json download: %v, title %q", err, a.Title)
					}
				}
			}
		})
	}
}

func TestPageErrors(t *testing.T) {
	tests := []struct {
		name     string
		cfg      Config
		fields   map[string]string
		file     []byte
		status   int
		wantKind string
	}{
		{name: "nothing given", fields: map[string]string{"input": "auto"}, status: 400, wantKind: "usage"},
		{name: "private url", fields: map[string]string{"url": "http://127.0.0.1:9/x"}, status: 403, wantKind: "fetch"},
		{name: "bad input kind", fields: map[string]string{"paste": "text", "input": "pdf"}, status: 400, wantKind: "usage"},
		{name: "file too large", cfg: Config{MaxBytes: 100}, fields: map[string]string{}, file: bytes.Repeat([]byte("<p>x</p>"), 100), status: 413, wantKind: "rejected"},
		{name: "no article", fields: map[string]string{"paste": "<html><body></body></html>"}, status: 422, wantKind: "no_article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, tt.cfg)
			ct, body := multipartForm(t, tt.fields, "f.html", tt.file)
			resp, html := post(t, ts.URL+"/", ct, body, nil)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if want := `<span class="kind">` + tt.wantKind + `</span>`; !strings.Contains(string(html), want) {
				t.Errorf("page lacks %q", want)
			}
			if !strings.Contains(string(html), `<form class="input"`) {
				t.Error("error page lacks the form")
			}
		})
	}
}

// TestInertTitle: a title holding a script tag and terminal escapes shows
// as plain text, with the ESC bytes dropped, in the page and its <title>.
func TestInertTitle(t *testing.T) {
	hostile := "<html><head><title>Mayor \x1b[31mresigns\x1b[0m &lt;script&gt;alert(1)&lt;/script&gt; <script>alert(2)</script></title></head><body>" +
		"<article><h1>Mayor \x1b]0;owned\x07resigns &lt;script&gt;alert(1)&lt;/script&gt;</h1>" +
		"<p>The mayor of a small coastal town resigned on Friday after a long dispute with the council over the budget for the new harbour wall and the ferry service.</p>" +
		"<p>Her deputy will serve until an election is held in the spring, the council said in a statement on its website.</p>" +
		"<p>&lt;img src=x onerror=alert(3)&gt; was the text of a comment left under the statement.</p></article></body></html>"
	ts := newTestServer(t, Config{})
	ct, body := multipartForm(t, map[string]string{"paste": hostile, "input": "html"}, "", nil)
	resp, page := post(t, ts.URL+"/", ct, body, nil)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, page)
	}
	s := string(page)
	if strings.ContainsAny(s, "\x1b\x07") {
		t.Error("page holds ESC or BEL bytes")
	}
	if strings.Contains(strings.ToLower(s), "<script") {
		t.Error("page holds a <script tag")
	}
	if strings.Contains(s, "<img") {
		t.Error("page holds an <img tag")
	}
	m := regexp.MustCompile(`<h1 id="title">([^<]*)</h1>`).FindStringSubmatch(s)
	if m == nil {
		t.Fatal("no title heading")
	}
	if !strings.Contains(m[1], "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(m[1], "resigns") {
		t.Errorf("title heading %q does not show the script tag as text", m[1])
	}
	if !strings.Contains(s, "&lt;img src=x onerror=alert(3)&gt;") {
		t.Error("body text with markup is not shown escaped")
	}
}

func TestTimeout(t *testing.T) {
	s := newServer(Config{Timeout: 50 * time.Millisecond, Workers: 1, Now: fixedNow})
	ts := httptest.NewServer(s.handler())
	defer ts.Close()
	s.sem <- struct{}{} // every extraction slot busy
	defer func() { <-s.sem }()
	resp, body := post(t, ts.URL+"/api/extract", "text/html", readFixture(t, "article.html"), nil)
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), `"kind":"timeout"`) {
		t.Errorf("status %d, body %s; want 503 timeout", resp.StatusCode, body)
	}
}

func TestDownloadUnknown(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, p := range []string{"/download/0123456789abcdef0123456789abcdef/article.md", "/download/x/other.exe"} {
		resp, _ := get(t, ts.URL+p)
		if resp.StatusCode != 404 {
			t.Errorf("%s: status %d, want 404", p, resp.StatusCode)
		}
	}
}

func TestResultCacheBounded(t *testing.T) {
	c := newResultCache(3, 100)
	var ids []string
	for i := 0; i < 5; i++ {
		ids = append(ids, c.add(&rendered{json: make([]byte, 10)}))
	}
	for i, id := range ids {
		_, ok := c.get(id)
		if want := i >= 2; ok != want {
			t.Errorf("entry %d kept = %v, want %v", i, ok, want)
		}
	}
	big := c.add(&rendered{json: make([]byte, 91)})
	if _, ok := c.get(ids[4]); ok {
		t.Error("byte bound not applied")
	}
	if _, ok := c.get(big); !ok {
		t.Error("newest entry dropped")
	}
}

func TestFileName(t *testing.T) {
	tests := map[string]string{
		"How one <script> tag took down the city's voting site": "how-one-script-tag-took-down-the-city-s-voting-site",
		"":                          "article",
		"«Élections» 2025!":         "lections-2025",
		strings.Repeat("word ", 40): "word-word-word-word-word-word-word-word-word-word-word-word",
	}
	for in, want := range tests {
		if got := fileName(in); got != want {
			t.Errorf("fileName(%q) = %q, want %q", in, got, want)
		}
	}
}

// A negative MaxBytes (--max-bytes 0) takes pages of any size.
func TestNoSizeCap(t *testing.T) {
	ts := newTestServer(t, Config{MaxBytes: -1})
	page := readFixture(t, "article.html")
	resp, body := post(t, ts.URL+"/api/extract", "text/html", page, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	resp, body = get(t, ts.URL+"/")
	if resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte("Pages up to any size")) {
		t.Errorf("form: status %d, no size note in %.300s", resp.StatusCode, body)
	}
}
