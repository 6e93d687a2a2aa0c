// Package meta reads page metadata: title, authors, site name, times,
// language, description, lead image and canonical URL.
//
// Sources are weighed in this order, the first non-empty value winning:
// JSON-LD (a NewsArticle or other Article type, also inside @graph), then
// OpenGraph and article:* properties, then other meta tags (Dublin Core,
// Parse.ly, Sailthru, citation_*), then the document itself (<title>,
// <html lang>, <time datetime>, rel=author links).
package meta

import (
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/itlightning/dateparse"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsclean/newsclean/extract/internal/htmlnode"
	"github.com/newsclean/newsclean/extract/internal/textkit"
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
	// Credited tells that the metadata names an author (a JSON-LD author
	// or an author meta tag), whether or not Authors kept the name.
	Credited bool
}

// Bounds on the work done per page.
const (
	maxDepth     = 2000 // the walk over the tree
	maxLDObjects = 50   // JSON-LD objects kept
	maxLDDepth   = 5    // nesting of @graph and mainEntity followed
	maxTextDepth = 50   // nesting read for an element's text (title, byline)
	maxTextBytes = 1000 // text read from one element
)

// page collects raw values while walking the document.
type page struct {
	props      map[string]string // meta property/name/itemprop (lower case) -> first content
	authors    []string          // every author meta value, in order
	title      string
	lang       string
	canonical  string
	timeAttr   string      // first <time datetime>
	ld         []ldArticle // the JSON-LD objects of an article type
	ldObjects  int         // JSON-LD objects read, of any type
	relAuthors []string
	bylines    []string // text of visible byline elements
}

// Read reads the metadata of doc without modifying it. base resolves
// relative URLs.
func Read(doc *html.Node, base *url.URL) Meta {
	p := &page{props: make(map[string]string)}
	p.walk(doc, 0, false)
	var m Meta
	ld := p.article()

	m.Title = firstNonEmpty(ld.text(keyHeadline), p.props["og:title"], p.props["twitter:title"],
		p.props["dc.title"], p.props["sailthru.title"], p.props["parsely-title"], ld.text(keyName))
	m.SiteName = firstNonEmpty(ldName(ld.value(keyPublisher)), p.props["og:site_name"], p.props["application-name"],
		p.props["publisher"], p.props["dc.publisher"])
	if m.Title == "" {
		m.Title = p.title
	}
	m.SiteName = decodeText(m.SiteName)
	m.Title = StripSiteTail(decodeText(m.Title), m.SiteName)

	ldAuthor := ld.value(keyAuthor)
	m.Authors = ldAuthors(ldAuthor)
	m.Credited = ldAuthor != nil || len(p.authors) > 0
	if len(m.Authors) == 0 {
		for _, a := range p.authors {
			m.Authors = append(m.Authors, SplitAuthors(a)...)
		}
	}
	if len(m.Authors) == 0 {
		for _, a := range p.relAuthors {
			m.Authors = append(m.Authors, SplitAuthors(a)...)
		}
	}
	// the visible byline when the metadata credits no one, or only an
	// organisation ("Resy Staff" above three reporters' names)
	if !anyPerson(m.Authors) {
		p.findBylines(doc, 0, false)
		var visible []string
		for _, a := range p.bylines {
			visible = append(visible, visibleAuthors(a)...)
		}
		if len(visible) > 0 {
			m.Authors = visible
		}
	}
	m.Authors = preferPeople(dedupe(m.Authors))

	m.Published = firstTime(ld.text(keyDatePublished), p.props["article:published_time"],
		p.props["og:article:published_time"], p.props["datepublished"], p.props["publishdate"], p.props["pubdate"],
		p.props["publish-date"], p.props["date"], p.props["dc.date"], p.props["dc.date.issued"],
		p.props["dcterms.created"], p.props["sailthru.date"], p.props["parsely-pub-date"],
		p.props["citation_publication_date"], p.props["article.published"], ld.text(keyDateCreated), p.timeAttr)
	m.Modified = firstTime(ld.text(keyDateModified), p.props["article:modified_time"],
		p.props["og:updated_time"], p.props["datemodified"], p.props["dcterms.modified"], p.props["last-modified"],
		p.props["article.updated"])

	m.Language = firstNonEmpty(p.lang, ld.text(keyInLanguage), p.props["content-language"], p.props["dc.language"],
		localeToLang(p.props["og:locale"]))
	m.Description = stripMarkup(decodeText(firstNonEmpty(ld.text(keyDescription), p.props["og:description"],
		p.props["description"], p.props["twitter:description"], p.props["dc.description"])))
	m.Canonical = resolve(base, firstNonEmpty(p.canonical, p.props["og:url"], ld.text(keyURL), ldID(ld.value(keyMainEntityOfPage))))
	if base == nil && m.Canonical != "" {
		base, _ = url.Parse(m.Canonical)
	}
	m.Image = resolve(base, firstNonEmpty(ldImage(ld.value(keyImage)), p.props["og:image"], p.props["og:image:url"],
		p.props["twitter:image"], p.props["twitter:image:src"], p.props["thumbnailurl"]))
	return m
}

