package fetch_test

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/newsclean/newsclean/extract/fetch"
	"github.com/newsclean/newsclean/extract/fetch/fetchtest"
)

// testOptions are short limits that keep the suite fast. Loopback needs
// AllowPrivate.
func testOptions() fetch.Options {
	return fetch.Options{
		ConnectTimeout: 5 * time.Second,
		HeaderTimeout:  5 * time.Second,
		IdleTimeout:    time.Second,
		Timeout:        3 * time.Second,
		MaxBytes:       1 << 20,
		AllowPrivate:   true,
		Retries:        -1,
		RetryWait:      10 * time.Millisecond,
	}
}

func hostileServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(fetchtest.Handler())
	t.Cleanup(srv.Close)
	return srv
}

func TestHostile(t *testing.T) {
	srv := hostileServer(t)
	tests := []struct {
		name   string
		path   string
		opts   func(*fetch.Options)
		is     error  // errors.Is target
		status int    // StatusError code
		msg    string // in the message
		within time.Duration
	}{
		{name: "drip one byte a second", path: "/drip", opts: func(o *fetch.Options) { o.IdleTimeout = 3 * time.Second; o.Timeout = 1500 * time.Millisecond }, is: fetch.ErrTimeout, msg: "timed out after 1.5s", within: 2500 * time.Millisecond},
		{name: "no response headers", path: "/silent", opts: func(o *fetch.Options) { o.HeaderTimeout = 700 * time.Millisecond }, is: fetch.ErrTimeout, msg: "timed out: waiting for response headers", within: 1500 * time.Millisecond},
		{name: "stalled body", path: "/stall", is: fetch.ErrStalled, msg: "stalled: no data for 1s", within: 2 * time.Second},
		{name: "endless chunked body", path: "/endless", is: fetch.ErrTooLarge, msg: "body larger than 1 MiB", within: 2 * time.Second},
		{name: "1 TiB Content-Length", path: "/huge", is: fetch.ErrTooLarge, msg: "Content-Length 1099511627776 is over the 1 MiB cap", within: time.Second},
		{name: "gzip bomb", path: "/bomb", is: fetch.ErrTooLarge, msg: "body larger than 1 MiB", within: 2 * time.Second},
		{name: "redirect loop", path: "/loop", is: fetch.ErrTooManyRedirects, msg: "redirect loop back to", within: time.Second},
		{name: "40-hop chain", path: "/chain/40", is: fetch.ErrTooManyRedirects, msg: "too many redirects: more than 10", within: 2 * time.Second},
		{name: "chain past a lower limit", path: "/chain/3", opts: func(o *fetch.Options) { o.MaxRedirects = 2 }, is: fetch.ErrTooManyRedirects, msg: "more than 2", within: time.Second},
		{name: "redirects off", path: "/chain/0", opts: func(o *fetch.Options) { o.MaxRedirects = -1 }, is: fetch.ErrTooManyRedirects, msg: "redirects are off", within: time.Second},
		{name: "redirect to file", path: "/to/file", is: fetch.ErrScheme, msg: `redirect to file:///etc/passwd: unsupported URL scheme "file"`, within: time.Second},
		{name: "redirect to ftp", path: "/to/ftp", is: fetch.ErrScheme, msg: `unsupported URL scheme "ftp"`, within: time.Second},
		{name: "redirect to data", path: "/to/data", is: fetch.ErrScheme, msg: `unsupported URL scheme "data"`, within: time.Second},
		{name: "404 dressed as an article", path: "/status/404", status: 404, msg: "HTTP status 404 Not Found", within: time.Second},
		{name: "500", path: "/status/500", status: 500, msg: "HTTP status 500 Internal Server Error", within: time.Second},
		{name: "connection reset mid-body", path: "/reset", msg: "reading body:", within: time.Second},
		{name: "image", path: "/image", is: fetch.ErrNotHTML, msg: "not an HTML or text page: content type image/png", within: time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := testOptions()
			if tt.opts != nil {
				tt.opts(&o)
			}
			u := srv.URL + tt.path
			start := time.Now()
			p, err := fetch.Get(t.Context(), u, o)
			took := time.Since(start)
			if err == nil {
				t.Fatalf("Get(%s) = page of %d bytes, want an error", tt.path, len(p.Body))
			}
			var fe *fetch.Error
			if !errors.As(err, &fe) || fe.URL != u {
				t.Errorf("error %T %v is not a *fetch.Error for %s", err, err, u)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %q is not %v", err, tt.is)
			}
			if tt.status != 0 {
				var se *fetch.StatusError
				if !errors.As(err, &se) || se.Code != tt.status {
					t.Errorf("error %q: want StatusError %d", err, tt.status)
				}
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, u+": ") || !strings.Contains(msg, tt.msg) || strings.ContainsAny(msg, "\r\n") {
				t.Errorf("message %q: want one line %q + %q", msg, u+": ", tt.msg)
			}
			if took > tt.within+time.Second { // slack for a loaded machine
				t.Errorf("took %v, want under %v", took, tt.within)
			}
		})
	}
}

