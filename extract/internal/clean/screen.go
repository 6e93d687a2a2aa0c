package clean

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// phraseScreen tells whether a block matches any phrase pattern that has
// no cheap pre-test. All such patterns are anchored at the start of the
// block, so the block's first character rules most of their branches out:
// the screen keeps, for each first character, one pattern joining only the
// branches that can start with it. A block matching none of them (most
// blocks) then costs one short pass of the matcher.
type phraseScreen struct {
	ascii [utf8.RuneSelf]*regexp.Regexp // by first byte; nil when no branch fits
	other *regexp.Regexp                // first rune outside ASCII
}

// match reports whether text (not empty) matches one of the screened
// patterns.
func (p *phraseScreen) match(text string) bool {
	re := p.other
	if c := text[0]; c < utf8.RuneSelf {
		re = p.ascii[c]
	}
	return re != nil && re.MatchString(text)
}

var boilerplateScreen = sync.OnceValue(func() *phraseScreen {
	var branches []firstBranch
	for _, r := range boilerplateRules() {
		if r.need == nil {
			branches = append(branches, splitBranches(r.re)...)
		}
	}
	return newPhraseScreen(branches)
})

// firstBranch is one alternative of an anchored pattern with the
// characters its matches can start with.
type firstBranch struct {
	pattern string
	first   firstSet
}

// newPhraseScreen joins, for each first character, the branches that can
// start with it. Characters with the same branches share one pattern.
func newPhraseScreen(branches []firstBranch) *phraseScreen {
	p := &phraseScreen{}
	compiled := map[string]*regexp.Regexp{}
	join := func(fits func(firstSet) bool) *regexp.Regexp {
		var parts []string
		for _, b := range branches {
			if fits(b.first) {
				parts = append(parts, "(?:"+b.pattern+")")
			}
		}
		if len(parts) == 0 {
			return nil
		}
		src := "^(?:" + strings.Join(parts, "|") + ")"
		if re, ok := compiled[src]; ok {
			return re
		}
		re := regexp.MustCompile(src)
		compiled[src] = re
		return re
	}
	for c := range p.ascii {
		p.ascii[c] = join(func(f firstSet) bool { return f.ascii[c] })
	}
	p.other = join(func(f firstSet) bool { return f.other })
	return p
}

// splitBranches parses an anchored pattern and returns its top-level
// alternatives, each as a pattern of its own with its first characters.
// A pattern matches a text exactly when one of its alternatives does.
func splitBranches(re *regexp.Regexp) []firstBranch {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		panic("clean: phrase pattern does not parse again: " + err.Error())
	}
	var out []firstBranch
	for _, alt := range alternatives(tree) {
		set, nullable := firstOf(alt)
		if nullable {
			set = anyFirst()
		}
		out = append(out, firstBranch{pattern: alt.String(), first: set})
	}
	return out
}

// alternatives spreads a leading alternation over the rest of its
// concatenation: ^(a|b)c becomes ^ac and ^bc. Captures are dropped; they
// do not change whether a pattern matches.
func alternatives(re *syntax.Regexp) []*syntax.Regexp {
	switch re.Op {
	case syntax.OpCapture:
		return alternatives(re.Sub[0])
	case syntax.OpAlternate:
		var out []*syntax.Regexp
		for _, sub := range re.Sub {
			out = append(out, alternatives(sub)...)
		}
		return out
	case syntax.OpConcat:
		i := 0
		for i < len(re.Sub) && zeroWidth(re.Sub[i].Op) {
			i++
		}
		if i == len(re.Sub) {
			break
		}
		heads := alternatives(re.Sub[i])
		if len(heads) == 1 {
			break
		}
		out := make([]*syntax.Regexp, len(heads))
		for k, h := range heads {
			sub := slices.Concat(re.Sub[:i], []*syntax.Regexp{h}, re.Sub[i+1:])
			out[k] = &syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: sub}
		}
		return out
	}
	return []*syntax.Regexp{re}
}

func zeroWidth(op syntax.Op) bool {
	switch op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	return false
}

// firstSet is the set of characters a match can start with: ASCII ones
// one by one, all others together.
type firstSet struct {
	ascii [utf8.RuneSelf]bool
	other bool
}

func anyFirst() firstSet {
	var f firstSet
	for c := range f.ascii {
		f.ascii[c] = true
	}
	f.other = true
	return f
}

func (f *firstSet) add(lo, hi rune) {
	for c := lo; c <= hi && c < utf8.RuneSelf; c++ {
		f.ascii[c] = true
	}
	if hi >= utf8.RuneSelf {
		f.other = true
	}
}

func (f *firstSet) union(g firstSet) {
	for c, ok := range g.ascii {
		f.ascii[c] = f.ascii[c] || ok
	}
	f.other = f.other || g.other
}

// firstOf returns the characters a match of re can start with, and
// whether re can match the empty string (then what follows it can start
// the match too). When unsure it answers every character.
func firstOf(re *syntax.Regexp) (firstSet, bool) {
	var f firstSet
	switch re.Op {
	case syntax.OpNoMatch:
		return f, false
	case syntax.OpLiteral:
		r := re.Rune[0]
		f.add(r, r)
		if re.Flags&syntax.FoldCase != 0 {
			for c := unicode.SimpleFold(r); c != r; c = unicode.SimpleFold(c) {
				f.add(c, c)
			}
		}
		return f, false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			f.add(re.Rune[i], re.Rune[i+1])
		}
		return f, false
	case syntax.OpCapture:
		return firstOf(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		f, _ = firstOf(re.Sub[0])
		return f, true
	case syntax.OpPlus:
		return firstOf(re.Sub[0])
	case syntax.OpRepeat:
		f, nullable := firstOf(re.Sub[0])
		return f, nullable || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			g, nullable := firstOf(sub)
			f.union(g)
			if !nullable {
				return f, false
			}
		}
		return f, true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			g, n := firstOf(sub)
			f.union(g)
			nullable = nullable || n
		}
		return f, nullable
	}
	if zeroWidth(re.Op) {
		return f, true
	}
	return anyFirst(), true // any character, or an operator not known here
}
