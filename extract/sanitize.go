package extract

import "github.com/newsclean/newsclean/extract/scrub"

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
	// Text is the blocks joined by blank lines (see finish): when no
	// block needs scrubbing, neither does Text.
	scrubbed := false
	for i := range a.Blocks {
		t := body(a.Blocks[i].Text)
		scrubbed = scrubbed || t != a.Blocks[i].Text
		a.Blocks[i].Text = t
	}
	if scrubbed || len(a.Blocks) == 0 {
		a.Text = body(a.Text)
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
func line(s string) string { return scrub.Line(s) }

// body returns s clean, keeping newlines and tabs.
func body(s string) string { return scrub.Body(s) }
