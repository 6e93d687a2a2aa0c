// Package dateline reads the dateline a news story opens with: the place,
// date and agency it was filed under, as in "PARIS —",
// "SPRINGFIELD, Ill. (AP) —", "SINGAPORE, July 14 (AFP) -",
// "LONDON, 3 March:" or "KYIV/MOSCOW, Nov 2 (Reuters) -".
//
// Rules: the place is written in capitals, or in title case when a dash,
// a date or an agency backs it; a colon separator needs a place in capitals
// or a date. Parse never guesses: a paragraph that does not open with a
// dateline gives no result.
package dateline

import (
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsclean/newsclean/extract/internal/textkit"
)

// Dateline is a parsed dateline. Place, Agency and Raw are substrings of the
// parsed text; Date is ISO 8601 (YYYY-MM-DD) when a year could be inferred,
// else as written.
type Dateline struct {
	Place  string
	Date   string
	Agency string
	Raw    string
}

// IsCommon reports whether a lower-cased word is an ordinary English word.
// Parse uses it to refuse "UPDATE:" or "Meanwhile —" as places.
type IsCommon func(word string) bool

// Sizes of the parts of a dateline.
const (
	maxPlaceWords      = 5  // "RIO DE JANEIRO", "SALT LAKE CITY"
	maxTitlePlaceWords = 3  // a place in title case is short: "Hong Kong", "Frankfurt/Main"
	maxStateWords      = 3  // "United Arab Emirates"
	maxDateStateParts  = 3  // ", Ill., Nov. 2, 2023": a state and a date with its year
	maxAgencyBytes     = 40 // "(Thomson Reuters Foundation)"
	maxAgencyWords     = 4
)

// Parse reads a dateline at the start of text. published (may be zero)
// supplies the year of a year-less date. common may be nil.
func Parse(text string, published time.Time, common IsCommon) (Dateline, bool) {
	s := strings.TrimLeft(text, " \t\u00a0")
	lead := len(text) - len(s)
	p := parser{s: s}
	var f fields
	if strings.HasPrefix(s, "(") {
		// "(Reuters) — The …": an agency without a place
		if a, ok := p.agency(); ok && !label(a) {
			f.agency = a // not "(Updated) —"
		}
	} else {
		placeEnd, caps := p.place(common)
		if placeEnd == 0 || label(s[:placeEnd]) {
			return Dateline{}, false
		}
		f.place, f.caps = s[:placeEnd], caps
		p.i = placeEnd
		p.dateAndState(&f)
		p.spaces()
		if p.peek() == '(' {
			save := p.i
			if a, ok := p.agency(); ok {
				f.agency = a
			} else {
				p.i = save
			}
		}
	}
	if f.agency == "" && f.place == "" {
		return Dateline{}, false
	}
	if !p.closes(&f, common) {
		return Dateline{}, false
	}
	d := Dateline{Place: strings.TrimRight(f.place, " ,"), Agency: f.agency, Raw: strings.TrimSpace(text[lead : lead+f.end])}
	if f.dateOK {
		d.Date = resolveDate(f.date, published)
	}
	return d, true
}

// fields are the parts of a dateline read so far.
type fields struct {
	place, date, agency string
	caps                bool // the place is written in capitals
	dateOK, stateOK     bool
	end                 int // where the dateline ends in the text
}

// dateAndState reads ", Ill." / ", July 14" / ", 3 March" / ", Nov. 2,
// 2023" after the place, in any order, twice at most.
func (p *parser) dateAndState(f *fields) {
	for k := 0; k < maxDateStateParts; k++ {
		save := p.i
		if !p.lit(",") {
			return
		}
		p.spaces()
		if d, ok := p.date(); ok {
			f.date, f.dateOK = d, true
			continue
		}
		if !f.stateOK && !f.dateOK {
			if end, ok := p.state(); ok {
				f.place = p.s[:end]
				f.stateOK = true
				continue
			}
		}
		p.i = save
		return
	}
}

