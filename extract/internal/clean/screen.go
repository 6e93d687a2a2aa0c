package clean

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// phraseScreen finds the first phrase rule without a need list (a cheap
// pre-test) that a block matches. The patterns are anchored at the start of the block
// and most of their branches begin with words ("read more", "sign up"), so
// the screen splits them into branches and tries a branch's pattern only
// when the block starts with a character the branch can start with and
// with the branch's leading words. A branch that can start with nearly
// anything ("[^.]*/ Getty Images") is tried only when the block holds one
// of the bytes it requires. Most blocks then reach no pattern at all.
type phraseScreen struct {
	ascii [utf8.RuneSelf][]screenEntry // by first byte
	other []*phraseBranch              // first rune outside ASCII
}

// screenEntry is a branch with the first bytes of its leading words, kept
// beside it so that a block starting otherwise is turned away without
// reading the branch.
type screenEntry struct {
	head headKey
	b    *phraseBranch
}

// match reports whether text (not empty) matches one of the screened
// patterns.
func (p *phraseScreen) match(text string) bool {
	return p.first(text, fold(text)) >= 0
}

// first returns the index, among boilerplateRules, of the first screened
// rule that text (not empty) matches, or -1; lower is text lower-cased by
// strings.ToLower (see fold). The branches are kept in the order of their rules, so
// the first branch that matches names it.
func (p *phraseScreen) first(text string, lower *folded) int {
	if c := text[0]; c < utf8.RuneSelf {
		w, present := textHead(text)
		for _, e := range p.ascii[c] {
			if e.head.allows(w, present) && e.b.mayMatch(text, lower) && e.b.re().MatchString(text) {
				return e.b.rule
			}
		}
		return -1
	}
	for _, b := range p.other {
		if b.mayMatch(text, lower) && b.re().MatchString(text) {
			return b.rule
		}
	}
	return -1
}

var boilerplateScreen = sync.OnceValue(func() *phraseScreen {
	p := &phraseScreen{}
	for i, r := range boilerplateRules() {
		if r.need != nil {
			continue
		}
		for _, b := range splitBranches(r.re) {
			b.rule = i
			head := newHeadKey(b.prefix)
			for c := range p.ascii {
				if b.first.ascii[c] {
					p.ascii[c] = append(p.ascii[c], screenEntry{head, b})
				}
			}
			if b.first.other {
				p.other = append(p.other, b)
			}
		}
	}
	return p
})

// branchSet is one anchored pattern split into its alternatives (see
// splitBranches): it matches a text exactly when the pattern does, but
// tries the pattern of an alternative only once the cheap tests pass.
type branchSet []*phraseBranch

// match reports whether text (not empty) matches the pattern; lower is
// text lower-cased (see fold).
func (bs branchSet) match(text string, lower *folded) bool {
	c := text[0]
	for _, b := range bs {
		starts := b.first.other
		if c < utf8.RuneSelf {
			starts = b.first.ascii[c]
		}
		if starts && b.mayMatch(text, lower) && b.re().MatchString(text) {
			return true
		}
	}
	return false
}

// branchSets splits the pattern of each rule for which split is true, and
// leaves the others nil.
func branchSets(rules []phraseRule, split func(phraseRule) bool) []branchSet {
	out := make([]branchSet, len(rules))
	for i, r := range rules {
		if split(r) {
			out[i] = splitBranches(r.re)
		}
	}
	return out
}

// phraseBranch is one alternative of an anchored pattern.
type phraseBranch struct {
	rule   int                   // index of its rule in boilerplateRules
	first  firstSet              // the characters a match can start with
	last   *firstSet             // for a pattern anchored at the end, the characters a match can end with
	prefix []foldRune            // the literal text every match starts with
	need   string                // for a branch that can start with nearly anything, bytes one of which it requires
	lits   literalSets           // literals of the lower-cased text every match holds
	run    *runScreen            // for a branch led by a run of a class, where the run must end
	re     func() *regexp.Regexp // compiled on first use: most branches never get that far
}

