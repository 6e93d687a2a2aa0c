package clean

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Block rules that look at a block's shape and place rather than at a
// phrase: captions, page metadata printed in the body (bylines, dates, bare
// URLs), link headings, the headline and standfirst repeated at the top, and
// the author bio and credit lines after the story ends.

// captionShare is the share of the body's text that captions may hold and
// still be cut: on a photo gallery the captions are the story.
const captionShare = 0.4

// A page with galleryCaptions captions or more holding galleryShare of the
// text is a gallery too.
const (
	galleryCaptions = 4
	galleryShare    = 0.25
)

// dateWords are the words of a date or time line, in English, French,
// German, Spanish, Portuguese and Italian, plus the labels news sites print
// before them.
var dateWords = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`
		jan feb mar apr may jun jul aug sep sept oct nov dec
		january february march april june july august september october november december
		mon tue tues wed thu thur thurs fri sat sun
		monday tuesday wednesday thursday friday saturday sunday
		am pm a m p est edt cst cdt mst mdt pst pdt et ct mt pt gmt utc bst cet cest hst akst amt ist jst aest
		at on of de del a el le la der den am um uhr h hrs and
		published updated posted modified first last original originally
		date time today yesterday ago minute minutes hour hours day days week weeks month months year years
		janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre
		lundi mardi mercredi jeudi vendredi samedi dimanche publié publie mis jour
		januar februar märz maerz juni juli oktober dezember
		montag dienstag mittwoch donnerstag freitag samstag sonntag veröffentlicht aktualisiert aktualisierung stand
		enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
		lunes martes miércoles miercoles jueves viernes sábado sabado domingo publicado actualizado
		janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
		segunda terça terca quarta quinta sexta feira às as atualizado
		gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
		ene abr ago dic janv févr avr juil déc mär okt dez
		pubblicato aggiornato publicerad uppdaterad publisert oppdatert publiceret opdateret
		gepubliceerd bijgewerkt opublikowano zaktualizowano aktualizacja giriş güncelleme
		publikováno aktualizováno julkaistu päivitetty kl klo min mins sec secs
	`) {
		m[w] = true
	}
	return m
})

// isDateLine reports a short line that is a date or time stamp, maybe with
// a label or a source name ("Updated 1:39 am EST, Wednesday, November 20,
// 2019", "Associated Press Published 11:34 PM EST Nov 19, 2019").
func isDateLine(t string) bool { return isFoldedDateLine(t, nil) }

// isFoldedDateLine is isDateLine given t lower-cased (see fold), or nil.
func isFoldedDateLine(t string, lower *folded) bool {
	// Only ASCII figures make number words: a line without one is settled
	// before it is split into words.
	if !hasASCIIDigit(t) {
		return false
	}
	var l string
	if split := splitFigures(t); split != t || lower == nil {
		l = toLower(split)
	} else {
		l = lower.s
	}
	n, dates, digits, other, strong := 0, 0, 0, 0, 0
	forWordsWhile(l, func(i, j int) bool {
		n++
		if n > maxDateWords || other > maxDateOther {
			return false // settled: not a date line
		}
		w := l[i:j]
		switch {
		case isNumberWord(w):
			digits++
		case dateWords()[w]:
			dates++
			if !weakDateWords()[w] {
				strong++
			}
		default:
			other++
		}
		return true
	})
	if n < 2 || n > maxDateWords || digits == 0 || dates == 0 {
		return false
	}
	// "Day 8", "Year founded: 2014", "30,000 hours" label a list item; a
	// date line names a month, a weekday, a clock time or "ago", or is
	// written in figures ("2024-06-01", "01/06/2024", "10:30").
	if strong == 0 && !numericDate(t) {
		return false
	}
	return other <= maxDateOther && other*2 <= dates+digits
}

// A date line has at most maxDateWords words, of which at most
// maxDateOther are neither figures nor date words.
const (
	maxDateWords = 24
	maxDateOther = 4
)

