// Package fetch downloads web pages for extraction, with limits that hold
// against slow, lying and hostile servers.
//
// Every URL newsclean reads goes through [Get] or a shared [Fetcher]:
//
//	page, err := fetch.Get(ctx, "https://example.com/story", fetch.Options{})
//	if err != nil {
//		var fe *fetch.Error // every failure is one
//		...
//	}
//	fmt.Println(page.URL, page.Status, len(page.Body))
//
// # Limits
//
// The zero [Options] apply safe defaults: 10 s to connect, 15 s for the
// response headers, 10 s without a byte of body, 30 s in all (retries
// included), a 20 MiB body counted after gzip, deflate or brotli decoding
// (so a compression bomb stops early, using little memory), and at most 10
// redirects. Only http and https are followed, on every hop.
//
// # Private addresses
//
// Unless [Options.AllowPrivate] is set, newsclean refuses to connect to
// loopback, private, link-local, carrier-grade NAT and other non-public
// addresses, for the first URL as for every redirect. The check is made on
// the address actually dialled, after DNS resolution, so a name that
// resolves to a public address once and a private one later (DNS
// rebinding) is caught too. A page on an intranet needs AllowPrivate. The
// check lives in the transport that Get builds; with an injected
// [Options.Client] it is that client's business. Proxies from the
// environment are not used.
//
// # Content
//
// Answers outside 2xx fail with a [*StatusError]. Images, PDFs, audio,
// video and other binaries fail with [ErrNotHTML]; HTML served as
// text/plain, application/octet-stream or without a type is sniffed. The
// body is kept as sent, with the HTTP charset beside it; [Page.Decode] and
// extraction turn it into UTF-8 the same way, weighing the byte order
// mark, the HTTP charset and the <meta> declaration, with a statistical
// guess when they are missing or do not fit the bytes; a body that is
// valid UTF-8 is never re-decoded because of a wrong label.
//
// # Politeness
//
// Answers 429 and 503 and broken connections are retried with exponential
// backoff and jitter, honouring Retry-After within the time left. A
// [Fetcher] also limits concurrent requests per host (host:port) and can
// space them out and obey robots.txt.
//
// # Testing
//
// Package [github.com/newsclean/newsclean/extract/fetch/fetchtest] serves
// the hostile answers (slow drip, endless body, gzip bomb, redirect loops,
// resets) for tests on loopback; loopback needs AllowPrivate, or an
// injected Client.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/newsclean/newsclean/extract/internal/htmlinput"
)

// Defaults used for zero fields of [Options].
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultHeaderTimeout  = 15 * time.Second
	DefaultIdleTimeout    = 10 * time.Second
	DefaultTimeout        = 30 * time.Second
	DefaultMaxBytes       = 20 << 20
	DefaultMaxRedirects   = 10
	DefaultRetries        = 2
	DefaultPerHost        = 2
	DefaultRetryWait      = 500 * time.Millisecond
	DefaultMaxRetryWait   = 10 * time.Second
)

// DefaultUserAgent names newsclean to servers.
const DefaultUserAgent = "newsclean/0.1 (+https://github.com/newsclean/newsclean)"

