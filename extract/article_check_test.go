package extract

import (
	"errors"
	"strings"
	"testing"
)

func TestLooksLikeArticle(t *testing.T) {
	p := func(s string) Block { return Block{Kind: Paragraph, Text: s} }
	for _, tc := range []struct {
		name   string
		blocks []Block
		want   bool
	}{
		{"label", []Block{p("Weitere Artikel")}, false},
		{"paywall label", []Block{p("lockPara suscriptores")}, false},
		{"login box", []Block{{Kind: Heading, Text: "Log in to your account"}, p("Email"), p("Password"), p("Forgot your password?"), p("Log in")}, false},
		{"caption and bio", []Block{{Kind: Caption, Text: "The harbour at dawn on Tuesday, seen from the old pier."}, p("Jane Doe covers city hall.")}, false},
		{"short brief", []Block{p("The council approved the new budget on Tuesday after a three-hour debate, the mayor said.")}, true},
		{"long list", []Block{p(strings.Repeat("word ", 60))}, true},
		{"japanese brief", []Block{p("東京都は二十九日、新しい予算案を発表した。都議会で審議される予定で、来年度から実施される。")}, true},
	} {
		if got := looksLikeArticle(tc.blocks); got != tc.want {
			t.Errorf("%s: looksLikeArticle = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A page whose story is gone (a teaser label and a login dialog remain) is
// not returned as an article.
func TestJunkIsNoArticle(t *testing.T) {
	page := `<html><head><title>Login</title></head><body>
<header><a href="/">Home</a></header>
<main><h2>Weitere Artikel</h2>
<div class="login"><p>Email</p><p>Password</p><p>Forgot your password?</p></div></main>
</body></html>`
	_, err := FromBytes([]byte(page), Options{NoFacts: true})
	if !errors.Is(err, ErrNoArticle) {
		t.Fatalf("err = %v, want ErrNoArticle", err)
	}
}