// splitFigures puts a space where a word runs into a figure ("2 hours
// ago10:05"), as stamps printed side by side run together.
func splitFigures(t string) string {
	if !runsIntoFigure(t) {
		return t
	}
	var b strings.Builder
	prev := rune(0)
	for _, r := range t {
		if unicode.IsDigit(r) && unicode.IsLetter(prev) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// runsIntoFigure reports a letter followed at once by a figure.
func runsIntoFigure(t string) bool {
	prev := rune(0)
	for i := 0; i < len(t); {
		r, size := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(t[i:])
		}
		if isDigit(r) && isLetter(prev) {
			return true
		}
		prev = r
		i += size
	}
	return false
}

// isDigit is unicode.IsDigit, without a table look-up for ASCII.
func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// isLetter is unicode.IsLetter, without a table look-up for ASCII.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// weakDateWords are the date words that also label durations and list
// items: units, ordinals, prepositions.
var weakDateWords = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`
		at on of de del a el le la der den um h hrs and m p
		date time today minute minutes hour hours day days week weeks month months year years
		kl klo min mins sec secs
		first last original originally mis jour stand feira às as segunda terça terca quarta quinta sexta
	`) {
		m[w] = true
	}
	return m
})

// numericDate reports a date or time written in figures.
func numericDate(t string) bool {
	return numericDateRe().MatchString(t)
}

var numericDateRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}[:h]\d{2})\b`)
})

// isDateLabel reports a lone label of a date line ("Published",
// "Updated").
func isDateLabel(t string) bool { return isFoldedDateLabel(t, nil) }

// isFoldedDateLabel is isDateLabel given t lower-cased (see fold), or nil.
func isFoldedDateLabel(t string, lower *folded) bool {
	if !mayStartDateLabel(t) {
		return false
	}
	if lower == nil {
		lower = fold(t)
	}
	n, first := 0, ""
	forWordsWhile(lower.s, func(i, j int) bool {
		if n == 0 {
			first = lower.s[i:j]
		}
		n++
		return n <= 2 // a third word settles it
	})
	if n == 0 || n > 2 {
		return false
	}
	switch first {
	case "published", "updated", "posted", "modified", "publié", "veröffentlicht", "aktualisiert", "publicado", "actualizado":
		return true
	}
	return false
}

// hasASCIIDigit reports whether t holds a figure 0-9.
func hasASCIIDigit(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] >= '0' && t[i] <= '9' {
			return true
		}
	}
	return false
}

// mayStartDateLabel screens for isDateLabel: its first word must start
// with the first letter of a label. Only an ASCII first letter is screened;
// any other is left to the full test.
func mayStartDateLabel(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= utf8.RuneSelf {
			return true
		}
		if asciiWord(c) {
			switch c | 0x20 {
			case 'p', 'u', 'm', 'v', 'a':
				return true
			}
			return false
		}
	}
	return false
}

// isNumberWord reports a word of digits, maybe with an ordinal or time
// suffix ("20", "1st", "4pm", "11h30").
func isNumberWord(w string) bool {
	d := 0
	for _, r := range w {
		if r >= '0' && r <= '9' {
			d++
		}
	}
	return d > 0 && d*2 >= len(w)
}

var metaRules = sync.OnceValue(func() []phraseRule {
	return []phraseRule{
		// "Tom Krisher, Ap Auto Writer", "Jane Doe, Associated Press".
		{"byline", anchored(`(?i)^[\p{L} .'’-]+,\s*(the )?(ap|associated press|reuters|afp|dpa|efe|bloomberg|upi|cnn|bbc)\b[\w ]*$|^(staff|wire|news) (and wire )?(reports?|services?)$|^(the )?(associated press|reuters|agence france-presse|afp|ap|upi|dpa|efe|bloomberg news|press association)$`), nil},
		// A bare address: a URL, an e-mail address, a handle.
		{"url-line", anchored(`(?i)^(https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|[\w-]+(\.\p{L}[\w-]*)+/\S*|@\w+)$`), nil},
	}
})

// bioRoles are the jobs an author bio names, in the languages of the
// phrase rules.
const bioRoles = `reporter|reporterin|writer|editor|correspondent|journalist|journalistin|columnist|contributor|producer|author|curator|critic|analyst|freelance|staff|blogger|journaliste|rédacteur|rédactrice|korrespondent|korrespondentin|redakteur|redakteurin|redaktor|redaktorin|autor|autorin|periodista|redactor|redactora|corresponsal`

