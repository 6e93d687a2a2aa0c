package meta

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func parse(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func ts(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func TestRead(t *testing.T) {
	tests := []struct {
		name string
		html string
		want Meta
	}{
		{
			name: "json-ld only",
			html: `<html lang="en-GB"><head><title>Council backs new bridge | The Daily Courier</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"The Daily Courier"},
 {"@type":"NewsArticle","headline":"Council backs new bridge","datePublished":"2024-03-05T09:30:00+00:00",
  "dateModified":"2024-03-05T11:00:00Z","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Ravi Patel"}],
  "publisher":{"@type":"Organization","name":"The Daily Courier"},"image":{"@type":"ImageObject","url":"/img/bridge.jpg"},
  "description":"A vote ends years of debate.","mainEntityOfPage":"https://courier.example/news/bridge"}]}</script>
</head><body><p>x</p></body></html>`,
			want: Meta{
				Title: "Council backs new bridge", Authors: []string{"Jane Doe", "Ravi Patel"}, SiteName: "The Daily Courier",
				Published: ts("2024-03-05T09:30:00Z"), Modified: ts("2024-03-05T11:00:00Z"), Language: "en-GB",
				Description: "A vote ends years of debate.", Image: "https://courier.example/img/bridge.jpg",
				Canonical: "https://courier.example/news/bridge",
				Credited:  true,
			},
		},
		{
			name: "opengraph and meta",
			html: `<html><head><title>Storm closes ports - Le Quotidien</title>
<meta property="og:title" content="Storm closes ports">
<meta property="og:site_name" content="Le Quotidien">
<meta property="og:locale" content="fr_FR">
<meta property="article:published_time" content="2023-11-02T06:15:00+01:00">
<meta name="author" content="By Marie Dubois and Luc Martin">
<meta name="description" content="Ports shut as winds reach 150 km/h.">
<link rel="canonical" href="https://quotidien.example/a/storm">
</head><body></body></html>`,
			want: Meta{
				Title: "Storm closes ports", Authors: []string{"Marie Dubois", "Luc Martin"}, SiteName: "Le Quotidien",
				Published: ts("2023-11-02T06:15:00+01:00"), Language: "fr-FR", Description: "Ports shut as winds reach 150 km/h.",
				Canonical: "https://quotidien.example/a/storm",
				Credited:  true,
			},
		},
		{
			name: "title tail and time element",
			html: `<html><head><title>Mayor quits after audit finds missing funds - Springfield News</title></head>
<body><article><time datetime="2022-07-14">July 14</time><a rel="author" href="/staff/kim">Alex Kim</a></article></body></html>`,
			want: Meta{Title: "Mayor quits after audit finds missing funds", Authors: []string{"Alex Kim"}, Published: ts("2022-07-14T00:00:00Z")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Read(parse(t, tt.html), nil)
			if tt.want.Authors == nil {
				tt.want.Authors = []string{}
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Read (-want +got):\n%s", d)
			}
		})
	}
}

func TestSplitAuthors(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"By Jane Doe", []string{"Jane Doe"}},
		{"Jane Doe, Staff Writer", []string{"Jane Doe"}},
		{"By Ana Ruiz, Tom Lee and Kim Park", []string{"Ana Ruiz", "Tom Lee", "Kim Park"}},
		{"Par Marie Dubois et Luc Martin", []string{"Marie Dubois", "Luc Martin"}},
		{"https://example.com/author/x", nil},
		{"", nil},
		{"Dana Whitfield, MS, RD", []string{"Dana Whitfield"}},
		{"Omar Haddad Ph.D", []string{"Omar Haddad"}},
		{"Text: Lena Vogt", []string{"Lena Vogt"}},
		{"Analysis by Priya Raman, CNN", []string{"Priya Raman"}},
		{"Written By: Hal Brenner", []string{"Hal Brenner"}},
		{"admin", nil},
		{"105092", nil},
		{"undefined", nil},
		{"Senior Reporter", nil},
		{"Newsroom Staff", []string{"Newsroom Staff"}},
		{"Keith Ma", []string{"Keith Ma"}},
		{"(Image: Getty Images)", nil},
		{"design: Ruth Obi", []string{"Ruth Obi"}},
		{"Maria &amp; Katerina", []string{"Maria", "Katerina"}},
	}
	for _, tt := range tests {
		if d := cmp.Diff(tt.want, SplitAuthors(tt.in)); d != "" {
			t.Errorf("SplitAuthors(%q) (-want +got):\n%s", tt.in, d)
		}
	}
}

