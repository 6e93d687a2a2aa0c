// Package extract turns a news page into its clean article text and facts.
//
// It reads HTML, or a page already scraped to plain text, finds the article
// body, removes what readers do not want (ad slots and their labels,
// captions printed twice, repeated lead paragraphs, newsletter and paywall
// boxes, "follow us" prompts, read-more and related links, share bars,
// consent notices, skip links, author boxes and comments) and reads the
// page's metadata and the story's facts: the dateline, the people named and
// who said what.
//
//	a, err := extract.FromReader(r, extract.Options{})
//	switch {
//	case errors.Is(err, extract.ErrNoArticle):
//		return nil // the page holds no article
//	case err != nil:
//		return err // not a page (ErrNotHTML), too large (ErrTooLarge), a read error
//	}
//	fmt.Println(a.Title)
//	fmt.Println(a.Text)
//
// On any error the returned *Article is nil.
//
// # Options
//
// The zero [Options] value works. Options.URL resolves links and fills
// Article.URL; Options.Now pins the reference time for year-less dates;
// Options.Explain records every removed block in Article.Removed.
//
// # Concurrency
//
// [FromReader], [FromBytes] and [FromDocument] keep no shared state and
// start no goroutines: call them from as many goroutines as you like.
// Embedded word lists and models are loaded once, on first use.
//
// # Untrusted input
//
// Input is capped at Options.MaxBytes (default 20 MiB) before parsing;
// binary data (images, PDFs, compressed data) is refused with [ErrNotHTML];
// the character set is decoded to UTF-8; excess nesting depth is flattened
// so that no step recurses without bound; and every string of the Article is
// stripped of control characters, so printing it cannot drive a terminal.
package extract
