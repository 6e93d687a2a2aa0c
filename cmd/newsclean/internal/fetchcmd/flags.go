package fetchcmd

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

// AddFlags registers the fetch flags on fs, bound to o, with the defaults
// shown in help. A flag that fs already defines is skipped: extract keeps
// its own --max-bytes (the input cap) and sets o.MaxBytes from it.
//
// On these flags 0 turns a limit off; in o that is stored as a negative
// value, since a zero field of fetch.Options means its default.
func AddFlags(fs *pflag.FlagSet, o *fetch.Options) {
	add := func(name, usage string, v pflag.Value) {
		if fs.Lookup(name) == nil {
			fs.Var(v, name, usage)
		}
	}
	setDur := func(d *time.Duration, def time.Duration) *offDuration {
		if *d == 0 {
			*d = def
		}
		return (*offDuration)(d)
	}
	setInt := func(n *int, def int) *offInt {
		if *n == 0 {
			*n = def
		}
		return (*offInt)(n)
	}
	add("connect-timeout", "longest wait to connect (and finish TLS); 0 for none", setDur(&o.ConnectTimeout, fetch.DefaultConnectTimeout))
	add("header-timeout", "longest wait for the response headers; 0 for none", setDur(&o.HeaderTimeout, fetch.DefaultHeaderTimeout))
	add("idle-timeout", "longest wait for more of the body; 0 for none", setDur(&o.IdleTimeout, fetch.DefaultIdleTimeout))
	add("timeout", "total time for a URL, retries included; 0 for none", setDur(&o.Timeout, fetch.DefaultTimeout))
	if o.MaxBytes == 0 && fs.Lookup("max-bytes") == nil {
		o.MaxBytes = fetch.DefaultMaxBytes
	}
	add("max-bytes", "largest body, counted after gzip/deflate/br decoding (e.g. 20MiB); 0 for no cap", (*byteCount)(&o.MaxBytes))
	add("max-redirects", "redirects followed; 0 for none", setInt(&o.MaxRedirects, fetch.DefaultMaxRedirects))
	if fs.Lookup("allow-private") == nil {
		fs.BoolVar(&o.AllowPrivate, "allow-private", o.AllowPrivate, "allow loopback, private and link-local addresses (intranet pages)")
	}
	if o.UserAgent == "" {
		o.UserAgent = fetch.DefaultUserAgent
	}
	if fs.Lookup("user-agent") == nil {
		fs.StringVar(&o.UserAgent, "user-agent", o.UserAgent, "User-Agent header sent")
	}
	add("header", "send the request header `\"Name: value\"` (repeatable): cookies, tokens", &headerValue{h: &o.Header})
	add("retries", "retries on 429, 503 and broken connections, with backoff; 0 for none", setInt(&o.Retries, fetch.DefaultRetries))
	add("per-host", "most concurrent requests to one host:port; 0 for no limit", setInt(&o.PerHost, fetch.DefaultPerHost))
	add("host-delay", "least time between request starts to one host", setDur(&o.HostDelay, 0))
	if fs.Lookup("respect-robots") == nil {
		fs.BoolVar(&o.RespectRobots, "respect-robots", o.RespectRobots, "obey robots.txt (disallowed URLs fail)")
	}
}

// offDuration is a duration flag where 0 means off (stored negative).
type offDuration time.Duration

func (d *offDuration) String() string {
	if *d < 0 {
		return "0s"
	}
	return time.Duration(*d).String()
}

func (d *offDuration) Set(s string) error {
	v, err := time.ParseDuration(s)
	if err != nil {
		return err
	}
	if v < 0 {
		return fmt.Errorf("negative duration %s", s)
	}
	if v == 0 {
		v = -1
	}
	*d = offDuration(v)
	return nil
}

func (d *offDuration) Type() string { return "duration" }

// offInt is a count flag where 0 means off (stored negative).
type offInt int

func (n *offInt) String() string {
	if *n < 0 {
		return "0"
	}
	return strconv.Itoa(int(*n))
}

func (n *offInt) Set(s string) error {
	v, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("not a number: %q", s)
	}
	if v < 0 {
		return fmt.Errorf("negative count %d", v)
	}
	if v == 0 {
		v = -1
	}
	*n = offInt(v)
	return nil
}

func (n *offInt) Type() string { return "int" }

// byteCount is a size flag: a number of bytes with an optional suffix
// (K, KiB, M, MiB, G, GiB; all binary). 0 means no cap (stored negative).
type byteCount int64

func (b *byteCount) String() string {
	n := int64(*b)
	switch {
	case n < 0:
		return "0"
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%dKiB", n>>10)
	}
	return strconv.FormatInt(n, 10)
}

func (b *byteCount) Set(s string) error {
	n, err := ParseBytes(s)
	if err != nil {
		return err
	}
	if n == 0 {
		n = -1
	}
	*b = byteCount(n)
	return nil
}

func (b *byteCount) Type() string { return "bytes" }

// ParseBytes parses a size such as "20MiB", "500k" or "1048576".
func ParseBytes(s string) (int64, error) {
	t := strings.TrimSpace(s)
	mult := int64(1)
	lower := strings.ToLower(t)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"gib", 1 << 30}, {"mib", 1 << 20}, {"kib", 1 << 10}, {"gb", 1 << 30}, {"mb", 1 << 20}, {"kb", 1 << 10}, {"g", 1 << 30}, {"m", 1 << 20}, {"k", 1 << 10}, {"b", 1}} {
		if strings.HasSuffix(lower, u.suffix) {
			t, mult = strings.TrimSpace(t[:len(t)-len(u.suffix)]), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("bad size %q (want bytes, or a number with K, M or G)", s)
	}
	return n * mult, nil
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
