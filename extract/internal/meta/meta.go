// Package meta reads page metadata: title, authors, site name, times,
// language, description, lead image and canonical URL, from JSON-LD,
// OpenGraph and other meta tags, and <time> elements.
package meta

import (
	"net/url"
	"time"

	"golang.org/x/net/html"
)

// Meta is what a page says about itself.
type Meta struct {
	Title       string
	Authors     []string
	SiteName    string
	Published   *time.Time
	Modified    *time.Time
	Language    string
	Description string
	Image       string
	Canonical   string
}

// Read reads the metadata of doc without modifying it.
func Read(doc *html.Node, base *url.URL) Meta {
	return Meta{}
}

// SplitAuthors splits a byline such as "By Jane Doe and John Roe" into names.
func SplitAuthors(byline string) []string {
	return nil
}