var tailRules = sync.OnceValue(func() []phraseRule {
	return []phraseRule{
		{"disclosure", anchored(`(?i)(disclaimer|disclosure|haftungsausschluss|avertissement|aviso legal)\s*:.*`), nil},
		// A publisher's postal address under the story: "Example Media
		// Group, 1200 Harbor Street, Suite 400, Portland, OR 97201".
		{"postal-address", anchored(`(?i)^[^.!?]{0,120}\b\d{1,5}\s+[\p{L} .'-]{2,40}\b(street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|drive|dr\.?|lane|way|place|plaza|square|straße|strasse|str\.|rue|calle|avenida)\b[^.!?]{0,120}\b(\d{5}(-\d{4})?|[a-z]\d[a-z] ?\d[a-z]\d|[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2})\b[^.!?]{0,80}$|^[^.!?]{0,120}\b\p{L}+(straße|strasse|str\.|weg|platz|allee|gasse|laan|straat)\s+\d{1,4}[a-z]?,?\s+(d-|a-|ch-)?\d{4,5}\s+\p{L}[^.!?]{0,80}$`), nil},
		// "Phil Helsel is a reporter for NBC News."
		{"author-bio", anchored(`^\p{Lu}[\p{L}'’.-]+(\s+\p{Lu}[\p{L}'’.-]+){0,3}(\s+\([^)]*\))?\s+(is|was|est|ist|war|es|era)\s+((a|an|the|un|une|ein|eine|der|die|el|la)\s+)?(.*\s)?(?i:` + bioRoles + `)\b.*$`), nil},
		// Led by the role: "Korrespondent Jan Muster ist bei der Zeitung für
		// Landespolitik zuständig."
		{"author-bio", anchored(`^(?i:` + bioRoles + `)\s+\p{Lu}[\p{L}'’.-]+(\s+\p{Lu}[\p{L}'’.-]+){1,3}\s+(is|was|est|ist|war|es|era|schreibt|writes|covers|berichtet)\b.{0,400}$`), nil},
	}
})

// metaBranches are the patterns of metaRules split into alternatives.
var metaBranches = sync.OnceValue(func() []branchSet {
	return branchSets(metaRules(), func(phraseRule) bool { return true })
})

// tailBranches are the patterns of tailRules split into alternatives.
var tailBranches = sync.OnceValue(func() []branchSet {
	return branchSets(tailRules(), func(phraseRule) bool { return true })
})

// metaRule names the rule that makes the block page metadata printed in the
// body, or "". It reads b.lower when the block has it.
func metaRule(b Block) string {
	if len(b.Text) > 300 || b.Kind == "blockquote" || b.Kind == "pre" || b.Kind == "tr" {
		return ""
	}
	t := strings.TrimSpace(b.Text)
	if t == "" {
		return "" // no rule reads an empty line as metadata
	}
	lower := b.lower
	if lower == nil {
		lower = fold(b.Text)
	}
	i := len(b.Text) - len(strings.TrimLeftFunc(b.Text, unicode.IsSpace))
	lower = lower.cut(b.Text, i, i+len(t))
	for k, bs := range metaBranches() {
		if bs.match(t, lower) {
			return metaRules()[k].rule
		}
	}
	if isLinkLine(t) {
		return "url-line"
	}
	if isByline(t) || isCreditDate(t) {
		return "byline"
	}
	if isFoldedDateLine(t, lower) || isFoldedDateLabel(t, lower) {
		return "date-line"
	}
	return ""
}

// isByline reports a credit line: "By Jane Doe", "By Jane Doe and John Roe
// | Reuters", "Par Jean Dupont - 12 mars 2024", "Von Anna Schmidt".
func isByline(t string) bool {
	rest, ok := cutPrefixFold(t, "by", "par", "von", "por", "door", "di")
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, ": ")
	if rest == "" {
		return true
	}
	if i := strings.IndexAny(rest, "|–—•·"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.Index(rest, " - "); i >= 0 {
		rest = rest[:i]
	}
	names := strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == ',' || r == '&' })
	if len(names) == 0 || len(names) > 9 {
		return false
	}
	named := false
	for _, w := range names {
		if named && (dateWords()[strings.ToLower(strings.Trim(w, ".,"))] || isNumberWord(w)) {
			continue // "By Jane Doe September 15, 2014"
		}
		switch strings.ToLower(w) {
		case "and", "und", "et", "y", "e", "de", "da", "van", "von", "der", "la", "le", "del", "di", "in", "at", "staff", "the":
			continue
		}
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return false
		}
		named = true
	}
	return true
}

