package clean

import (
	"strings"
	"testing"
	"unicode"
)

// toLower is strings.ToLower on every character, on bad bytes and on
// mixed text.
func TestToLower(t *testing.T) {
	var b strings.Builder
	for r := rune(0); r <= unicode.MaxRune; r++ {
		b.Reset()
		b.WriteString("x")
		b.WriteRune(r)
		if s := b.String(); toLower(s) != strings.ToLower(s) {
			t.Fatalf("toLower(%q) = %q, strings.ToLower %q", s, toLower(s), strings.ToLower(s))
		}
	}
	for _, s := range textSamples() {
		checkToLower(t, s)
	}
}

func FuzzToLower(f *testing.F) { fuzzText(f, checkToLower) }

func checkToLower(t *testing.T, s string) {
	if got, want := toLower(s), strings.ToLower(s); got != want {
		t.Errorf("toLower(%q) = %q, strings.ToLower %q", s, got, want)
	}
}
