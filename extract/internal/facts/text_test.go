package facts

import (
	"strings"
	"testing"
)

func TestTokenLower(t *testing.T) {
	for _, text := range []string{
		`"We will not stop," Mayor Ann O'Brien told the U.S. Senate on Tuesday.`,
		`According to Dr. José Álvarez, the plan's cost rose by 12%.`,
		`KELVIN said İstanbul's "Straße" was closed – “for now,” he added.`,
		``,
	} {
		p := newPara(text)
		for _, tok := range p.toks {
			if want := strings.ToLower(tok.text); lw(tok) != want {
				t.Errorf("%q: lw(%q) = %q, want %q", text, tok.text, lw(tok), want)
			}
		}
	}
}

func TestLookupLowers(t *testing.T) {
	for _, w := range []string{"the", "The", "THE", "Ébène", strings.Repeat("x", 40)} {
		if got, want := lookup(w), lookup(strings.ToLower(w)); got != want {
			t.Errorf("lookup(%q) = %+v, lower-case lookup gives %+v", w, got, want)
		}
	}
}
