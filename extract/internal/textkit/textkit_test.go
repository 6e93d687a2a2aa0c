package textkit

import (
	"strings"
	"testing"
)

var seeds = []string{
	"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u0085b", "\u3000a",
	"caf\u00e9 au lait", "bad \xff byte", "a \xc2", "x\u2009y", "one two three",
	"IMAGE CAPTION: x", "İmage caption", "A crowd (Getty Images)", "1of4 Grass", " Don’t  stop ",
	"KELVIN \u212a Ⅰ Ⓐ", "a\xffb \xe2\x80 c", "x\u00a0y\u2003z", "Photo: (AFP/\u212aarl)",
	"THE", "Mr", "SEN", "De", "la", "\u212aelvin", strings.Repeat("Ab", keyBytes/2), strings.Repeat("Ab", keyBytes/2) + "c",
}

// keys is a set whose words some seeds lower-case to.
var keys = map[string]bool{"the": true, "mr": true, "sen": true, "de": true, "la": true, "kelvin": true,
	"a": true, "a b": true, "image caption": true, strings.Repeat("ab", keyBytes/2): true,
	strings.Repeat("ab", keyBytes/2) + "c": true}

func check(t *testing.T, s string) {
	t.Helper()
	if got, want := LookupLower(keys, s), keys[strings.ToLower(s)]; got != want {
		t.Errorf("LookupLower(%q) = %v, want %v", s, got, want)
	}
	if got, want := OneSpaced(s), strings.Join(strings.Fields(s), " "); got != want {
		t.Errorf("OneSpaced(%q) = %q, want %q", s, got, want)
	}
}

// FuzzShortcuts checks LookupLower and OneSpaced against the plain
// functions they stand for, on any bytes; go test runs it on the seeds.
func FuzzShortcuts(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(check)
}

// A short ASCII word is looked up and a spaced text returned without
// allocating.
func TestNoAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(10, func() { _ = LookupLower(keys, "Image Caption") }); n != 0 {
		t.Errorf("LookupLower allocates %v times, want 0", n)
	}
	if n := testing.AllocsPerRun(10, func() { _ = OneSpaced("one two three") }); n != 0 {
		t.Errorf("OneSpaced allocates %v times, want 0", n)
	}
}
