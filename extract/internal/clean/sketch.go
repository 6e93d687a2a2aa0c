package clean

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The phrase rules search a block's lower-cased text for many words (the
// literals of their branches, the asks of a newsletter promo; the need
// lists have an index of their own, see needIndex), and a block holds
// almost none of them. A sketch of
// the pairs of adjacent bytes in the text answers most of those searches
// without reading the text: a word is in the text only if each of its
// byte pairs is, so a word with a pair the sketch lacks is not there. A
// word the sketch lets through is searched for as before.

// sketchBits is the number of bits of a sketch: a block of a few hundred
// bytes sets a small share of them, so a word it does not hold rarely has
// all its pairs set.
const sketchBits = 1024

// sketch is a bit set of the hashed byte pairs of a text.
type sketch [sketchBits / 64]uint64

// pairBit is the bit of the pair (a, b): multiplicative hashing, top bits.
func pairBit(a, b byte) uint32 {
	return (uint32(a)<<8 | uint32(b)) * 0x9E3779B1 >> 22
}

// add records the byte pairs of s.
func (sk *sketch) add(s string) {
	for i := 0; i+1 < len(s); i++ {
		bit := pairBit(s[i], s[i+1])
		sk[bit/64] |= 1 << (bit % 64)
	}
}

// mayHold reports whether a text with this sketch may hold w: false when a
// byte pair of w is missing. Words shorter than a pair may be anywhere.
func (sk *sketch) mayHold(w string) bool {
	for i := 0; i+1 < len(w); i++ {
		bit := pairBit(w[i], w[i+1])
		if sk[bit/64]&(1<<(bit%64)) == 0 {
			return false
		}
	}
	return true
}

// folded is a text lower-cased by strings.ToLower, with the sketch of a
// text that holds it (its own, or that of the whole block it was cut from).
type folded struct {
	s  string
	sk *sketch
}

// fold lower-cases text and sketches it.
func fold(text string) *folded {
	v := new(struct { // one allocation for both
		f  folded
		sk sketch
	})
	v.f = folded{s: toLower(text), sk: &v.sk}
	v.sk.add(v.f.s)
	return &v.f
}

// contains is strings.Contains(f.s, w), answered from the sketch when it can.
func (f *folded) contains(w string) bool {
	return f.sk.mayHold(w) && strings.Contains(f.s, w)
}

// cut returns the part of f that lower-cases text[i:j], where text[:i] and
// text[j:] hold only characters without case (white space, dashes,
// brackets): strings.ToLower leaves their bytes as they are, so the part
// sits at the same offsets.
func (f *folded) cut(text string, i, j int) *folded {
	return &folded{s: f.s[i : len(f.s)-(len(text)-j)], sk: f.sk}
}

// toLower is strings.ToLower, faster on text with characters outside
// ASCII: news text is full of curly quotes and dashes, which have no case,
// and strings.ToLower looks each of them up in the case tables.
func toLower(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return strings.ToLower(s) // ASCII: its own fast path
	}
	// Runs of characters that stay as they are are copied whole.
	caseless := caselessRunes()
	var b strings.Builder
	b.Grow(len(s) + utf8.UTFMax)
	pos := 0 // the start of the run not written yet
	for i = 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b.WriteString(s[pos:i])
				b.WriteByte(c + 'a' - 'A')
				pos = i + 1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case size == 1:
			b.WriteString(s[pos:i])
			b.WriteRune(utf8.RuneError) // as strings.Map writes a bad byte
			pos = i + 1
		case r < caselessBelow && caseless[r/64]&(1<<(r%64)) != 0:
		default:
			if l := unicode.ToLower(r); l != r {
				b.WriteString(s[pos:i])
				b.WriteRune(l)
				pos = i + size
			}
		}
		i += size
	}
	b.WriteString(s[pos:])
	return b.String()
}

// caselessBelow bounds the characters caselessRunes knows: the scripts
// of Europe, punctuation and symbols.
const caselessBelow = 0x3000

// caselessRunes has the bit of each character below caselessBelow that
// unicode.ToLower leaves as it is.
var caselessRunes = sync.OnceValue(func() *[caselessBelow / 64]uint64 {
	t := new([caselessBelow / 64]uint64)
	for r := rune(0); r < caselessBelow; r++ {
		if unicode.ToLower(r) == r {
			t[r/64] |= 1 << (r % 64)
		}
	}
	return t
})