// mayMatch runs the cheap tests of b on text: its leading words, and the
// bytes and the literals of lower (text lower-cased) it requires.
func (b *phraseBranch) mayMatch(text string, lower *folded) bool {
	i := 0
	for _, f := range b.prefix {
		if i >= len(text) {
			return false
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !f.matches(r) {
			return false
		}
		i += size
	}
	if b.last != nil && !b.last.holdsLast(text) {
		return false
	}
	if b.run != nil && !b.run.allows(text) {
		return false
	}
	return (b.need == "" || strings.ContainsAny(text, b.need)) && b.lits.holds(lower)
}

// foldRune is one character of a literal and, when it matches its case
// variants too, those variants (at most maxVariants; a rune with more
// keeps fold set and has them found at match time).
type foldRune struct {
	r        rune
	fold     bool
	variants []rune
}

// maxVariants bounds the case variants a foldRune lists.
const maxVariants = 3

// newFoldRune returns the literal character r, matching its case variants
// when fold is set.
func newFoldRune(r rune, fold bool) foldRune {
	f := foldRune{r: r, fold: fold}
	if !fold {
		return f
	}
	for c := unicode.SimpleFold(r); c != r; c = unicode.SimpleFold(c) {
		if len(f.variants) == maxVariants {
			f.variants = nil
			return f
		}
		f.variants = append(f.variants, c)
	}
	f.fold = false // the variants say it all
	return f
}

func (f foldRune) matches(r rune) bool {
	if r == f.r {
		return true
	}
	for _, v := range f.variants {
		if v == r {
			return true
		}
	}
	if !f.fold {
		return false
	}
	for c := unicode.SimpleFold(f.r); c != f.r; c = unicode.SimpleFold(c) {
		if c == r {
			return true
		}
	}
	return false
}

// splitBranches parses an anchored pattern and returns its alternatives.
// A text matches the pattern exactly when it matches one of them.
func splitBranches(re *regexp.Regexp) []*phraseBranch {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		panic("clean: phrase pattern does not parse again: " + err.Error())
	}
	var out []*phraseBranch
	for _, alt := range alternatives(tree, maxBranches) {
		set, nullable := firstOf(alt)
		if nullable {
			set = anyFirst()
		}
		b := &phraseBranch{
			first:  set,
			prefix: literalPrefix(alt),
			lits:   requiredLiterals(alt),
			re: sync.OnceValue(func() *regexp.Regexp {
				return regexp.MustCompile("^(?:" + alt.String() + ")")
			}),
		}
		if set.size() > wideFirst {
			b.need = requiredBytes(alt)
		}
		if last, ok := lastOfAnchored(alt); ok {
			b.last = &last
		}
		b.run = leadingRun(alt)
		out = append(out, b)
	}
	return out
}

// maxBranches bounds the alternatives one pattern is split into.
const maxBranches = 256

// alternatives rewrites re as a list of patterns that match what re
// matches, spreading what a match can begin with: ^(a|b)c becomes ^ac and
// ^bc, ^x?y becomes ^xy and ^y, ^x*y becomes ^y and ^x+y. Captures are
// dropped; they do not change whether a pattern matches. It returns re
// alone when spreading it would give more than limit patterns.
func alternatives(re *syntax.Regexp, limit int) []*syntax.Regexp {
	var out []*syntax.Regexp
	switch re.Op {
	case syntax.OpCapture:
		return alternatives(re.Sub[0], limit)
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			out = append(out, alternatives(sub, limit)...)
		}
	case syntax.OpConcat:
		out = spreadHead(re, limit)
	}
	if len(out) == 0 || len(out) > limit {
		return []*syntax.Regexp{re}
	}
	return out
}

// spreadHead spreads the first part of a concatenation that is not
// zero-width, or returns nil when it cannot.
func spreadHead(re *syntax.Regexp, limit int) []*syntax.Regexp {
	i := 0
	for i < len(re.Sub) && zeroWidth(re.Sub[i].Op) {
		i++
	}
	if i == len(re.Sub) {
		return nil
	}
	pre, head, rest := re.Sub[:i], re.Sub[i], re.Sub[i+1:]
	concat := func(parts ...*syntax.Regexp) *syntax.Regexp {
		sub := append(append(append([]*syntax.Regexp{}, pre...), parts...), rest...)
		return &syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: sub}
	}
	var heads [][]*syntax.Regexp
	switch head.Op {
	case syntax.OpCapture, syntax.OpAlternate:
		alts := alternatives(head, limit)
		if len(alts) == 1 {
			return nil
		}
		for _, h := range alts {
			heads = append(heads, []*syntax.Regexp{h})
		}
	case syntax.OpConcat:
		heads = [][]*syntax.Regexp{head.Sub}
	case syntax.OpQuest:
		heads = [][]*syntax.Regexp{{head.Sub[0]}, nil}
	case syntax.OpStar:
		plus := &syntax.Regexp{Op: syntax.OpPlus, Flags: head.Flags, Sub: head.Sub}
		heads = [][]*syntax.Regexp{{plus}, nil}
	default:
		return nil
	}
	var out []*syntax.Regexp
	for _, h := range heads {
		out = append(out, alternatives(concat(h...), limit)...)
		if len(out) > limit {
			return nil
		}
	}
	return out
}

