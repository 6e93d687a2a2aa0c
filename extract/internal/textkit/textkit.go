// Package textkit holds small text helpers shared by the packages that
// read an article's words: looking a word up lower-cased and squeezing
// white space, both without allocating when they need not.
package textkit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// keyBytes bounds the words LookupLower lower-cases on the stack.
const keyBytes = 32

// LookupLower returns m's value for s lower-cased as strings.ToLower
// does, without allocating for a short ASCII word.
func LookupLower[V any](m map[string]V, s string) V {
	var buf [keyBytes]byte
	if len(s) > len(buf) {
		return m[strings.ToLower(s)]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return m[strings.ToLower(s)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(s)])]
}

// OneSpaced returns strings.Join(strings.Fields(s), " "): s itself, with
// no copy, when no space run, leading or trailing space needs squeezing.
func OneSpaced(s string) string {
	prevSpace := true // a leading space is squeezed
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			sp := c == ' ' || '\t' <= c && c <= '\r'
			if sp && (c != ' ' || prevSpace) {
				return strings.Join(strings.Fields(s), " ")
			}
			prevSpace = sp
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = false
		i += n
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}
