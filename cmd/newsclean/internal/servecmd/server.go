package servecmd

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/extract"
	"github.com/newsclean/newsclean/extract/fetch"
)

// Config controls the handler. The zero value works: loopback Host names
// only, private fetch targets refused, default size cap and timeout.
type Config struct {
	// MaxBytes caps a page, a paste or an upload; default
	// extract.DefaultMaxBytes; negative means no cap.
	MaxBytes int64
	// Timeout bounds one request, fetch and extraction; default 30 s.
	Timeout time.Duration
	// AllowPrivate lets URL fetching reach loopback, private and link-local
	// addresses.
	AllowPrivate bool
	// AnyHost accepts any Host header. By default only localhost and
	// loopback addresses are accepted, which stops DNS rebinding: a page
	// on a hostile name that resolves to 127.0.0.1 cannot read answers.
	AnyHost bool
	// Workers bounds concurrent extractions; default GOMAXPROCS.
	Workers int
	// Now is the reference time for extraction; default time.Now.
	Now func() time.Time
	// Logger receives server-side failures; default discards.
	Logger *slog.Logger

	// fetchClient replaces the fetcher's hardened client (tests that
	// must never reach the network).
	fetchClient *http.Client
}

// noCap stands for "no size cap" where a request body still needs a
// bound for http.MaxBytesReader: more than any machine holds.
const noCap = 1 << 50

// server holds the handler's state. It is safe for concurrent use.
type server struct {
	cfg     Config
	fetcher *fetch.Fetcher
	sem     chan struct{}
	tmpl    *template.Template
	results *resultCache
	static  http.Handler
}

// NewHandler returns the page, API and health handlers with the security
// headers, the Host check and cross-origin protection around them.
func NewHandler(cfg Config) http.Handler {
	return newServer(cfg).handler()
}

func newServer(cfg Config) *server {
	switch {
	case cfg.MaxBytes == 0:
		cfg.MaxBytes = extract.DefaultMaxBytes
	case cfg.MaxBytes < 0:
		cfg.MaxBytes = noCap
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	staticFS, err := fs.Sub(assets, "assets/static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	s := &server{
		cfg:     cfg,
		fetcher: fetch.New(fetch.Options{Timeout: cfg.Timeout, MaxBytes: cfg.MaxBytes, AllowPrivate: cfg.AllowPrivate, Client: cfg.fetchClient}),
		sem:     make(chan struct{}, cfg.Workers),
		tmpl:    pageTemplate(),
		results: newResultCache(32, 64<<20),
		static:  http.StripPrefix("/static/", http.FileServerFS(staticFS)),
	}
	return s
}

func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.handleForm)
	mux.HandleFunc("POST /{$}", s.handleSubmit)
	mux.HandleFunc("GET /download/{id}/{file}", s.handleDownload)
	mux.HandleFunc("POST /api/extract", s.handleAPI)
	mux.HandleFunc("/api/extract", handleAPIMethod)
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("GET /static/", s.handleStatic)

	var h http.Handler = mux
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSONError(w, http.StatusForbidden, cliutil.KindUsage, "cross-origin request refused")
	}))
	h = cop.Handler(h)
	if !s.cfg.AnyHost {
		h = loopbackHostOnly(h)
	}
	return securityHeaders(h)
}

// contentSecurityPolicy allows the page's own stylesheet and nothing else:
// no script at all, no frames, forms posting only back here.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		hd.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.ServeHTTP(w, r)
	})
}

// loopbackHostOnly refuses requests whose Host is not localhost or a
// loopback address.
func loopbackHostOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if hh, _, err := net.SplitHostPort(host); err == nil {
			host = hh
		}
		host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
		if !isLoopbackHost(strings.ToLower(host)) {
			writeJSONError(w, http.StatusMisdirectedRequest, cliutil.KindUsage, "this server answers only to localhost and loopback addresses")
			return
		}
		h.ServeHTTP(w, r)
	})
}

func (s *server) handleHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte(`{"status":"ok"}` + "\n"))
}

func (s *server) handleStatic(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=3600")
	s.static.ServeHTTP(w, r)
}

// job is one extraction: either Body to read, or URL to fetch.
type job struct {
	Body     []byte
	FetchURL string
	BaseURL  string
	Charset  string
	Input    extract.InputKind
	Explain  bool
}

