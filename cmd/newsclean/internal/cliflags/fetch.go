// Package cliflags binds the flags that several newsclean commands share,
// once: the input flags that map to extract.Options (--input, --no-facts,
// --max-bytes), the fetch flags, and the hint naming the flag that lifts a
// fetch limit.
package cliflags

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"golang.org/x/net/http/httpguts"

	"github.com/newsclean/newsclean/extract/fetch"
)

// Fetch registers the fetch flags on fs, bound to o, with the defaults
// shown in help. The body cap is not among them: every command binds
// --max-bytes once with MaxBytes and copies it into o.
//
// On these flags 0 turns a limit off; in o that is stored as a negative
// value, since a zero field of fetch.Options means its default.
func Fetch(fs *pflag.FlagSet, o *fetch.Options) {
	dur := func(d *time.Duration, def time.Duration) pflag.Value {
		if *d == 0 {
			*d = def
		}
		return &off[time.Duration]{p: d, parse: time.ParseDuration, format: time.Duration.String, typ: "duration"}
	}
	count := func(n *int, def int) pflag.Value {
		if *n == 0 {
			*n = def
		}
		return &off[int]{p: n, parse: parseCount, format: strconv.Itoa, typ: "int"}
	}
	fs.Var(dur(&o.ConnectTimeout, fetch.DefaultConnectTimeout), "connect-timeout", "longest wait to connect (and finish TLS); 0 for none")
	fs.Var(dur(&o.HeaderTimeout, fetch.DefaultHeaderTimeout), "header-timeout", "longest wait for the response headers; 0 for none")
	fs.Var(dur(&o.IdleTimeout, fetch.DefaultIdleTimeout), "idle-timeout", "longest wait for more of the body; 0 for none")
	fs.Var(dur(&o.Timeout, fetch.DefaultTimeout), "timeout", "total time for a URL, retries included; 0 for none")
	fs.Var(count(&o.MaxRedirects, fetch.DefaultMaxRedirects), "max-redirects", "redirects followed; 0 for none")
	fs.BoolVar(&o.AllowPrivate, "allow-private", o.AllowPrivate, "allow loopback, private and link-local addresses (intranet pages)")
	if o.UserAgent == "" {
		o.UserAgent = fetch.DefaultUserAgent
	}
	fs.StringVar(&o.UserAgent, "user-agent", o.UserAgent, "User-Agent header sent")
	fs.Var(&headerValue{h: &o.Header}, "header", "send the request header `\"Name: value\"` (repeatable): cookies, tokens")
	fs.Var(count(&o.Retries, fetch.DefaultRetries), "retries", "retries on 429, 503 and broken connections, with backoff; 0 for none")
	fs.Var(count(&o.PerHost, fetch.DefaultPerHost), "per-host", "most concurrent requests to one host:port; 0 for no limit")
	fs.Var(dur(&o.HostDelay, 0), "host-delay", "least time between request starts to one host")
	fs.BoolVar(&o.RespectRobots, "respect-robots", o.RespectRobots, "obey robots.txt (disallowed URLs fail)")
}

// off is a flag value where 0 turns a limit off. It is stored as -1,
// since a zero field of the options it fills means the default.
type off[T ~int | ~int64] struct {
	p      *T
	parse  func(string) (T, error)
	format func(T) string
	typ    string
}

func (o *off[T]) String() string {
	if o.p == nil || *o.p < 0 {
		return "0"
	}
	return o.format(*o.p)
}

func (o *off[T]) Set(s string) error {
	v, err := o.parse(s)
	if err != nil {
		return err
	}
	if v < 0 {
		return fmt.Errorf("negative value %s", s)
	}
	if v == 0 {
		v = -1
	}
	*o.p = v
	return nil
}

func (o *off[T]) Type() string { return o.typ }

func parseCount(s string) (int, error) {
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("not a number: %q", s)
	}
	return v, nil
}

// headerValue collects repeated --header "Name: value" flags.
type headerValue struct {
	h    *http.Header
	seen []string
}

func (v *headerValue) String() string { return strings.Join(v.seen, ", ") }

func (v *headerValue) Set(s string) error {
	name, val, ok := strings.Cut(s, ":")
	name = strings.TrimSpace(name)
	val = strings.TrimSpace(val)
	if !ok || !httpguts.ValidHeaderFieldName(name) {
		return fmt.Errorf("want \"Name: value\", got %q", s)
	}
	if !httpguts.ValidHeaderFieldValue(val) {
		return fmt.Errorf("bad characters in the value of header %s", name)
	}
	if *v.h == nil {
		*v.h = http.Header{}
	}
	v.h.Add(name, val)
	v.seen = append(v.seen, name)
	return nil
}

func (v *headerValue) Type() string { return "header" }
