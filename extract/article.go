package extract

import "time"

// Article is the clean content and the facts read from one page. It is plain
// data: the JSON tags define the schema that `newsclean extract --format json`
// prints, documented field by field in README.md.
type Article struct {
	// URL is the address the page was read from (after redirects), when known.
	URL string `json:"url,omitempty"`
	// FetchedAt and HTTPStatus describe the fetch, for pages read from a URL.
	FetchedAt  *time.Time `json:"fetched_at,omitempty"`
	HTTPStatus int        `json:"http_status,omitempty"`
	// CanonicalURL is the page's own <link rel="canonical"> or og:url.
	CanonicalURL string `json:"canonical_url,omitempty"`
	// Title is the headline, without a " | Site" tail.
	Title string `json:"title"`
	// Authors lists the people credited in the byline or metadata, in order.
	Authors []string `json:"authors"`
	// SiteName is the publication's name.
	SiteName string `json:"site_name,omitempty"`
	// Published and Modified are the page's times, RFC 3339 in JSON.
	Published *time.Time `json:"published,omitempty"`
	Modified  *time.Time `json:"modified,omitempty"`
	// Language is a BCP 47 tag such as "en" or "fr-FR".
	Language string `json:"language,omitempty"`
	// Description is the page's summary (meta description or og:description).
	Description string `json:"description,omitempty"`
	// Image is the lead image URL.
	Image string `json:"image,omitempty"`
	// Text is the article body: paragraphs separated by one blank line.
	Text string `json:"text"`
	// WordCount counts the words of Text.
	WordCount int `json:"word_count"`
	// Recovered is true when the cleaned article was a small part of the
	// page and the extractor found a larger one on the whole page instead
	// (see README, "Safety net"); such a text deserves a look.
	Recovered bool `json:"recovered,omitempty"`

	// Dateline is where and when the story was filed, or nil.
	Dateline *Dateline `json:"dateline"`
	// People lists every person named in the body, once each.
	People []Person `json:"people"`
	// Quotes lists every direct quotation in the body.
	Quotes []Quote `json:"quotes"`

	// Removed lists what the cleaner cut and why; filled only with
	// Options.Explain.
	Removed []Removal `json:"removed,omitempty"`

	// Blocks is the body as structured blocks (headings, lists, quotes);
	// Text and the Markdown rendering are made from it.
	Blocks []Block `json:"-"`
}

// Dateline is the place, date and agency a story was filed under.
type Dateline struct {
	Place  string `json:"place"`
	Date   string `json:"date,omitempty"`   // ISO 8601 (YYYY-MM-DD) when the year is known, else as written
	Agency string `json:"agency,omitempty"` // "Reuters", "AP", "AFP"...
	Raw    string `json:"raw"`              // the dateline as written, e.g. "PARIS, July 14 (AFP) -"
}

// Person is a real person named in the body.
type Person struct {
	Name     string   `json:"name"`              // canonical full name
	Role     string   `json:"role,omitempty"`    // as the text states it: "French President"
	Mentions int      `json:"mentions"`          // how often the person is named or referred to
	Aliases  []string `json:"aliases,omitempty"` // other forms seen: "Mr Lee", "Lee"
}

// Quote is a direct quotation with its speaker.
type Quote struct {
	Text        string  `json:"text"`                   // the words, without the quotation marks
	Speaker     *string `json:"speaker"`                // canonical person or source as written; null when the text gives none
	SpeakerRole string  `json:"speaker_role,omitempty"` // the speaker's role, when known
	Paragraph   int     `json:"paragraph"`              // 0-based index of the paragraph in Text
}

// Removal records one block the cleaner cut.
type Removal struct {
	Rule string `json:"rule"` // e.g. "boilerplate-phrase", "duplicate", "class:newsletter"
	Text string `json:"text"` // the block's text, shortened
	// Full is the whole text that was cut, for audits that weigh each
	// rule's cuts against a gold text; it is not part of the JSON.
	Full string `json:"-"`
}

// BlockKind tells how a block is rendered.
type BlockKind string

// Block kinds.
const (
	Paragraph BlockKind = "p"
	Heading   BlockKind = "h"
	ListItem  BlockKind = "li"
	Quotation BlockKind = "blockquote"
	Preformat BlockKind = "pre"
	TableRow  BlockKind = "tr"
	Caption   BlockKind = "caption"
)

// Block is one unit of the body.
type Block struct {
	Kind    BlockKind
	Level   int  // heading level 1-6; list nesting depth
	Ordered bool // list item of an ordered list
	Text    string
}
