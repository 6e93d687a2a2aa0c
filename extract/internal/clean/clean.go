// Package clean finds an article's body and removes what readers do not
// want from it: ad slots and labels, captions printed twice, repeated
// paragraphs, newsletter and paywall boxes, follow prompts, read-more and
// related links, share bars, consent notices, skip links, author boxes and
// comments.
//
// It works in three passes. Before the page is scored, containers marked as
// furniture by their markup (tag, class, id, role, aria) are cut. The main
// content is then chosen by readability's method on measures taken in one
// walk (pick.go), or by readability itself
// (codeberg.org/readeck/go-readability/v2) when that choice is unsure. It is
// turned into blocks, and block rules cut what markup could not reveal:
// boilerplate phrases, link-dense blocks and duplicates. Plain-text dumps go
// through the same block rules.
package clean

import (
	"errors"
	"log/slog"
	"net/url"
	"slices"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// Config controls cleaning.
type Config struct {
	URL     *url.URL
	Explain bool
	Title   string // the page's title from metadata, to drop a repeated headline
	Site    string // the host of the page's canonical address, when it has one
	Logger  *slog.Logger
	// Credited tells that the page's metadata names an author: the byline
	// found in the page is then not reported (readability's rule, though
	// readability would also leave that element in the page).
	Credited bool
}

// sites are the page's hosts: Site and the host of URL.
func (c Config) sites() []string {
	var hs []string
	if c.Site != "" {
		hs = append(hs, bareHost(c.Site))
	}
	if c.URL != nil && c.URL.Hostname() != "" {
		hs = append(hs, bareHost(c.URL.Hostname()))
	}
	return hs
}

// Removal is one cut block.
type Removal struct {
	Rule string
	Text string // shortened for display
	Full string // the whole text that was cut, for audits
}

// Result is the cleaned article.
type Result struct {
	Title   string
	Byline  string
	Blocks  []Block
	Removed []Removal
	// Recovered is set when the safety net replaced a cleaned article that
	// was a small part of the page with the one found on the whole page.
	Recovered bool
}

// titleOr returns the title of r, or title when there is no r.
func (r *Result) titleOr(title string) string {
	if r == nil {
		return title
	}
	return r.Title
}

// quiet discards readability's logs without formatting them.
var quiet = slog.New(slog.DiscardHandler)

// ErrEmpty is returned when nothing of the article remains.
var ErrEmpty = errors.New("no content left after cleaning")

type state struct {
	cfg     Config
	removed []Removal
	text    bool // the input is a text dump: no markup to tell links or lists
}

func (s *state) cut(rule, text string) {
	if s.cfg.Explain {
		full := normalizeSpace(text)
		s.removed = append(s.removed, Removal{Rule: rule, Text: shorten(full, 200), Full: full})
	}
}

// HTML cleans a parsed page. doc is modified.
//
// When the cleaned article is a small part of the page's text, the cut
// containers are put back and the container is chosen again on the whole
// page (a safety net: a class rule may have cut the story, or the choice may
// have fallen on a smaller container once the furniture was gone); the larger
// article wins when it is much larger.
func HTML(doc *html.Node, cfg Config) (*Result, error) {
	cuts, page := preClean(doc, false)
	flight := flightScripts(cuts)
	res, err := markupArticle(doc, cfg, cuts, page)
	if len(flight) > 0 {
		res, err = flightResult(flight, cfg, res, err)
	}
	return res, err
}

// flightResult returns the story in the page's flight data when it
// replaces res, the article found in the markup; else res and err.
func flightResult(flight []string, cfg Config, res *Result, err error) (*Result, error) {
	// The story may be in the page's flight data rather than its markup.
	fs := &state{cfg: cfg}
	var cleaned []Block
	if res != nil {
		cleaned = res.Blocks
	}
	if blocks := fs.flightArticle(flight, cleaned); len(blocks) > 0 {
		return &Result{Title: res.titleOr(cfg.Title), Blocks: blocks, Removed: fs.removed, Recovered: true}, nil
	}
	return res, err
}

// markupArticle finds and cleans the article of a page preClean has cut, with
// the safety net.
func markupArticle(doc *html.Node, cfg Config, cuts []removal, page measure) (*Result, error) {
	s := &state{cfg: cfg}
	s.explainCuts(cuts)
	res, err := s.article(doc)
	if !needsSafetyNet(res, page) {
		return res, err
	}
	restore(cuts)
	again := &state{cfg: cfg}
	cuts2, _ := preClean(doc, true)
	again.explainCuts(cuts2)
	best, bestErr := res, err
	if res2, err2 := again.article(doc); err2 == nil && (best == nil || recovers(res2.Blocks, best.Blocks)) {
		res2.Recovered = true
		best, bestErr = res2, nil
	}
	// The choice may still fall on a box of disclaimers or teasers over the
	// story when the story is not in one container it scores well; the
	// container that holds most of the page's paragraphs is the last try.
	if n := proseContainer(doc); n != nil {
		third := &state{cfg: cfg}
		blocks := third.filter(toBlocks(n, cfg.sites()), cfg.Title)
		if len(blocks) > 0 && (best == nil || blocksLen(blocks) >= proseRatio*blocksLen(best.Blocks)) {
			best = &Result{Title: best.titleOr(cfg.Title), Blocks: blocks, Removed: append(again.removed, third.removed...), Recovered: true}
			bestErr = nil
		}
	}
	return best, bestErr
}

// explainCuts records the containers preClean cut, when explaining.
func (s *state) explainCuts(cuts []removal) {
	if !s.cfg.Explain {
		return
	}
	for _, r := range cuts {
		if r.rule == "" {
			continue
		}
		if t := nodeText(r.node); strings.TrimSpace(t) != "" || r.rule == "tag:iframe" {
			s.cut(r.rule, t)
		}
	}
}

// Safety net thresholds. The article is suspect when it is under
// smallShare of the page's text and under smallProse of the page's
// paragraph text outside links (a page whose paragraphs are mostly the
// story's needs no second look). recoverRatio is how many times larger the
// article found on the whole page must be to replace it; the container
// with most paragraphs is a cruder guess than readability's and must be
// proseRatio times larger.
const (
	smallShare   = 0.3
	smallProse   = 0.6
	recoverRatio = 2
	proseRatio   = 4
)

// recovers reports whether the article found on the whole page replaces
// the cleaned one: it is much larger and holds most of the cleaned one,
// unless that was a fragment or the found one is larger still. (The comment
// thread, which is often longer than a short story and which readability
// alone may take for the article, stays cut in the second pass.)
func recovers(found, cleaned []Block) bool {
	have, more := blocksLen(cleaned), blocksLen(found)
	if more < recoverRatio*have {
		return false
	}
	return have < fragmentLen || more >= proseRatio*have || holdsMost(found, cleaned)
}

// fragmentLen is the text length under which a cleaned article is a
// fragment (a label, a caption, a teaser) that need not be found again.
const fragmentLen = 500

// holdsMost reports whether blocks hold most of the text of the longer
// blocks of part.
func holdsMost(blocks, part []Block) bool {
	in := make(map[string]bool, len(blocks))
	for _, b := range blocks {
		in[fingerprint(b.Text)] = true
	}
	found, all := 0, 0
	for _, b := range part {
		if len(b.Text) < 40 {
			continue
		}
		all += len(b.Text)
		if in[fingerprint(b.Text)] {
			found += len(b.Text)
		}
	}
	return all > 0 && found*10 >= all*7
}

func needsSafetyNet(res *Result, page measure) bool {
	if res == nil {
		return page.text > 0
	}
	n := float64(blocksLen(res.Blocks))
	return n < smallShare*float64(page.text) && n < smallProse*float64(page.prose)
}

// article finds the article's container in doc, by its own choice or,
// when that is unsure, readability's, and cleans its blocks.
func (s *state) article(doc *html.Node) (*Result, error) {
	sites := s.cfg.sites()
	var title string
	blocks, byline := pickArticle(doc, sites, s.cfg.Title)
	if s.cfg.Credited {
		byline = ""
	}
	if blocks == nil {
		p := readability.NewParser()
		p.Logger = quiet // its default formats every message, then drops it
		if s.cfg.Logger != nil {
			p.Logger = s.cfg.Logger
		}
		art, err := p.ParseAndMutate(doc, s.cfg.URL)
		if err != nil {
			return nil, err
		}
		if art.Node == nil {
			return nil, ErrEmpty
		}
		blocks = toBlocks(art.Node, sites)
		title, byline = art.Title(), art.Byline()
	}
	if wide := widen(doc, blocks, sites); wide != nil {
		blocks = wide
	}
	filterTitle := s.cfg.Title
	if filterTitle == "" {
		filterTitle = title
	}
	blocks = s.filter(blocks, filterTitle)
	if len(blocks) == 0 {
		return nil, ErrEmpty
	}
	return &Result{Title: title, Byline: byline, Blocks: blocks, Removed: s.removed}, nil
}

// Text cleans a page already scraped to text: blocks are separated by
// blank lines or, in dumps with no blank lines, by line breaks.
func Text(text string, cfg Config) (*Result, error) {
	s := &state{cfg: cfg, text: true}
	var blocks []Block
	text = strings.ReplaceAll(text, "\r\n", "\n")
	sep := "\n\n"
	if !strings.Contains(text, "\n\n") {
		sep = "\n"
	}
	for _, part := range strings.Split(text, sep) {
		t := normalizeSpace(part)
		if t == "" {
			continue
		}
		kind := "p"
		if isHeadingLine(t) {
			kind = "h"
		}
		blocks = append(blocks, Block{Kind: kind, Level: 2, Text: t})
	}
	blocks = s.filter(blocks, "")
	if len(blocks) == 0 {
		return nil, ErrEmpty
	}
	// The first short line without a final stop, followed by more text,
	// is the headline.
	title := ""
	if len(blocks) > 1 && isTitleLine(blocks[0].Text) {
		title = blocks[0].Text
		blocks = blocks[1:]
	}
	return &Result{Title: title, Blocks: blocks, Removed: s.removed}, nil
}

// isHeadingLine reports a short line in capitals, as text dumps print
// cross-heads ("CYBER-SECURITY THREATS").
func isHeadingLine(t string) bool {
	if wordCount(t) > 8 || len(t) < 4 {
		return false
	}
	letters := 0
	for _, r := range t {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters >= 3
}

func isTitleLine(t string) bool {
	n := wordCount(t)
	if n < 3 || n > 30 {
		return false
	}
	last := t[len(t)-1]
	return last != '.' && last != ':' && last != ','
}

// filter applies the block rules in order: rules on one block (phrases,
// page metadata, links), then rules on the block's place (the headline and
// standfirst at the top, the credits after the story), then repetition.
func (s *state) filter(blocks []Block, title string) []Block {
	countWords(blocks)
	if s.text {
		blocks = s.trimMenu(blocks)
	}
	kept := s.cutBlocks(blocks, !isGallery(blocks))
	kept = s.trimHead(kept, words(title))
	kept = s.trimTail(kept)
	return s.cutRepeats(kept)
}

// isGallery reports a photo gallery, which tells its story in captions:
// many of them, or a large share of the text.
func isGallery(blocks []Block) bool {
	captions, nCaptions, total := 0, 0, 0
	for _, b := range blocks {
		total += len(b.Text)
		if b.Kind == "caption" {
			captions += len(b.Text)
			nCaptions++
		}
	}
	return float64(captions) >= captionShare*float64(total) ||
		(nCaptions >= galleryCaptions && float64(captions) >= galleryShare*float64(total))
}

// cutBlocks applies the rules on each block and on the block cut before
// it, and returns the blocks kept.
func (s *state) cutBlocks(blocks []Block, cutCaptions bool) []Block {
	// The phrase rules are read once a block: they also tell furniture
	// written as sentences from the story's prose.
	phrases := make([]string, len(blocks))
	for i, b := range blocks {
		if len(b.Text) <= maxRuleText || b.nWords() <= promoWords {
			blocks[i].lower = fold(b.Text)
		}
		phrases[i] = foldedRule(b.Text, blocks[i].lower)
	}
	first, last := proseSpan(blocks, phrases)
	kept := blocks[:0]
	prev := "" // the rule that cut the block before, if any
	for i, b := range blocks {
		inside := i > first && i < last
		if b.Kind == "h" && isLinkHeading(b) {
			// Before or after the story, a run of linked titles is a list
			// of teasers; a linked title on its own there (a product, an
			// event in a list page) and every heading inside the story are
			// the story's own.
			inside = inside || !amongLinks(blocks, i)
		}
		rule := s.blockRule(b, phrases[i], cutCaptions, inside)
		if rule == "" {
			rule = s.followRule(prev, b, inside)
		}
		if rule == "" {
			rule = placeRule(blocks, phrases, i, first, last, prev)
		}
		if rule != "" {
			s.cut(rule, b.Text)
			if prev == "related-list" && (rule == "date-line" || rule == "read-more") {
				rule = "related-list"
			}
			prev = rule
			continue
		}
		prev = ""
		kept = append(kept, b)
	}
	// A list of teasers that ends the page is seen once the furniture
	// around it is gone.
	if r := riverStart(kept); r < len(kept) {
		for _, b := range kept[r:] {
			s.cut("teaser-list", b.Text)
		}
		kept = kept[:r]
	}
	return kept
}

// placeRule names the rule that cuts blocks[i] for where it stands, or "":
// a newsletter box that ends the story, and the headlines of the site's
// other stories under their kickers, even between two paragraphs
// ("Archäologie: Simple Erklärung für …"). A list of the story's sources
// links elsewhere, and a guide's list of products or courses has no
// kickers. prev is the rule that cut the block before.
func placeRule(blocks []Block, phrases []string, i, first, last int, prev string) string {
	b := blocks[i]
	atEnd := last > first && (i >= last || i > first && newsletterEnds(blocks[i:], phrases[i:]))
	if atEnd && isNewsletterBox(b, prev) {
		return "newsletter"
	}
	if isKickerTeaser(b) && amongTeasers(blocks, i) {
		return "related-list"
	}
	return ""
}

// cutRepeats cuts blocks printed twice: the same text again close by or
// repeating the lead, and a near copy of a lead block. A text that recurs
// three times or more is part of the article's structure (the same question
// put to each interviewee, the same line in each day of a meal plan), not a
// repeat printed by the page.
func (s *state) cutRepeats(kept []Block) []Block {
	fps := fingerprints(kept)
	count := make(map[string]int, len(kept))
	for _, fp := range fps {
		count[fp]++
	}
	out := kept[:0]
	var lead []lazyPairs // word pairs of the first kept blocks
	seen := make(map[string]int, len(kept))
	for i, b := range kept {
		fp := fps[i]
		if fp == "" {
			s.cut("no-words", b.Text)
			continue
		}
		recurs := count[fp] >= recurring
		if j, dup := seen[fp]; dup && (i-j <= 2 || !recurs && j < leadBlocks && b.nWords() >= shortBlock) {
			s.cut("duplicate", b.Text)
			continue
		}
		seen[fp] = i
		ps := lazyPairs{n: -1} // no pairs, unless the block is compared
		if len(lead) < leadBlocks || i < nearWindow && !recurs && nearLeadSize(lead, b.nWords()) {
			ps = lazyPairs{text: b.Text, lower: b.lower, n: countWordsUpTo(b.Text, nearDuplicateMax)}
		}
		if !recurs && i < nearWindow && b.Kind != "pre" && nearDuplicate(lead, &ps) {
			s.cut("near-duplicate", b.Text)
			continue
		}
		if len(lead) < leadBlocks {
			lead = append(lead, ps)
		}
		out = append(out, b)
	}
	return out
}

// fingerprints returns the fingerprint of each block's text, cut from
// one string.
func fingerprints(blocks []Block) []string {
	n := 0
	for _, b := range blocks {
		n += len(b.Text)
	}
	var all strings.Builder
	all.Grow(n)
	var scratch []byte
	ends := make([]int, len(blocks))
	for i, b := range blocks {
		scratch = appendFingerprint(scratch[:0], b.Text)
		all.Write(scratch)
		ends[i] = all.Len()
	}
	whole := all.String()
	fps := make([]string, len(blocks))
	start := 0
	for i, end := range ends {
		fps[i] = whole[start:end]
		start = end
	}
	return fps
}

// nearWindow is how far down, in blocks, a near copy of a lead block is a
// repeat the page printed (a summary box, a caption under the lead); lower
// down it is the story going back over its start ("What happened?").
const nearWindow = 6

// shortBlock is the word count under which a repeated block is kept unless
// it follows its twin closely: labels such as "Meal 2" or "Eat every two
// hours" recur in structured articles on purpose.
const shortBlock = 6

// recurring is how often a text must occur to count as structure.
const recurring = 3

// blockRule names the rule that cuts b on its own merits, or "". It reads
// b.lower when the block has it, and lower-cases b.Text when needed
// otherwise.
//
// inside tells a block between two paragraphs of the story. A list of
// links there is the story's own (its sources, the products a guide names),
// and so are a bare address and a heading that links; related links, tag lists and share bars
// sit before the story starts or after it ends. A paragraph that is all
// link inside the story is a teaser for another story.
func (s *state) blockRule(b Block, phrase string, cutCaptions, inside bool) string {
	if b.Kind == "caption" && cutCaptions {
		return "caption"
	}
	if len(b.Text) < 300 && isByline(b.Text) && !(b.Kind == "h" && b.nWords() <= 2) {
		return "byline" // but "By Audience" over a section is a heading
	}
	if phrase != "" {
		return phrase
	}
	if rule := metaRule(b); rule != "" && !(inside && rule == "url-line") {
		return rule
	}
	if isLinkDense(b) && !(inside && b.Kind == "li") {
		return "link-dense"
	}
	if !inside && isLinkHeading(b) {
		return "link-heading"
	}
	if isPromo(b) {
		return "newsletter"
	}
	return ""
}

// followRule names the rule that cuts b because of the block cut before
// it (by rule prev), or "": the job title under a byline, the caption
// under an "Image caption" label and, in text dumps, the headlines under a
// "More on this story" label.
//
// Inside the story a list under a "Related" label is cut only in text dumps:
// in a page, a list of links between paragraphs is the story's own.
func (s *state) followRule(prev string, b Block, inside bool) string {
	if b.Kind == "h" || b.Kind == "blockquote" {
		return ""
	}
	switch prev {
	case "byline":
		if b.nWords() <= 4 && !isSentence(b.Text) {
			return "byline"
		}
	case "caption-label":
		if b.nWords() <= 60 {
			return "caption"
		}
	case "read-more", "tags", "related-list":
		if !s.text && !inside && b.Kind == "li" && b.linkChars > 0 {
			return "related-list" // the linked list under "More stories"
		}
		if s.text && (b.nWords() <= 14 || !isSentence(b.Text)) && b.nWords() <= 30 {
			return "related-list"
		}
	}
	return ""
}

// trimMenu cuts the run of one- and two-word lines that a text dump of a
// page starts with: the site's menu.
func (s *state) trimMenu(blocks []Block) []Block {
	n, items := 0, 0
	for ; n < len(blocks); n++ {
		t := blocks[n].Text
		if boilerplateRule(t) != "" {
			continue // "Skip to content" is left to its own rule
		}
		if blocks[n].nWords() > 2 || isSentence(t) {
			break
		}
		items++
	}
	if items < 3 {
		return blocks
	}
	out := blocks[:0]
	for _, b := range blocks[:n] {
		if boilerplateRule(b.Text) != "" {
			out = append(out, b)
			continue
		}
		s.cut("menu", b.Text)
	}
	return append(out, blocks[n:]...)
}

// trimHead cuts, before the first paragraph of the story, the headline
// printed again. The standfirst stays: readers read it as the story's
// first paragraph.
func (s *state) trimHead(blocks []Block, title []string) []Block {
	for i := 0; i < len(blocks) && i < 4; i++ {
		b := blocks[i]
		rule := ""
		if (b.Kind == "h" || b.Kind == "p") && sameTitle(b.Text, title) {
			rule = "title-repeat"
		}
		if rule != "" {
			s.cut(rule, b.Text)
			blocks = append(blocks[:i], blocks[i+1:]...)
			i--
			continue
		}
		if b.Kind == "p" && b.nWords() >= 25 {
			break
		}
	}
	return blocks
}

// trimTail cuts, from the end of the story, author bios and short
// non-sentences that follow the last paragraph (tag lists, section names).
func (s *state) trimTail(blocks []Block) []Block {
	for n := 0; n < 4 && len(blocks) > 1; n++ {
		b := blocks[len(blocks)-1]
		rule := ""
		if len(b.Text) < 800 {
			lower := b.lower
			if lower == nil {
				lower = fold(b.Text)
			}
			for i, bs := range tailBranches() {
				if bs.match(b.Text, lower) {
					rule = tailRules()[i].rule
					break
				}
			}
		}
		if rule == "" && b.Kind == "h" && !isNumberedPoint(b.Text) {
			rule = "trailing-heading"
		}
		if rule == "" && b.Kind == "p" && b.nWords() <= 3 && !isSentence(b.Text) {
			rule = "trailing-label"
		}
		if rule == "" {
			break
		}
		s.cut(rule, b.Text)
		blocks = blocks[:len(blocks)-1]
	}
	return blocks
}

// isNumberedPoint reports a heading that numbers a point of the story
// ("6. Its debt equalled 1.6 percent of GDP."): the last of a listicle's
// points may end the page with no text under it.
func isNumberedPoint(t string) bool {
	i := 0
	for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')')
}

// promoWords is the most words of a newsletter promo, and maxRuleText
// the longest block, in bytes, that the phrase rules and the metadata
// rules read: furniture is short.
const (
	promoWords  = 45
	maxRuleText = 400
)

// isPromo reports a short block that sells a newsletter or subscription:
// it asks readers to sign up or subscribe and names what they get.
func isPromo(b Block) bool {
	n := b.nWords()
	if n > promoWords {
		return false
	}
	lower := b.lower
	if lower == nil {
		lower = fold(b.Text)
	}
	l := lower.s
	for _, p := range []string{"subscribe to ", "abonnez-vous ", "abonnieren sie ", "suscríbete a ", "suscribete a "} {
		if strings.HasPrefix(l, p) && n <= 30 {
			return true
		}
	}
	// A promo asks the reader, in the imperative or by addressing them.
	if !slices.ContainsFunc(askScreen, lower.sk.mayHold) {
		return false
	}
	ws := lowerWords(l)
	if ask := askAt(ws); ask < 0 || ask > 0 && !addressesReader(ws) {
		return false
	}
	for _, w := range []string{"newsletter", "inbox", "briefing", "digest", "magazine", "bulletin", "boletín", "boletin", "e-mail", "email", "delivered", "issues for"} {
		if lower.contains(w) {
			return true
		}
	}
	return false
}

// isNewsletterBox reports, at the story's end, a block of a newsletter's
// sign-up box: its label ("Newsletter: Sport inside"), its pitch to the
// reader ("Der Newsletter informiert Sie jeden Abend …") and the short
// lines under the label (the newsletter's name, its schedule).
func isNewsletterBox(b Block, prev string) bool {
	n := b.nWords()
	if prev == "newsletter" {
		return n <= newsletterLines && b.Kind != "blockquote"
	}
	if n > labelWords && n > newsletterPitch {
		return false // too long for a label or a pitch
	}
	if b.lower != nil && !b.lower.contains("newsletter") {
		return false // not a word of the block either
	}
	var ws []string
	if b.lower != nil {
		ws = lowerWords(b.lower.s)
	} else {
		ws = words(b.Text)
	}
	if !slices.Contains(ws, "newsletter") {
		return false
	}
	return n <= labelWords || n <= newsletterPitch && addressesReader(ws) && !firstPerson(ws)
}

// firstPerson reports words (lower-cased) of a writer speaking as "I": a
// blogger's own words, not a publisher's pitch.
func firstPerson(ws []string) bool {
	for _, w := range ws {
		switch w {
		case "i", "my", "me", "ich", "mein", "meine", "mich", "mir", "je", "mon", "mes", "moi", "yo", "mi":
			return true
		}
	}
	return false
}

// newsletterEnds reports a newsletter's label that ends the page (blocks
// start with it) with at most newsletterTail short blocks under it that no
// phrase rule cuts.
func newsletterEnds(blocks []Block, phrases []string) bool {
	if blocks[0].nWords() > labelWords {
		return false
	}
	n := 0
	for i, b := range blocks[1:] {
		if phrases[i+1] != "" {
			continue
		}
		if n++; n > newsletterTail || b.nWords() > newsletterPitch {
			return false
		}
	}
	return true
}

// newsletterTail is the most blocks under a newsletter's label at the end
// of the page.
const newsletterTail = 4

// A newsletter box's pitch has at most newsletterPitch words, and the
// lines under its label at most newsletterLines.
const (
	newsletterPitch = 45
	newsletterLines = 20
)

// addressesReader reports words (lower-cased) that speak to the reader or
// of the publisher: "you", "your", "our" and their kin.
func addressesReader(ws []string) bool {
	for _, w := range ws {
		switch w {
		case "you", "your", "our", "sie", "ihr", "ihre", "ihren", "unser", "unsere", "unseren",
			"dich", "dein", "deine", "vous", "votre", "vos", "notre", "nos", "tu", "te", "tus", "usted",
			"nuestro", "nuestra", "nuestros", "nuestras":
			return true
		}
	}
	return false
}

// askPrefixes start the words that ask a reader to sign up or subscribe.
var askPrefixes = []string{"signup", "subscribe", "subscription", "register", "inscri", "abonne",
	"abonnier", "anmelden", "suscrib", "suscríb", "regístrate"}

// askScreen holds a part of every ask: a text whose sketch holds none
// asks nothing.
var askScreen = append([]string{"sign", "click"}, askPrefixes...)

// askAt returns the index of the first of ws that asks the reader to sign
// up or subscribe, or -1. The nouns for those who subscribe, whom a story
// about newsletters counts, ask nothing.
func askAt(ws []string) int {
	for i, w := range ws {
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1]
		}
		switch {
		case (w == "sign" || w == "signing") && next == "up", w == "click" && next == "here":
			return i
		case strings.HasPrefix(w, "subscriber"), strings.HasPrefix(w, "abonnent"):
			continue
		}
		for _, p := range askPrefixes {
			if strings.HasPrefix(w, p) {
				return i
			}
		}
	}
	return -1
}

