package quotes

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func texts(s string) []string {
	var out []string
	for _, sp := range Scan(s) {
		out = append(out, sp.Text(s))
	}
	return out
}

func TestScan(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"curly", `“We got her,” officers said. “He's in custody.”`, []string{"We got her,", "He's in custody."}},
		{"straight", `"We got her!" officers announced. "He's in custody; we have her."`, []string{"We got her!", "He's in custody; we have her."}},
		{"guillemets", `«Every oil boiler will still be burning,» said Favre.`, []string{"Every oil boiler will still be burning,"}},
		{"low-high", `„Wir schaffen das“, sagte sie.`, []string{"Wir schaffen das"}},
		{"single", `‘Nobody wanted this,’ Ms Whitmore said. ‘But we must.’`, []string{"Nobody wanted this,", "But we must."}},
		{"apostrophes", `The teachers’ union said it wouldn’t strike.`, nil},
		{"nested single", `“He said ‘no’ twice,” she said.`, []string{"He said ‘no’ twice,"}},
		{"open at end", `Ms Persson said: "I would like to emphasise this.`, []string{"I would like to emphasise this."}},
		{"curly closed by straight", `said, “somebody ought to do it," the office said.`, []string{"somebody ought to do it,"}},
		{"doubled single marks", `A source said: ‘‘They have drifted apart.’’ Nobody else spoke.`, []string{"They have drifted apart."}},
		{"curly closed by doubled single", `“I now do recall,’’ the senator said.`, []string{"I now do recall,"}},
		{"none", `No quotes here.`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, texts(tt.in)); diff != "" {
				t.Errorf("Scan(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
	if sp := Scan(`She said: "open`); len(sp) != 1 || sp[0].Closed {
		t.Errorf("an open quote should be reported unclosed: %+v", sp)
	}
}

func TestIsQuotation(t *testing.T) {
	tests := []struct {
		text, before string
		want         bool
	}{
		{"We need to make sure we keep teachers in the classroom,", "", true},
		{"interim", "the self-declared ", false},
		{"physical fight", "the ", false},
		{"We’re Not Gonna Take It", "instruments played ", false},
		{"You'll Never Walk Alone", "The home fans sang ", false},
		{"The Cat", "substitute Jamal ", false},
		{"norms of responsible cyber activity", "on the ", true},
		{"fake news media", "a campaign dubbed ", false},
		{"the people's choice", "what he calls ", true},
		{"military-industrial facilities", "had struck ", true},
	}
	for _, tt := range tests {
		if got := IsQuotation(tt.text, tt.before); got != tt.want {
			t.Errorf("IsQuotation(%q, %q) = %v, want %v", tt.text, tt.before, got, tt.want)
		}
	}
}

func FuzzQuotes(f *testing.F) {
	for _, s := range []string{
		`“We got her,” officers said. “He's in custody.”`, `"a" "b`, `«x» ‘y’ „z“`,
		`‘Nobody,’ she said. The teachers’ union`, `“”""«»‘’`, "\xff“\xfe”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Scan(s) {
			if !(prev <= sp.Open && sp.Open < sp.Start && sp.Start <= sp.End && sp.End <= sp.Close && sp.Close <= len(s)) {
				t.Fatalf("Scan(%q): bad span %+v after %d", s, sp, prev)
			}
			if !sp.Closed && sp.Close != len(s) {
				t.Fatalf("Scan(%q): open span %+v does not run to the end", s, sp)
			}
			text := sp.Text(s)
			if !strings.Contains(s, text) {
				t.Fatalf("Scan(%q): text %q not in input", s, text)
			}
			IsQuotation(text, s[:sp.Open])
			prev = sp.Close
		}
	})
}