func TestRedirectFinalURL(t *testing.T) {
	srv := hostileServer(t)
	p, err := fetch.Get(t.Context(), srv.URL+"/chain/5", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.URL.String(), srv.URL+"/ok"; got != want {
		t.Errorf("URL = %s, want %s", got, want)
	}
	text, enc, err := p.Decode()
	if err != nil || p.Status != 200 || text != fetchtest.Page || p.ContentType != "text/html" || enc != "utf-8" || p.Charset != "utf-8" {
		t.Errorf("page = status %d, type %q, encoding %q, charset %q, text %q, err %v", p.Status, p.ContentType, enc, p.Charset, text, err)
	}
	if p.FetchedAt.IsZero() || time.Since(p.FetchedAt) > time.Minute {
		t.Errorf("FetchedAt = %v", p.FetchedAt)
	}
}

// A redirect chain on one host frees each hop's slot before the next.
func TestRedirectChainOneSlot(t *testing.T) {
	srv := hostileServer(t)
	o := testOptions()
	o.PerHost = 1
	f := fetch.New(o)
	for range 3 {
		p, err := f.Get(t.Context(), srv.URL+"/chain/8")
		if err != nil {
			t.Fatal(err)
		}
		if p.URL.Path != "/ok" {
			t.Errorf("URL = %v", p.URL)
		}
	}
}

func TestBadURL(t *testing.T) {
	for _, u := range []string{"file:///etc/passwd", "ftp://example.org/x", "data:text/html,hi", "example.org/story", "http:///nohost", "http://%zz/"} {
		_, err := fetch.Get(t.Context(), u, testOptions())
		var fe *fetch.Error
		if !errors.As(err, &fe) {
			t.Errorf("Get(%q) = %v, want a *fetch.Error", u, err)
		}
	}
}

func TestPrivateAddressRefused(t *testing.T) {
	srv := hostileServer(t)
	o := testOptions()
	o.AllowPrivate = false
	_, err := fetch.Get(t.Context(), srv.URL+"/ok", o)
	if !errors.Is(err, fetch.ErrPrivateAddress) {
		t.Fatalf("err = %v, want ErrPrivateAddress", err)
	}
	if want := "refusing non-public address 127.0.0.1:"; !strings.Contains(err.Error(), want) {
		t.Errorf("message %q lacks %q", err, want)
	}
}

func TestContentEncodings(t *testing.T) {
	page := []byte(fetchtest.Page)
	enc := map[string]func(io.Writer) io.WriteCloser{
		"gzip":    func(w io.Writer) io.WriteCloser { return gzip.NewWriter(w) },
		"deflate": func(w io.Writer) io.WriteCloser { return zlib.NewWriter(w) },
		"br":      func(w io.Writer) io.WriteCloser { return brotli.NewWriter(w) },
		"raw-deflate": func(w io.Writer) io.WriteCloser {
			fw, _ := flate.NewWriter(w, flate.DefaultCompression)
			return fw
		},
	}
	var gotAE atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotAE.Store(r.Header.Get("Accept-Encoding"))
		name := strings.TrimPrefix(r.URL.Path, "/")
		w.Header().Set("Content-Type", "text/html")
		if name == "identity" {
			w.Write(page)
			return
		}
		header := name
		if name == "raw-deflate" {
			header = "deflate"
		}
		if name == "gzip-br" {
			w.Header().Set("Content-Encoding", "gzip, br")
			// Listed in the order applied: gzip first, then br.
			br := brotli.NewWriter(w)
			gz := gzip.NewWriter(br)
			gz.Write(page)
			gz.Close()
			br.Close()
			return
		}
		w.Header().Set("Content-Encoding", header)
		zw := enc[name](w)
		zw.Write(page)
		zw.Close()
	}))
	defer srv.Close()
	for _, name := range []string{"identity", "gzip", "deflate", "raw-deflate", "br", "gzip-br"} {
		t.Run(name, func(t *testing.T) {
			p, err := fetch.Get(t.Context(), srv.URL+"/"+name, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(p.Body, page) {
				t.Errorf("body = %q", p.Body)
			}
			if got := gotAE.Load(); got != "gzip, deflate, br" {
				t.Errorf("Accept-Encoding = %q", got)
			}
		})
	}
}