func (p *page) walk(n *html.Node, depth int, inBody bool) {
	if depth > maxDepth {
		return
	}
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Html:
			p.lang = strings.TrimSpace(attr(n, "lang"))
			if p.lang == "" {
				p.lang = strings.TrimSpace(attr(n, "xml:lang"))
			}
		case atom.Body:
			inBody = true
		case atom.Title:
			if p.title == "" && !inBody && n.FirstChild != nil {
				p.title = textOf(n)
			}
		case atom.Meta:
			p.meta(n)
		case atom.Link:
			rel := strings.ToLower(attr(n, "rel"))
			if p.canonical == "" && hasToken(rel, "canonical") {
				p.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				p.addLD(n.FirstChild.Data)
			}
			return
		case atom.Time:
			if p.timeAttr == "" && inBody {
				p.timeAttr = strings.TrimSpace(attr(n, "datetime"))
			}
		case atom.A:
			if hasToken(strings.ToLower(attr(n, "rel")), "author") && len(p.relAuthors) < 5 {
				if t := textkit.OneSpaced(textOf(n)); t != "" && len(t) < 80 {
					p.relAuthors = append(p.relAuthors, t)
				}
			}
		case atom.Style, atom.Svg:
			return
		}
		if n.DataAtom != atom.Meta {
			if ip := attr(n, "itemprop"); ip != "" {
				p.itemTime(n, strings.ToLower(ip))
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode || c.Type == html.DocumentNode {
			p.walk(c, depth+1, inBody)
		}
	}
}

// itemTime notes the first datePublished or dateModified an element other
// than <meta> gives as microdata.
func (p *page) itemTime(n *html.Node, itemprop string) {
	switch itemprop {
	case "datepublished", "datemodified":
		v := firstNonEmpty(attr(n, "datetime"), attr(n, "content"))
		if v != "" && p.props[itemprop] == "" {
			p.props[itemprop] = v
		}
	}
}

// findBylines notes the text of the first visible byline elements, in the
// order walk meets them (it skips the subtrees walk skips). It runs only
// when the metadata credits no person, so that other pages pay nothing for
// reading every element's class.
func (p *page) findBylines(n *html.Node, depth int, inBody bool) {
	if depth > maxDepth || len(p.bylines) >= maxBylines {
		return
	}
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Body:
			inBody = true
		case atom.Script, atom.Style, atom.Svg:
			return
		}
		if inBody && bylineElement(n) {
			if t := textkit.OneSpaced(textOf(n)); t != "" && len(t) < maxBylineBytes {
				p.bylines = append(p.bylines, t)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode || c.Type == html.DocumentNode {
			p.findBylines(c, depth+1, inBody)
		}
	}
}

