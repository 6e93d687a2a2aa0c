package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Fetcher fetches many URLs with shared connections and limits: at most
// PerHost concurrent requests per host:port, HostDelay between request
// starts to one host, and robots.txt when asked. It is safe for
// concurrent use.
type Fetcher struct {
	opts   Options // with defaults
	client *http.Client
	hosts  *hostLimiter
	robots *robotsCache
}

// New returns a Fetcher with opts.
func New(opts Options) *Fetcher {
	o := opts.withDefaults()
	f := &Fetcher{
		opts:   o,
		hosts:  newHostLimiter(o.PerHost, o.HostDelay),
		robots: newRobotsCache(),
	}
	var c http.Client
	var base http.RoundTripper
	if o.Client != nil {
		c = *o.Client
		base = c.Transport
		if base == nil {
			base = http.DefaultTransport
		}
	} else {
		base = newTransport(o)
	}
	c.Transport = &limitedTransport{base: base, hosts: f.hosts}
	if c.CheckRedirect == nil {
		c.CheckRedirect = checkRedirect(o.MaxRedirects)
	}
	f.client = &c
	return f
}

// CloseIdleConnections closes the connections kept alive for reuse.
func (f *Fetcher) CloseIdleConnections() {
	f.client.CloseIdleConnections()
}

// testIsPrivate, when set by a test, replaces the address check of
// transports made afterwards (so loopback can play a public host).
var testIsPrivate func(addrPort string) bool

func newTransport(o Options) *http.Transport {
	d := &net.Dialer{KeepAlive: 30 * time.Second}
	if o.ConnectTimeout > 0 {
		d.Timeout = o.ConnectTimeout
	}
	if !o.AllowPrivate {
		private := isPrivateAddr
		if testIsPrivate != nil {
			private = testIsPrivate
		}
		d.Control = func(network, address string, _ syscall.RawConn) error {
			if private(address) {
				return fmt.Errorf("%w %s", ErrPrivateAddress, address)
			}
			return nil
		}
	}
	t := &http.Transport{
		Proxy:                  nil, // the address check needs direct connections
		DialContext:            d.DialContext,
		ForceAttemptHTTP2:      true,
		DisableCompression:     true, // we decode, so the cap sees decoded bytes
		MaxIdleConns:           100,
		MaxIdleConnsPerHost:    max(o.PerHost, 2),
		IdleConnTimeout:        90 * time.Second,
		ExpectContinueTimeout:  time.Second,
		MaxResponseHeaderBytes: 1 << 20,
	}
	if o.ConnectTimeout > 0 {
		t.TLSHandshakeTimeout = o.ConnectTimeout
	}
	if o.HeaderTimeout > 0 {
		t.ResponseHeaderTimeout = o.HeaderTimeout
	}
	return t
}

// checkRedirect allows at most max hops (max < 0: none), only to http and
// https, and stops at once on a loop.
func checkRedirect(max int) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if err := checkScheme(req.URL); err != nil {
			return fmt.Errorf("redirect to %s: %w", short(req.URL.String()), err)
		}
		if max < 0 {
			return fmt.Errorf("%w: redirects are off (to %s)", ErrTooManyRedirects, short(req.URL.String()))
		}
		next := req.URL.String()
		for _, v := range via {
			if v.URL.String() == next {
				return fmt.Errorf("%w: redirect loop back to %s", ErrTooManyRedirects, short(next))
			}
		}
		if len(via) > max {
			return fmt.Errorf("%w: more than %d", ErrTooManyRedirects, max)
		}
		return nil
	}
}

func checkScheme(u *url.URL) error {
	switch u.Scheme {
	case "http", "https":
		if u.Host == "" {
			return errors.New("URL has no host")
		}
		return nil
	case "":
		return fmt.Errorf("%w: none (want http or https)", ErrScheme)
	}
	return fmt.Errorf("%w %q (want http or https)", ErrScheme, u.Scheme)
}

// short trims a URL for messages.
func short(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

// Get fetches rawURL, retrying as the options say. Every error is an
// [*Error].
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Page, error) {
	p, err := f.get(ctx, rawURL)
	if err != nil {
		return nil, &Error{URL: rawURL, Err: err}
	}
	return p, nil
}

func (f *Fetcher) get(ctx context.Context, rawURL string) (*Page, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	if err := checkScheme(u); err != nil {
		return nil, err
	}
	o := f.opts
	if o.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, o.Timeout, fmt.Errorf("%w after %v", ErrTimeout, o.Timeout))
		defer cancel()
	}
	if o.RespectRobots {
		if err := f.robots.check(ctx, f, u); err != nil {
			return nil, err
		}
	}
	var prev error
	for attempt := 0; ; attempt++ {
		p, err := f.once(ctx, u)
		if err == nil {
			return p, nil
		}
		if prev != nil && errors.Is(err, ErrTimeout) {
			// Time ran out during a retry: say what was being retried.
			err = fmt.Errorf("%w; before that: %v", err, prev)
		}
		prev = err
		wait, ok := f.retryWait(err, attempt)
		if !ok {
			var se *StatusError
			if errors.As(err, &se) && o.MaxRetryWait > 0 && se.RetryAfter > o.MaxRetryWait {
				err = fmt.Errorf("%w; the server asks to wait %v", err, se.RetryAfter)
			}
			return nil, attempts(err, attempt)
		}
		if d, has := ctx.Deadline(); has && time.Until(d) < wait {
			return nil, attempts(fmt.Errorf("%w; next try in %v would pass the time limit", err, wait.Round(time.Millisecond)), attempt)
		}
		o.Logger.Debug("retrying", "url", rawURL, "error", err, "wait", wait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			cerr := ctxErr(ctx, err)
			if errors.Is(cerr, ErrTimeout) {
				cerr = fmt.Errorf("%w; before that: %v", cerr, err)
			}
			return nil, attempts(cerr, attempt)
		case <-t.C:
		}
	}
}

