package clean

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestSameSite(t *testing.T) {
	sites := []string{"example.com"}
	tests := []struct {
		href  string
		sites []string
		want  bool
	}{
		{"/politics/story-123.html", nil, true},
		{"story-123.html", nil, true},
		{"https://www.example.com/politics/story", sites, true},
		{"//example.com/politics/story", sites, true},
		{"https://news.other.org/politics/story", sites, false},
		{"https://www.example.com/politics/story", nil, false},
		{"#notes", sites, false},
		{"javascript:void(0)", sites, false},
		{"mailto:desk@example.com", sites, false},
		{"", sites, false},
	}
	for _, tt := range tests {
		if got := sameSite(tt.href, tt.sites); got != tt.want {
			t.Errorf("sameSite(%q, %v) = %v, want %v", tt.href, tt.sites, got, tt.want)
		}
	}
}

func TestBlocksCountSiteLinks(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<ul><li><strong>Archaeology: </strong><a href="/science/volcano.html">Volcano wiped out a culture</a></li>
<li><a href="https://elsewhere.org/report">The report</a></li></ul>`))
	if err != nil {
		t.Fatal(err)
	}
	blocks := toBlocks(doc, []string{"example.com"})
	if len(blocks) != 2 {
		t.Fatalf("got %d blocks, want 2: %+v", len(blocks), blocks)
	}
	if b := blocks[0]; b.kicker != "Archaeology:" || b.siteChars != len("Volcano wiped out a culture") {
		t.Errorf("first item: kicker %q, site chars %d", b.kicker, b.siteChars)
	}
	if b := blocks[1]; b.siteChars != 0 || b.linkChars == 0 {
		t.Errorf("second item: site chars %d, link chars %d", b.siteChars, b.linkChars)
	}
}
