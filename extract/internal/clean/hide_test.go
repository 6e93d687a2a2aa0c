package clean

import (
	"strings"
	"testing"
)

func TestHidesByClass(t *testing.T) {
	for _, tc := range []struct {
		class string
		want  bool
	}{
		{"hidden", true},
		{"is-hidden", true},
		{"sr-only", true},
		{"visually-hidden", true},
		{"govuk-visually-hidden", true},
		{"visually-hidden--inline", true},
		{"screen-reader-text", true},
		{"menu menu--hidden", true},
		{"d-none", true},
		{"print-only", true},
		// A BEM modifier about a part of the block does not hide the block.
		{"field field--name-body field--type-text-with-summary field--label-hidden", false},
		// Responsive and medium-specific hides leave the block on screen.
		{"hidden md:block", false},
		{"d-none d-md-block", false},
		{"md:hidden", false},
		{"print:hidden", false},
		{"hidden-xs", false},
		{"is-hidden-mobile", false},
		{"elementor-hidden-tablet", false},
		{"hidden-print", false},
		// Names that only sound like hiding.
		{"overflow-hidden", false},
		{"lazy-hidden", false},
		{"kt-accordion-panel-hidden", false},
		{"hidden-1rq27kw", false},
		{"article-body", false},
		{"", false},
	} {
		if got := hidesByClass(tc.class); got != tc.want {
			t.Errorf("hidesByClass(%q) = %v, want %v", tc.class, got, tc.want)
		}
	}
}

// mayHide's one pass finds what looking for each hint finds.
func TestMayHide(t *testing.T) {
	for i, h := range hideHints {
		for _, g := range hideHints[:i] {
			if g[0] == h[0] {
				t.Errorf("hide hints %q and %q start with the same byte", g, h)
			}
		}
	}
	for _, class := range []string{
		"", "h", "hid", "hidden", "u-hidden", "Hidden", "sr-only", "only", "onl", "d-none", "none",
		"invisible", "screen-reader-text", "assistive-text", "a", "article body", "menu hi", "xhid",
	} {
		want := false
		for _, h := range hideHints {
			want = want || strings.Contains(class, h)
		}
		if got := mayHide(class); got != want {
			t.Errorf("mayHide(%q) = %v, want %v", class, got, want)
		}
	}
}

// bylineWord reads words in any case, as lower-casing the value does.
func TestBylineWord(t *testing.T) {
	for _, v := range []string{
		"", "byline", "Article__Byline", "AUTHOR-name", "post-authors", "date-line", "dateline", "WrittenBy",
		"headline", "autor", "c-by\u0130ine", "byl\u0130ne", "\u212aauthor", "caf\u00e9 byline", "ByLiNe\u00e9",
	} {
		want := false
		for _, w := range []string{"byline", "author", "dateline", "writtenby"} {
			want = want || strings.Contains(strings.ToLower(v), w)
		}
		if got := bylineWord(v); got != want {
			t.Errorf("bylineWord(%q) = %v, want %v", v, got, want)
		}
	}
}
