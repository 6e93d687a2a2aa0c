package scrub

import "testing"

func TestScrub(t *testing.T) {
	for _, tt := range []struct{ in, line, body string }{
		{"plain text", "plain text", "plain text"},
		{"two\nlines\tand tab", "two lines and tab", "two\nlines\tand tab"},
		{"crlf\r\nend", "crlf  end", "crlf\nend"},
		{"\x1b]0;owned\x07title", "]0;ownedtitle", "]0;ownedtitle"},
		{"del\x7f c1\u0085 end", "del c1 end", "del c1 end"},
		{"bidi \u202eevil\u202c \u2066x\u2069", "bidi evil x", "bidi evil x"},
		{"bad \xff byte", "bad \uFFFD byte", "bad \uFFFD byte"},
		{"Zürich — «ok»", "Zürich — «ok»", "Zürich — «ok»"},
	} {
		if got := Line(tt.in); got != tt.line {
			t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.line)
		}
		if got := Body(tt.in); got != tt.body {
			t.Errorf("Body(%q) = %q, want %q", tt.in, got, tt.body)
		}
	}
}