// isCreditDate reports names and a date joined by a separator: "Renée
// Lachance and Dwayne Whitehorse · Oct. 4, 2023".
func isCreditDate(t string) bool {
	if !hasCreditSeparator(t) {
		return false // one part only
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '·' || r == '|' || r == '•' || r == '—' || r == '–' })
	if len(parts) < 2 || len(parts) > 4 {
		return false
	}
	date, names := false, false
	for _, p := range parts {
		p = strings.TrimSpace(p)
		switch {
		case isDateLine(p) || isDateLabel(p):
			date = true
		case isNameList(p) && !date:
			names = true // the names come first: "TCEA: May 5-7 | Las Vegas" is an event and its place
		default:
			return false
		}
	}
	return date && names
}

// hasCreditSeparator is strings.ContainsAny(t, "·|•—–"), with one
// search a separator: a separator's bytes never occur inside another
// character's.
func hasCreditSeparator(t string) bool {
	return strings.IndexByte(t, '|') >= 0 || strings.Contains(t, "·") || strings.Contains(t, "•") ||
		strings.Contains(t, "—") || strings.Contains(t, "–")
}

// isNameList reports a few capitalised names joined by commas and "and".
func isNameList(t string) bool {
	names := strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == ',' || r == '&' })
	if len(names) < 2 || len(names) > 9 {
		return false
	}
	for _, w := range names {
		switch strings.ToLower(w) {
		case "and", "und", "et", "y", "e", "de", "da", "van", "von", "der", "la", "le", "del", "di":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsAny(w, ":0123456789") {
			return false // "TCEA: May 5-7 | Las Vegas" is an event, not a credit
		}
	}
	return true
}

// cutPrefixFold removes the first of the words that t starts with, in any
// case, when a space, colon or the end follows it.
func cutPrefixFold(t string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if len(t) >= len(p) && strings.EqualFold(t[:len(p)], p) {
			rest := t[len(p):]
			if rest == "" || rest[0] == ' ' || rest[0] == ':' {
				return rest, true
			}
		}
	}
	return t, false
}

// isLinkLine reports a block of web addresses under a few labels
// ("Listen: http://... Download: http://..."). A citation (authors, a
// title, then the address) is the story's source list, not furniture.
func isLinkLine(t string) bool {
	if !strings.Contains(t, "http://") && !strings.Contains(t, "https://") && !strings.Contains(t, "www.") {
		return false // no address
	}
	urls, words := 0, 0
	for _, f := range strings.Fields(t) {
		if strings.Contains(f, "http://") || strings.Contains(f, "https://") || strings.HasPrefix(f, "www.") {
			urls++
		} else {
			words++
		}
	}
	return urls > 0 && words <= urls*linkLineLabels
}

// linkLineLabels is the most words per address in a block of addresses.
const linkLineLabels = 2

// isLinkHeading reports a heading that is all link: the title of another
// story, in a list of related or most-read links.
func isLinkHeading(b Block) bool {
	return b.Kind == "h" && b.linkChars > 0 && b.linkChars*10 >= len(strings.ReplaceAll(b.Text, " ", ""))*8
}

// sameTitle reports a block that repeats the headline: the same words, or
// nearly so.
func sameTitle(text string, title []string) bool {
	if len(title) == 0 {
		return false
	}
	// Counted first: a paragraph is not split into words to learn that it
	// has too many.
	if n := countWordsUpTo(text, len(title)+4); n == 0 || n > len(title)+4 {
		return false
	}
	ws := words(text)
	in := make(map[string]bool, len(title))
	for _, w := range title {
		in[w] = true
	}
	hit := 0
	for _, w := range ws {
		if in[w] {
			hit++
		}
	}
	return hit*10 >= len(ws)*9 && hit*10 >= len(title)*7
}

// isSentence reports text that reads as prose: ends with a full stop, a
// question or exclamation mark, or a closing quote after one.
func isSentence(t string) bool {
	t = strings.TrimRightFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || r == '"' || r == '”' || r == '’' || r == '»' || r == ')' || r == '」' || r == '』' || r == '）'
	})
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '?', ':', '…', '。', '！', '？', '：', '؟', '।':
		return true
	}
	return false
}
