package clean

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// fullScreen joins every phrase pattern without a pre-test into one, the
// screen the per-character patterns must agree with.
func fullScreen() *regexp.Regexp {
	var parts []string
	for _, r := range boilerplateRules() {
		if r.need == nil {
			parts = append(parts, "(?:"+r.re.String()+")")
		}
	}
	return regexp.MustCompile("^(?:" + strings.Join(parts, "|") + ")")
}

var screenSamples = []string{
	"Advertisement", "ADVERTISEMENT - scroll to continue", "Skip to main content",
	"Follow us on Twitter", "Suivez-nous sur Facebook", "Read more", "More stories from the team",
	"Related: Five things to know", "Lire aussi", "À lire aussi : le budget", "à la une",
	"Sign up for our daily newsletter", "Your email address", "Subscribe now!",
	"This article is only available to subscribers", "Share this article", "12 comments",
	"5 min read", "We use cookies to improve your experience", "Photo: Jane Doe/Agency",
	"(Photo: Jane Doe)", "© 2024 Example Media", "Getty Images", "Copyright (c) Example",
	"Image 3 of 12", "3 / 12", "Video", "Image caption", "Courtesy of the family",
	"A crowd gathers outside / Getty Images", "Smoke rises | AFP", "Reading time: 4 min",
	"1200 views", "Reporting by Jane Doe; Editing by John Roe", "Sources: agencies",
	"Email the author at jane@example.com", "Post a comment", "Join the conversation",
	"Tags: politics, budget", "Topics: Economy", "Have a tip? Send it", "Download our free app",
	"Kelvin", "\u212a", "\u017fubscribe", "ſhare", "SUBSCRIBE", "Ⓒ 2024", "«Read more»",
	"The council voted on Tuesday to approve the budget.", "He said the plan would fail.",
	"", " ", "1", "(", "Ünterstützen", "¿Has visto un error?", "\xff\xfe broken", "Werbung",
	"Anzeige", "Publicité", "Más leído", "Lo más leído", "Meistgelesen", "Weiterlesen",
	"Schlagwörter: Berlin", "Enter your email", "Thank you for signing up", "Tweet",
}

func TestPhraseScreenAgrees(t *testing.T) {
	full := fullScreen()
	screen := boilerplateScreen()
	for _, s := range screenSamples {
		for _, v := range []string{s, strings.ToUpper(s), strings.ToLower(s), s + ".", "x" + s} {
			if v == "" {
				continue
			}
			if got, want := screen.match(v), full.MatchString(v); got != want {
				t.Errorf("screen(%q) = %v, full pattern says %v", v, got, want)
			}
		}
	}
}

func TestAlternativesSpread(t *testing.T) {
	re := regexp.MustCompile(`(?i)^(?:^(ab|c[de])x$|y)`)
	got := splitBranches(re)
	if len(got) != 3 {
		t.Fatalf("split into %d branches, want 3: %+v", len(got), got)
	}
	for _, b := range got {
		for _, s := range []string{"abx", "ABX", "cdx", "cex", "y", "Yes"} {
			if b.re().MatchString(s) && !(b.first.ascii[s[0]] && b.mayMatch(s, fold(s))) {
				t.Errorf("branch %q matches %q but its cheap tests say no", b.re(), s)
			}
		}
	}
}

// phraseText is the text of a block the phrase rules read, trimmed the
// plain way, or "" and the rule that settles the block without them.
func phraseText(text string) (t, rule string) {
	if len(text) > 400 {
		return "", ""
	}
	t = strings.TrimSpace(strings.Trim(text, "|•·›»«<>[]–— "))
	if t == "" {
		return "", "empty"
	}
	return t, ""
}

// referenceRule is boilerplateRule without its shortcuts: the joined
// pattern as the screen and one search per required word.
func referenceRule(full *regexp.Regexp, text string) string {
	t, rule := phraseText(text)
	if t == "" {
		return rule
	}
	lower := strings.ToLower(t)
	screen := full.MatchString(t)
	for _, r := range boilerplateRules() {
		if r.need == nil && !screen {
			continue
		}
		if r.match(t, lower) {
			return r.rule
		}
	}
	return ""
}

func TestBoilerplateRuleAgrees(t *testing.T) {
	full := fullScreen()
	extra := []string{
		"Photo (AP Photo/Jane Doe)", "Smoke rises over the roofs. © Jane Doe | Agency",
		"In this Dec. 12, 2006, file photo, the mayor speaks.", "FILE - The mayor speaks.",
		"The mayor spoke at length. show more", "Jane Doe contributed reporting.",
		"We may earn a commission when you buy through links on this page.",
		"An dieser Stelle findest du einen externen Inhalt von YouTube.",
		"Please disable your ad blocker.", "Mit Material von dpa", "Fehler gefunden? Jetzt melden.",
		"Legende: Der Präsident traf sich mit Ministern.", "© 2024", "(c) 2024 by Example",
	}
	cut := 0
	for _, s := range append(slices.Clone(screenSamples), extra...) {
		for _, v := range []string{s, strings.ToUpper(s), strings.ToLower(s), "x " + s} {
			got, want := boilerplateRule(v), referenceRule(full, v)
			if got != want {
				t.Errorf("boilerplateRule(%q) = %q, without shortcuts %q", v, got, want)
			}
			if got != "" && got != "empty" {
				cut++
			}
		}
	}
	if cut < 100 {
		t.Errorf("only %d samples matched a rule: the samples no longer exercise the rules", cut)
	}
}

