// Package facts reads the dateline, the people named and the direct
// quotations from an article's paragraphs.
package facts

import "time"

// Dateline is where and when a story was filed.
type Dateline struct {
	Place, Date, Agency, Raw string
}

// Person is a person named in the text.
type Person struct {
	Name     string
	Role     string
	Mentions int
	Aliases  []string
}

// Quote is a direct quotation.
type Quote struct {
	Text        string
	Speaker     *string
	SpeakerRole string
	Paragraph   int
}

// Result holds the facts of one article.
type Result struct {
	Dateline *Dateline
	People   []Person
	Quotes   []Quote
}

// Analyze reads the facts from the article's paragraphs. published resolves
// year-less dates.
func Analyze(paragraphs []string, published time.Time) Result {
	return Result{}
}
