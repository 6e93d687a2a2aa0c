package facts

import (
	"strings"
	"unicode/utf8"

	"github.com/newsclean/newsclean/extract/internal/quotes"
	"github.com/newsclean/newsclean/extract/internal/textkit"
)

var quotesTitle = quotes.TitleCase

// mention is one place a person is named: tokens [tok, end) of paragraph
// para.
type mention struct {
	para, tok, end int
	person         int
	q              int32
}

type person struct {
	name    string
	toks    []string // lower-cased name parts
	role    string
	gender  byte
	count   int
	aliases []string
	first   int // order of first mention
}

type people struct {
	notPeople map[string]bool // lower-cased names found to be places or organisations
	list      []*person
	slab      []person // where newPerson allocates, personChunk at a time
	byKey     map[string]int
	mentions  [][]mention // per paragraph, in token order
}

// lw is the token's text lower-cased.
func lw(t token) string {
	if t.lower != "" || t.text == "" {
		return t.lower
	}
	return strings.ToLower(t.text)
}

// lexWord looks a name part up; "Eva-Marie" is read by its first part.
func lexWord(t token) word {
	l := lw(t)
	w := lookupWord(l)
	if w.gender == 0 && !w.name && w.common == 0 {
		if i := strings.IndexByte(l, '-'); i > 0 {
			return lookupWord(l[:i])
		}
	}
	return w
}

func isInitial(t token) bool {
	return len(t.text) == 2 && t.text[1] == '.' && t.upper()
}

