package batchcmd

import (
	"hash/fnv"
	"math/bits"
	"strings"
	"unicode"
)

// Near-duplicate detection: a 64-bit SimHash over word shingles. Two
// texts whose fingerprints differ in at most maxDistance bits are taken as
// the same story (a wire story reprinted under another headline, with
// small edits). Unrelated articles differ in about 32 bits (rarely fewer
// than 20); a copy missing one paragraph in seven differs in about 9, so
// trimmed copies are found only when the trim is small.
const (
	shingleWords = 3
	maxDistance  = 7
	// minDedupWords: shorter texts give unstable fingerprints and are
	// never marked.
	minDedupWords = 40
	bands         = 8 // 64 bits in 8 bands of 8: maxDistance < bands
)

// simhash returns the fingerprint of text and whether it has enough words.
func simhash(text string) (uint64, bool) {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) < minDedupWords {
		return 0, false
	}
	var v [64]int
	h := fnv.New64a()
	for i := 0; i+shingleWords <= len(words); i++ {
		h.Reset()
		for j := i; j < i+shingleWords; j++ {
			h.Write([]byte(words[j]))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for b := range 64 {
			if x&(1<<b) != 0 {
				v[b]++
			} else {
				v[b]--
			}
		}
	}
	var fp uint64
	for b := range 64 {
		if v[b] > 0 {
			fp |= 1 << b
		}
	}
	return fp, true
}

// dedupIndex finds an earlier fingerprint close to a new one. Only first
// copies are added, so duplicate_of always names an original. By the
// pigeonhole principle two fingerprints within maxDistance bits share at
// least one of the 8 bands exactly, so looking up the bands finds every
// match.
type dedupIndex struct {
	bands [bands]map[uint8][]int
	fps   []uint64
	srcs  []string
}

func newDedupIndex() *dedupIndex {
	d := &dedupIndex{}
	for i := range d.bands {
		d.bands[i] = make(map[uint8][]int)
	}
	return d
}

// match returns the source of the earliest indexed text within
// maxDistance bits of fp.
func (d *dedupIndex) match(fp uint64) (string, bool) {
	best := -1
	for i := range d.bands {
		for _, j := range d.bands[i][band(fp, i)] {
			if bits.OnesCount64(fp^d.fps[j]) <= maxDistance && (best < 0 || j < best) {
				best = j
			}
		}
	}
	if best < 0 {
		return "", false
	}
	return d.srcs[best], true
}

// add indexes an original.
func (d *dedupIndex) add(fp uint64, src string) {
	j := len(d.fps)
	d.fps = append(d.fps, fp)
	d.srcs = append(d.srcs, src)
	for i := range d.bands {
		k := band(fp, i)
		d.bands[i][k] = append(d.bands[i][k], j)
	}
}

func band(fp uint64, i int) uint8 { return uint8(fp >> (8 * i)) }
