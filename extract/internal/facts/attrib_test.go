package facts

import "testing"

// TestAttributionClasses: one small article per class of attribution,
// each with the speaker its quote must get (nil: unattributed).
func TestAttributionClasses(t *testing.T) {
	str := func(s string) *string { return &s }
	tests := []struct {
		name  string
		paras []string
		quote string // a prefix of the quote checked
		want  *string
	}{
		{"partial quote after denied and said", []string{
			"Senator Paula Whitlock denied the allegations on Monday and said that the reports were “a smear from start to finish.”"},
			"a smear", str("Paula Whitlock")},
		{"assured that", []string{
			"Network president Dana Kirby also assured the staff that the company takes the complaints “very, very seriously.”"},
			"very, very", str("Dana Kirby")},
		{"interruption before the quote", []string{
			"Representative Carl Odom criticised the plan.",
			"Mr. Odom, noting that the district had voted twice on the question, added: “There is no reason to ask them a third time.”"},
			"There is no reason", str("Carl Odom")},
		{"uncommon verb", []string{
			"Comedian Lena Marsh recalled her first audition.",
			"“They told me I was too loud for television,” she sighed."},
			"They told me", str("Lena Marsh")},
		{"doubled single closing marks", []string{
			"Former aide Martin Greaves testified on Tuesday.",
			"“I now do recall the meeting,’’ Greaves said."},
			"I now do recall the meeting", str("Martin Greaves")},
		{"junior suffix", []string{
			"Robert Hale Jr. announced his campaign on Friday.",
			"“I am running to win,” Hale Jr. said."},
			"I am running", str("Robert Hale")}, // the suffix is not part of the canonical name
		{"role noun after the quote", []string{
			"Senator Mark Ellery spoke to Fox News host Jane Corrigan on Sunday.",
			"“Senator, your own party disagrees with you,” the Fox News host said."},
			"Senator, your own", str("Jane Corrigan")},
		{"source phrase kept as written", []string{
			"“The product is the subscription, full stop,” a company spokesperson said."},
			"The product", str("a company spokesperson")},
		{"heading in capitals is no speaker", []string{
			"OBAMA FOCUSED said: “we will keep going on every front this year.”"},
			"we will keep", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Analyze(tt.paras, published)
			for _, q := range r.Quotes {
				if len(q.Text) < len(tt.quote) || q.Text[:len(tt.quote)] != tt.quote {
					continue
				}
				switch {
				case tt.want == nil && q.Speaker != nil:
					t.Errorf("speaker of %q = %q, want none", q.Text, *q.Speaker)
				case tt.want != nil && (q.Speaker == nil || *q.Speaker != *tt.want):
					t.Errorf("speaker of %q = %v, want %q", q.Text, deref(q.Speaker), *tt.want)
				}
				return
			}
			t.Fatalf("quote %q not found in %+v", tt.quote, r.Quotes)
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
