package clean

import (
	"strings"
	"testing"
	"unicode"
)

// sanitizeThenCollapse is normalizeSpace done in two steps: Sanitize,
// then one space for each run of white space.
func sanitizeThenCollapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range Sanitize(s) {
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

var spaceSamples = []string{
	"", " ", "plain words", "  lead and trail  ", "two\n\nlines\tand\r\ntabs",
	"nbsp\u00a0here", "zero\u200bwidth soft\u00adhyphen", "bidi \u202eevil\u202c",
	"c1\u0085control", "vt\vff\fend", "bad \xff\xfe bytes \xe2\x80 cut", "real \ufffd char",
	"Zürich — «ok» “quoted”", "em\u2003space", "\x1b[31mred", "del\x7f", "a\r b",
}

func TestNormalizeSpace(t *testing.T) {
	for _, s := range spaceSamples {
		if got, want := normalizeSpace(s), sanitizeThenCollapse(s); got != want {
			t.Errorf("normalizeSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzNormalizeSpace(f *testing.F) {
	for _, s := range spaceSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normalizeSpace(s), sanitizeThenCollapse(s); got != want {
			t.Errorf("normalizeSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
