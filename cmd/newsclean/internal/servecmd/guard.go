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
		if !publicAddr(a) {
			return privateError(u, a.String())
		}
	}
	return nil
}

func privateError(u *url.URL, what string) error {
	return &fetch.Error{URL: u.String(), Err: fmt.Errorf("%w %s (serve --allow-private allows it)", fetch.ErrPrivateAddress, what)}
}

// specialPrefixes are ranges that are not the public internet, beyond what
// netip's predicates cover.
var specialPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, broadcast
	netip.MustParsePrefix("64:ff9b::/96"),    // NAT64: may map to private IPv4
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("2002::/16"),       // 6to4: embeds any IPv4
	netip.MustParsePrefix("2001::/32"),       // Teredo
	netip.MustParsePrefix("100::/64"),        // discard-only
	netip.MustParsePrefix("::ffff:0:0:0/96"), // IPv4-translated
}

// publicAddr reports whether a is a global unicast address outside the
// private and special-purpose ranges.
func publicAddr(a netip.Addr) bool {
	a = a.Unmap()
	if !a.IsValid() || !a.IsGlobalUnicast() || a.IsPrivate() || a.IsLoopback() ||
		a.IsLinkLocalUnicast() || a.IsMulticast() || a.IsUnspecified() {
		return false
	}
	for _, p := range specialPrefixes {
		if p.Contains(a) {
			return false
		}
	}
	return true
}