func TestStripSiteTail(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"Headline about the long day | Site", "", "Headline about the long day"},
		{"Council approves budget - The Town Crier", "The Town Crier", "Council approves budget"},
		{"BBC News: Markets fall", "BBC News", "Markets fall"},
		{"Why now?", "", "Why now?"},
		{"Left - right", "", "Left - right"},
		{"Floods sweep the north of the country – as it happened", "", "Floods sweep the north of the country – as it happened"},
	}
	for _, tt := range tests {
		if got := StripSiteTail(tt.title, tt.site); got != tt.want {
			t.Errorf("StripSiteTail(%q, %q) = %q, want %q", tt.title, tt.site, got, tt.want)
		}
	}
}

// TestDecodeText checks decoding, and markup removal as done for
// descriptions.
func TestDecodeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Mexico to fight &#8216;illogical&#8217; tariffs", "Mexico to fight ‘illogical’ tariffs"},
		{"Here&amp;#x27;s what we know", "Here's what we know"},
		{"&lt;p&gt;Here is the summary.&lt;/p&gt;", "Here is the summary."},
		{"30 Years of &lt;br&gt; Tags", "30 Years of <br> Tags"},
		{"Crowds\u0007 gather&nbsp;", "Crowds gather"},
		{"A DIY Investor\u00e2\u0080\u0099s Guide", "A DIY Investor’s Guide"},
	}
	for _, tt := range tests {
		if got := stripMarkup(decodeText(tt.in)); got != tt.want {
			t.Errorf("stripMarkup(decodeText(%q)) = %q, want %q", tt.in, got, tt.want)
		}
		if got := decodeText(tt.in); Problem(got) != "" {
			t.Errorf("decodeText(%q) = %q: %s", tt.in, got, Problem(got))
		}
	}
}

func TestPlaceholderTimes(t *testing.T) {
	doc := parse(t, `<html><head>
<meta property="article:published_time" content="0001-01-01T00:00:00Z">
<meta name="pubdate" content="2024-06-02T08:00:00Z">
<meta property="article:modified_time" content="1970-01-01T00:00:00Z">
</head><body><p>x</p></body></html>`)
	m := Read(doc, nil)
	if m.Published == nil || !m.Published.Equal(*ts("2024-06-02T08:00:00Z")) {
		t.Errorf("published = %v, want the first plausible time 2024-06-02T08:00:00Z", m.Published)
	}
	if m.Modified != nil {
		t.Errorf("modified = %v, want nil for a placeholder", m.Modified)
	}
}

func TestVisibleByline(t *testing.T) {
	doc := parse(t, `<html><head><title>Storm closes ports</title></head><body>
<div class="article-byline">By Ines Carvalho and Theo Marsh | Updated March 3, 2025</div>
<p>Text.</p></body></html>`)
	want := []string{"Ines Carvalho", "Theo Marsh"}
	if d := cmp.Diff(want, Read(doc, nil).Authors); d != "" {
		t.Errorf("authors (-want +got):\n%s", d)
	}
}

// FuzzRead reads arbitrary pages: no panic, and no value a reader should
// not see (entities, control characters, placeholders, impossible times).
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		`<html><head><title>A &amp;amp;#8217; B</title><meta name="author" content="By Jo Ann, MS, RD"></head></html>`,
		`<script type="application/ld+json">{"@type":"NewsArticle","headline":"&lt;p&gt;x&lt;/p&gt;","datePublished":"0001-01-01T00:00:00Z","author":[{"name":"admin"},{"name":"105092"}]}</script>`,
		`<body><div class="byline">By Ines Carvalho | Updated March 3</div><time datetime="9999-12-31">x</time></body>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		doc, err := html.Parse(strings.NewReader(in))
		if err != nil {
			return
		}
		m := Read(doc, nil)
		for _, v := range []string{m.Title, m.SiteName, m.Description} {
			if why := Problem(v); v != "" && why != "" {
				t.Fatalf("value %q %s", v, why)
			}
		}
		for _, a := range m.Authors {
			if a == "" || strings.ContainsAny(a, "\n\r\t") {
				t.Fatalf("author %q", a)
			}
		}
		for _, tm := range []*time.Time{m.Published, m.Modified} {
			if tm != nil && (tm.Year() < minPlausibleYear || tm.Year() > maxPlausibleYear) {
				t.Fatalf("implausible time %v", tm)
			}
		}
	})
}

// The screen of class values never turns away one the full test reads as
// a byline's.
func TestMayNameByline(t *testing.T) {
	for _, class := range []string{
		"", "byline", "Article__Byline", "AUTHOR-NAME", "post-author", "authors", "by-line", "headline",
		"BYL\u0130NE", "c-\u212aelvin author", "story-body", strings.Repeat("x", 300) + " byline",
	} {
		n := &html.Node{Type: html.ElementNode, Data: "span", DataAtom: atom.Span, Attr: []html.Attribute{{Key: "class", Val: class}}}
		if bylineElement(n) && !mayNameByline(class) {
			t.Errorf("mayNameByline(%q) = false, but the class marks a byline", class)
		}
	}
	if mayNameByline("headline c-story") {
		t.Error(`mayNameByline("headline c-story") = true, want false`)
	}
}
