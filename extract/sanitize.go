package extract

import (
	"strings"
	"unicode/utf8"
)

// sanitize makes every string of a safe to print on a terminal: valid
// UTF-8 without C0 controls (other than newline and tab in the body), DEL,
// C1 controls or bidirectional overrides, whatever the page held, so that a
// title written as "ESC]0;...BEL" cannot retitle or clear the terminal.
// Single-line fields also lose their line breaks.
func sanitize(a *Article) {
	a.URL = line(a.URL)
	a.CanonicalURL = line(a.CanonicalURL)
	a.Title = line(a.Title)
	for i, s := range a.Authors {
		a.Authors[i] = line(s)
	}
	a.SiteName = line(a.SiteName)
	a.Language = line(a.Language)
	a.Description = line(a.Description)
	a.Image = line(a.Image)
	a.Text = body(a.Text)
	for i := range a.Blocks {
		a.Blocks[i].Text = body(a.Blocks[i].Text)
	}
	if d := a.Dateline; d != nil {
		d.Place, d.Date, d.Agency, d.Raw = line(d.Place), line(d.Date), line(d.Agency), line(d.Raw)
	}
	for i := range a.People {
		p := &a.People[i]
		p.Name, p.Role = line(p.Name), line(p.Role)
		for j, s := range p.Aliases {
			p.Aliases[j] = line(s)
		}
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		q.Text, q.SpeakerRole = line(q.Text), line(q.SpeakerRole)
		if q.Speaker != nil {
			s := line(*q.Speaker)
			q.Speaker = &s
		}
	}
	for i := range a.Removed {
		a.Removed[i].Rule, a.Removed[i].Text = line(a.Removed[i].Rule), line(a.Removed[i].Text)
	}
}

// line returns s as one clean line: line breaks and tabs become spaces.
func line(s string) string { return scrub(s, false) }

// body returns s clean, keeping newlines and tabs.
func body(s string) string { return scrub(s, true) }

func scrub(s string, multiline bool) string {
	if safe(s, multiline) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '\n' || r == '\t':
			if multiline {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		case r == '\r':
			if !multiline {
				b.WriteByte(' ')
			}
		case unsafeRune(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func safe(s string, multiline bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && !(multiline && (c == '\n' || c == '\t')) || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			return false
		}
		i += size
	}
	return true
}

// unsafeRune reports control characters and the bidirectional overrides
// that can disguise text on a terminal.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}
