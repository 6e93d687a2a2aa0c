package clean

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// sanitizeThenCollapse is normalizeSpace done in two steps: Sanitize,
// then the words between runs of white space joined by single spaces.
func sanitizeThenCollapse(s string) string {
	return strings.Join(strings.FieldsFunc(Sanitize(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u00a0'
	}), " ")
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

var wordSamples = []string{
	"", "  ", "Hello, World!", "It's 9am — Zürich's café", "x\xffy", "ÉCOLE 42",
	"tab\tand\nnewline", "a", "   lead", "trail   ", "İstanbul KELVIN", "日本語 テキスト",
}

func TestWords(t *testing.T) {
	for c := range byte(utf8.RuneSelf) {
		if want := unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)); asciiWord(c) != want {
			t.Errorf("asciiWord(%q) = %v", c, !want)
		}
	}
	for _, s := range wordSamples {
		want := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
		if got := words(s); !slices.Equal(got, want) {
			t.Errorf("words(%q) = %q, want %q", s, got, want)
		}
		if got := lowerWords(fold(s).s); !slices.Equal(got, want) {
			t.Errorf("lowerWords of %q folded = %q, want %q", s, got, want)
		}
	}
}

// textSamples are the word and space samples together.
func textSamples() []string { return append(slices.Clone(wordSamples), spaceSamples...) }

// fuzzText runs check on the text samples, then on fuzzed text.
func fuzzText(f *testing.F, check func(*testing.T, string)) {
	for _, s := range textSamples() {
		f.Add(s)
	}
	f.Fuzz(check)
}

func TestWordCountAndFingerprint(t *testing.T) {
	for _, s := range textSamples() {
		checkWordCountAndFingerprint(t, s)
	}
}

func FuzzWordCountAndFingerprint(f *testing.F) { fuzzText(f, checkWordCountAndFingerprint) }

// checkWordCountAndFingerprint compares wordCount and fingerprint on s
// with plain versions built on the standard library.
func checkWordCountAndFingerprint(t *testing.T, s string) {
	dense := 0
	for _, r := range s {
		if isDense(r) {
			dense++
		}
	}
	if got, want := wordCount(s), len(strings.FieldsFunc(s, unicode.IsSpace))+dense/2; got != want {
		t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
	}
	want := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
	if got := fingerprint(s); got != want {
		t.Errorf("fingerprint(%q) = %q, want %q", s, got, want)
	}
	if got := string(appendFingerprint([]byte("ab"), s)); got != "ab"+want {
		t.Errorf("appendFingerprint(\"ab\", %q) = %q, want %q", s, got, "ab"+want)
	}
}

// fingerprints cuts each block's fingerprint from one string.
func TestFingerprints(t *testing.T) {
	samples := append(textSamples(), "", "\u023a\u023a Ⱥ", "İstanbul")
	blocks := make([]Block, len(samples))
	for i, s := range samples {
		blocks[i].Text = s
	}
	fps := fingerprints(blocks)
	for i, s := range samples {
		if fps[i] != fingerprint(s) {
			t.Errorf("fingerprints gives %q for %q, fingerprint %q", fps[i], s, fingerprint(s))
		}
	}
}

// countWordsUpTo counts on the text as it is what words counts on the
// text lower-cased: lower-casing never turns a letter or digit into
// anything else, nor the reverse.
func TestCountWordsUpTo(t *testing.T) {
	wordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); wordRune(r) != wordRune(l) {
			t.Fatalf("%U lower-cases to %U: a word character one way, not the other", r, l)
		}
	}
	for _, s := range []string{"", "one", "İstanbul \u212aelvin", "a-b c", "\xff\xfeword\xff", "日本語 テキスト", "3.5 km, 2x"} {
		if got, want := countWordsUpTo(s, 100), len(words(s)); got != want {
			t.Errorf("countWordsUpTo(%q) = %d, words has %d", s, got, want)
		}
		if got := countWordsUpTo(s+" x y z", 1); got > 2 {
			t.Errorf("countWordsUpTo(%q, 1) = %d, want it to stop at 2", s, got)
		}
	}
}

// asciiSpaceBit tells the ASCII characters unicode.IsSpace reports.
func TestASCIISpaceBit(t *testing.T) {
	for c := range utf8.RuneSelf {
		if (asciiSpaceBit[c] == 1) != unicode.IsSpace(rune(c)) {
			t.Errorf("%q: asciiSpaceBit %d", rune(c), asciiSpaceBit[c])
		}
	}
}

// isDigit and isLetter are unicode.IsDigit and unicode.IsLetter.
func TestIsDigitIsLetter(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if isDigit(r) != unicode.IsDigit(r) || isLetter(r) != unicode.IsLetter(r) {
			t.Fatalf("%U: isDigit %v, isLetter %v", r, isDigit(r), isLetter(r))
		}
	}
}

// Walking s with nextWord gives the words forWords gives.
func TestNextWord(t *testing.T) {
	for _, s := range append(textSamples(), "İstanbul \u212aelvin", "a-b c", "\xff\xfeword\xff", "日本語 テキスト", "3.5 km, 2x") {
		var want, got [][2]int
		forWords(s, func(i, j int) { want = append(want, [2]int{i, j}) })
		for i, j := nextWord(s, 0); i < j; i, j = nextWord(s, j) {
			got = append(got, [2]int{i, j})
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: nextWord gives %v, forWords %v", s, got, want)
		}
	}
}