func (p *page) meta(n *html.Node) {
	var content, httpEquiv string
	var keys [3]string // property, name and itemprop, the keys a meta tag names its value by
	var seen [5]bool
	for i := range n.Attr {
		a := &n.Attr[i]
		var at int
		switch a.Key {
		case "content":
			at = 0
		case "http-equiv":
			at = 1
		case "property":
			at = 2
		case "name":
			at = 3
		case "itemprop":
			at = 4
		default:
			continue
		}
		if seen[at] {
			continue // the first of repeated attributes counts, as attr reads it
		}
		seen[at] = true
		switch at {
		case 0:
			content = a.Val
		case 1:
			httpEquiv = a.Val
		default:
			keys[at-2] = a.Val
		}
	}
	content = strings.TrimSpace(content)
	if content == "" {
		return
	}
	if strings.ToLower(httpEquiv) == "content-language" {
		p.set("content-language", content)
	}
	for _, key := range keys {
		k := strings.ToLower(strings.TrimSpace(key))
		if k == "" {
			continue
		}
		switch k {
		case "author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "citation_author", "byl", "dcterms.creator":
			if !strings.HasPrefix(content, "http") {
				p.authors = append(p.authors, content)
			}
		}
		p.set(k, content)
	}
}

// readProps are the meta keys Read weighs; a page's other meta tags
// (verification codes, app links, dozens of twitter: and fb: values) are
// not kept. TestReadProps checks the list against Read.
var readProps = map[string]bool{
	"og:title": true, "twitter:title": true, "dc.title": true, "sailthru.title": true,
	"parsely-title": true, "og:site_name": true, "application-name": true, "publisher": true,
	"dc.publisher": true, "article:published_time": true, "og:article:published_time": true,
	"datepublished": true, "publishdate": true, "pubdate": true, "publish-date": true, "date": true,
	"dc.date": true, "dc.date.issued": true, "dcterms.created": true, "sailthru.date": true,
	"parsely-pub-date": true, "citation_publication_date": true, "article.published": true,
	"article:modified_time": true, "og:updated_time": true, "datemodified": true,
	"dcterms.modified": true, "last-modified": true, "article.updated": true,
	"content-language": true, "dc.language": true, "og:locale": true, "og:description": true,
	"description": true, "twitter:description": true, "dc.description": true, "og:url": true,
	"og:image": true, "og:image:url": true, "twitter:image": true, "twitter:image:src": true,
	"thumbnailurl": true,
}

func (p *page) set(k, v string) {
	if !readProps[k] {
		return
	}
	if _, ok := p.props[k]; !ok {
		p.props[k] = v
	}
}

// StripSiteTail removes a site name from a title: "Headline | Site",
// "Headline - Site", "Site: Headline" (the site part is the site name or a
// short phrase of at most four words when the headline is longer).
func StripSiteTail(title, site string) string {
	for _, sep := range []string{" | ", " - ", " — ", " – ", " :: ", " · ", " • ", " // "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if matchesSite(tail, site) || (len(strings.Fields(tail)) <= 4 && len(strings.Fields(head)) >= 4 && looksLikeName(tail)) {
			return StripSiteTail(head, site)
		}
	}
	if site != "" {
		for _, sep := range []string{": ", " | ", " - "} {
			if strings.HasPrefix(strings.ToLower(title), strings.ToLower(site)+sep) {
				return strings.TrimSpace(title[len(site)+len(sep):])
			}
		}
	}
	return title
}