// closes reads the separator after the dateline and checks that what was
// read is a dateline and not the opening of a sentence or a label.
func (p *parser) closes(f *fields, common IsCommon) bool {
	p.spaces()
	sepAt := p.i
	sep, ok := p.separator()
	if !ok {
		// "Hong Kong (CNN Business)A muddled …": an agency may touch the
		// first word of the story
		if f.agency == "" || f.place == "" || sepAt == 0 || p.s[sepAt-1] != ')' || !unicode.IsUpper(p.peek()) {
			return false
		}
		sep = '-'
	}
	f.end = p.i
	if f.place == "" {
		return strings.TrimSpace(p.s[p.i:]) != ""
	}
	backed := f.dateOK || f.agency != "" || f.stateOK
	if touching := !strings.ContainsAny(p.s[sepAt:p.i], " \u00a0"); touching && sep == '-' && !f.caps && !backed {
		return false // "Biden—The…" is a sentence, not a dateline
	}
	if sep == ':' && (!f.caps || !backed && colonLabel(f.place, common)) {
		return false
	}
	// Title-case or single common words need more than a dash to count.
	if isCommonPlace(f.place, common) && !backed {
		return false
	}
	rest := strings.TrimSpace(p.s[p.i:])
	if rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return !unicode.IsLower(r) || f.caps
}

// colonLabel: "DEAR ABBY:", "WATCH LIVE:": capitals that open with an
// ordinary word before a colon are a label, not a place.
func colonLabel(place string, common IsCommon) bool {
	if common == nil {
		return false
	}
	first := strings.ToLower(strings.FieldsFunc(place, func(r rune) bool { return r == ' ' || r == '/' })[0])
	return common(strings.Trim(first, ".")) && !placePrefix()[first]
}

// labels are words that head a paragraph as a label or a rubric, in the
// languages of the wires, never places: "ATENÇÃO:", "EXCLUSIVE:",
// "Verhaltenstipps-".
var labels = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"exclusive": true, "breaking": true, "update": true, "updated": true, "watch": true, "live": true,
		"analysis": true, "opinion": true, "video": true, "photos": true, "listen": true, "editorial": true,
		"explainer": true, "review": true, "interview": true, "podcast": true, "sponsored": true,
		"advertisement": true, "correction": true, "developing": true, "urgent": true, "flash": true,
		"atenção": true, "atencao": true, "atención": true, "urgente": true, "alerta": true, "última": true,
		"achtung": true, "eilmeldung": true, "exklusiv": true, "liveticker": true, "ticker": true,
		"kommentar": true, "hinweis": true, "tipps": true, "verhaltenstipps": true, "faq": true,
		"attention": true, "alerte": true, "exclusif": true, "direct": true, "vidéo": true,
	}
})

// label reports a place that is a label or a heading word.
func label(place string) bool {
	return !placeWords(place, func(w string) bool { return !textkit.LookupLower(labels(), strings.Trim(w, ".'’")) })
}

func isCommonPlace(place string, common IsCommon) bool {
	if common == nil {
		return false
	}
	return placeWords(place, func(w string) bool { return common(strings.ToLower(strings.Trim(w, ".'’"))) })
}

// placeWords calls f with each word of place, split at spaces, slashes
// and hyphens, until f returns false, and reports whether it never did.
func placeWords(place string, f func(w string) bool) bool {
	for place != "" {
		w := place
		place = ""
		if i := strings.IndexAny(w, " /-"); i >= 0 {
			w, place = w[:i], w[i+1:]
		}
		if w != "" && !f(w) {
			return false
		}
	}
	return true
}

type parser struct {
	s string
	i int
}

func (p *parser) peek() rune {
	if p.i >= len(p.s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(p.s[p.i:])
	return r
}

func (p *parser) lit(x string) bool {
	if strings.HasPrefix(p.s[p.i:], x) {
		p.i += len(x)
		return true
	}
	return false
}

func (p *parser) spaces() {
	for p.i < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		if r != ' ' && r != '\u00a0' && r != '\t' {
			return
		}
		p.i += n
	}
}