func TestContentTypes(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ct, body, _ := strings.Cut(r.URL.Query().Get("ct")+"|"+r.URL.Query().Get("body"), "|")
		w.Header().Set("Content-Type", ct)
		switch body {
		case "html":
			io.WriteString(w, fetchtest.Page)
		case "text":
			io.WriteString(w, "PORTSMOUTH (Wire) - The harbour bridge reopened on Tuesday.\n")
		case "png":
			w.Write(fetchtest.PNG)
		case "pdf":
			io.WriteString(w, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
		case "json":
			io.WriteString(w, `{"title": "Harbour bridge reopens"}`)
		case "nul":
			w.Write(bytes.Repeat([]byte{0, 1, 2, 3, 'a'}, 100))
		}
	}))
	defer srv.Close()
	tests := []struct {
		ct, body string
		want     string // ContentType, or "" for ErrNotHTML
	}{
		{"text/html; charset=utf-8", "html", "text/html"},
		{"application/xhtml+xml", "html", "application/xhtml+xml"},
		{"text/plain", "html", "text/html"},
		{"application/octet-stream", "html", "text/html"},
		{"", "html", "text/html"},
		{"application/xml", "html", "text/html"},
		{"text/plain; charset=utf-8", "text", "text/plain"},
		{"application/octet-stream", "text", "text/plain"},
		{"text/html", "png", ""},
		{"text/html", "pdf", ""},
		{"application/octet-stream", "nul", ""},
		{"application/pdf", "pdf", ""},
		{"image/jpeg", "html", ""},
		{"application/json", "json", ""},
	}
	for _, tt := range tests {
		t.Run(tt.ct+"/"+tt.body, func(t *testing.T) {
			q := url.Values{"ct": {tt.ct}, "body": {tt.body}}
			p, err := fetch.Get(t.Context(), srv.URL+"/?"+q.Encode(), testOptions())
			if tt.want == "" {
				if !errors.Is(err, fetch.ErrNotHTML) {
					t.Errorf("err = %v, want ErrNotHTML", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.ContentType != tt.want {
				t.Errorf("ContentType = %q, want %q", p.ContentType, tt.want)
			}
		})
	}
}

func TestRetries(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		n := hits[r.URL.Path]
		mu.Unlock()
		switch r.URL.Path {
		case "/twice503":
			if n <= 2 {
				w.Header().Set("Retry-After", "0")
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
		case "/429":
			if n == 1 {
				w.Header().Set("Retry-After", "1")
				http.Error(w, "slow down", http.StatusTooManyRequests)
				return
			}
		case "/always503":
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		case "/longwait":
			w.Header().Set("Retry-After", "120")
			http.Error(w, "come back later", http.StatusServiceUnavailable)
			return
		case "/reset":
			if n == 1 {
				fetchtest.Reset(w)
				return
			}
		case "/404":
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, fetchtest.Page)
	}))
	defer srv.Close()
	o := testOptions()
	o.Retries = 2
	tests := []struct {
		path    string
		ok      bool
		hits    int
		msg     string
		atLeast time.Duration
		within  time.Duration
	}{
		{path: "/twice503", ok: true, hits: 3, within: time.Second},
		{path: "/429", ok: true, hits: 2, atLeast: time.Second, within: 2 * time.Second},
		{path: "/reset", ok: true, hits: 2, within: time.Second},
		{path: "/always503", hits: 3, msg: "HTTP status 503 Service Unavailable (after 3 attempts)", within: time.Second},
		{path: "/longwait", hits: 1, msg: "HTTP status 503 Service Unavailable; the server asks to wait 2m0s", within: time.Second},
		{path: "/404", hits: 1, msg: "HTTP status 404", within: time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			start := time.Now()
			_, err := fetch.Get(t.Context(), srv.URL+tt.path, o)
			took := time.Since(start)
			if tt.ok != (err == nil) {
				t.Fatalf("err = %v, want ok=%v", err, tt.ok)
			}
			if err != nil && !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("message %q lacks %q", err, tt.msg)
			}
			mu.Lock()
			n := hits[tt.path]
			mu.Unlock()
			if n != tt.hits {
				t.Errorf("server hit %d times, want %d", n, tt.hits)
			}
			if took < tt.atLeast || took > tt.within {
				t.Errorf("took %v, want %v to %v", took, tt.atLeast, tt.within)
			}
		})
	}
}