// literalPrefix returns the literal characters every match of re starts
// with.
func literalPrefix(re *syntax.Regexp) []foldRune {
	parts := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		parts = re.Sub
	}
	var out []foldRune
	for _, part := range parts {
		if zeroWidth(part.Op) && len(out) == 0 {
			continue
		}
		if part.Op != syntax.OpLiteral {
			break
		}
		for _, r := range part.Rune {
			out = append(out, newFoldRune(r, part.Flags&syntax.FoldCase != 0))
		}
	}
	return out
}

// wideFirst is the number of ASCII characters past which a branch counts
// as starting with nearly anything.
const wideFirst = 64

// maxNeed bounds the bytes a branch may require one of: more would make
// the test pass too often to be worth it.
const maxNeed = 8

// requiredBytes returns ASCII bytes one of which every match of re holds:
// the first characters of a part of re that cannot be empty. It returns ""
// when no part has few enough of them, all ASCII.
func requiredBytes(re *syntax.Regexp) string {
	parts := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		parts = re.Sub
	}
	best := ""
	for _, part := range parts {
		set, nullable := firstOf(part)
		if nullable || set.other || set.size() > maxNeed {
			continue
		}
		var b []byte
		for c, ok := range set.ascii {
			if ok {
				b = append(b, byte(c))
			}
		}
		if best == "" || len(b) < len(best) {
			best = string(b)
		}
	}
	return best
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

// size is the number of ASCII characters in f.
func (f *firstSet) size() int {
	n := 0
	for _, ok := range f.ascii {
		if ok {
			n++
		}
	}
	return n
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

// holdsLast reports whether the last character of text (not empty) is in
// f; invalid UTF-8 reads as U+FFFD, as the matcher reads it.
func (f *firstSet) holdsLast(text string) bool {
	if c := text[len(text)-1]; c < utf8.RuneSelf {
		return f.ascii[c]
	}
	return f.other
}

// lastOfAnchored returns the characters a match of re must end with when
// re ends at the end of the text ("…(less|more)$"), and false when it does
// not or when a match may be empty there.
func lastOfAnchored(re *syntax.Regexp) (firstSet, bool) {
	if re.Op != syntax.OpConcat || len(re.Sub) == 0 || re.Sub[len(re.Sub)-1].Op != syntax.OpEndText {
		return firstSet{}, false
	}
	f, nullable := lastOf(&syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: re.Sub[:len(re.Sub)-1]})
	// A wide set still rules out texts that end a sentence when it lacks
	// the full stop ("…[^.!?]{0,80}$"), at the cost of one look-up.
	return f, !nullable && (f.size() < utf8.RuneSelf || !f.other)
}

// firstOf returns the characters a match of re can start with, and
// whether re can match the empty string (then what follows it can start
// the match too). When unsure it answers every character.
func firstOf(re *syntax.Regexp) (firstSet, bool) { return edgeOf(re, false) }

// lastOf is firstOf read from the end: the characters a match of re can
// end with, and whether re can match the empty string.
func lastOf(re *syntax.Regexp) (firstSet, bool) { return edgeOf(re, true) }

