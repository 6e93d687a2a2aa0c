// Package htmlnode holds small helpers over x/net/html nodes shared by
// the packages that walk a parsed page.
package htmlnode

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Attr returns the value of n's attribute key (lower case, no namespace),
// or "" when n has none.
func Attr(n *html.Node, key string) string {
	for i := range n.Attr {
		if n.Attr[i].Key == key {
			return n.Attr[i].Val
		}
	}
	return ""
}

// HasAttr reports whether n has the attribute key, even with an empty
// value.
func HasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// FlightPush starts the code of a script that pushes a Next.js page's
// flight data (the page's content as its app router streams it): the
// parser must keep such scripts' text, and the cleaner reads it.
const FlightPush = "self.__next_f.push("

// FlightCode returns the code of a script from FlightPush on, and whether
// the script pushes flight data: its code opens with FlightPush after
// white space as JavaScript reads it (Unicode spaces and the byte order
// mark).
func FlightCode(code string) (string, bool) {
	code = strings.TrimLeftFunc(code, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' })
	return code, strings.HasPrefix(code, FlightPush)
}
