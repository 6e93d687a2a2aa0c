// Package fetch downloads web pages for extraction.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"time"
)

// Options control a fetch. The zero value works.
type Options struct {
	Client    *http.Client  // default: a client with Timeout
	Timeout   time.Duration // total time; default 30 s
	MaxBytes  int64         // body cap; default 20 MiB
	UserAgent string        // default DefaultUserAgent
}

// DefaultUserAgent names newsclean to servers.
const DefaultUserAgent = "newsclean/0.1 (+https://github.com/newsclean/newsclean)"

// Page is a fetched page.
type Page struct {
	URL       *url.URL // final URL after redirects
	Status    int
	Body      []byte
	Charset   string // from the Content-Type header
	FetchedAt time.Time
}

// StatusError is returned for a non-2xx answer.
type StatusError struct {
	URL  string
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: HTTP status %d %s", e.URL, e.Code, http.StatusText(e.Code))
}

// ErrTooLarge is returned when the body passes the cap.
var ErrTooLarge = errors.New("response too large")

// Error wraps every failure of Get, so callers can tell fetch failures from
// others with errors.As.
type Error struct {
	URL string
	Err error
}

func (e *Error) Error() string { return "fetching " + e.URL + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Get fetches rawURL.
func Get(ctx context.Context, rawURL string, opts Options) (*Page, error) {
	p, err := get(ctx, rawURL, opts)
	if err != nil {
		return nil, &Error{URL: rawURL, Err: err}
	}
	return p, nil
}

func get(ctx context.Context, rawURL string, opts Options) (*Page, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("unsupported scheme %q", u.Scheme)
	}
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	client := opts.Client
	if client == nil {
		client = &http.Client{Timeout: timeout}
	}
	max := opts.MaxBytes
	if max == 0 {
		max = 20 << 20
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	ua := opts.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &StatusError{URL: resp.Request.URL.String(), Code: resp.StatusCode}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("reading body: %w", err)
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	cs := ""
	if _, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type")); err == nil {
		cs = params["charset"]
	}
	return &Page{URL: resp.Request.URL, Status: resp.StatusCode, Body: body, Charset: cs, FetchedAt: time.Now()}, nil
}

// Fetcher fetches many URLs with shared limits (per-host concurrency and
// politeness delay). It is safe for concurrent use.
type Fetcher struct {
	opts Options
}

// New returns a Fetcher with opts.
func New(opts Options) *Fetcher {
	return &Fetcher{opts: opts}
}

// Get fetches rawURL.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Page, error) {
	return Get(ctx, rawURL, f.opts)
}