func TestRetriesBoundedByTimeout(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	o := testOptions()
	o.Retries = 100
	o.RetryWait = 100 * time.Millisecond
	o.MaxRetryWait = 200 * time.Millisecond
	o.Timeout = time.Second
	start := time.Now()
	_, err := fetch.Get(t.Context(), srv.URL, o)
	if took := time.Since(start); took > 1200*time.Millisecond {
		t.Errorf("took %v, want at most the 1s timeout", took)
	}
	// Either the next wait would pass the limit, or the limit struck
	// during an attempt: both name the status.
	if err == nil || !strings.Contains(err.Error(), "HTTP status 503") {
		t.Errorf("err = %v", err)
	}
	if n := hits.Load(); n < 3 || n > 15 {
		t.Errorf("%d attempts in 1s with 100-200ms backoff", n)
	}
}

func TestHeadersSent(t *testing.T) {
	got := make(chan http.Header, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got <- r.Header.Clone()
		io.WriteString(w, fetchtest.Page)
	}))
	defer srv.Close()
	o := testOptions()
	o.Header = http.Header{"Cookie": {"session=abc"}, "Authorization": {"Bearer t0ken"}}
	if _, err := fetch.Get(t.Context(), srv.URL, o); err != nil {
		t.Fatal(err)
	}
	h := <-got
	if h.Get("Cookie") != "session=abc" || h.Get("Authorization") != "Bearer t0ken" || h.Get("User-Agent") != fetch.DefaultUserAgent {
		t.Errorf("headers = %v", h)
	}
	if !strings.Contains(fetch.DefaultUserAgent, "newsclean") {
		t.Errorf("DefaultUserAgent %q does not name newsclean", fetch.DefaultUserAgent)
	}
}

