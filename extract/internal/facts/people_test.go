package facts

import (
	"strings"
	"testing"
	"time"
)

func TestSameBarInitials(t *testing.T) {
	tests := []struct {
		long, short string
		want        bool
	}{
		{"patrick w. carlineo", "patrick carlineo", true},
		{"james kennedy jr.", "james kennedy", true},
		{"mary k. j. blige", "mary blige", true},
		{"lee hsien loong", "lee loong", false},
		{"patrick w. carlineo", "carlineo", false},
		{"john smith", "john smith", false},
		{"j. smith", "smith", false},
	}
	for _, tt := range tests {
		if got := sameBarInitials(strings.Fields(tt.long), strings.Fields(tt.short)); got != tt.want {
			t.Errorf("sameBarInitials(%q, %q) = %v, want %v", tt.long, tt.short, got, tt.want)
		}
	}
}

func TestSpeakerWithSuffix(t *testing.T) {
	paras := []string{
		"ROCHESTER, N.Y. (AP) — A man pleaded guilty on Monday to threatening a member of Congress.",
		"U.S. Attorney James Kennedy Jr. said in a statement that the case showed people cannot \u201cmake threats to harm lawmakers simply because they disagree with them.\u201d",
	}
	r := Analyze(paras, time.Date(2019, 11, 18, 0, 0, 0, 0, time.UTC))
	if len(r.Quotes) != 1 {
		t.Fatalf("got %d quotes, want 1: %+v", len(r.Quotes), r.Quotes)
	}
	q := r.Quotes[0]
	if q.Speaker == nil || !strings.HasPrefix(*q.Speaker, "James Kennedy") {
		t.Errorf("speaker = %v, want the person James Kennedy", q.Speaker)
	}
}
