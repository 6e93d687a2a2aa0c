package extract

import (
	"strings"
	"testing"
)

func TestFieldCount(t *testing.T) {
	for _, s := range []string{
		"", " ", "one", " two  words ", "tab\tnew\nline\r\nend", "nbsp\u00a0joins not",
		"nel\u0085x", "em\u2003space", "bad\xffbyte here", "日本語 テキスト",
	} {
		if got, want := fieldCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("fieldCount(%q) = %d, strings.Fields gives %d", s, got, want)
		}
	}
}