func attempts(err error, retries int) error {
	if retries == 0 {
		return err
	}
	return fmt.Errorf("%w (after %d attempts)", err, retries+1)
}

// retryWait says whether err is worth another attempt and after how long.
func (f *Fetcher) retryWait(err error, attempt int) (time.Duration, bool) {
	o := f.opts
	if attempt >= o.Retries {
		return 0, false
	}
	var se *StatusError
	switch {
	case errors.As(err, &se):
		if se.Code != http.StatusTooManyRequests && se.Code != http.StatusServiceUnavailable {
			return 0, false
		}
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
	default:
		return 0, false
	}
	wait := max(o.RetryWait, 0) << min(attempt, 30)
	if wait < 0 || (o.MaxRetryWait > 0 && wait > o.MaxRetryWait) {
		wait = max(o.MaxRetryWait, 0)
	}
	wait = wait/2 + rand.N(wait/2+1) // jitter: half to all of it
	if se != nil && se.RetryAfter > 0 {
		if o.MaxRetryWait > 0 && se.RetryAfter > o.MaxRetryWait {
			return 0, false // the server wants a pause longer than we wait
		}
		wait = max(wait, se.RetryAfter)
	}
	return wait, true
}

// ctxErr explains a failure under a done context: our own time limits
// name themselves; a cancelled parent stays context.Canceled.
func ctxErr(ctx context.Context, err error) error {
	cause := context.Cause(ctx)
	if cause == nil {
		return err
	}
	if errors.Is(cause, ErrTimeout) || errors.Is(cause, ErrStalled) {
		return cause
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// once makes one request.
func (f *Fetcher) once(ctx context.Context, u *url.URL) (*Page, error) {
	o := f.opts
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	for k, vs := range o.Header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	if h := req.Header.Get("Host"); h != "" {
		req.Host = h
	}
	req.Header.Set("User-Agent", o.UserAgent)
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	}
	req.Header.Set("Accept-Encoding", acceptEncoding)
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, netErr(ctx, err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		se := &StatusError{URL: final.String(), Code: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
		if final.String() != u.String() {
			return nil, fmt.Errorf("after redirect to %s: %w", short(final.String()), se)
		}
		return nil, se
	}
	mt, params, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if refusedType(mt) {
		return nil, fmt.Errorf("%w: content type %s", ErrNotHTML, mt)
	}
	if o.MaxBytes >= 0 && resp.ContentLength > o.MaxBytes {
		// Even compressed, a body this long would pass the cap decoded.
		return nil, fmt.Errorf("%w: Content-Length %d is over the %s cap", ErrTooLarge, resp.ContentLength, byteSize(o.MaxBytes))
	}
	ir := newIdleReader(resp.Body, o.IdleTimeout, cancel)
	defer ir.stop()
	dec, err := decodeContent(ir, resp.Header.Get("Content-Encoding"))
	if err != nil {
		return nil, netErr(ctx, err)
	}
	hint := resp.ContentLength
	if resp.Header.Get("Content-Encoding") != "" {
		hint = -1
	}
	body, err := readCapped(dec, o.MaxBytes, hint)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, err
		}
		return nil, fmt.Errorf("reading body: %w", netErr(ctx, err))
	}
	ct, err := pageType(mt, body)
	if err != nil {
		return nil, err
	}
	return &Page{
		URL:         final,
		Status:      resp.StatusCode,
		Header:      resp.Header,
		Body:        body,
		Charset:     params["charset"],
		ContentType: ct,
		FetchedAt:   time.Now(),
	}, nil
}

// netErr strips the request wrapping from a client error and names our
// own time limits.
func netErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctxErr(ctx, err)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var oe *net.OpError
	if errors.As(err, &oe) && errors.Is(err, ErrPrivateAddress) {
		return oe.Err
	}
	if oe != nil && oe.Op == "dial" && oe.Timeout() {
		return fmt.Errorf("%w: connecting to %v", ErrTimeout, oe.Addr)
	}
	if strings.Contains(err.Error(), "timeout awaiting response headers") {
		return fmt.Errorf("%w: waiting for response headers", ErrTimeout)
	}
	switch {
	case errors.Is(err, syscall.ECONNRESET):
		return &connError{"connection reset by the server", err}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &connError{"connection closed before the body was complete", err}
	case errors.Is(err, io.EOF):
		return &connError{"connection closed without an answer", err}
	}
	return err
}

// connError names a broken connection plainly and keeps the cause for
// errors.Is (retries look for it).
type connError struct {
	msg string
	err error
}

func (e *connError) Error() string { return e.msg }
func (e *connError) Unwrap() error { return e.err }

// retryAfter parses a Retry-After value: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0
		}
		return time.Duration(min(n, 86400)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
