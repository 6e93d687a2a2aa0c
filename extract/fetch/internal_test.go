package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestPublicAddr(t *testing.T) {
	for _, tt := range []struct {
		ip      string
		private bool
	}{
		{"127.0.0.1", true}, {"127.8.9.10", true}, {"::1", true}, {"10.1.2.3", true},
		{"172.16.0.1", true}, {"172.31.255.255", true}, {"192.168.1.1", true},
		{"169.254.169.254", true}, {"fe80::1", true}, {"fc00::1", true}, {"fd12::1", true},
		{"0.0.0.0", true}, {"::", true}, {"100.64.0.1", true}, {"224.0.0.1", true},
		{"255.255.255.255", true}, {"::ffff:127.0.0.1", true}, {"::ffff:10.0.0.1", true},
		{"64:ff9b::a00:1", true}, {"2002:c0a8:101::1", true}, {"198.18.0.1", true},
		{"8.8.8.8", false}, {"93.184.216.34", false}, {"172.32.0.1", false}, {"100.128.0.1", false},
		{"2606:4700::1111", false}, {"::ffff:8.8.8.8", false}, {"64:ff9b::808:808", false},
		// Ranges beyond netip's predicates: documentation, 6to4 relays,
		// Teredo, discard-only, IPv4-translated, local NAT64, multicast.
		{"192.0.2.10", true}, {"198.51.100.7", true}, {"203.0.113.9", true}, {"192.88.99.1", true},
		{"240.1.2.3", true}, {"192.0.0.8", true}, {"2001:db8::1", true}, {"3fff::1", true},
		{"2001:0:4136:e378:8000:63bf:3fff:fdd2", true}, {"100::1", true}, {"::ffff:0:a00:1", true},
		{"64:ff9b:1::a00:1", true}, {"ff02::1", true}, {"2002:808:808::1", false},
		{"64:ff9b::7f00:1", true}, {"5f00::1", true}, {"2001:4860:4860::8888", false},
	} {
		if got := !PublicAddr(netip.MustParseAddr(tt.ip)); got != tt.private {
			t.Errorf("PublicAddr(%s) = %v, want %v", tt.ip, !got, !tt.private)
		}
	}
	if !isPrivateAddr("localhost:80") || !isPrivateAddr("garbage") || isPrivateAddr("8.8.8.8:443") || !isPrivateAddr("[::1]:8080") {
		t.Error("isPrivateAddr misreads host:port forms")
	}
}

// A redirect from a public host to a private one is refused at dial time.
// 127.0.0.1 stands for the public host and 127.0.0.2 for the private one.
func TestRedirectToPrivateRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.2: %v", err)
	}
	private := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "<html><body><p>intranet secrets</p></body></html>")
	}))
	private.Listener.Close()
	private.Listener = ln
	private.Start()
	defer private.Close()
	public := httptest.NewServer(http.RedirectHandler(private.URL+"/admin", http.StatusFound))
	defer public.Close()

	o := Options{Timeout: 2 * time.Second, Retries: -1}
	testIsPrivate = func(addr string) bool { return strings.HasPrefix(addr, "127.0.0.2:") }
	defer func() { testIsPrivate = nil }()
	_, err = Get(t.Context(), public.URL, o)
	if !errors.Is(err, ErrPrivateAddress) || !strings.Contains(err.Error(), "refusing non-public address 127.0.0.2:") {
		t.Fatalf("err = %v, want ErrPrivateAddress for 127.0.0.2", err)
	}
	// The same fetch with AllowPrivate reaches it.
	o.AllowPrivate = true
	p, err := Get(t.Context(), public.URL, o)
	if err != nil || !strings.Contains(string(p.Body), "intranet") {
		t.Fatalf("with AllowPrivate: %v", err)
	}
}