// looksLikeName reports a short phrase written like a publication's name:
// it starts with a capital letter or digit and asks nothing ("as it
// happened" and "live updates" are part of a headline, "The Herald" is not).
func looksLikeName(s string) bool {
	if s == "" || strings.ContainsAny(s, "?!") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func matchesSite(s, site string) bool {
	if site == "" {
		return false
	}
	a, b := strings.ToLower(s), strings.ToLower(site)
	return a == b || strings.Contains(a, b) || strings.Contains(b, a)
}

// SplitAuthors splits a byline such as "By Jane Doe and John Roe" into
// names, without prefixes ("By", "Text:", "Analysis by"), credentials,
// job titles and placeholders; organisations stay only when no person is
// credited.
func SplitAuthors(byline string) []string {
	s := decodeText(byline)
	if s == "" || len(s) > maxBylineBytes {
		return nil
	}
	s = stripAuthorPrefix(s)
	// A trailing "| Reuters" stays a credit, not a name.
	if i := strings.IndexAny(s, "|\n"); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	for _, sep := range []string{" and ", " & ", " und ", " et ", " y ", ";", " with ", " / "} {
		s = strings.ReplaceAll(s, sep, ",")
	}
	var out []string
	for _, part := range strings.Split(s, ",") {
		if strings.Contains(part, "http") || strings.Contains(part, "@") {
			continue
		}
		if name := cleanAuthor(part); name != "" {
			out = append(out, name)
		}
	}
	return preferPeople(out)
}

// maxBylineBytes bounds a byline; a longer one is a paragraph.
const maxBylineBytes = 300

// firstTime returns the first value that reads as a plausible time.
func firstTime(vals ...string) *time.Time {
	for _, v := range vals {
		if t := plausible(parseTime(v)); t != nil {
			return t
		}
	}
	return nil
}

// maxBylines bounds the visible bylines kept; the first names the author.
const maxBylines = 3

// bylineElement: an element the page marks as its byline or author name
// (itemprop="author", class "byline", "author-name", "article__author").
func bylineElement(n *html.Node) bool {
	if n.DataAtom == atom.Meta || n.DataAtom == atom.Link {
		return false
	}
	var class, itemprop string
	var seenClass, seenItemprop bool
	for i := range n.Attr {
		switch a := &n.Attr[i]; a.Key {
		case "class":
			if !seenClass {
				class, seenClass = a.Val, true
			}
		case "itemprop":
			if !seenItemprop {
				itemprop, seenItemprop = a.Val, true
			}
		}
	}
	if strings.EqualFold(itemprop, "author") {
		return true
	}
	if !mayNameByline(class) {
		return false
	}
	class = strings.ToLower(class)
	if !strings.Contains(class, "byline") && !strings.Contains(class, "author") {
		return false // every class name below holds one of the two
	}
	for _, c := range strings.Fields(class) {
		if strings.Contains(c, "byline") || c == "author" || strings.HasSuffix(c, "author-name") ||
			strings.HasSuffix(c, "__author") || c == "author-name" {
			return true
		}
	}
	return false
}

// mayNameByline screens class values for bylineElement without
// lower-casing them: an ASCII value must hold "byline" or "author" in some
// case. A value with other characters is left to the full test (strings.ToLower
// turns some of them into ASCII letters).
func mayNameByline(class string) bool {
	for i := 0; i < len(class); i++ {
		c := class[i]
		if c >= utf8.RuneSelf {
			return true
		}
		switch c | 0x20 {
		case 'b':
			if len(class)-i >= len("byline") && strings.EqualFold(class[i:i+len("byline")], "byline") {
				return true
			}
		case 'a':
			if len(class)-i >= len("author") && strings.EqualFold(class[i:i+len("author")], "author") {
				return true
			}
		}
	}
	return false
}

// parseTime reads a date in any common form; a date without a zone is taken
// as UTC.
func parseTime(s string) *time.Time {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return &t
		}
	}
	t, err := dateparse.ParseIn(s, time.UTC)
	if err != nil || plausible(&t) == nil {
		return nil
	}
	return &t
}

func localeToLang(s string) string {
	return strings.ReplaceAll(s, "_", "-")
}

func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func dedupe(in []string) []string {
	seen := make(map[string]bool, len(in))
	out := []string{}
	for _, s := range in {
		k := strings.ToLower(s)
		if !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

func hasToken(list, tok string) bool {
	for t := range strings.FieldsSeq(list) {
		if t == tok {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string { return htmlnode.Attr(n, key) }

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxTextDepth || b.Len() > maxTextBytes {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return // code, not text; htmlinput.Parse leaves most of it out
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}
