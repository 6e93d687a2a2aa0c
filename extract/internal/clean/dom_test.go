package clean

import (
	"slices"
	"strings"
	"testing"
)

// tokens lists the tokens of v.
func tokens(v string) []string {
	text, spans := splitTokens(v, nil, nil)
	var out []string
	for i := range tokenCount(spans) {
		out = append(out, string(tokenAt(text, spans, i)))
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  -_ ", nil},
		{"share", []string{"share"}},
		{"article-body has-share-bar", []string{"article", "body", "has", "share", "bar", "article body", "body has", "has share", "share bar"}},
		{"ArticleBody", []string{"article", "body", "article body"}},
		{"HTMLBlock2", []string{"htmlblock2"}},
		{"relatedLinks__item", []string{"related", "links", "item", "related links", "links item"}},
		{"caf\u00e9Box", []string{"caf", "box", "caf box"}},
		{"a\xffB", []string{"a", "b", "a b"}},
	}
	for _, tt := range tests {
		if got := tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkAnyToken(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		anyToken("c-article__body js-share-bar relatedLinks", bodyPairs, bodyWords)
	}
}

func TestAnyToken(t *testing.T) {
	set := map[string]bool{"body": true, "story text": true}
	for _, v := range []string{"", "article-body", "ArticleBody", "storyText", "story-main text", "bodyguard", "x story  text y", "STORY_TEXT"} {
		want := slices.ContainsFunc(tokens(v), func(t string) bool { return set[t] })
		if got := anyToken(v, set); got != want {
			t.Errorf("anyToken(%q) = %v, tokens say %v", v, got, want)
		}
	}
}

// Every token of a set holds one of its hints, or the hints would skip
// values that hold it.
func TestTokenSetHints(t *testing.T) {
	for name, set := range map[string]*tokenSet{"body": bodySet(), "caption": captionSet} {
		for tok := range set.tokens {
			if !slices.ContainsFunc(set.hints, func(h string) bool { return strings.Contains(tok, h) }) {
				t.Errorf("%s token %q holds none of the hints %q", name, tok, set.hints)
			}
		}
		for _, v := range []string{"", "article-body", "ArticleBody", "wp-caption-text", "entryContent main", "x y", "BILDTEXT"} {
			if got, want := set.any(v), anyToken(v, set.tokens); got != want {
				t.Errorf("%s set on %q: %v, plain lookup %v", name, v, got, want)
			}
		}
	}
}
