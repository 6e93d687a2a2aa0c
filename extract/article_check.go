package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsclean/newsclean/extract/internal/clean"
)

// What makes a text an article rather than what is left of a page once the
// story is gone (a "More articles" label, a login box, a caption and an
// author bio): either enough words, or at least one paragraph of running
// text, however short the story.
const (
	// articleWords is the length, in words, from which a text is an
	// article whatever its shape.
	articleWords = 50
	// sentenceWords is the least words of a paragraph of running text.
	sentenceWords = 12
)

// looksLikeArticle reports whether blocks hold an article.
func looksLikeArticle(blocks []Block) bool {
	total := 0
	for _, b := range blocks {
		n := clean.WordCount(b.Text)
		total += n
		if total >= articleWords {
			return true
		}
		if b.Kind != Caption && b.Kind != Heading && n >= sentenceWords && endsSentence(b.Text) {
			return true
		}
	}
	return false
}

// endsSentence reports text that ends as a sentence does, maybe inside a
// closing quote or bracket.
func endsSentence(t string) bool {
	t = strings.TrimRightFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'”’»)]」』）", r)
	})
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?…。！？؟।", r)
}
