package facts

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// newPara reads one paragraph on its own; Analyze reads an article's
// paragraphs with newParas, which shares their storage.
func newPara(text string) *para {
	return newParas([]string{text})[0]
}

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

func TestLexWordLowers(t *testing.T) {
	for _, c := range []struct{ text, lower string }{
		{"The", "the"}, {"THE", "the"}, {"Ébène", "ébène"}, {"Jean", "jean"},
		{"JEAN-PAUL", "jean"}, {"Eva-Marie", "eva"}, // read by the first part
	} {
		if got, want := lexWord(newPara(c.text).toks[0]), lookupWord(c.lower); got != want {
			t.Errorf("lexWord(%q) = %+v, lookupWord(%q) = %+v", c.text, got, c.lower, want)
		}
	}
	if !lexWord(newPara("JEAN").toks[0]).given() || lexWord(newPara("The").toks[0]).common == 0 {
		t.Error(`"JEAN" is not read as a given name or "The" as a common word`)
	}
}

// captionLowered is isCaption's rule read on the whole paragraph
// lower-cased, as its doc states it.
func captionLowered(text string) bool {
	l := strings.ToLower(text)
	for _, pfx := range captionPrefixes {
		if strings.HasPrefix(l, pfx) {
			return true
		}
	}
	t := strings.TrimSpace(l)
	if strings.HasSuffix(t, ")") {
		if k := strings.LastIndexByte(t, '('); k >= 0 {
			c := t[k:]
			for _, w := range []string{"photo", "via ", "/", "getty", "credit", "afp"} {
				if strings.Contains(c, w) {
					return true
				}
			}
		}
	}
	return len(t) > minCounterCaption && t[0] >= '0' && t[0] <= '9' && strings.Contains(t[:min(counterBytes, len(t))], "of")
}

// FuzzTextShortcuts checks the shortcuts of the paragraph reader against
// the plain functions they stand for, on any bytes.
func FuzzTextShortcuts(f *testing.F) {
	for _, s := range []string{
		"IMAGE CAPTION: x", "İmage caption", "A crowd (Getty Images)", "1of4 Grass", " Don’t  stop ",
		"KELVIN \u212a Ⅰ Ⓐ", "a\xffb \xe2\x80 c", "x\u00a0y\u2003z", "Photo: (AFP/\u212aarl)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		if got, want := lowerWord(&b, s), strings.ToLower(s); got != want {
			t.Errorf("lowerWord(%q) = %q, want %q", s, got, want)
		}
		var fields []string
		eachField(s, func(f string) bool { fields = append(fields, f); return true })
		if want := strings.Fields(s); !slices.Equal(fields, want) || moreFields(s, 2) != (len(want) > 2) {
			t.Errorf("eachField(%q) = %q, strings.Fields gives %q", s, fields, want)
		}
		if got, want := isCaption(s), captionLowered(s); got != want {
			t.Errorf("isCaption(%q) = %v, lower-cased rule says %v", s, got, want)
		}
	})
}

// TestRuneClasses checks the ASCII shortcuts of the tokenizer's rune
// classes on every rune.
func TestRuneClasses(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
		if got, want := isSpace(r), unicode.IsSpace(r); got != want {
			t.Fatalf("isSpace(%U) = %v, want %v", r, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		if got, want := asciiWordByte(byte(c)), c < utf8.RuneSelf && isWordRune(rune(c)); got != want {
			t.Fatalf("asciiWordByte(%#x) = %v, want %v", c, got, want)
		}
	}
}