// word reads a run of letters, apostrophes, dots and inner hyphens.
func (p *parser) word() string {
	start := p.i
	for p.i < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		if unicode.IsLetter(r) || unicode.IsMark(r) || r == '.' || r == '\'' || r == '’' ||
			(r == '-' && p.i > start && p.i+n < len(p.s) && isLetterAt(p.s, p.i+n)) {
			p.i += n
			continue
		}
		break
	}
	return p.s[start:p.i]
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// place reads the place words and says whether they are in capitals. It
// returns 0 when the text does not open with a place.
func (p *parser) place(common IsCommon) (end int, caps bool) {
	allCaps, titled := true, true
	words := 0
	for words < maxPlaceWords {
		save := p.i
		w := p.word()
		if w == "" || !startsUpper(w) {
			p.i = save
			break
		}
		if !isUpperWord(w) {
			allCaps = false
		}
		if !isTitleWord(w) {
			titled = false
		}
		words++
		end = p.i
		// Separators between place words: a space, or "/" as in KYIV/MOSCOW.
		if p.peek() == '/' {
			p.i++
			continue
		}
		if p.peek() != ' ' {
			break
		}
		p.i++
	}
	p.i = end
	if words == 0 {
		return 0, false
	}
	place := p.s[:end]
	if strings.HasSuffix(place, "'") || strings.HasSuffix(place, "’") {
		return 0, false
	}
	if allCaps && hasLetters(place, minCapsPlaceLetters) {
		return end, true
	}
	if titled && words <= maxTitlePlaceWords {
		return end, false
	}
	return 0, false
}

func hasLetters(s string, n int) bool {
	c := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			c++
		}
	}
	return c >= n
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isUpperWord(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// isTitleWord: "Indianapolis", "St.", "O'Hare", "Winston-Salem".
func isTitleWord(w string) bool {
	first := true
	for _, r := range w {
		if first {
			first = false
			continue
		}
		if unicode.IsUpper(r) {
			return strings.ContainsAny(w, "-'’") // "Winston-Salem", "O'Hare"
		}
	}
	return true
}

// state reads a state, province or country after the place: "Ill.",
// "Calif.", "N.Y.", "Texas", "D.C.", "Va.", "England".
func (p *parser) state() (int, bool) {
	save := p.i
	words := 0
	end := 0
	for words < maxStateWords {
		w := p.word()
		if w == "" || !startsUpper(w) || strings.ContainsAny(w, "'’") {
			break
		}
		if monthNum(w) > 0 || weekday(w) {
			p.i = save
			return 0, false
		}
		words++
		end = p.i
		if p.peek() != ' ' {
			break
		}
		p.i++
		if r := p.peek(); !unicode.IsUpper(r) {
			break
		}
	}
	p.i = end
	if words == 0 {
		p.i = save
		return 0, false
	}
	return end, true
}

// date reads "July 14", "Nov. 2", "3 March", "Nov 2, 2023", "Tuesday".
func (p *parser) date() (string, bool) {
	save := p.i
	start := p.i
	if n := p.number(); n != "" {
		p.spaces()
		w := p.word()
		if monthNum(w) == 0 {
			p.i = save
			return "", false
		}
		p.year()
		return p.s[start:p.i], true
	}
	w := p.word()
	if weekday(w) {
		return p.s[start:p.i], true
	}
	if monthNum(w) == 0 {
		p.i = save
		return "", false
	}
	afterMonth := p.i
	p.spaces()
	if n := p.number(); n == "" {
		p.i = afterMonth
		p.i = save
		return "", false
	}
	p.year()
	return p.s[start:p.i], true
}

// year reads an optional ", 2023" or " 2023".
func (p *parser) year() {
	save := p.i
	p.lit(",")
	p.spaces()
	if n := p.number(); len(n) == yearDigits {
		return
	}
	p.i = save
}

// yearDigits: a number of four digits in a date is its year.
const yearDigits = 4

// maxDaysAhead: a year-less date more than a week after publication is
// from the year before (a story filed in late December, published in
// January).
const maxDaysAhead = 7

// minCapsPlaceLetters: a place in capitals has two letters at least ("A"
// opens a sentence).
const minCapsPlaceLetters = 2

// maxNumberDigits: a day or a year has at most four digits.
const maxNumberDigits = 4

// number reads a day or a year.
func (p *parser) number() string {
	start := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	if p.i-start > maxNumberDigits {
		p.i = start
		return ""
	}
	return p.s[start:p.i]
}

// agency reads "(Reuters)", "(AP)", "(AFP)", "(Reuters Health)".
func (p *parser) agency() (string, bool) {
	if !p.lit("(") {
		return "", false
	}
	end := strings.IndexByte(p.s[p.i:], ')')
	if end <= 0 || end > maxAgencyBytes {
		return "", false
	}
	a := strings.TrimSpace(p.s[p.i : p.i+end])
	if a == "" || len(strings.Fields(a)) > maxAgencyWords {
		return "", false
	}
	if r, _ := utf8.DecodeRuneInString(a); !unicode.IsLetter(r) {
		return "", false
	}
	for _, r := range a {
		if !(unicode.IsLetter(r) || r == ' ' || r == '-' || r == '.' || r == '&' || r == '/') {
			return "", false
		}
	}
	p.i += end + 1
	return a, true
}

// separator reads the dash or colon closing the dateline, which must be
// followed by a space.
func (p *parser) separator() (rune, bool) {
	r := p.peek()
	switch r {
	case '—', '–', ':':
		p.i += utf8.RuneLen(r)
	case '-':
		p.i++
		p.lit("-")
	case '.': // Spanish wire style: "(EFE).-"
		if !p.lit(".-") && !p.lit(".—") && !p.lit(".–") {
			return 0, false
		}
		r = '-'
	default:
		return 0, false
	}
	nx := p.peek()
	// "MOUNTAIN VIEW, Calif.—Behind": a dash may touch a capital
	if nx != ' ' && nx != '\u00a0' && !((r == '—' || r == '–') && unicode.IsUpper(nx)) {
		return 0, false
	}
	p.spaces()
	if r == ':' {
		return ':', true
	}
	return '-', true
}

// placePrefix: ordinary words that open place names.
var placePrefix = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"new": true, "san": true, "santa": true, "los": true, "las": true, "st.": true, "saint": true,
		"fort": true, "port": true, "mount": true, "north": true, "south": true, "east": true, "west": true,
		"el": true, "la": true, "le": true, "grand": true, "salt": true, "lake": true, "palm": true,
		"long": true, "little": true, "cape": true, "rio": true, "kuala": true, "hong": true, "abu": true,
	}
})