func TestRobotsRules(t *testing.T) {
	const txt = `# comments are ignored
User-agent: otherbot
User-agent: newsclean
Disallow: /private
Allow: /private/press$
Disallow: /*.pdf$
Disallow: /search?

User-agent: *
Disallow: /
`
	r := parseRobots([]byte(txt), "newsclean")
	for path, want := range map[string]bool{
		"/":                   true,
		"/news/story":         true,
		"/private":            false,
		"/private/x":          false,
		"/private/press":      true,
		"/private/press/x":    false,
		"/files/report.pdf":   false,
		"/files/report.pdf?x": true,
		"/search?q=bridge":    false,
		"/searchable":         true,
	} {
		if got := r.allowed(path); got != want {
			t.Errorf("newsclean %s: allowed = %v, want %v", path, got, want)
		}
	}
	if parseRobots([]byte(txt), "somebot").allowed("/news") {
		t.Error("the * group should disallow somebot")
	}
	if !parseRobots(nil, "newsclean").allowed("/x") || !parseRobots([]byte("User-agent: *\nDisallow:\n"), "newsclean").allowed("/x") {
		t.Error("empty rules should allow")
	}
	if productToken(DefaultUserAgent) != "newsclean" {
		t.Errorf("productToken = %q", productToken(DefaultUserAgent))
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"":                              0,
		"0":                             0,
		"5":                             5 * time.Second,
		"-3":                            0,
		"soon":                          0,
		"Sun, 01 Mar 2026 12:00:30 GMT": 30 * time.Second,
		"Sun, 01 Mar 2026 11:00:00 GMT": 0,
		"99999999":                      24 * time.Hour,
	} {
		if got := retryAfter(v, now); got != want {
			t.Errorf("retryAfter(%q) = %v, want %v", v, got, want)
		}
	}
}

func isValidUTF8(s string) bool { return strings.ToValidUTF8(s, "") == s }

func TestReadCapped(t *testing.T) {
	body := strings.Repeat("0123456789", 300000) // 3 MB
	for _, tt := range []struct {
		name string
		r    io.Reader
		max  int64
		hint int64
		want string
		err  error
	}{
		{"under the cap", strings.NewReader(body), 4 << 20, -1, body, nil},
		{"exactly the cap", strings.NewReader(body), int64(len(body)), int64(len(body)), body, nil},
		{"one past the cap", strings.NewReader(body), int64(len(body)) - 1, -1, "", ErrTooLarge},
		{"no cap", strings.NewReader(body), -1, -1, body, nil},
		{"empty", strings.NewReader(""), 10, -1, "", nil},
		{"truncated", io.MultiReader(strings.NewReader("abc"), iotest(io.ErrUnexpectedEOF)), 10, -1, "", io.ErrUnexpectedEOF},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readCapped(tt.r, tt.max, tt.hint)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Fatalf("got %d bytes, %v", len(got), err)
			}
		})
	}
}

// iotest returns a reader failing with err.
func iotest(err error) io.Reader { return errReader{err} }

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

func TestRetryWait(t *testing.T) {
	f := New(Options{Retries: 5, RetryWait: 100 * time.Millisecond, MaxRetryWait: time.Second})
	busy := &StatusError{Code: http.StatusServiceUnavailable}
	for attempt, hi := range []time.Duration{100, 200, 400, 800, 1000} {
		hi *= time.Millisecond
		for range 50 {
			w, ok := f.retryWait(busy, attempt)
			if !ok || w < hi/2 || w > hi {
				t.Fatalf("attempt %d: wait %v, %v; want %v to %v", attempt, w, ok, hi/2, hi)
			}
		}
	}
	if _, ok := f.retryWait(busy, 5); ok {
		t.Error("retried past Retries")
	}
	for _, err := range []error{&StatusError{Code: 404}, &StatusError{Code: 500}, ErrTooLarge, ErrTimeout} {
		if _, ok := f.retryWait(err, 0); ok {
			t.Errorf("retried %v", err)
		}
	}
	if w, ok := f.retryWait(&StatusError{Code: 429, RetryAfter: 900 * time.Millisecond}, 0); !ok || w < 900*time.Millisecond {
		t.Errorf("Retry-After 900ms: wait %v, %v", w, ok)
	}
	if _, ok := f.retryWait(&StatusError{Code: 503, RetryAfter: time.Minute}, 0); ok {
		t.Error("waited for a Retry-After past MaxRetryWait")
	}
	if _, ok := f.retryWait(fmt.Errorf("reading body: %w", &connError{"connection reset by the server", syscall.ECONNRESET}), 0); !ok {
		t.Error("did not retry a reset connection")
	}
	neg := New(Options{Retries: 1, RetryWait: -1, MaxRetryWait: -1})
	if w, ok := neg.retryWait(busy, 0); !ok || w != 0 {
		t.Errorf("negative waits: %v, %v", w, ok)
	}
}

