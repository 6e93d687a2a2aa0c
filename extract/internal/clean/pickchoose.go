package clean

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Paragraph scoring. A paragraph under minParagraph characters does not
// count; one that does scores 2, one more per comma and one more per
// charsPerPoint characters, up to maxLengthPoints; its parent gains the
// score, its grandparent half, and each ancestor further up, to
// scoredLevels, the score divided by three times its level.
const (
	minParagraph    = 25
	charsPerPoint   = 100
	maxLengthPoints = 3
	scoredLevels    = 5
)

// scoresTag reports the elements readability scores as paragraphs.
func scoresTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Section, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Td, atom.Pre:
		return true
	}
	return false
}

// up returns the index of the pick enclosing the one at i, or -1.
func (p *picker) up(i int32) int32 {
	a := p.all[i].parent
	for a >= 0 && p.all[a].transparent {
		a = p.all[a].parent
	}
	return a
}

// start gives the pick at i its initial score, once.
func (p *picker) start(i int32) bool {
	e := &p.all[i]
	if e.scored {
		return false
	}
	e.scored, e.score = true, p.rules.initialScore(e.node, e.tag)
	return true
}

// score scores every paragraph's ancestors and returns them, the
// candidates, their scores scaled down by their link density.
func (p *picker) score() []int32 {
	var cands []int32
	for i := range p.all {
		e := &p.all[i]
		if e.transparent || !scoresTag(e.tag) || e.text.n < minParagraph {
			continue
		}
		points := 2 + float64(e.commas) + float64(min(e.text.n/charsPerPoint, maxLengthPoints))
		level := 0
		for a := p.up(int32(i)); a >= 0 && level < scoredLevels; a = p.up(a) {
			if p.start(a) {
				cands = append(cands, a)
			}
			divider := 1.0
			switch level {
			case 0:
			case 1:
				divider = 2
			default:
				divider = float64(level * 3)
			}
			p.all[a].score += points / divider
			level++
		}
	}
	for _, c := range cands {
		e := &p.all[c]
		e.score *= 1 - e.density()
	}
	slices.SortStableFunc(cands, func(a, b int32) int {
		switch sa, sb := p.all[a].score, p.all[b].score; {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return 0
	})
	return cands
}

// Container choice. Top candidates within altShare of the best one that
// share an ancestor, at least minAlternatives of them, move the choice to
// that ancestor; the choice climbs to a parent that scores more, while
// scores stay above a third of its own; siblings join when they score
// siblingShare of the choice (at least minSibling), or are paragraphs of
// proseLen characters with little link text, or shorter ones that end a
// sentence and have none.
const (
	topCandidates   = 5
	altShare        = 0.75
	minAlternatives = 3
	siblingShare    = 0.2
	minSibling      = 10
	proseLen        = 80
	proseDensity    = 0.25
)

// choose returns the index of the chosen container, 0 (the body) when
// there is none below it.
func (p *picker) choose(cands []int32) int32 {
	if len(cands) == 0 || cands[0] == 0 {
		return 0
	}
	top := p.widenToShared(cands)
	p.start(top)
	last := p.all[top].score
	floor := last / 3
	for a := p.up(top); a > 0; a = p.up(a) {
		if !p.all[a].scored {
			continue
		}
		if s := p.all[a].score; s < floor {
			break
		} else if s > last {
			top = a
			break
		} else {
			last = s
		}
	}
	for a := p.up(top); a > 0 && p.all[a].elems == 1; a = p.up(a) {
		top = a
	}
	p.start(top)
	return top
}

// widenToShared returns the best candidate, or the ancestor it shares with
// enough candidates that score nearly as well.
func (p *picker) widenToShared(cands []int32) int32 {
	top := cands[0]
	best := p.all[top].score
	var alts []int32
	for _, c := range cands[1:min(len(cands), topCandidates)] {
		if p.all[c].score/best >= altShare {
			alts = append(alts, c)
		}
	}
	if len(alts) < minAlternatives {
		return top
	}
	for a := p.up(top); a > 0; a = p.up(a) {
		n := 0
		for _, c := range alts {
			if p.isAncestor(a, c) {
				n++
			}
		}
		if n >= minAlternatives {
			return a
		}
	}
	return top
}

// isAncestor reports whether the pick at a encloses the one at i.
func (p *picker) isAncestor(a, i int32) bool {
	for i = p.up(i); i >= 0; i = p.up(i) {
		if i == a {
			return true
		}
	}
	return false
}

// joined returns the chosen container and the siblings that join it, in
// page order.
func (p *picker) joined(top int32) []int32 {
	parent := p.up(top)
	e := &p.all[top]
	floor := max(minSibling, e.score*siblingShare)
	class := ""
	if e.last == nil {
		class = attr(e.node, "class")
	}
	var out []int32
	for j := parent + 1; j < int32(len(p.all)); j++ {
		s := &p.all[j]
		if s.transparent || p.up(j) != parent {
			continue
		}
		if j == top {
			out = append(out, j)
			continue
		}
		bonus := 0.0
		if class != "" && s.last == nil && attr(s.node, "class") == class {
			bonus = e.score * siblingShare
		}
		if s.scored && s.score+bonus >= floor || s.tag == atom.P && p.isProse(s) {
			out = append(out, j)
		}
	}
	return out
}

// isProse reports a paragraph sibling that joins the container by its text.
func (p *picker) isProse(s *pick) bool {
	n, d := s.text.n, s.density()
	if n > proseLen {
		return d < proseDensity
	}
	if n == 0 || d > 0 {
		return false
	}
	t := normalizeSpace(p.text(s))
	return strings.HasSuffix(t, ".") || strings.Contains(t, ". ")
}

// text is the text of a pick.
func (p *picker) text(s *pick) string {
	if s.last == nil {
		return innerText(s.node)
	}
	var sb strings.Builder
	for c := s.node; c != nil; c = c.NextSibling {
		sb.WriteString(innerText(c))
		if c == s.last {
			break
		}
	}
	return sb.String()
}

// minArticle is the text, in characters, under which a pass's choice is
// too little and the next pass relaxes a rule.
const minArticle = 500

// pickArticle returns the blocks of the article's container and its
// joined siblings, with the page's byline, or nil when no pass finds any
// text. title is the page's title: the first heading that repeats it is
// left out. Like readability, it relaxes its rules one by one while a pass
// chooses under minArticle characters, and keeps the longest choice.
func pickArticle(doc *html.Node, sites []string, title string) ([]Block, string) {
	body := findBody(doc)
	if body == nil {
		return nil, ""
	}
	var best *attempt
	var byline *string
	for _, r := range relaxations {
		p := newPicker(body, title, r, byline)
		if p.found && byline == nil {
			byline = &p.byline
		}
		a := p.attempt()
		if best == nil || a.n > best.n {
			best = a
		}
		if a.n >= minArticle {
			break
		}
	}
	if best.n == 0 {
		return nil, ""
	}
	b := newBlockBuilder(sites)
	b.article, b.skip = true, best.cuts.cut
	for _, j := range best.parts {
		s := &best.cuts.p.all[j]
		for c := s.node; c != nil; c = c.NextSibling {
			b.walk(c, 0)
			if c == s.last || s.last == nil {
				break
			}
		}
		b.flush()
	}
	if byline == nil {
		return b.blocks, ""
	}
	return b.blocks, *byline
}

// attempt is one pass's choice: the container and its joined siblings,
// what is cut inside them, and their length once cut.
type attempt struct {
	parts []int32
	cuts  *articleCuts
	n     int32
}

// attempt chooses the container: with no container below the body, the
// body, whose children readability then wraps in a box of its own.
func (p *picker) attempt() *attempt {
	top := p.choose(p.score())
	a := &attempt{cuts: &articleCuts{cut: p.skip, p: p}}
	if top == 0 {
		a.parts = []int32{0}
		a.n = a.cuts.box(p.all[0].node, atom.Div, 0)
		return a
	}
	a.parts = p.joined(top)
	for _, j := range a.parts {
		a.n += a.cuts.part(&p.all[j])
	}
	return a
}