// edgeOf is firstOf, or lastOf when fromEnd is set.
func edgeOf(re *syntax.Regexp, fromEnd bool) (firstSet, bool) {
	var f firstSet
	switch re.Op {
	case syntax.OpNoMatch:
		return f, false
	case syntax.OpLiteral:
		r := re.Rune[0]
		if fromEnd {
			r = re.Rune[len(re.Rune)-1]
		}
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
	case syntax.OpCapture, syntax.OpPlus:
		return edgeOf(re.Sub[0], fromEnd)
	case syntax.OpStar, syntax.OpQuest:
		f, _ = edgeOf(re.Sub[0], fromEnd)
		return f, true
	case syntax.OpRepeat:
		f, nullable := edgeOf(re.Sub[0], fromEnd)
		return f, nullable || re.Min == 0
	case syntax.OpConcat:
		for k := range re.Sub {
			sub := re.Sub[k]
			if fromEnd {
				sub = re.Sub[len(re.Sub)-1-k]
			}
			g, nullable := edgeOf(sub, fromEnd)
			f.union(g)
			if !nullable {
				return f, false
			}
		}
		return f, true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			g, n := edgeOf(sub, fromEnd)
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

// runScreen screens a branch that starts with a class repeated without
// bound ("[\p{L} .'-]+,", "[\w-]+\.") and goes on with a part whose first
// characters are all outside the class. A match's run cannot stop before
// a character of the class (the part could not start there) nor pass one
// outside it, so it ends at the text's first character outside the class,
// which must start the part.
type runScreen struct {
	ascii  [utf8.RuneSelf]bool // the class, ASCII characters
	ranges []rune              // the class, as sorted pairs lo, hi
	min    int                 // the fewest characters of the run
	next   firstSet            // the characters the part after the run can start with
	empty  bool                // whether the part after the run can match the empty string
}

// leadingRun returns the run screen of an anchored branch, or nil when the
// branch does not start with such a run.
func leadingRun(re *syntax.Regexp) *runScreen {
	if re.Op != syntax.OpConcat {
		return nil
	}
	i := 0
	for i < len(re.Sub) && zeroWidth(re.Sub[i].Op) {
		i++
	}
	if i == len(re.Sub) {
		return nil
	}
	head := re.Sub[i]
	min := 0
	switch {
	case head.Op == syntax.OpPlus:
		min = 1
	case head.Op == syntax.OpStar:
	case head.Op == syntax.OpRepeat && head.Max == -1:
		min = head.Min
	default:
		return nil
	}
	if head.Sub[0].Op != syntax.OpCharClass {
		return nil
	}
	rs := &runScreen{ranges: head.Sub[0].Rune, min: min}
	wide := false
	for k := 0; k+1 < len(rs.ranges); k += 2 {
		for c := rs.ranges[k]; c <= rs.ranges[k+1] && c < utf8.RuneSelf; c++ {
			rs.ascii[c] = true
		}
		wide = wide || rs.ranges[k+1] >= utf8.RuneSelf
	}
	rs.next, rs.empty = firstOf(&syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: re.Sub[i+1:]})
	if rs.next.other && wide {
		return nil // not known to be outside the class
	}
	for c, ok := range rs.next.ascii {
		if ok && rs.ascii[c] {
			return nil
		}
	}
	return rs
}

// allows reports whether text may match: its first character outside
// the class comes after at least min of the class and may start the rest.
// Invalid UTF-8 reads as U+FFFD, as the matcher reads it.
func (rs *runScreen) allows(text string) bool {
	n := 0
	for i := 0; i < len(text); n++ {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !rs.holds(r) {
			if n < rs.min {
				return false
			}
			if r < utf8.RuneSelf {
				return rs.next.ascii[r]
			}
			return rs.next.other
		}
		i += size
	}
	return n >= rs.min && rs.empty
}

// holds reports whether r is in the class.
func (rs *runScreen) holds(r rune) bool {
	if r < utf8.RuneSelf {
		return rs.ascii[r]
	}
	// The first pair whose upper bound is r or more.
	k := sort.Search(len(rs.ranges)/2, func(k int) bool { return rs.ranges[2*k+1] >= r })
	return k < len(rs.ranges)/2 && rs.ranges[2*k] <= r
}

// headKey is the leading ASCII characters of a branch's literal prefix, up
// to eight, as the bytes of a little-endian word: a text starting with
// ASCII bytes is compared with them in one step.
type headKey struct {
	key  uint64 // the bytes, lower-cased where the character folds case
	mask uint64 // 0xff for each byte the key holds
	fold uint64 // 0x20 for each byte that matches both its cases
}

// newHeadKey builds the key of a literal prefix. It stops at the first
// character that is not ASCII or that matches other ASCII bytes than
// itself and its other case.
func newHeadKey(prefix []foldRune) headKey {
	var h headKey
	for k, f := range prefix {
		if k == 8 || f.r >= utf8.RuneSelf {
			break
		}
		var set []byte
		for c := byte(0); c < utf8.RuneSelf; c++ {
			if f.matches(rune(c)) {
				set = append(set, c)
			}
		}
		shift := 8 * uint(k)
		switch {
		case len(set) == 1:
			h.key |= uint64(set[0]) << shift
		case len(set) == 2 && set[1] == set[0]|0x20 && 'a' <= set[1] && set[1] <= 'z':
			h.key |= uint64(set[1]) << shift
			h.fold |= 0x20 << shift
		default:
			return h
		}
		h.mask |= 0xff << shift
	}
	return h
}

// textHead returns the first eight bytes of text as a little-endian word,
// and 0xff for each byte text has.
func textHead(text string) (w, present uint64) {
	for k := 0; k < 8 && k < len(text); k++ {
		w |= uint64(text[k]) << (8 * uint(k))
		present |= 0xff << (8 * uint(k))
	}
	return w, present
}

// allows reports whether a text whose head is w (see textHead) may start
// with the prefix. A byte outside ASCII may start a case variant outside
// ASCII ("ſ" for "s"): then the full test decides.
func (h headKey) allows(w, present uint64) bool {
	if w&h.mask&0x8080808080808080 != 0 {
		return true
	}
	if h.mask&^present != 0 {
		return false // the text is shorter than the prefix
	}
	return (w|h.fold)&h.mask == h.key
}