// nameLike: a token that can be part of a person's name.
func nameLike(t token, L *lists) bool {
	if t.kind != tWord || !t.upper() {
		return false
	}
	if isInitial(t) {
		return true
	}
	if len(t.text) == 1 {
		return false // "Mach E", "S Damarious Randall"
	}
	if t.allCaps() || strings.HasSuffix(t.text, ".") {
		return false
	}
	l := lw(t)
	if c := L.notName[l]; c&(inTitle|inHonorific|inOrg) != 0 || c&inMonthDay != 0 && !lookupWord(l).given() {
		return false // "Monday", "Christmas"; months that are names ("June", "Jan") stay
	}
	for _, r := range t.text {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	return true
}

// Sizes of the parts of names and roles, in tokens.
const (
	maxParticles     = 3  // "Ibn al Saud", "van der"
	maxRoleWords     = 12 // the longest role in apposition
	maxNicknameWords = 7  // a quoted nickname and its marks: Jamal "The Cat" Henderson
	maxSurnameParts  = 3  // name parts after a quoted nickname
	maxRoleModifiers = 4  // words before a role noun: "Malaysia's deputy trade minister"
	maxEmployerWords = 3  // an organisation after "director at": "Goldman Sachs Group"
)

// runEnd returns the end of the run of capitalised tokens starting at i.
func runEnd(p *para, i int, L *lists) int {
	j := i
	for j < len(p.toks) {
		t := &p.toks[j]
		if t.kind != tWord || t.q != p.toks[i].q {
			break
		}
		if t.upper() {
			j++
			continue
		}
		// particles and "of" inside a run: "Ibn al Saud", "Director of Public Prosecution"
		if L.particle[t.text] || t.text == "of" {
			k := j + 1
			for k < len(p.toks) && L.particle[p.toks[k].text] && k-j < maxParticles {
				k++
			}
			if k < len(p.toks) && p.toks[k].upper() && p.toks[k].q == t.q {
				j = k
				continue
			}
		}
		break
	}
	return j
}

// tokSpan is a range of tokens [from, to) of one paragraph.
type tokSpan struct{ from, to int }

func (t tokSpan) len() int { return t.to - t.from }

// candidate is a span that may name a person, found by detectNames: a full
// name of two to five parts inside a run of capitalised words, or a single
// name part ("Mr Lee", "Cooper").
type candidate struct {
	para     int
	run      tokSpan // the run of capitalised words holding the name
	name     tokSpan
	orgFirst bool   // the name opens with an organisation word ("Park Ji-hoon")
	hon      string // for a single part: the lower-cased word before it
}

func (c candidate) single() bool { return c.name.len() == 1 }

// Limits of a full name, in parts.
const (
	minNameParts = 2 // one part alone is a single name, resolved later
	maxNameParts = 5 // longer runs are titles of works or organisations
)

// findPeople finds the people of an article in two steps: detectNames
// lists the candidate spans of each run of capitalised words, then the
// resolution steps decide which are people and merge their mentions.
func findPeople(paras []*para) *people {
	L := wordLists()
	cands, notPeople := detectNames(paras, L)
	pp := &people{notPeople: notPeople, byKey: make(map[string]int, len(cands)), mentions: make([][]mention, len(paras))}
	order := 0
	// The singles are kept at the front of cands, which the loop has read
	// by then: a run gives one single at most.
	singles := cands[:0]
	for i := 0; i < len(cands); {
		run := runOf(cands, i)
		i += len(run)
		// the first full name of a run that resolves to a person wins; a
		// single part closes the run
		for _, c := range run {
			if c.single() {
				singles = append(singles, c)
				break
			}
			if pp.admit(paras[c.para], c, L, &order) {
				break
			}
		}
	}
	for pi, p := range paras {
		if !p.caption {
			order = pp.nicknames(pi, p, L, order)
		}
	}
	pp.mergeContained()
	for _, c := range singles {
		pp.admitSingle(paras[c.para], c, L, &order)
	}
	for pi := range pp.mentions {
		ms := pp.mentions[pi]
		sortMentions(ms)
		for _, m := range ms {
			pp.list[m.person].count++
		}
	}
	return pp
}

// runOf returns the candidates of the run that cands[i] opens.
func runOf(cands []candidate, i int) []candidate {
	j := i + 1
	for j < len(cands) && cands[j].para == cands[i].para && cands[j].run == cands[i].run {
		j++
	}
	return cands[i:j]
}

// detectNames lists, for each run of capitalised words outside captions,
// its candidate names in order, and the runs that name a place, a team or
// an organisation somewhere in the article (lower-cased keys): "Morgan
// Stanley, which owns …" rules out "Morgan Stanley" in every paragraph.
func detectNames(paras []*para, L *lists) ([]candidate, map[string]bool) {
	var out []candidate
	notPeople := map[string]bool{}
	var key [keyBytes]byte
	for pi, p := range paras {
		if p.caption {
			continue
		}
		for i := 0; i < len(p.toks); {
			if t := &p.toks[i]; t.kind != tWord || !t.upper() {
				i++
				continue
			}
			run := tokSpan{i, runEnd(p, i, L)}
			if run.len() == 0 {
				i++
				continue
			}
			i = run.to
			if nonPersonRun(p, run, L) {
				if k := appendNameKey(key[:0], p.toks[run.from:run.to]); !notPeople[string(k)] {
					notPeople[string(k)] = true
				}
				continue
			}
			out = appendCandidates(out, pi, p, run, L)
		}
	}
	return out, notPeople
}

// maxMemoRun is the longest run whose name parts appendCandidates keeps
// on the stack; most runs are a name of two or three words.
const maxMemoRun = 16

// appendCandidates appends the candidate names of one run to out.
func appendCandidates(out []candidate, pi int, p *para, run tokSpan, L *lists) []candidate {
	if run.len() == 1 && orgWordName(p.toks[run.from], L) && run.to < len(p.toks) && L.speech[lw(p.toks[run.to])] {
		return append(out, candidate{para: pi, run: run, name: run}) // "Park said"
	}
	// which tokens of the run may be name parts, read once
	var buf [maxMemoRun]bool
	like := buf[:0]
	for k := run.from; k < run.to; k++ {
		like = append(like, nameLike(p.toks[k], L))
	}
	nameAt := func(k int) bool { return like[k-run.from] }
	for s := run.from; s < run.to; s++ {
		orgFirst := false
		if !nameAt(s) {
			// an organisation word may open a name after a title:
			// "analyst Park Ji-hoon"
			if !(s+1 < run.to && orgWordName(p.toks[s], L) && nameAt(s+1)) {
				continue
			}
			orgFirst = true
		}
		if L.particle[p.toks[s].text] || p.toks[s].text == "of" {
			continue
		}
		e := s + 1
		for e < run.to && (nameAt(e) || (L.particle[p.toks[e].text] && e+1 < run.to)) {
			e++
		}
		if e == run.to && run.to+1 < len(p.toks) && isPossessive(p.toks[run.to]) && p.toks[run.to+1].upper() && L.org[lw(p.toks[run.to+1])] {
			break // "St Luke's Hospital"
		}
		if e < run.to && L.org[lw(p.toks[e])] {
			continue // "Richmond High School", "Michael Jordan Center"
		}
		prev := ""
		if s > run.from {
			prev = lw(p.toks[s-1])
		}
		c := candidate{para: pi, run: run, name: tokSpan{s, e}, orgFirst: orgFirst, hon: prev}
		switch n := e - s; {
		case n >= minNameParts && n <= maxNameParts:
			out = append(out, c)
		case n == 1 && singleEnd(p, e, run, L) && (s > run.from && (L.honorific[prev] || L.title[prev]) || s == run.from):
			return append(out, c)
		}
	}
	return out
}

// nonPersonRun reports a run of capitalised words that names a place, a
// team or an organisation, whatever its words look like: a known
// multi-word place or organisation ("Burkina Faso", "British Columbia"),
// a name that ends in a compass word ("Orlando East"), opens with a
// foreign article ("La Stampa") or follows a noun for a kind of
// organisation ("the payments start-up Kora Ledger") or a role and "at"
// ("a director at Morgan Stanley"); or, unless it opens
// with a frequent given name ("Marco Villa", "Taylor Fritz 6-3"), one
// that ends in a team word ("Aston Villa") or stands before a score
// ("Celta Vigo 2-1").
func nonPersonRun(p *para, run tokSpan, L *lists) bool {
	if run.len() < minNameParts {
		return false
	}
	first, last := lw(p.toks[run.from]), lw(p.toks[run.to-1])
	var key [keyBytes]byte
	if isNonPerson(appendNameKey(key[:0], p.toks[run.from:run.to])) || compassWords()[last] || foreignArticles()[first] {
		return true
	}
	if !lexWord(p.toks[run.from]).strongGiven() && (teamWords()[last] || scoreAt(p, run.to)) {
		return true
	}
	// "a managing director at Morgan Stanley": people work at
	// organisations, not at people; a longer run may be an organisation
	// and a name ("Manager at Ocean Florida Abby Dunn")
	if run.from > 1 && run.len() <= maxEmployerWords && lw(p.toks[run.from-1]) == "at" && L.roleNoun[lw(p.toks[run.from-2])] {
		return true
	}
	// "company CEO Andy Vesey" is a person: a title opens the run
	if run.from > 0 && !L.title[first] && !p.toks[run.from].allCaps() {
		if t := p.toks[run.from-1]; t.kind == tWord && !t.upper() && orgKinds()[lw(t)] {
			return true
		}
	}
	return false
}

// teamWords end the names of sports clubs.
var teamWords = lazySet(`villa united rovers athletic albion wanderers hotspur rangers celtic fc cf afc
	sc ac argyle alexion vale orient wednesday olympique`)

// compassWords end the names of districts: "Orlando East", "Sydney
// Central" ("West" and "North" are frequent surnames).
var compassWords = lazySet(`east central`)

// foreignArticles open the names of newspapers and places ("La Stampa",
// "Le Monde", "Die Zeit", "El País"), not of people.
// ("Les" is also a given name.)
var foreignArticles = lazySet(`la le il el los las der die das het`)

// orgKinds are nouns for kinds of organisation that stand before a name:
// "the chipmaker Meridian Semiconductor", "the consultancy Drewton".
// Nouns that may name a person's role ("publisher Harry Chandler",
// "developer", "operator") are left out.
var orgKinds = lazySet(`start-up startup company firm chipmaker consultancy bank lender insurer
	carmaker automaker retailer broadcaster newspaper daily weekly magazine airline app
	platform site website brand charity agency manufacturer shipper conglomerate subsidiary
	supermarket`)

// scoreAt: a match score ("2-1") starts at token i.
func scoreAt(p *para, i int) bool {
	if i >= len(p.toks) {
		return false
	}
	if t := p.toks[i].text; strings.Count(t, "-") == 1 && isNumber(strings.Replace(t, "-", "", 1)) {
		return true
	}
	return i+2 < len(p.toks) && isNumber(p.toks[i].text) && p.toks[i+1].text == "-" && isNumber(p.toks[i+2].text)
}

// singleEnd: a single name part ends its run, or only "Jr." or "Sr."
// follows it ("Tate Jr."; "Elizabeth II" is a monarch's name, not a
// surname).
func singleEnd(p *para, e int, run tokSpan, L *lists) bool {
	if e == run.to {
		return true
	}
	for _, t := range p.toks[e:run.to] {
		if l := strings.TrimSuffix(lw(t), "."); l != "jr" && l != "sr" && t.text != "." {
			return false
		}
	}
	return true
}

// personChunk is how many persons newPerson allocates at a time.
const personChunk = 8

// newPerson adds a person to the list and returns its index.
func (pp *people) newPerson(per person) int {
	if len(pp.slab) == cap(pp.slab) {
		pp.slab = make([]person, 0, personChunk)
	}
	pp.slab = append(pp.slab, per)
	pp.list = append(pp.list, &pp.slab[len(pp.slab)-1])
	return len(pp.list) - 1
}

// admit resolves a full-name candidate: a name seen before, part of one
// seen before, or a new person when isName accepts it. It reports whether
// the candidate names a person.
func (pp *people) admit(p *para, c candidate, L *lists, order *int) bool {
	s, e := c.name.from, c.name.to
	var kb [keyBytes]byte
	key := appendNameKey(kb[:0], p.toks[s:e])
	idx, ok := pp.byKey[string(key)]
	if !ok {
		// part of a full name seen before: "Hawk Sawyer" after "Kathleen
		// Hawk Sawyer"
		var parts [maxNameParts]string
		idx, ok = pp.containing(appendNameParts(parts[:0], p.toks[s:e]))
	}
	if !ok && (!isName(p, c.run, c.name, L) || c.orgFirst && !inContext(p, c.run, s, L) || pp.notPeople[string(key)]) {
		return false
	}
	if !ok {
		idx = pp.newPerson(person{name: joinName(p, s, e), toks: nameToks(p.toks[s:e]), first: *order})
		pp.byKey[string(key)] = idx
		*order++
	}
	per := pp.list[idx]
	if per.gender == 0 {
		per.gender = genderOf(c.hon, p.toks[s], L)
	}
	if per.role == "" {
		per.role = roleFor(p, c.run.from, s, e, L)
	}
	pp.mentions[c.para] = append(pp.mentions[c.para], mention{para: c.para, tok: s, end: e, person: idx, q: p.toks[s].q})
	if s > c.run.from && L.honorific[c.hon] {
		per.addAlias(p.text[p.toks[s-1].start:p.toks[e-1].end])
	}
	return true
}

// admitSingle resolves a single name part to a person named in full, or
// makes a person known only by a titled surname ("Mr Appleby").
func (pp *people) admitSingle(p *para, c candidate, L *lists, order *int) {
	tok := c.name.from
	t := p.toks[tok]
	l := lw(t)
	titled := L.honorific[c.hon] || (L.title[c.hon] && personTitle(c.hon))
	idx, rank := pp.resolveSingle(l, c.para, genderOf(c.hon, token{}, L))
	speaks := tok+1 < len(p.toks) && L.speech[lw(p.toks[tok+1])]
	if !titled && rank < rankLastName && !(rank == rankOtherPart && speaks) && sentenceInitial(p, tok) && isCommon(l) {
		return
	}
	form := t.text
	if L.honorific[c.hon] {
		form = p.text[p.toks[tok-1].start:t.end] // "Mr Appleby"
	}
	if idx < 0 {
		if !titled || L.place[l] || isCommon(l) && !lookupWord(l).name {
			return
		}
		var ok bool
		if idx, ok = pp.byKey[l]; !ok {
			idx = pp.newPerson(person{name: form, toks: []string{l}, first: *order, role: roleFor(p, c.run.from, tok, tok+1, L)})
			pp.byKey[l] = idx
			*order++
		}
	}
	per := pp.list[idx]
	if per.gender == 0 {
		per.gender = genderOf(c.hon, token{}, L)
	}
	per.addAlias(form)
	pp.mentions[c.para] = append(pp.mentions[c.para], mention{para: c.para, tok: tok, end: tok + 1, person: idx, q: t.q})
}

func personTitle(t string) bool {
	switch t {
	case "president", "gov.", "governor", "sen.", "senator", "rep.", "mayor", "judge", "justice", "king",
		"queen", "prince", "princess", "pope", "sheriff", "detective", "coach", "professor", "rev.",
		"reverend", "ambassador", "chancellor", "premier", "gen.", "lt.", "col.", "capt.", "sgt.", "adm.",
		"cmdr.", "maj.", "general", "captain", "lieutenant", "colonel", "sergeant", "minister", "secretary",
		"speaker", "commissioner", "superintendent", "officer", "trooper", "inspector", "chairman",
		"archbishop", "bishop", "cardinal", "rabbi", "imam", "sheikh", "ceo", "cfo", "coo", "cto",
		"chairwoman", "chair", "chairperson", "director", "executive", "spokesman", "spokeswoman",
		"spokesperson", "adviser", "advisor", "attorney", "ombudsman", "leader", "founder", "co-founder",
		"editor", "manager", "mp", "mep", "councillor", "councilman", "councilwoman", "congressman",
		"congresswoman", "lord", "lady", "duke", "duchess", "earl", "baron", "baroness", "dr", "dr.",
		"cllr", "president-elect", "deputy", "chief", "head", "principal", "dean", "lt", "col", "gen",
		"sgt", "capt", "adm", "maj", "cmdr", "gov", "sen", "rep", "supt", "insp", "det":
		return true
	}
	return false
}

func sentenceInitial(p *para, i int) bool {
	if ss, _ := p.sentenceOf(i); ss == i {
		return true
	}
	if i > 0 {
		pt := p.toks[i-1]
		return pt.kind == tMark || pt.text == ":" || pt.text == "—"
	}
	return i == 0
}

// isName weighs the evidence that the tokens of name, inside the run of
// capitalised words run, name a person.
func isName(par *para, run, name tokSpan, words *lists) bool {
	toks := par.toks[name.from:name.to]
	// Context that marks a person whatever the words: a title or an
	// honorific in the run ("President Moon Jae-in", "Ms Chang Li Lin"),
	// or a role noun just before it ("trade analyst Park Ji-hoon").
	titled := false
	if name.from > run.from {
		prev := par.toks[name.from-1]
		titled = words.honorific[lw(prev)] || personTitle(lw(prev))
		// a name does not start inside another name or place: "San Diego
		// Union-Tribune", "Forest Hill"
		if !titled && nameLike(prev, words) && !words.place[lw(prev)] {
			if w := lexWord(prev); (w.given() || w.name) && w.common == 0 {
				return false
			}
		}
	}
	roleBefore := name.from == run.from && run.from > 0 && par.toks[run.from-1].kind == tWord && words.roleNoun[lw(par.toks[run.from-1])]
	ev, ok := weighParts(toks, titled || roleBefore, words)
	if !ok {
		return false
	}
	if titled || roleBefore {
		return true
	}
	if name.from == run.from && run.from > 0 {
		if pt := par.toks[run.from-1]; pt.kind == tWord && words.speech[lw(pt)] {
			return ev.allKnownUncommon || lexWord(toks[0]).strongGiven()
		}
	}
	if lexWord(toks[0]).strongGiven() || ev.allKnownUncommon && ev.anyName && allNameParts(toks, words) {
		return true
	}
	return ev.allKnownUncommon && name.to == run.to && nameByContext(par, name.to, words)
}

// partEvidence is what the lexicon says about the parts of a name.
type partEvidence struct {
	allKnownUncommon bool // no part is an ordinary English word
	anyName          bool // some part is a known name
}

// weighParts reads the parts of a candidate name; ok is false when a part
// rules the name out (a place, a month, an ordinary word that is not a
// frequent name). marked: a title or role noun introduces the name.
func weighParts(toks []token, marked bool, words *lists) (ev partEvidence, ok bool) {
	ev.allKnownUncommon = true
	for k, t := range toks {
		if words.particle[t.text] || isInitial(t) {
			continue
		}
		l := lw(t)
		if words.place[l] || (k == 0 && words.placePrefix[l]) || (words.monthDay[l] && k == len(toks)-1) {
			return ev, false
		}
		w := lexWord(t)
		// An ordinary word is a name part only as a frequent given name
		// ("Mark") or a frequent surname ("Cox", "Hill"): not "Grass
		// Valley", "Shangri-La Dialogue", "Mac Pro".
		if w.common > 0 && !(k == 0 && w.strongGiven()) && !(k > 0 && w.surname) && !marked {
			return ev, false
		}
		if w.common > 0 {
			ev.allKnownUncommon = false
		}
		if w.name || w.given() {
			ev.anyName = true
		}
	}
	return ev, true
}

// allNameParts: the last part is a frequent surname ("Evo Morales"), or
// every part is a known name part or an initial.
func allNameParts(toks []token, words *lists) bool {
	if lexWord(toks[len(toks)-1]).surname {
		return true
	}
	for _, t := range toks {
		if w := lexWord(t); !w.name && !w.given() && !words.particle[t.text] && !isInitial(t) {
			return false
		}
	}
	return true
}

// maxAuxBeforeSpeech bounds the auxiliaries between a name and its speech
// verb: "Liu Xiaming has also said".
const maxAuxBeforeSpeech = 2

// nameByContext: what follows a name of unknown words shows a person: a
// speech verb ("Liu Xiaming has said"), an age ("Michael Webb, 51,"), or
// a role in apposition ("Oleksandr Kovalenko, the regional governor,").
func nameByContext(par *para, end int, words *lists) bool {
	if end < len(par.toks) {
		k := end
		for k < len(par.toks) && k < end+maxAuxBeforeSpeech && par.toks[k].kind == tWord && auxiliary()[lw(par.toks[k])] {
			k++
		}
		if nt := par.toks[min(k, len(par.toks)-1)]; nt.kind == tWord && words.speech[lw(nt)] {
			return true
		}
		if par.toks[end].text == "," && end+1 < len(par.toks) && isNumber(par.toks[end+1].text) {
			return true
		}
	}
	return appositiveRole(par, end, words) != ""
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// keyBytes sizes the buffer a name's key is built in; most keys fit, so
// looking a name up allocates nothing.
const keyBytes = 64

// appendNameKey appends the key of a name, its parts lower-cased and
// joined by single spaces, to b. A map indexed with string(b) finds the
// name without copying b.
func appendNameKey(b []byte, toks []token) []byte {
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, lw(t)...)
	}
	return b
}

