package facts

import (
	"strings"
	"testing"
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
