package htmlnode

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// firstElement returns the first element named tag in doc.
func firstElement(doc *html.Node, tag string) *html.Node {
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == tag {
			return n
		}
	}
	return nil
}

func TestAttr(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<p class="lede" hidden data-x="">Text</p>`))
	if err != nil {
		t.Fatal(err)
	}
	p := firstElement(doc, "p")
	for _, tt := range []struct {
		key  string
		val  string
		have bool
	}{
		{"class", "lede", true},
		{"hidden", "", true},
		{"data-x", "", true},
		{"id", "", false},
		{"CLASS", "", false}, // the parser lower-cases keys; lookups are exact
	} {
		if got := Attr(p, tt.key); got != tt.val {
			t.Errorf("Attr(%q) = %q, want %q", tt.key, got, tt.val)
		}
		if got := HasAttr(p, tt.key); got != tt.have {
			t.Errorf("HasAttr(%q) = %v, want %v", tt.key, got, tt.have)
		}
	}
}

func TestFlightCode(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{FlightPush + `[1,"x"])`, true},
		{" \t\r\n" + FlightPush + `[1,"x"])`, true},
		{"\f\v" + FlightPush, true},
		{"\u00a0\ufeff" + FlightPush, true},
		{"var a = 1;" + FlightPush, false},
		{"self.__next_f=[]", false},
	} {
		code, ok := FlightCode(tc.in)
		if ok != tc.want || ok && !strings.HasPrefix(code, FlightPush) {
			t.Errorf("FlightCode(%q) = %q, %v; want %v", tc.in, code, ok, tc.want)
		}
	}
}