// appendNameParts appends the lower-cased parts of a name to dst.
func appendNameParts(dst []string, toks []token) []string {
	for _, t := range toks {
		dst = append(dst, lw(t))
	}
	return dst
}

func nameToks(toks []token) []string {
	return appendNameParts(make([]string, 0, len(toks)), toks)
}

func joinName(p *para, s, e int) string {
	return p.words(s, e-1)
}

func genderOf(hon string, first token, L *lists) byte {
	switch hon {
	case "mr", "mr.", "sir", "king", "prince", "duke", "earl", "baron", "father", "brother":
		return 'm'
	case "ms", "ms.", "mrs", "mrs.", "miss", "dame", "mme", "mlle", "madam", "queen", "princess", "duchess", "baroness", "lady", "sister":
		return 'f'
	}
	if first.kind == tWord && first.text != "" {
		if w := lexWord(first); w.gender == 'f' || w.gender == 'm' {
			return w.gender
		}
	}
	return 0
}

func (per *person) addAlias(a string) {
	a = textkit.OneSpaced(a)
	if a == "" || strings.EqualFold(a, per.name) {
		return
	}
	for _, x := range per.aliases {
		if x == a {
			return
		}
	}
	per.aliases = append(per.aliases, a)
}

// mergeContained folds a name into a longer one that contains it as a run
// of parts: "Hsien Loong" into "Lee Hsien Loong".
func (pp *people) mergeContained() {
	for i, a := range pp.list {
		if a.count < 0 {
			continue
		}
		for j, b := range pp.list {
			if i == j || b.count < 0 || len(b.toks) <= len(a.toks) {
				continue
			}
			if containsRun(b.toks, a.toks) || sameBarInitials(b.toks, a.toks) {
				if pp.fullMentions(i) > pp.fullMentions(j) && len(b.toks) > len(a.toks) && b.toks[0] == a.toks[0] {
					// "Julian Assange" named often, "Julian Assange Timeline" once
					a, b, i, j = b, a, j, i
				}
				for pi := range pp.mentions {
					for k := range pp.mentions[pi] {
						if pp.mentions[pi][k].person == i {
							pp.mentions[pi][k].person = j
						}
					}
				}
				b.addAlias(a.name)
				if b.role == "" {
					b.role = a.role
				}
				if b.gender == 0 {
					b.gender = a.gender
				}
				a.count = -1
				break
			}
		}
	}
}

