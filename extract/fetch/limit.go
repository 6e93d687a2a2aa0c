package fetch

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"
)

// nonPublic lists prefixes that are not the public internet beyond what
// netip.Addr's methods cover. It is the one table of such ranges: the
// dialer and serve's early check both read it through PublicAddr.
var nonPublic = sync.OnceValue(func() []netip.Prefix {
	var ps []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8",       // "this network"
		"100.64.0.0/10",   // carrier-grade NAT
		"192.0.0.0/24",    // IETF protocol assignments
		"192.0.2.0/24",    // documentation
		"192.88.99.0/24",  // 6to4 relay anycast (deprecated)
		"198.18.0.0/15",   // benchmarking
		"198.51.100.0/24", // documentation
		"203.0.113.0/24",  // documentation
		"240.0.0.0/4",     // reserved, broadcast
		"::ffff:0:0:0/96", // IPv4-translated (SIIT)
		"64:ff9b:1::/48",  // local-use NAT64
		"100::/64",        // discard-only
		"2001::/32",       // Teredo: tunnels to addresses it hides
		"2001:db8::/32",   // documentation
		"3fff::/20",       // documentation
		"5f00::/16",       // segment routing identifiers
	} {
		ps = append(ps, netip.MustParsePrefix(s))
	}
	return ps
})

// nat64 is the well-known NAT64 prefix, whose addresses embed an IPv4
// address in their last four bytes.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// isPrivateAddr reports whether the "ip:port" being dialled is not a
// public internet address.
func isPrivateAddr(address string) bool {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return true // a name or garbage: not something we checked
	}
	return !PublicAddr(ap.Addr())
}

// PublicAddr reports whether ip is a global unicast address of the public
// internet: not loopback, private, link-local, multicast, unspecified,
// carrier-grade NAT, documentation, benchmarking or another special-purpose
// range. NAT64 and 6to4 addresses are judged by the IPv4 address they
// embed.
func PublicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.Is6() {
		b := ip.As16()
		if nat64.Contains(ip) {
			return PublicAddr(netip.AddrFrom4([4]byte(b[12:16])))
		}
		if b[0] == 0x20 && b[1] == 0x02 { // 2002::/16, 6to4
			return PublicAddr(netip.AddrFrom4([4]byte(b[2:6])))
		}
	}
	if !ip.IsValid() || !ip.IsGlobalUnicast() || ip.IsPrivate() {
		return false
	}
	for _, p := range nonPublic() {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// hostLimiter bounds concurrent requests and spaces request starts per
// host:port.
type hostLimiter struct {
	per   int
	delay time.Duration
	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	sem  chan struct{} // nil: no concurrency limit
	next time.Time     // earliest next start
	refs int
}

func newHostLimiter(per int, delay time.Duration) *hostLimiter {
	return &hostLimiter{per: per, delay: delay, hosts: map[string]*hostSlot{}}
}

// acquire waits for a slot on key and returns its release function.
func (l *hostLimiter) acquire(ctx context.Context, key string) (func(), error) {
	if l.per <= 0 && l.delay <= 0 {
		return func() {}, nil
	}
	l.mu.Lock()
	s := l.hosts[key]
	if s == nil {
		s = &hostSlot{}
		if l.per > 0 {
			s.sem = make(chan struct{}, l.per)
		}
		l.hosts[key] = s
	}
	s.refs++
	l.mu.Unlock()
	if s.sem != nil {
		select {
		case s.sem <- struct{}{}:
		case <-ctx.Done():
			l.drop(key, s)
			return nil, context.Cause(ctx)
		}
	}
	release := sync.OnceFunc(func() {
		if s.sem != nil {
			<-s.sem
		}
		l.drop(key, s)
	})
	if l.delay > 0 {
		l.mu.Lock()
		now := time.Now()
		start := s.next
		if start.Before(now) {
			start = now
		}
		s.next = start.Add(l.delay)
		l.mu.Unlock()
		if wait := start.Sub(now); wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				release()
				return nil, context.Cause(ctx)
			}
		}
	}
	return release, nil
}

func (l *hostLimiter) drop(key string, s *hostSlot) {
	l.mu.Lock()
	defer l.mu.Unlock()
	s.refs--
	if s.refs == 0 && !time.Now().Before(s.next) {
		delete(l.hosts, key)
	}
}

// hostKey is the limiter key of u: lower-case host and port.
func hostKey(host, scheme string) string {
	h, port, err := net.SplitHostPort(host)
	if err != nil {
		h, port = host, ""
	}
	if port == "" {
		port = "80"
		if scheme == "https" {
			port = "443"
		}
	}
	return net.JoinHostPort(strings.ToLower(strings.Trim(h, "[]")), port)
}

// limitedTransport holds a host slot from sending a request until its
// body is closed, on every hop of a redirect chain.
type limitedTransport struct {
	base  http.RoundTripper
	hosts *hostLimiter
}

func (t *limitedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	release, err := t.hosts.acquire(req.Context(), hostKey(req.URL.Host, req.URL.Scheme))
	if err != nil {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, err
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		release()
		return nil, err
	}
	resp.Body = &releaseBody{ReadCloser: resp.Body, release: release}
	return resp, nil
}

type releaseBody struct {
	io.ReadCloser
	release func()
}

func (b *releaseBody) Close() error {
	err := b.ReadCloser.Close()
	b.release()
	return err
}