func FuzzBoilerplateRule(f *testing.F) {
	for _, s := range screenSamples {
		f.Add(s)
	}
	full := fullScreen()
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := boilerplateRule(s), referenceRule(full, s); got != want {
			t.Errorf("boilerplateRule(%q) = %q, without shortcuts %q", s, got, want)
		}
	})
}

func FuzzPhraseScreen(f *testing.F) {
	for _, s := range screenSamples {
		f.Add(s)
	}
	full := fullScreen()
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" || len(s) > 400 {
			return
		}
		if got, want := boilerplateScreen().match(s), full.MatchString(s); got != want {
			t.Errorf("screen(%q) = %v, full pattern says %v", s, got, want)
		}
	})
}

// TestPhraseScreenConcurrent runs the screen from several goroutines at
// once, so that -race sees the lazy compiling of its branches.
func TestPhraseScreenConcurrent(t *testing.T) {
	full := fullScreen()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for _, s := range screenSamples {
				if s != "" && boilerplateScreen().match(s) != full.MatchString(s) {
					t.Errorf("screen(%q) disagrees with the full pattern", s)
				}
			}
		})
	}
	wg.Wait()
}

// The need index must cover every need list, however many words they hold,
// and agree with a plain search for each word.
func TestNeedIndexAgrees(t *testing.T) {
	needs := boilerplateNeeds()
	if needs == nil {
		t.Fatal("no need index")
	}
	texts := []string{
		"", "a", "read more", "© 2024 jane doe", "sign up for our newsletter",
		"follow her on twitter", "the council met on tuesday.", "légende : la maire",
		"this article contributed reporting and more, less",
	}
	for _, r := range boilerplateRules() {
		for _, w := range r.need {
			texts = append(texts, w, "x"+w+"y", w[:len(w)-1])
		}
	}
	for _, text := range texts {
		found := needs.find(fold(text), nil)
		for i, r := range boilerplateRules() {
			if r.need == nil {
				continue
			}
			want := false
			for _, w := range r.need {
				want = want || strings.Contains(text, w)
			}
			if got := needs.holds(found, i); got != want {
				t.Errorf("rule %d (%s) on %q: index %v, search %v", i, r.rule, text, got, want)
			}
		}
	}
}

// needSamples are texts for the phrase rules with a need list.
var needSamples = []string{
	"Photo (AP Photo/Jane Doe)", "Smoke rises over the roofs. © Jane Doe | Agency",
	"In this Dec. 12, 2006, file photo, the mayor speaks.", "FILE - The mayor speaks.",
	"The mayor spoke at length. show more", "Jane Doe contributed reporting.",
	"We may earn a commission when you buy through links on this page.",
	"All rights reserved", "Tous droits réservés", "Be the first to comment",
	"Download the app", "Watch: the mayor speaks (video, 2:31)", "Duration: 2:31",
}

// branchSetsAgree reports a text on which a rule's branches and its whole
// pattern disagree.
func branchSetsAgree(t *testing.T, rules []phraseRule, sets []branchSet, s string) {
	t.Helper()
	if s == "" {
		return
	}
	for i, r := range rules {
		if sets[i] == nil {
			continue
		}
		if got, want := sets[i].match(s, fold(s)), r.re.MatchString(s); got != want {
			t.Errorf("rule %d (%s) on %q: branches %v, pattern %v", i, r.rule, s, got, want)
		}
	}
}

// metaSamples are texts for the metadata rules.
var metaSamples = []string{
	"Tom Krisher, Ap Auto Writer", "Jane Doe, Associated Press", "Jane Doe, The Associated Press",
	"Staff and wire reports", "Wire services", "The Associated Press", "Reuters", "AFP",
	"Jane Doe, Reuters, in Paris.", "https://example.com/a", "www.example.com", "jane@example.com",
	"example.com/path", "@handle", "Jane Doe, \u212aelvin", "O’Brien, AP", "A crowd, BBC ",
}

// metaRule skips an empty line: no metadata pattern matches one.
func TestMetaRulesSkipEmpty(t *testing.T) {
	for _, r := range metaRules() {
		if r.re.MatchString("") {
			t.Errorf("metadata rule %s matches an empty line", r.rule)
		}
	}
	if got := metaRule(Block{Kind: "p", Text: "  "}); got != "" {
		t.Errorf("metaRule(blank) = %q, want none", got)
	}
}

