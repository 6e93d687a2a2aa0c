package clean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsclean/newsclean/extract/scrub"
)

// Sanitize makes s safe to print (see package scrub) and drops the
// invisible characters that split words for a reader's search: zero-width
// spaces and marks, byte-order marks, soft hyphens.
func Sanitize(s string) string {
	s = scrub.Body(s)
	if strings.IndexFunc(s, invisible) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s)
}

func invisible(r rune) bool {
	switch r {
	case '\u200b', '\u200e', '\u200f', '\ufeff', '\u00ad':
		return true
	}
	return false
}

// normalizeSpace collapses runs of white space (including non-breaking
// spaces) into one space and trims the ends. It also does what Sanitize
// does, in the same pass.
func normalizeSpace(s string) string {
	if normalized(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	invalid := false // the last byte was invalid UTF-8
	for i := 0; i < len(s); {
		if j := plainRun(s, i); j > i {
			// Printable ASCII other than the space is copied as it is.
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space, invalid = false, false
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			if invalid {
				continue // a run of invalid bytes reads as one U+FFFD
			}
			invalid = true
		} else {
			invalid = false
		}
		switch {
		case r == '\n' || r == '\t':
			space = true
			continue
		case r == '\r' || scrub.Unsafe(r) || invisible(r):
			continue // dropped by Sanitize
		case unicode.IsSpace(r) || r == '\u00a0':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// plainRun returns the end of the run of printable ASCII characters other
// than the space that starts at s[i] (i when there is none).
func plainRun(s string, i int) int {
	for i < len(s) && s[i] > ' ' && s[i] < 0x7f {
		i++
	}
	return i
}

// normalized reports whether normalizeSpace would return s unchanged: no
// white space but single spaces between words, nothing Sanitize drops.
func normalized(s string) bool {
	space := true // a space here would be leading or doubled
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if space {
					return false
				}
				space = true
			case c < ' ' || c == 0x7f:
				return false
			default:
				space = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || scrub.Unsafe(r) || invisible(r) || unicode.IsSpace(r) {
			return false
		}
		space = false
		i += size
	}
	return s == "" || !space
}

// WordCount counts white-space separated words, and two characters of a
// script written without spaces (Chinese, Japanese) as one more, so that a
// sentence in those scripts is not taken for a one-word label.
func WordCount(s string) int { return wordCount(s) }

// wordCount is WordCount.
func wordCount(s string) int {
	n, dense := 0, 0
	gap := 1 // 1 after white space or at the start, else 0: a word starts where a gap ends
	for i := 0; i < len(s); {
		var space int
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpaceBit[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				space = 1
			}
			i += size
			if r >= 0x2e80 && isDense(r) { // no Han, Hiragana or Katakana below U+2E80
				dense++
			}
		}
		n += gap &^ space
		gap = space
	}
	return n + dense/2
}

// asciiSpaceBit is 1 for the ASCII characters unicode.IsSpace reports, for
// counting without branches.
var asciiSpaceBit = [utf8.RuneSelf]int{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// isDense reports a character of a script written without spaces between
// words (Chinese, Japanese); two of them count as a word, so a sentence in
// those scripts is not taken for a one-word label.
func isDense(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// fingerprint folds s for exact-duplicate detection: lower case, letters and
// digits only.
func fingerprint(s string) string {
	return string(appendFingerprint(make([]byte, 0, len(s)), s))
}

// appendFingerprint appends the fingerprint of s to dst.
func appendFingerprint(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		// A run of ASCII is written in place, without append's checks:
		// it gives at most a byte a byte.
		j := len(dst)
		dst = slices.Grow(dst, len(s)-i)[:j+len(s)-i]
		for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
			f := fingerprintASCII[s[i]]
			dst[j] = f
			if f != 0 {
				j++
			}
		}
		dst = dst[:j]
		if i == len(s) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += size
	}
	return dst
}

// fingerprintASCII maps the ASCII letters and digits to their fingerprint
// (lower case) and every other ASCII character to 0.
var fingerprintASCII = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// words returns the lower-cased words of s: its runs of letters and
// digits.
func words(s string) []string {
	return lowerWords(toLower(s))
}

// lowerWords is words of a text already lower-cased: toLower leaves such
// a text as it is.
func lowerWords(l string) []string {
	n := 0
	forWords(l, func(int, int) { n++ })
	out := make([]string, 0, n)
	forWords(l, func(i, j int) { out = append(out, l[i:j]) })
	return out
}

// forWords calls fn with the bounds of each run of letters and digits in s.
func forWords(s string, fn func(i, j int)) {
	forWordsWhile(s, func(i, j int) bool {
		fn(i, j)
		return true
	})
}

// countWordsUpTo counts the words of s (its runs of letters and digits),
// stopping past limit. strings.ToLower keeps every character a letter or
// digit or not one, so s has as many words as s lower-cased.
func countWordsUpTo(s string, limit int) int {
	n := 0
	for i, j := nextWord(s, 0); i < j && n <= limit; i, j = nextWord(s, j) {
		n++
	}
	return n
}

// nextWord returns the bounds of the first run of letters and digits in
// s at or after i, or i, i = len(s), len(s) when there is none: forWords
// as a loop, for the hot paths that would pay for the call of fn.
func nextWord(s string, i int) (start, end int) {
	start = -1
	for i < len(s) {
		var word bool
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			word = asciiWord(c)
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			return start, i
		}
		i += size
	}
	if start >= 0 {
		return start, len(s)
	}
	return len(s), len(s)
}

// forWordsWhile is forWords, stopping when fn returns false.
func forWordsWhile(s string, fn func(i, j int) bool) {
	for i, j := nextWord(s, 0); i < j; i, j = nextWord(s, j) {
		if !fn(i, j) {
			return
		}
	}
}

// asciiWord reports the ASCII letters and digits, as unicode.IsLetter and
// unicode.IsDigit do.
func asciiWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