// listenOn starts a server on a given loopback address (Linux routes all
// of 127/8 to loopback).
func listenOn(t *testing.T, ip string, h http.Handler) *httptest.Server {
	t.Helper()
	ln, err := net.Listen("tcp", ip+":0")
	if err != nil {
		t.Skipf("cannot listen on %s: %v", ip, err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

func TestPerHostLimit(t *testing.T) {
	const perHost, urls = 3, 200
	type counter struct{ cur, peak, total atomic.Int32 }
	var servers []*httptest.Server
	var counters []*counter
	for i := 1; i <= 4; i++ {
		c := &counter{}
		counters = append(counters, c)
		servers = append(servers, listenOn(t, fmt.Sprintf("127.0.0.%d", i), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n := c.cur.Add(1)
			for {
				p := c.peak.Load()
				if n <= p || c.peak.CompareAndSwap(p, n) {
					break
				}
			}
			c.total.Add(1)
			time.Sleep(5 * time.Millisecond)
			c.cur.Add(-1) // before the answer: the client holds its slot until then
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, fetchtest.Page)
		})))
	}
	o := testOptions()
	o.PerHost = perHost
	f := fetch.New(o)
	var wg sync.WaitGroup
	errs := make(chan error, urls)
	sem := make(chan struct{}, 32) // the caller's own concurrency, above the per-host limit
	for i := range urls {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if _, err := f.Get(t.Context(), fmt.Sprintf("%s/story/%d", servers[i%4].URL, i)); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for i, c := range counters {
		if p := c.peak.Load(); p > perHost {
			t.Errorf("host %d: %d concurrent requests, limit %d", i+1, p, perHost)
		}
		if n := c.total.Load(); n != urls/4 {
			t.Errorf("host %d: %d requests, want %d", i+1, n, urls/4)
		}
	}
}

func TestHostDelay(t *testing.T) {
	var mu sync.Mutex
	var starts []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
		io.WriteString(w, fetchtest.Page)
	}))
	defer srv.Close()
	o := testOptions()
	o.PerHost = -1
	o.HostDelay = 50 * time.Millisecond
	f := fetch.New(o)
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			if _, err := f.Get(t.Context(), srv.URL); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if len(starts) != 5 {
		t.Fatalf("%d requests", len(starts))
	}
	if span := starts[4].Sub(starts[0]); span < 190*time.Millisecond {
		t.Errorf("5 requests spread over %v, want at least 4 × 50ms", span)
	}
}

func TestRobots(t *testing.T) {
	var robotsHits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			robotsHits.Add(1)
			io.WriteString(w, "User-agent: *\nDisallow: /\n\nUser-agent: newsclean\nAllow: /news/\nDisallow: /news/private\n")
			return
		}
		io.WriteString(w, fetchtest.Page)
	}))
	defer srv.Close()
	o := testOptions()
	o.RespectRobots = true
	f := fetch.New(o)
	// The newsclean group applies, not the "*" one.
	for path, ok := range map[string]bool{"/news/story": true, "/news/private/x": false, "/about": true} {
		_, err := f.Get(t.Context(), srv.URL+path)
		if ok != (err == nil) || (err != nil && !errors.Is(err, fetch.ErrRobots)) {
			t.Errorf("%s: err = %v, want allowed=%v", path, err, ok)
		}
	}
	if n := robotsHits.Load(); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once", n)
	}
	o.UserAgent = "otherbot/2.0"
	if _, err := fetch.Get(t.Context(), srv.URL+"/news/story", o); !errors.Is(err, fetch.ErrRobots) {
		t.Errorf("otherbot under \"Disallow: /\": err = %v", err)
	}
	// Without the option robots.txt is not consulted.
	if _, err := fetch.Get(t.Context(), srv.URL+"/about", testOptions()); err != nil {
		t.Error(err)
	}
}

func TestCancel(t *testing.T) {
	srv := hostileServer(t)
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(100*time.Millisecond, cancel)
	o := testOptions()
	o.IdleTimeout = 5 * time.Second
	_, err := fetch.Get(ctx, srv.URL+"/drip", o)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestInjectedClient(t *testing.T) {
	srv := hostileServer(t)
	o := testOptions()
	o.AllowPrivate = false // the injected client's transport has no address check
	o.Client = srv.Client()
	p, err := fetch.Get(t.Context(), srv.URL+"/chain/2", o)
	if err != nil {
		t.Fatal(err)
	}
	if p.URL.Path != "/ok" {
		t.Errorf("URL = %v", p.URL)
	}
	if _, err := fetch.Get(t.Context(), srv.URL+"/to/file", o); !errors.Is(err, fetch.ErrScheme) {
		t.Errorf("injected client followed a file: redirect: %v", err)
	}
}