// run fetches (when asked) and extracts. The request's deadline bounds the
// fetch and the wait for an extraction slot; extraction itself is pure CPU
// and cannot be interrupted, so a late one finishes in the background
// while still holding its slot.
func (s *server) run(ctx context.Context, j job) (*extract.Article, error) {
	eo := extract.Options{Explain: j.Explain, MaxBytes: s.cfg.MaxBytes, Input: j.Input, Charset: j.Charset, Now: s.cfg.Now}
	if j.BaseURL != "" {
		u, err := parseWebURL(j.BaseURL)
		if err != nil {
			return nil, err
		}
		eo.URL = u
	}
	var page *fetch.Page
	if j.FetchURL != "" {
		var err error
		if page, err = s.fetch(ctx, j.FetchURL); err != nil {
			return nil, err
		}
	}
	return s.extract(ctx, func() (*extract.Article, error) {
		if page != nil {
			return extract.FromPage(page, eo)
		}
		return extract.FromBytes(j.Body, eo)
	})
}

// fetch checks that rawURL is a public web address and fetches it.
func (s *server) fetch(ctx context.Context, rawURL string) (*fetch.Page, error) {
	u, err := parseWebURL(rawURL)
	if err != nil {
		return nil, err
	}
	if !s.cfg.AllowPrivate {
		if err := checkPublic(ctx, u); err != nil {
			return nil, err
		}
	}
	return s.fetcher.Get(ctx, rawURL)
}

// extract runs one extraction in a worker slot.
func (s *server) extract(ctx context.Context, run func() (*extract.Article, error)) (*extract.Article, error) {
	type result struct {
		a   *extract.Article
		err error
	}
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctxErr(ctx)
	}
	done := make(chan result, 1)
	go func() {
		defer func() { <-s.sem }()
		a, err := run()
		done <- result{a, err}
	}()
	select {
	case res := <-done:
		return res.a, res.err
	case <-ctx.Done():
		return nil, ctxErr(ctx)
	}
}

func ctxErr(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("extracting: %w", cliutil.ErrTimeout)
	}
	return ctx.Err()
}

// parseWebURL accepts absolute http and https URLs only.
func parseWebURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, cliutil.Usagef("bad URL: %v", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, cliutil.Usagef("bad URL %q: want an http or https address", cliutil.OneLine(raw))
	}
	if u.Host == "" {
		return nil, cliutil.Usagef("bad URL %q: no host", cliutil.OneLine(raw))
	}
	return u, nil
}

// classify maps an error to its kind, as the CLI names it, and an HTTP
// status.
func classify(err error) (kind string, status int) {
	kind, _ = cliutil.Classify(err)
	var mbe *http.MaxBytesError
	switch {
	case errors.Is(err, cliutil.ErrTimeout):
		return cliutil.KindTimeout, http.StatusServiceUnavailable
	case errors.Is(err, fetch.ErrPrivateAddress):
		return cliutil.KindFetch, http.StatusForbidden
	case errors.As(err, &mbe):
		return cliutil.KindRejected, http.StatusRequestEntityTooLarge
	}
	switch kind {
	case cliutil.KindUsage:
		return kind, http.StatusBadRequest
	case cliutil.KindRejected:
		if errors.Is(err, extract.ErrTooLarge) {
			return kind, http.StatusRequestEntityTooLarge
		}
		return kind, http.StatusUnsupportedMediaType
	case cliutil.KindNoArticle:
		return kind, http.StatusUnprocessableEntity
	case cliutil.KindFetch:
		if errors.Is(err, fetch.ErrTimeout) || errors.Is(err, fetch.ErrStalled) || errors.Is(err, context.DeadlineExceeded) {
			return kind, http.StatusGatewayTimeout
		}
		return kind, http.StatusBadGateway
	case cliutil.KindInterrupted:
		// The client went away or the server is stopping.
		return kind, http.StatusServiceUnavailable
	}
	return cliutil.KindInternal, http.StatusInternalServerError
}

// message is the error text shown to users: one printable line, with a
// hint only for the flags serve has.
func message(err error) string {
	if errors.Is(err, cliutil.ErrTimeout) {
		return "the request took too long and was stopped"
	}
	return cliutil.MessageWithFlags(err, serveFlag)
}

// serveFlag reports whether serve has flag, so a hint never names a fetch
// flag (such as --connect-timeout) that only extract, batch and fetch take.
func serveFlag(flag string) bool {
	switch flag {
	case "--allow-private", "--max-bytes", "--timeout":
		return true
	}
	return false
}

func tooLarge(limit int64) error {
	return fmt.Errorf("%w: more than %d bytes", extract.ErrTooLarge, limit)
}
