package clean

import (
	"strings"
)

// Class names that hide an element, read the way CSS frameworks and CMS
// themes mean them. A class attribute is a list of names; each name is
// read whole, never as a substring:
//
//   - utility names hide: "hidden", "is-hidden", "u-hidden", "hide",
//     "d-none", "invisible", and the screen-reader helpers "sr-only",
//     "visually-hidden", "screen-reader-text" (with or without a namespace:
//     "govuk-visually-hidden", "u-sr-only");
//   - a BEM modifier hides its block only when the modifier is the state
//     itself ("menu--hidden"); "field--label-hidden" hides the field's
//     label, not the field, and Drupal puts it on every field, the body
//     included;
//   - a hide tied to a screen size or medium ("md:hidden", "hidden-xs",
//     "is-hidden-mobile", "elementor-hidden-tablet", "hidden-print") hides
//     nothing for a reader of the full page, and neither does a bare
//     "hidden" or "d-none" that another class shows again at some width
//     ("hidden md:block", "d-none d-md-block");
//   - names that only sound like hiding do not hide: "overflow-hidden",
//     "lazy-hidden" (shown once loaded), "accordion-panel-hidden" (opened by
//     a click), hashed CSS-in-JS names ("hidden-1rq27kw").

// hideWords are the word sequences that hide the element they name, as the
// last words of a class name (after any namespace).
var hideWords = [][]string{
	{"visually", "hidden"}, {"visuallyhidden"}, {"sr", "only"}, {"screen", "reader", "text"},
	{"screen", "reader", "only"}, {"screenreader", "only"}, {"element", "invisible"},
	{"print", "only"}, {"a11y", "hidden"}, {"assistive", "text"},
}

// hideNames are whole class names that hide the element.
var hideNames = map[string]bool{
	"hidden": true, "hide": true, "is-hidden": true, "is-hide": true, "u-hidden": true,
	"u-hide": true, "js-hidden": true, "d-none": true, "invisible": true, "display-none": true,
	"offscreen": true, "off-screen": true, "hidden-visually": true, "not-visible": true,
}

// hidesByClass reports a class attribute that hides its element from a
// reader of the page on a large screen.
func hidesByClass(class string) bool {
	if !mayHide(class) {
		return false
	}
	names := strings.Fields(strings.ToLower(class))
	for _, name := range names {
		if hidesByName(name) {
			if (name == "hidden" || name == "d-none" || name == "hide" || name == "invisible") && shownAtSomeWidth(names) {
				return false
			}
			return true
		}
	}
	return false
}

// hideHints are substrings of every hiding class name, to skip the common
// class attribute cheaply.
var hideHints = []string{"hid", "only", "none", "invisible", "screen", "assistive"}

// hideHintAt maps a byte to the hint of hideHints that starts with it, or
// "": no two hints share a first byte (TestMayHide checks).
var hideHintAt = func() (t [256]string) {
	for _, h := range hideHints {
		t[h[0]] = h
	}
	return t
}()

// mayHide reports whether class holds one of hideHints, in one pass: at
// each byte, the hint it may start.
func mayHide(class string) bool {
	for i := 0; i+1 < len(class); i++ {
		h := hideHintAt[class[i]]
		if h != "" && class[i+1] == h[1] && strings.HasPrefix(class[i:], h) {
			return true
		}
	}
	return false
}

// hidesByName reports one class name that hides its element.
func hidesByName(name string) bool {
	if strings.ContainsAny(name, ":@") {
		return false // a variant: "md:hidden", "print:hidden", "hover:invisible"
	}
	if hideNames[name] {
		return true
	}
	base, modifier, bem := strings.Cut(name, "--")
	if bem {
		// A modifier is a state of its block: only the state itself hides.
		if hideNames[modifier] || modifier == "hide" || modifier == "hidden" {
			return true
		}
		if endsWithHideWords(splitWords(base)) {
			return true // "visually-hidden--inline"
		}
		return false
	}
	return endsWithHideWords(splitWords(name))
}

// endsWithHideWords reports words that end with a hiding sequence.
func endsWithHideWords(ws []string) bool {
	for _, seq := range hideWords {
		if len(ws) < len(seq) {
			continue
		}
		tail := ws[len(ws)-len(seq):]
		match := true
		for i := range seq {
			if tail[i] != seq[i] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// splitWords splits a class name at '-' and '_'.
func splitWords(name string) []string {
	return strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' })
}

// displayWords are the display values a responsive class shows an element
// with.
var displayWords = map[string]bool{
	"block": true, "flex": true, "inline": true, "inline-block": true, "inline-flex": true,
	"grid": true, "inline-grid": true, "table": true, "contents": true, "table-cell": true,
	"visible": true,
}

// shownAtSomeWidth reports class names that show an element again from
// some screen width: Tailwind's "md:block", Bootstrap's "d-md-block",
// "visible-lg", Foundation's "show-for-medium".
func shownAtSomeWidth(names []string) bool {
	for _, n := range names {
		if pre, val, ok := strings.Cut(n, ":"); ok && pre != "" && displayWords[val] {
			return true
		}
		if rest, ok := strings.CutPrefix(n, "d-"); ok {
			if _, val, ok := strings.Cut(rest, "-"); ok && displayWords[val] {
				return true
			}
		}
		if strings.HasPrefix(n, "visible-") || strings.HasPrefix(n, "show-for-") {
			return true
		}
	}
	return false
}
