package clean

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
)

// A phrase branch that can start with nearly anything ("[^.]{1,80} via
// Getty Images", "… follow us on Twitter") would be tried on almost every
// block. Most such branches hold literal words every match contains, and a
// search of the lower-cased block for them is far cheaper than the
// pattern. requiredLiterals finds them.
//
// The search runs on strings.ToLower of the block, which lower-cases rune
// by rune, so a literal rune stands for the one lower-case rune of every
// rune it matches. A rune whose case variants lower-case to different runes
// (ſ stays ſ while S becomes s) ends a literal there.

// minLiteral is the shortest literal worth a search: shorter ones are in
// nearly every block.
const minLiteral = 3

// maxLiterals bounds the literals of a list, one of which a match holds:
// a longer list costs more searches than it saves.
const maxLiterals = 16

// literalSets are lists of lower-case literals: every match holds one
// literal of each list.
type literalSets [][]string

// holds reports whether lower holds one literal of each list.
func (ls literalSets) holds(lower *folded) bool {
	for _, set := range ls {
		found := false
		for _, lit := range set {
			if lower.contains(lit) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// requiredLiterals returns the literal lists every match of re holds,
// those worth searching for, the most telling first.
func requiredLiterals(re *syntax.Regexp) literalSets {
	var out literalSets
	for _, set := range literalsOf(re) {
		if len(set) <= maxLiterals && shortest(set) >= minLiteral {
			out = append(out, set)
		}
	}
	slices.SortStableFunc(out, func(a, b []string) int { return shortest(b) - shortest(a) })
	return out
}

// literalsOf returns literal lists every match of re holds, of any length.
func literalsOf(re *syntax.Regexp) literalSets {
	switch re.Op {
	case syntax.OpLiteral:
		var out literalSets
		for _, piece := range lowerPieces(re) {
			out = append(out, []string{piece})
		}
		return out
	case syntax.OpCapture, syntax.OpPlus:
		return literalsOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return literalsOf(re.Sub[0])
		}
	case syntax.OpConcat:
		var out literalSets
		for _, sub := range re.Sub {
			out = append(out, literalsOf(sub)...)
		}
		return out
	case syntax.OpAlternate:
		// A match holds the literals of one alternative: the best list of
		// each, joined, is a list one of which every match holds.
		var set []string
		for _, sub := range re.Sub {
			best := bestSet(literalsOf(sub))
			if best == nil {
				return nil
			}
			set = append(set, best...)
		}
		return literalSets{set}
	}
	return nil
}

// bestSet returns the list of sets whose shortest literal is longest, or
// nil when there is none.
func bestSet(sets literalSets) []string {
	var best []string
	for _, set := range sets {
		if best == nil || shortest(set) > shortest(best) {
			best = set
		}
	}
	return best
}

func shortest(set []string) int {
	n := -1
	for _, s := range set {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

// lowerPieces returns the runs of literal re, lower-cased, cut where a
// rune does not stand for a single lower-case rune.
func lowerPieces(re *syntax.Regexp) []string {
	fold := re.Flags&syntax.FoldCase != 0
	var out []string
	var b strings.Builder
	for _, r := range re.Rune {
		l, ok := lowerOf(r, fold)
		if !ok {
			if b.Len() > 0 {
				out = append(out, b.String())
				b.Reset()
			}
			continue
		}
		b.WriteRune(l)
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

// lowerOf returns the rune strings.ToLower turns every rune matched by r
// into, and false when they do not all become the same one.
func lowerOf(r rune, fold bool) (rune, bool) {
	l := unicode.ToLower(r)
	if l == unicode.ReplacementChar {
		return 0, false // invalid UTF-8 lower-cases to it too
	}
	if !fold {
		return l, true
	}
	for c := unicode.SimpleFold(r); c != r; c = unicode.SimpleFold(c) {
		if unicode.ToLower(c) != l {
			return 0, false
		}
	}
	return l, true
}