func FuzzRobots(f *testing.F) {
	f.Add("User-agent: *\nDisallow: /private\nAllow: /private/press$\n", "/private/x")
	f.Add("User-agent: newsclean\nDisallow: /*.pdf$\n", "/a.pdf")
	f.Add("user-agent:newsclean\n\ndisallow:*\n", "")
	f.Fuzz(func(t *testing.T, txt, path string) {
		if len(txt) > 1<<16 || len(path) > 1<<12 {
			return
		}
		r := parseRobots([]byte(txt), "newsclean")
		allowed := r.allowed(path)
		if len(r.rules) == 0 && !allowed {
			t.Fatalf("no rules, yet %q is disallowed", path)
		}
	})
}

func TestHostLimiter(t *testing.T) {
	l := newHostLimiter(2, 0)
	ctx := t.Context()
	r1, _ := l.acquire(ctx, "a:80")
	r2, _ := l.acquire(ctx, "a:80")
	rb, err := l.acquire(ctx, "b:80") // another host is not held up
	if err != nil {
		t.Fatal(err)
	}
	// A third request to a:80 waits until its context ends.
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, err := l.acquire(short, "a:80"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("third slot: err = %v, want a deadline", err)
	}
	r1()
	r1() // release is idempotent
	r3, err := l.acquire(ctx, "a:80")
	if err != nil {
		t.Fatal(err)
	}
	r2()
	r3()
	rb()
	if n := len(l.hosts); n != 0 {
		t.Errorf("%d idle hosts kept", n)
	}

	if got := hostKey("Example.COM", "https"); got != "example.com:443" {
		t.Errorf("hostKey = %q", got)
	}
	if got := hostKey("[::1]:8080", "http"); got != "[::1]:8080" {
		t.Errorf("hostKey = %q", got)
	}
}

// FuzzContent runs a body through the checks once() makes after reading
// it (binary sniffing, page type) and the decoding Page.Decode does.
func FuzzContent(f *testing.F) {
	f.Add([]byte("<!DOCTYPE html><p>caf\xe9</p>"), "text/html", "iso-8859-1")
	f.Add([]byte("\x89PNG\r\n\x1a\n"), "text/html", "")
	f.Add([]byte("plain wire copy\n"), "application/octet-stream", "")
	f.Add([]byte("\xfe\xff\x00<\x00p\x00>"), "", "utf-8")
	f.Add([]byte("<meta charset=shift_jis><p>\x93\x8c\x8b\x9e</p>"), "", "")
	f.Fuzz(func(t *testing.T, body []byte, mt, label string) {
		if len(body) > 1<<16 {
			return
		}
		ct, err := pageType(mt, body)
		if err != nil {
			if !errors.Is(err, ErrNotHTML) {
				t.Fatalf("pageType error %v", err)
			}
			return
		}
		if ct == "" {
			t.Fatal("accepted with no content type")
		}
		p := &Page{Body: body, Charset: label}
		text, enc, err := p.Decode()
		if err != nil {
			if !errors.Is(err, ErrNotHTML) {
				t.Fatalf("Decode error %v", err)
			}
			return
		}
		if enc == "" || !isValidUTF8(text) || strings.HasPrefix(text, "\ufeff") {
			t.Fatalf("Decode(%q, %q) = %q, %q", body, label, text, enc)
		}
	})
}
