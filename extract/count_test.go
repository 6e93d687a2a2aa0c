package extract

import (
	"strings"
	"testing"
)

func TestFieldCount(t *testing.T) {
	for _, s := range []string{
		"", " ", "one", " two  words ", "tab\tnew\nline\r\nend", "nbsp\u00a0joins not",
		"nel\u0085x", "em\u2003space", "bad\xffbyte here", "日本語 テキスト",
		"\x00\x01\x08\t\n\v\f\r\x0e\x1f \x7f", "a\x1cb\x1dc\x1ed\x1fe",
	} {
		if got, want := fieldCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("fieldCount(%q) = %d, strings.Fields gives %d", s, got, want)
		}
	}
}

func TestFieldCountASCII(t *testing.T) {
	for c := range byte(0x80) {
		s := "a" + string(rune(c)) + "b"
		if got, want := fieldCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("fieldCount(%q) = %d, strings.Fields gives %d", s, got, want)
		}
	}
}
