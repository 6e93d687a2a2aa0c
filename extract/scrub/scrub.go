// Package scrub makes text from untrusted pages, file names and error
// messages safe to print on a terminal or in a page: valid UTF-8 without C0
// controls (other than newline and tab in a body), DEL, C1 controls or
// bidirectional overrides, so that a title written as "ESC]0;...BEL"
// cannot retitle or clear the terminal, and "\u202e" cannot disguise text.
// It is the one scrubber the library's Article and the command line use.
package scrub

import (
	"strings"
	"unicode/utf8"
)

// Line returns s as one clean line: line breaks and tabs become spaces.
func Line(s string) string { return clean(s, false) }

// Body returns s clean, keeping newlines and tabs.
func Body(s string) string { return clean(s, true) }

func clean(s string, multiline bool) string {
	if safe(s, multiline) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '\n' || r == '\t':
			if multiline {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		case r == '\r':
			if !multiline {
				b.WriteByte(' ')
			}
		case Unsafe(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func safe(s string, multiline bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && !(multiline && (c == '\n' || c == '\t')) || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || Unsafe(r) {
			return false
		}
		i += size
	}
	return true
}

// Unsafe reports control characters and the bidirectional overrides
// that can disguise text on a terminal.
func Unsafe(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}
