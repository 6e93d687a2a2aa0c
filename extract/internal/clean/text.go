package clean

import (
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
// spaces) into one space and trims the ends.
func normalizeSpace(s string) string {
	s = Sanitize(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' {
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

// wordCount counts white-space separated words.
func wordCount(s string) int {
	n, dense := 0, 0
	in := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
		if r >= 0x3040 && isDense(r) {
			dense++
		}
	}
	return n + dense/2
}

// isDense reports a character of a script written without spaces between
// words (Chinese, Japanese); two of them count as a word, so a sentence in
// those scripts is not taken for a one-word label.
func isDense(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// fingerprint folds s for exact-duplicate detection: lower case, letters and
// digits only.
func fingerprint(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// words returns the lower-cased words of s.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
