package servecmd

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
)

// rendered holds one result's downloads.
type rendered struct {
	name     string // file name without extension, from the title
	markdown []byte
	json     []byte
	text     []byte
}

func (r *rendered) size() int { return len(r.markdown) + len(r.json) + len(r.text) }

// resultCache keeps the latest results so their download links work. It is
// bounded by entry count and by bytes; the oldest entries go first. It is
// safe for concurrent use.
type resultCache struct {
	mu       sync.Mutex
	maxItems int
	maxBytes int
	bytes    int
	order    []string // oldest first
	items    map[string]*rendered
}

func newResultCache(maxItems, maxBytes int) *resultCache {
	return &resultCache{maxItems: maxItems, maxBytes: maxBytes, items: make(map[string]*rendered)}
}

// add stores r and returns its id: 128 random bits, so a link cannot be
// guessed.
func (c *resultCache) add(r *rendered) string {
	var b [16]byte
	rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[id] = r
	c.order = append(c.order, id)
	c.bytes += r.size()
	for len(c.order) > 1 && (len(c.order) > c.maxItems || c.bytes > c.maxBytes) {
		old := c.order[0]
		c.order = c.order[1:]
		c.bytes -= c.items[old].size()
		delete(c.items, old)
	}
	return id
}

func (c *resultCache) get(id string) (*rendered, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.items[id]
	return r, ok
}