// scanRuneByRune is the plain reading of the package rules: every rune is
// decoded, with the runes before and after it. Scan must find the same
// spans while skipping the bytes that cannot open a mark.
func scanRuneByRune(s string) []Span {
	var out []Span
	var open rune
	var cur Span
	prev := ' '
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		next, _ := utf8.DecodeRuneInString(s[i+n:])
		if i+n >= len(s) {
			next = ' '
		}
		if open == 0 && strings.HasPrefix(s[i:], doubleOpen) {
			open = '“'
			cur = Span{Open: i, Start: i + len(doubleOpen)}
			prev, i = '‘', i+len(doubleOpen)
			continue
		}
		if (open == '“' || open == '"') && strings.HasPrefix(s[i:], doubleClose) {
			cur.End, cur.Close, cur.Closed = i, i+len(doubleClose), true
			out = append(out, cur)
			open = 0
			prev, i = '’', i+len(doubleClose)
			continue
		}
		switch {
		case open == 0 && (r == '“' || r == '„' || r == '«' || r == '"'):
			open = r
			cur = Span{Open: i, Start: i + n}
		case open == 0 && r == '‘' && !unicode.IsLetter(prev) && !unicode.IsDigit(prev):
			open = r
			cur = Span{Open: i, Start: i + n}
		case open != 0 && (r == closerFor(open) || (open == '„' && r == '”') || (open == '“' && r == '"') || (open == '"' && r == '”')):
			if open == '‘' && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
				break
			}
			cur.End, cur.Close, cur.Closed = i, i+n, true
			out = append(out, cur)
			open = 0
		}
		prev = r
		i += n
	}
	if open != 0 && open != '‘' {
		cur.End, cur.Close = len(s), len(s)
		out = append(out, cur)
	}
	return out
}

// FuzzScanSkipping checks Scan against the rune-by-rune reading, on any
// bytes (invalid UTF-8 included).
func FuzzScanSkipping(f *testing.F) {
	for _, s := range []string{
		`“We got her,” officers said. ‘But we must.’ The teachers’ union`,
		"‘‘They have drifted apart.’’ «x» „y“ \"z\" 1‘a’ é‘b’",
		"\xe2\x80‘x\xff’ \xc2«a\xe2\x80\x9c",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if diff := cmp.Diff(scanRuneByRune(s), Scan(s)); diff != "" {
			t.Fatalf("Scan(%q) (-rune by rune +got):\n%s", s, diff)
		}
	})
}

// titleCaseFields and isQuotationLowered are TitleCase and IsQuotation
// read plainly: words split with strings.FieldsFunc, text lower-cased
// whole.
func titleCaseFields(text string) bool {
	words := strings.FieldsFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == '—' || r == '–' })
	caps, counted := 0, 0
	for i, w := range words {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" || smallWords[strings.ToLower(w)] && i > 0 {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLetter(r) {
			counted++
			if unicode.IsUpper(r) {
				caps++
			}
		}
	}
	return counted >= 2 && caps == counted
}

// Words counts the words of a quote.
func Words(text string) int {
	return wordsUpTo(text, len(text))
}

// wordsPlain counts words rune by rune to the end.
func wordsPlain(text string) int {
	n := 0
	in := false
	for _, r := range text {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w || r == '’' || r == '\''
	}
	return n
}

func isQuotationLowered(text, before string) bool {
	if wordsPlain(text) < MinWords || titleCaseFields(text) {
		return false
	}
	b := strings.ToLower(strings.TrimRight(before, " ,:\u00a0"))
	for _, w := range namingWords {
		if strings.HasSuffix(b, w) && (len(b) == len(w) || !isWordByte(b[len(b)-len(w)-1])) {
			return false
		}
	}
	return true
}

// FuzzWordShortcuts checks TitleCase and IsQuotation against their plain
// readings.
func FuzzWordShortcuts(f *testing.F) {
	f.Add("We’re Not Gonna Take It", "the song")
	f.Add("İn The \u212aingdom—Of Heaven", "KNOWN AS")
	f.Add("let them eat cake now", "a motto DUBBED ")
	f.Add("Gone with the Wind, again", "Ébène titled\u00a0,")
	f.Fuzz(func(t *testing.T, text, before string) {
		if got, want := TitleCase(text), titleCaseFields(text); got != want {
			t.Errorf("TitleCase(%q) = %v, plain reading %v", text, got, want)
		}
		n := wordsPlain(text)
		if got := Words(text); got != n {
			t.Errorf("Words(%q) = %d, plain count %d", text, got, n)
		}
		for k := range 4 {
			if got := MoreWords(text, k); got != (n > k) {
				t.Errorf("MoreWords(%q, %d) = %v with %d words", text, k, got, n)
			}
		}
		if got, want := IsQuotation(text, before), isQuotationLowered(text, before); got != want {
			t.Errorf("IsQuotation(%q, %q) = %v, plain reading %v", text, before, got, want)
		}
	})
}