func (pp *people) fullMentions(i int) int {
	n := 0
	for _, ms := range pp.mentions {
		for _, m := range ms {
			if m.person == i {
				n++
			}
		}
	}
	return n
}

// sameBarInitials reports that long is short with middle initials or a
// generational suffix added: "Patrick W. Carlineo" and "Patrick Carlineo",
// "James Kennedy Jr." and "James Kennedy".
func sameBarInitials(long, short []string) bool {
	if len(short) < 2 || len(long) <= len(short) {
		return false
	}
	var core []string
	for i, t := range long {
		if i > 0 && (isInitialPart(t) || (i == len(long)-1 && nameSuffix()[strings.TrimSuffix(t, ".")])) {
			continue
		}
		core = append(core, t)
	}
	if len(core) != len(short) {
		return false
	}
	for i := range core {
		if core[i] != short[i] {
			return false
		}
	}
	return true
}

// isInitialPart reports a name part that is an initial: "w." or "w".
func isInitialPart(t string) bool {
	t = strings.TrimSuffix(t, ".")
	return utf8.RuneCountInString(t) == 1
}

// nameSuffix are generational suffixes after a name ("Jr.", "III").
var nameSuffix = lazySet(`jr sr ii iii iv`)

func containsRun(long, short []string) bool {
	for i := 0; i+len(short) <= len(long); i++ {
		ok := true
		for k := range short {
			if long[i+k] != short[k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// How well a single name part matches a person's name, worst first.
const (
	rankNone      = iota // not a part of the name
	rankOtherPart        // a given name or a middle part
	rankLastName         // the last part
)

// resolveSingle finds the person a single name part refers to: a last name
// first, then any other part; among several, the one named most recently.
func (pp *people) resolveSingle(l string, para int, gender byte) (int, int) {
	best, bestRank, bestPos := -1, rankNone, -1
	for i, per := range pp.list {
		if per.count < 0 || len(per.toks) == 0 {
			continue
		}
		if gender != 0 && per.gender != 0 && gender != per.gender {
			continue // "Mr Appleby" is not "Marjorie Appleby"
		}
		rank := rankNone
		if per.toks[len(per.toks)-1] == l {
			rank = rankLastName
		} else {
			for _, t := range per.toks[:len(per.toks)-1] {
				if t == l {
					rank = rankOtherPart
				}
			}
		}
		if rank == rankNone {
			continue
		}
		pos := pp.lastMentionBefore(i, para)
		if rank > bestRank || rank == bestRank && pos > bestPos {
			best, bestRank, bestPos = i, rank, pos
		}
	}
	return best, bestRank
}

func (pp *people) lastMentionBefore(person, para int) int {
	for pi := min(para, len(pp.mentions)-1); pi >= 0; pi-- {
		for _, m := range pp.mentions[pi] {
			if m.person == person {
				return pi
			}
		}
	}
	return -1
}

func sortMentions(ms []mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].tok < ms[j-1].tok; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// mentionEndingAt returns the mention of paragraph pi whose last token is
// end-1, or -1.
func (pp *people) mentionEndingAt(pi, end int) int {
	for _, m := range pp.mentions[pi] {
		if m.end == end {
			return m.person
		}
	}
	return -1
}

// mentionIn returns the first mention of paragraph pi inside tokens [from, to).
func (pp *people) mentionIn(pi, from, to int) int {
	for _, m := range pp.mentions[pi] {
		if m.tok >= from && m.end <= to {
			return m.person
		}
	}
	return -1
}

// roleFor reads the role the text gives a person at one mention: a title
// before the name ("French President"), a role noun before it ("his French
// counterpart"), or an apposition after it (", Mr Lee's press secretary,").
func roleFor(p *para, a, s, e int, L *lists) string {
	// title words in the run before the name, without honorifics
	from := a
	for from < s && L.honorific[lw(p.toks[from])] {
		from++
	}
	to := s
	for to > from && L.honorific[lw(p.toks[to-1])] {
		to--
	}
	for from < to {
		t := p.toks[from]
		if l := lw(t); !L.stopSpeaker[l] && !prepositions()[l] && !determiner(l) && !L.speech[l] && l != "named" {
			break
		}
		from++ // "When President Trump…"
	}
	if to > from {
		hasTitle := false
		for _, t := range p.toks[from:to] {
			if L.title[lw(t)] || t.allCaps() {
				hasTitle = true
			}
		}
		if hasTitle {
			return p.words(from, to-1)
		}
	}
	// a role noun right before the run, or before a comma: "Malaysia's
	// trade minister, Tengku Zafrul Aziz,"
	r := a
	if a > 1 && p.toks[a-1].text == "," && p.toks[a-2].kind == tWord && L.roleNoun[lw(p.toks[a-2])] {
		r = a - 1
	}
	if r > 0 && p.toks[r-1].kind == tWord && L.roleNoun[lw(p.toks[r-1])] {
		a := r
		k := a - 1
		for k > 0 && a-k < maxRoleModifiers {
			t := p.toks[k-1]
			if t.kind != tWord || !roleWord(t, L) {
				break
			}
			k--
		}
		return p.words(k, a-1)
	}
	return appositiveRole(p, e, L)
}

// appositiveRole reads a role in apposition after a name ending at token e:
// ", Mr Lee's press secretary,".
func appositiveRole(p *para, e int, L *lists) string {
	if e+1 < len(p.toks) && p.toks[e].text == "," {
		k := e + 1
		stop := k
		hasRole := false
		for stop < len(p.toks) && stop-k < maxRoleWords {
			t := p.toks[stop]
			if t.kind != tWord && t.text != "'s" && t.text != "’s" && t.text != "-" && t.text != "&" {
				break
			}
			if L.speech[lw(t)] {
				return ""
			}
			if L.roleNoun[lw(t)] {
				hasRole = true
			}
			stop++
		}
		if !hasRole || stop == k {
			return ""
		}
		if stop < len(p.toks) && p.toks[stop].text != "," && p.toks[stop].text != "." && p.toks[stop].text != ";" && p.toks[stop].kind != tMark {
			return ""
		}
		if fw := p.toks[k]; !determiner(lw(fw)) && !roleWord(fw, L) && !fw.upper() {
			return ""
		}
		// drop an article, and a person owner: "Mr Lee's press secretary"
		for k < stop {
			l := lw(p.toks[k])
			if determiner(l) {
				k++
				continue
			}
			break
		}
		for j := k; j < stop; j++ {
			if t := p.toks[j].text; t == "'s" || t == "’s" {
				owner := p.toks[k:j]
				if len(owner) > 0 && (L.honorific[lw(owner[0])] || lexWord(owner[0]).given()) {
					k = j + 1
				}
				break
			}
		}
		if k < stop {
			return p.words(k, stop-1)
		}
	}
	return ""
}

func determiner(l string) bool {
	switch l {
	case "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that":
		return true
	}
	return false
}

var roleModifiers = lazySet(`former senior deputy chief assistant associate executive general vice acting interim new top
	lead principal managing head then longtime veteran press state federal national foreign
	defence defense finance health police company school team club party campaign district
	county city high math art science research planetary communications marketing sales product
	technology security intelligence military co- special political economic legal medical`)

// roleWord: a word that may belong to a role phrase before a name.
func roleWord(t token, L *lists) bool {
	l := lw(t)
	if t.kind != tWord || determiner(l) || L.stopSpeaker[l] || L.speech[l] || t.text == "'s" || t.text == "’s" {
		return false
	}
	if L.roleNoun[l] || L.title[l] || roleModifiers()[l] || t.allCaps() {
		return true
	}
	return t.upper() // "his French counterpart", "Kremlin spokesman"
}

// nicknames joins a name split by a quoted nickname, as in
// Jamal "The Cat" Henderson, into one person.
func (pp *people) nicknames(pi int, p *para, L *lists, order int) int {
	for i := 0; i+2 < len(p.toks); i++ {
		if p.toks[i+1].kind != tMark || p.toks[i].q != 0 || !nameLike(p.toks[i], L) || !lexWord(p.toks[i]).given() {
			continue
		}
		a := p.toks[i]
		q := p.toks[i+1].q
		j := i + 1
		for j < len(p.toks) && p.toks[j].q == q {
			j++
		}
		if j >= len(p.toks) || j-i > maxNicknameWords || !nameLike(p.toks[j], L) {
			continue
		}
		sp := p.spans[q-1]
		if !sp.Closed || !quotesTitle(sp.Text(p.text)) {
			continue
		}
		e := j + 1
		for e < len(p.toks) && e-j < maxSurnameParts && nameLike(p.toks[e], L) {
			e++
		}
		var parts [1 + maxSurnameParts]token
		toks := append(append(parts[:0], a), p.toks[j:e]...)
		var kb [keyBytes]byte
		key := appendNameKey(kb[:0], toks)
		idx, ok := pp.byKey[string(key)]
		if !ok {
			name := a.text + " " + joinName(p, j, e)
			idx = pp.newPerson(person{name: name, toks: nameToks(toks), first: order, gender: genderOf("", a, L)})
			pp.byKey[string(key)] = idx
			order++
		}
		pp.list[idx].addAlias(p.words(i, e-1))
		pp.mentions[pi] = append(pp.mentions[pi], mention{para: pi, tok: j, end: e, person: idx})
		i = e
	}
	return order
}

func isPossessive(t token) bool { return t.text == "'s" || t.text == "’s" }

// orgWordName: an organisation word that is also a name ("Park", "Bank").
func orgWordName(t token, L *lists) bool {
	if t.kind != tWord || !t.upper() || t.allCaps() || !L.org[lw(t)] {
		return false
	}
	w := lexWord(t)
	return w.name || w.given()
}

// inContext: a title, an honorific or a role noun introduces the name
// starting at token s of run.
func inContext(p *para, run tokSpan, s int, L *lists) bool {
	if s > run.from {
		prev := lw(p.toks[s-1])
		return L.honorific[prev] || personTitle(prev)
	}
	return run.from > 0 && p.toks[run.from-1].kind == tWord && L.roleNoun[lw(p.toks[run.from-1])]
}

var auxiliary = lazySet(`has had have also was is later then once previously recently`)

// containing finds a person whose full name holds toks as a run.
func (pp *people) containing(toks []string) (int, bool) {
	for i, per := range pp.list {
		if per.count >= 0 && len(per.toks) > len(toks) && containsRun(per.toks, toks) {
			return i, true
		}
	}
	return -1, false
}