// Options control fetching. The zero value works: a zero field takes its
// default, and a negative one turns the limit off (no timeout, no cap, no
// redirects followed, no retries, no per-host limit).
type Options struct {
	// Client, when set, sends the requests instead of the hardened client
	// Get builds; ConnectTimeout, HeaderTimeout and AllowPrivate then do
	// not apply (they live in the transport). Redirect and scheme checks
	// are added when the client has no CheckRedirect.
	Client *http.Client

	ConnectTimeout time.Duration // to open a connection (and TLS); default 10 s
	HeaderTimeout  time.Duration // from request sent to response headers; default 15 s
	IdleTimeout    time.Duration // longest wait for the next body bytes; default 10 s
	Timeout        time.Duration // whole fetch, retries included; default 30 s
	MaxBytes       int64         // body cap after content decoding; default 20 MiB
	MaxRedirects   int           // redirects followed; default 10

	// AllowPrivate allows loopback, private and link-local addresses.
	AllowPrivate bool

	UserAgent string      // default DefaultUserAgent
	Header    http.Header // extra request headers (cookies, tokens)

	Retries      int           // retries after the first attempt; default 2
	RetryWait    time.Duration // first backoff, doubled per retry, with jitter; default 500 ms
	MaxRetryWait time.Duration // longest backoff or Retry-After honoured; default 10 s

	// PerHost limits concurrent requests to one host:port through a
	// Fetcher; default 2. HostDelay spaces the starts of requests to one
	// host; default 0.
	PerHost   int
	HostDelay time.Duration

	// RespectRobots makes a Fetcher obey robots.txt for the first URL.
	RespectRobots bool

	// Logger receives retry notes at debug level; default discard.
	Logger *slog.Logger
}

// Page is a fetched page.
type Page struct {
	URL         *url.URL // final URL after redirects
	Status      int
	Header      http.Header
	Body        []byte // raw bytes, after content decoding (gzip, br)
	Charset     string // charset named by the Content-Type header, if any
	ContentType string // media type, as sent or as sniffed when the header was vague
	FetchedAt   time.Time
}

// Decode returns Body decoded to UTF-8, without a byte order mark, and the
// charset it was decoded from ("utf-8", "shift_jis"). It weighs the byte
// order mark, Charset and the <meta> declaration against the bytes with
// the decoder extraction uses, so saved text and extracted text agree.
// When the page was transcoded, its <meta> charset declaration is
// rewritten to utf-8 so that the text parses the same way again.
func (p *Page) Decode() (text, charset string, err error) {
	return htmlinput.Transcode(p.Body, p.Charset)
}

// Sentinel errors, matched with errors.Is through [*Error].
var (
	// ErrTooLarge and ErrNotHTML are the extract package's sentinels of
	// the same names: a page is refused alike from a file and a URL.
	ErrTooLarge         = htmlinput.ErrTooLarge
	ErrNotHTML          = htmlinput.ErrNotHTML
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrScheme           = errors.New("unsupported URL scheme")
	ErrPrivateAddress   = errors.New("refusing non-public address")
	ErrTimeout          = errors.New("timed out")
	ErrStalled          = errors.New("stalled")
	ErrRobots           = errors.New("disallowed by robots.txt")
)

// StatusError is returned for a non-2xx answer.
type StatusError struct {
	URL  string // the URL that answered (after redirects)
	Code int
	// RetryAfter is the wait the server asked for, if any.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("HTTP status %d %s", e.Code, http.StatusText(e.Code))
}

// Error wraps every failure of Get, so callers can tell fetch failures from
// others with errors.As. Its message is "URL: reason".
type Error struct {
	URL string
	Err error
}

func (e *Error) Error() string { return e.URL + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Get fetches rawURL with opts. It is a one-off [Fetcher]: the per-host
// limits only matter across calls of a shared Fetcher.
func Get(ctx context.Context, rawURL string, opts Options) (*Page, error) {
	f := New(opts)
	defer f.CloseIdleConnections()
	return f.Get(ctx, rawURL)
}

// withDefaults fills zero fields.
func (o Options) withDefaults() Options {
	dur := func(d *time.Duration, def time.Duration) {
		if *d == 0 {
			*d = def
		}
	}
	dur(&o.ConnectTimeout, DefaultConnectTimeout)
	dur(&o.HeaderTimeout, DefaultHeaderTimeout)
	dur(&o.IdleTimeout, DefaultIdleTimeout)
	dur(&o.Timeout, DefaultTimeout)
	dur(&o.RetryWait, DefaultRetryWait)
	dur(&o.MaxRetryWait, DefaultMaxRetryWait)
	if o.MaxBytes == 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.Retries == 0 {
		o.Retries = DefaultRetries
	}
	if o.PerHost == 0 {
		o.PerHost = DefaultPerHost
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}