// riverStart returns where a list of teasers for other stories that ends
// the page begins (len(blocks) when there is none): linked headlines, each
// with a short summary under it, riverPairs times or more, maybe under a
// short label ("More from us").
func riverStart(blocks []Block) int {
	n := len(blocks)
	start, pairs := n, 0
	for i := n - 1; i >= 0; i-- {
		b := blocks[i]
		switch {
		case isLinkHeading(b) && b.nWords() >= headlineWords:
			pairs++
			start = i
		case b.Kind == "p" && b.nWords() <= dekWords && i > 0 && isLinkHeading(blocks[i-1]):
			// the summary under the headline before it
		default:
			if pairs >= riverPairs && b.Kind == "h" && b.nWords() <= labelWords {
				return i
			}
			if pairs >= riverPairs {
				return start
			}
			return n
		}
	}
	if pairs >= riverPairs {
		return start
	}
	return n
}

// A teaser list: riverPairs headlines or more, each of headlineWords words
// or more, with summaries of at most dekWords; a label over it has at most
// labelWords.
const (
	riverPairs    = 3
	headlineWords = 5
	dekWords      = 60
	labelWords    = 4
)

// proseSpan returns the indexes of the first and last paragraphs of prose
// in blocks (-1, -1 when there are none). phrases holds the phrase rule of
// each block: a paragraph a phrase rule cuts is furniture, not prose.
func proseSpan(blocks []Block, phrases []string) (first, last int) {
	first, last = -1, -1
	for i, b := range blocks {
		if isProse(b) && phrases[i] == "" {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// amongLinks reports a block next to another linked heading (or alone at
// the end): a run of teasers. A product's linked name next to its "buy"
// button is not one.
func amongLinks(blocks []Block, i int) bool {
	if i+1 >= len(blocks) {
		return true
	}
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(blocks) {
			continue
		}
		if isLinkHeading(blocks[j]) {
			return true
		}
	}
	return false
}

// isSiteTeaser reports a headline of another of the site's stories: a
// short block that is mostly a link to the page's own site, maybe after a
// kicker ("Archäologie: Simple Erklärung für …").
func isSiteTeaser(b Block) bool {
	if b.siteChars == 0 || b.Kind == "blockquote" || b.Kind == "tr" {
		return false
	}
	n := b.nWords()
	return n >= teaserMinWords && n <= teaserMaxWords && b.siteChars*10 >= len(b.Text)*teaserLinkTenths
}

// A site teaser has teaserMinWords to teaserMaxWords words, and links to
// the site cover teaserLinkTenths tenths of its characters or more.
const (
	teaserMinWords   = 4
	teaserMaxWords   = 30
	teaserLinkTenths = 6
)

// isKickerTeaser reports a list item that is a site teaser led by an
// unlinked kicker of a few words and a colon.
func isKickerTeaser(b Block) bool {
	k := strings.TrimSpace(b.kicker)
	if b.Kind != "li" || !strings.HasSuffix(k, ":") || !isSiteTeaser(b) {
		return false
	}
	n := wordCount(k)
	return n >= 1 && n <= kickerWords && b.siteChars*10 >= (len(b.Text)-len(k))*8
}

// kickerWords is the most words of a kicker over a teaser.
const kickerWords = 4

// amongTeasers reports a site teaser next to another one.
func amongTeasers(blocks []Block, i int) bool {
	return i > 0 && isSiteTeaser(blocks[i-1]) || i+1 < len(blocks) && isSiteTeaser(blocks[i+1])
}

// proseWords is the least words of a paragraph of prose.
const proseWords = 15

// isProse reports a paragraph of running text: long enough, few links,
// ending as a sentence does.
func isProse(b Block) bool {
	return b.Kind == "p" && b.linkChars*3 < len(b.Text) && b.nWords() >= proseWords && isSentence(b.Text)
}

// isLinkDense reports a short block that is mostly link text: a read-more
// or related link, a tag list, a share bar.
func isLinkDense(b Block) bool {
	if b.linkChars == 0 || b.Kind == "h" {
		return false
	}
	n := len(b.Text)
	wc := b.nWords()
	if wc > 40 {
		// A long block is cut only when it is nearly all links: a list of
		// teasers run together ("China furious at Macron [INSIGHT] | ...").
		return b.Kind != "blockquote" && b.linkChars*20 >= n*19
	}
	return b.linkChars*10 >= n*8 && (b.Kind == "li" || wc <= 12 || b.linkChars*10 >= n*9)
}

// pairSet is a block's word pairs, hashed and sorted, for near-duplicate
// checks.
type pairSet []uint64

// wordPairs returns the word pairs of text, a block of minPairWords to
// nearDuplicateMax words; lower is text lower-cased (see fold), or nil.
func wordPairs(text string, lower *folded) pairSet {
	var l string // the words of text, as words reads them
	if lower != nil {
		l = lower.s // as many words as text (see countWordsUpTo)
	} else {
		l = toLower(text)
	}
	// A word and the mark after it take two bytes or more.
	ps := make(pairSet, 0, min(len(l)/2, nearDuplicateMax))
	prev := ""
	for i, j := nextWord(l, 0); i < j; i, j = nextWord(l, j) {
		if prev != "" {
			ps = append(ps, hashPair(prev, l[i:j]))
		}
		prev = l[i:j]
	}
	slices.Sort(ps)
	return ps
}

// hashPair is FNV-1a over "a b".
func hashPair(a, b string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(a); i++ {
		h = (h ^ uint64(a[i])) * 1099511628211
	}
	h = (h ^ ' ') * 1099511628211
	for i := 0; i < len(b); i++ {
		h = (h ^ uint64(b[i])) * 1099511628211
	}
	return h
}

// lazyPairs is the word pairs of a block (see wordPairs), built when a
// comparison needs them: most blocks are compared with none of the lead,
// or with blocks of another size.
type lazyPairs struct {
	text  string
	lower *folded
	n     int // the words of text, counted up to nearDuplicateMax+1; -1 for no pairs
	ps    pairSet
	built bool
}

// none reports whether the block has too few or too many words for pairs.
func (p *lazyPairs) none() bool { return p.n < minPairWords || p.n > nearDuplicateMax }

// pairs returns wordPairs of the block, or nil when it has none.
func (p *lazyPairs) pairs() pairSet {
	if !p.built && !p.none() {
		p.ps, p.built = wordPairs(p.text, p.lower), true
	}
	return p.ps
}

// nearDuplicate reports a block that nearly repeats one of the lead blocks:
// a lead paragraph printed again by a summary box, with a verb reworded. A
// block like another further down is the article's structure (the same
// sentence shape in each item of a list, the terms of two offers), not a
// repeat.
func nearDuplicate(lead []lazyPairs, b *lazyPairs) bool {
	if b.none() {
		return false
	}
	for k := range lead {
		l := &lead[k]
		// A block has one pair fewer than words; similar tells blocks of
		// too different sizes apart before it reads their pairs.
		if !l.none() && similarSizes(l.n-1, b.n-1) && similar(l.pairs(), b.pairs()) {
			return true
		}
	}
	return false
}

// nearLeadSize reports a block of n words whose length is close enough to
// a lead block's for similar to compare them (a cheap test before the
// block's word pairs are built).
func nearLeadSize(lead []lazyPairs, n int) bool {
	for k := range lead {
		m := lead[k].n // the lead block's pairs, plus one
		if !lead[k].none() && similarSizes(m, n) {
			return true
		}
	}
	return false
}

// nearDuplicateMax is the longest block, in words, compared for near
// repeats. A repeated lead or caption is short; long paragraphs that differ
// in a few words (the terms of two offers, two query plans) differ in what
// matters.
const nearDuplicateMax = 120

// similarSizes reports whether sets of m and n word pairs are close
// enough in size for similar to compare them.
func similarSizes(m, n int) bool {
	return min(m, n)*4 >= max(m, n)*3
}

// minPairWords is the fewest words of a block compared for near repeats.
const minPairWords = 8

// leadBlocks is how many blocks at the top of the article count as its
// lead: the headline, standfirst, lead photo and first paragraphs that
// pages print twice.
const leadBlocks = 4

// similar compares two blocks by the overlap of their word pairs: four
// fifths or more of the shorter text's pairs found in the other, which is
// not much longer (a summary box rewords a verb or two).
func similar(a, b pairSet) bool {
	if a == nil || b == nil {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if !similarSizes(len(a), len(b)) {
		return false
	}
	hit, j := 0, 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			hit++
		}
	}
	return hit*10 >= len(a)*8
}

// nodeText returns the text under n, words separated by spaces.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}