// tailSamples are texts for the rules on the blocks that end a story.
var tailSamples = []string{
	"Disclaimer: the author owns shares.", "Disclosure : none", "Example Media Group, 1200 Harbor Street, Suite 400, Portland, OR 97201",
	"Musterstraße 12, 10115 Berlin", "Phil Helsel is a reporter for NBC News.", "Jane Doe (@jdoe) is a staff writer.",
	"Korrespondent Jan Muster ist bei der Zeitung für Landespolitik zuständig.", "He is a reporter.", "Rue de Rivoli 1",
}

func TestBranchSetsAgree(t *testing.T) {
	for _, tt := range []struct {
		rules   []phraseRule
		sets    []branchSet
		samples []string
	}{
		{boilerplateRules(), needBranches(), needSamples},
		{metaRules(), metaBranches(), metaSamples},
		{tailRules(), tailBranches(), tailSamples},
	} {
		matched := 0
		for _, s := range append(slices.Clone(screenSamples), tt.samples...) {
			for _, v := range []string{s, strings.ToUpper(s), strings.ToLower(s), "x " + s, s + ".", s + " "} {
				branchSetsAgree(t, tt.rules, tt.sets, v)
				if slices.ContainsFunc(tt.rules, func(r phraseRule) bool { return r.re.MatchString(v) }) {
					matched++
				}
			}
		}
		if matched < len(tt.samples) {
			t.Errorf("only %d samples match a rule of %s: the samples no longer exercise the rules", matched, tt.rules[0].rule)
		}
	}
}

func FuzzBranchSets(f *testing.F) {
	for _, s := range append(slices.Clone(screenSamples), needSamples...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 400 {
			return
		}
		branchSetsAgree(t, boilerplateRules(), needBranches(), s)
		branchSetsAgree(t, metaRules(), metaBranches(), s)
		branchSetsAgree(t, tailRules(), tailBranches(), s)
	})
}

// A literal character that folds case matches exactly its case variants.
func TestFoldRuneMatches(t *testing.T) {
	for _, r := range []rune{'a', 'K', 's', 'σ', 'θ', 'ǅ', '1', 'ß', 'İ'} {
		f := newFoldRune(r, true)
		for c := rune(0); c < 0x2200; c++ {
			want := c == r
			for v := unicode.SimpleFold(r); v != r; v = unicode.SimpleFold(v) {
				want = want || c == v
			}
			if got := f.matches(c); got != want {
				t.Errorf("%q folding matches %q: %v, want %v", r, c, got, want)
			}
		}
		if g := newFoldRune(r, false); g.matches(r+1) || !g.matches(r) {
			t.Errorf("%q without folding matches other characters", r)
		}
	}
}

// The branches led by a run of a class get a run screen, and it never
// turns away a text the branch's pattern matches.
func TestRunScreen(t *testing.T) {
	texts := append(slices.Clone(screenSamples), needSamples...)
	texts = append(texts, "Jane Doe, Associated Press", "Tom Krisher, AP Auto Writer", "example.com/news",
		"news-site.example.org/a/b", "Jane, Doe", "Ünal Öz, Reuters", "x\xffy, AP", "K, AP", "")
	screened := 0
	for _, sets := range [][]branchSet{metaBranches(), tailBranches(), needBranches()} {
		for _, bs := range sets {
			for _, b := range bs {
				if b.run == nil {
					continue
				}
				screened++
				for _, s := range texts {
					if b.re().MatchString(s) && !b.run.allows(s) {
						t.Errorf("run screen of %s turns away %q, which it matches", b.re(), s)
					}
				}
			}
		}
	}
	if screened < 2 {
		t.Errorf("%d branches have a run screen, want the byline and bare address ones at least", screened)
	}
	for _, s := range []string{"Jane Doe, Associated Press", "example.com/news"} {
		if metaRule(Block{Kind: "p", Text: s}) == "" {
			t.Errorf("%q is not cut as metadata", s)
		}
	}
	for _, s := range []string{"Jane Doe (AP), Associated Press", "example_com/news"} {
		if got := metaRule(Block{Kind: "p", Text: s}); got == "byline" {
			t.Errorf("%q is cut as %s", s, got)
		}
	}
}

// A branch's head key lets through every text its leading words match,
// and turns away most others.
func TestHeadKey(t *testing.T) {
	texts := append(slices.Clone(screenSamples), needSamples...)
	texts = append(texts, "ſign up", "SIGN UP", "Sign", "sIgN Up for our newsletter", "\u212aeep reading", "x", "")
	keyed, turned := 0, 0
	for _, es := range boilerplateScreen().ascii {
		for _, e := range es {
			if e.head.mask != 0 {
				keyed++
			}
			for _, s := range texts {
				w, present := textHead(s)
				allowed := e.head.allows(w, present)
				if !allowed {
					turned++
				}
				if !allowed && e.b.mayMatch(s, fold(s)) {
					t.Errorf("head key of %s turns away %q, which its prefix matches", e.b.re(), s)
				}
			}
		}
	}
	if keyed < 100 || turned == 0 {
		t.Errorf("%d branches keyed, %d texts turned away: the keys no longer screen", keyed, turned)
	}
}