// months maps English month names and abbreviations, and the Spanish,
// French and German ones wire services use, to their numbers.
var months = sync.OnceValue(func() map[string]int {
	return map[string]int{
		"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
		"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
		"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
		"ene": 1, "enero": 1, "febrero": 2, "marzo": 3, "abr": 4, "abril": 4, "mayo": 5, "junio": 6,
		"julio": 7, "ago": 8, "agosto": 8, "septiembre": 9, "set": 9, "octubre": 10, "noviembre": 11,
		"dic": 12, "diciembre": 12, "janvier": 1, "février": 2, "fév": 2, "mars": 3, "avril": 4,
		"mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "septembre": 9, "octobre": 10,
		"novembre": 11, "décembre": 12, "déc": 12, "januar": 1, "jänner": 1, "februar": 2, "märz": 3,
		"juni": 6, "juli": 7, "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
	}
})

func monthNum(w string) int {
	return textkit.LookupLower(months(), strings.TrimSuffix(w, "."))
}

var weekdays = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
		"friday": true, "saturday": true, "sunday": true}
})

func weekday(w string) bool {
	return textkit.LookupLower(weekdays(), w)
}

// resolveDate turns "July 14" into "2019-07-14" using the year of published
// (or the year before, when the date would fall well after publication).
// Dates it cannot resolve are returned as written.
func resolveDate(d string, published time.Time) string {
	fields := strings.FieldsFunc(d, func(r rune) bool { return r == ' ' || r == ',' })
	var day, month, year int
	for _, f := range fields {
		if m := monthNum(f); m > 0 {
			month = m
			continue
		}
		n := 0
		ok := f != ""
		for _, c := range f {
			if c < '0' || c > '9' {
				ok = false
				break
			}
			n = n*10 + int(c-'0')
		}
		if !ok {
			continue
		}
		if len(f) == yearDigits {
			year = n
		} else {
			day = n
		}
	}
	if month == 0 || day < 1 || day > 31 {
		return d
	}
	if year == 0 {
		if published.IsZero() {
			return d
		}
		year = published.Year()
		t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if t.After(published.AddDate(0, 0, maxDaysAhead)) {
			year--
		}
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return d
	}
	return t.Format("2006-01-02")
}
