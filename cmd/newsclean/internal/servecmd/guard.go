package servecmd

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"

	"github.com/newsclean/newsclean/extract/fetch"
)

// checkPublic refuses a URL whose host is, or resolves to, a loopback,
// private, link-local or other non-public address. The fetcher makes the
// same check on every address it dials, redirects included, which also
// catches a name that resolves differently the second time; checking here
// first gives a clear answer before any connection, and keeps the refusal
// even if the fetcher is configured otherwise.
func checkPublic(ctx context.Context, u *url.URL) error {
	host := strings.TrimSuffix(u.Hostname(), ".")
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else {
		if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
			return privateError(u, host)
		}
		addrs, err = net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		if err != nil {
			return &fetch.Error{URL: u.String(), Err: fmt.Errorf("resolving %s: %w", host, err)}
		}
	}
	for _, a := range addrs {
		if !fetch.PublicAddr(a) {
			return privateError(u, a.String())
		}
	}
	return nil
}

// privateError refuses u because host is not public. It names host and
// port as the fetcher's own refusal does, so both read alike.
func privateError(u *url.URL, host string) error {
	port := u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" {
			port = "443"
		}
	}
	return &fetch.Error{URL: u.String(), Err: fmt.Errorf("%w %s", fetch.ErrPrivateAddress, net.JoinHostPort(host, port))}
}
