package fetch

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
)

// robotsMax caps a robots.txt file (RFC 9309 asks for at least 500 KiB).
const robotsMax = 512 << 10

// robots holds the rules of one robots.txt for our user agent.
type robots struct {
	rules []robotsRule
}

type robotsRule struct {
	allow   bool
	pattern string
}

// parseRobots reads a robots.txt (RFC 9309) and keeps the rules of the
// groups for agent (a product token such as "newsclean"), or of the "*"
// groups when none names it.
func parseRobots(data []byte, agent string) *robots {
	agent = strings.ToLower(agent)
	var mine, star []robotsRule
	var agents []string
	inRules, hasMine := false, false
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), robotsMax)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if inRules {
				agents, inRules = nil, false
			}
			a, _, _ := strings.Cut(strings.ToLower(val), "/")
			a = strings.TrimSpace(a)
			agents = append(agents, a)
			if a == agent {
				hasMine = true
			}
		case "allow", "disallow":
			inRules = true
			if val == "" {
				continue // "Disallow:" with no path allows everything
			}
			r := robotsRule{allow: key == "allow", pattern: val}
			if slices.Contains(agents, agent) {
				mine = append(mine, r)
			}
			if slices.Contains(agents, "*") {
				star = append(star, r)
			}
		}
	}
	if hasMine {
		return &robots{rules: mine}
	}
	return &robots{rules: star}
}

// allowed reports whether path (with query) may be fetched: the longest
// matching rule wins, Allow on a tie.
func (r *robots) allowed(path string) bool {
	best, allow := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, path) {
			continue
		}
		n := len(rule.pattern)
		if n > best || (n == best && rule.allow) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch matches a robots.txt path pattern ("*" any run, "$" end).
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for i, p := range parts[1:] {
		if anchored && i == len(parts)-2 {
			return strings.HasSuffix(rest, p)
		}
		j := strings.Index(rest, p)
		if j < 0 {
			return false
		}
		rest = rest[j+len(p):]
	}
	return !anchored || rest == ""
}

// robotsCache remembers robots.txt per scheme and host.
type robotsCache struct {
	mu    sync.Mutex
	sites map[string]*robotsEntry
}

type robotsEntry struct {
	once   sync.Once
	robots *robots
	err    error
}

func newRobotsCache() *robotsCache {
	return &robotsCache{sites: map[string]*robotsEntry{}}
}

// check fails with ErrRobots when u is disallowed for f's user agent.
func (c *robotsCache) check(ctx context.Context, f *Fetcher, u *url.URL) error {
	site := u.Scheme + "://" + u.Host
	c.mu.Lock()
	e := c.sites[site]
	if e == nil {
		e = &robotsEntry{}
		c.sites[site] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.robots, e.err = f.loadRobots(ctx, site) })
	if e.err != nil {
		c.mu.Lock()
		if c.sites[site] == e {
			delete(c.sites, site) // try again next time
		}
		c.mu.Unlock()
		return e.err
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !e.robots.allowed(path) {
		return fmt.Errorf("%w: %s", ErrRobots, path)
	}
	return nil
}

// loadRobots fetches site's robots.txt. As RFC 9309 says, a missing file
// (4xx) allows everything and an unreachable one (5xx, network) nothing.
func (f *Fetcher) loadRobots(ctx context.Context, site string) (*robots, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, site+"/robots.txt", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w: robots.txt unreachable: %w", ErrRobots, netErr(ctx, err))
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 400 && resp.StatusCode < 500:
		return &robots{}, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, fmt.Errorf("%w: robots.txt answered HTTP status %d", ErrRobots, resp.StatusCode)
	}
	// Past the cap, the rules read so far apply.
	data, err := io.ReadAll(io.LimitReader(resp.Body, robotsMax))
	if err != nil {
		return nil, fmt.Errorf("%w: reading robots.txt: %w", ErrRobots, netErr(ctx, err))
	}
	return parseRobots(data, productToken(f.opts.UserAgent)), nil
}

// productToken is the name part of a user agent ("newsclean/0.1 (...)" →
// "newsclean").
func productToken(ua string) string {
	tok, _, _ := strings.Cut(ua, "/")
	tok, _, _ = strings.Cut(tok, " ")
	return strings.ToLower(tok)
}
