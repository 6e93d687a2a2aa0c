package meta

// Rules for values a reader can trust: every text field has its HTML
// entities decoded (pages often escape twice: "&amp;#8217;") and no markup
// or control characters; a time before the web or far in the future is a
// placeholder; an author list holds people, and an organisation only when
// no person is credited.

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsclean/newsclean/extract/internal/textkit"
)

// maxUnescape bounds how many layers of entity escaping are undone:
// "&amp;amp;#8217;" is three.
const maxUnescape = 8

// tagRE matches an element tag left in a decoded value ("<p>", "</a>").
var tagRE = regexp.MustCompile(`</?[a-zA-Z][^<>]{0,300}>`)

// decodeText returns s with entities decoded, control characters removed
// and white space collapsed, repeating until nothing changes (a
// removed character may leave an entity behind: "&\uFFFDamp;"), and ""
// for a placeholder.
func decodeText(s string) string {
	for range maxUnescape {
		t := decodeOnce(s)
		if t == s {
			break
		}
		s = t
	}
	if placeholderRE.MatchString(s) {
		return "" // "undefined", "null", "Untitled"
	}
	return s
}

// decodeOnce undoes one layer of escaping and cleans the result.
func decodeOnce(s string) string {
	if strings.ContainsRune(s, '&') {
		s = html.UnescapeString(s)
	}
	s = repairMojibake(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\uFFFD' {
			return -1
		}
		return r
	}, s)
	return textkit.OneSpaced(s)
}

// stripMarkup removes markup escaped into a summary ("&lt;p&gt;Here is
// …&lt;/p&gt;" decodes to "<p>Here is …</p>"). Only a value that holds a
// closing tag is touched: a title may be about tags ("30 Years of <br>
// Tags") or quote one, and stays as written.
func stripMarkup(s string) string {
	if !closeTagRE.MatchString(s) {
		return s
	}
	return textkit.OneSpaced(tagRE.ReplaceAllString(s, " "))
}

// slugRE matches a URL slug or a domain given as an author:
// "emma-mackenzie", "hessenschau.de".
var slugRE = regexp.MustCompile(`^[a-z0-9]+([-_.][a-z0-9]+)+$`)

// closeTagRE matches a closing tag: a value holding one holds markup.
var closeTagRE = regexp.MustCompile(`</[a-zA-Z][a-zA-Z0-9]*\s*>`)

// repairMojibake undoes UTF-8 read as Latin-1 or Windows-1252
// ("Investorâ\u0080\u0099s" is "Investor’s"): when every rune is below
// U+0100, some are C1 controls, and their bytes form valid UTF-8.
func repairMojibake(s string) string {
	c1 := false
	for _, r := range s {
		if r > 0xFF {
			return s
		}
		if r >= 0x80 && r < 0xA0 {
			c1 = true
		}
	}
	if !c1 {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, byte(r))
	}
	if !utf8.Valid(b) {
		return s
	}
	return string(b)
}

// minPlausibleYear: no web page was published before the web; earlier
// years ("0001-01-01", "1970-01-01") are placeholders of a CMS.
const minPlausibleYear = 1991

// maxPlausibleYear: later years are typing errors or placeholders
// ("9999-12-31").
const maxPlausibleYear = 2100

// plausible returns t when it can be a page's time, else nil.
func plausible(t *time.Time) *time.Time {
	if t == nil || t.Year() < minPlausibleYear || t.Year() > maxPlausibleYear {
		return nil
	}
	return t
}

// authorPrefixes open a byline before the names; matched lower-cased and
// followed by a space, a colon or nothing.
var authorPrefixes = []string{
	"analysis by", "opinion by", "commentary by", "review by", "interview by", "reporting by",
	"written by", "words by", "text by", "story by", "posted by", "published by", "compiled by",
	"author", "autor", "texte", "text", "words", "by", "par", "von", "por", "di", "door",
}

// credentials are degrees and certifications written after a name:
// "Jane Doe, MS, RD", "John Roe Ph.D".
var credentials = wordSet(`ms msc ma mba md phd ph.d ph.d. dr rd rdn ld ldn mph cpt cscs rn np pa-c
	do dds dmd jd llm esq cfa cfp cpa pe pmp bsc ba bs facs faap mrcp frcp mbbs ibclc cde cdces
	acsm nasm crd lcsw lmft psyd edd dvm dnp aprn cpp psp cissp cisa`)

// roleWords mark a credit line that names a job, not a person: "Staff
// Writer", "Senior Correspondent".
var roleWords = wordSet(`writer reporter correspondent editor contributor columnist journalist
	photographer producer intern freelancer redakteur redakteurin autor autorin redaktion
	founder co-founder reviewer expert executive contributing`)

// placeholderAuthors stand for "no author".
var placeholderAuthors = wordSet(`admin administrator webmaster editor user guest staff anonymous unknown
	null undefined none n/a`)

// orgWords mark an organisation credited as author: "CNN Staff", "The
// Associated Press", "Newsroom".
var orgWords = wordSet(`news staff team desk newsroom editorial editors press agency media wire
	service services reuters afp ap dpa associated times post magazine journal herald tribune
	network group inc ltd llc gmbh redaktion online digital bureau foundation institute
	university company`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// stripAuthorPrefix removes "By", "Text:", "Analysis by" and the like.
func stripAuthorPrefix(s string) string {
	for again := true; again; {
		again = false
		low := strings.ToLower(s)
		for _, p := range authorPrefixes {
			rest, ok := strings.CutPrefix(low, p)
			if ok && (rest == "" || rest[0] == ' ' || rest[0] == ':') {
				s, again = strings.TrimLeft(s[len(p):], " :"), true
				break
			}
		}
	}
	return s
}

// photoCredits open a credit for pictures, never the article's author.
var photoCredits = []string{"foto", "photo", "photos", "fotos", "bild", "image", "picture", "illustration"}

// isPhotoCredit: "Foto: Mads Claus", "Photo by …".
func isPhotoCredit(s string) bool {
	low := strings.ToLower(s)
	for _, p := range photoCredits {
		if rest, ok := strings.CutPrefix(low, p); ok && (strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, " by")) {
			return true
		}
	}
	return false
}

// cleanAuthor returns the name in one credit, or "" when the credit names
// no one: a credential, a job title, a placeholder, a number.
func cleanAuthor(part string) string {
	part = stripParenthesis(strings.TrimSpace(part))
	part = strings.TrimSpace(strings.Trim(part, " .:-–—"))
	if isPhotoCredit(part) || slugRE.MatchString(part) {
		return ""
	}
	part = stripAuthorPrefix(part)
	// a label before the name: "design: Scott McDaniel"
	if label, rest, ok := strings.Cut(part, ": "); ok && len(strings.Fields(label)) == 1 {
		part = rest
	}
	words := strings.Fields(part)
	for _, w := range words {
		if strings.IndexFunc(w, unicode.IsLetter) < 0 {
			return "" // "105092", "DECEMBER 27", a user id; "BR24 Redaktion" stays
		}
	}
	// trailing credentials: "John Roe Ph.D", "Jane Doe MS RD"
	for len(words) > 1 && isCredential(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	if len(words) == 0 || len(words) > maxAuthorWords {
		return ""
	}
	if len(words) == 1 {
		w := foldWord(words[0])
		if isCredential(words[0]) || placeholderAuthors[w] || roleWords[w] {
			return ""
		}
	}
	roles := 0
	for _, w := range words {
		if roleWords[foldWord(w)] {
			roles++
		}
	}
	if roles > 0 && roles+2 >= len(words) && !hasNameShape(words) {
		return "" // "Staff Writer", "Senior Reporter"
	}
	return strings.TrimRight(strings.Join(words, " "), ",")
}

// maxAuthorWords bounds a name; longer credits are sentences.
const maxAuthorWords = 5

// isCredential: a degree written as one ("MS", "Ph.D", "PhD"), not a
// name part written like a name ("Ma", "Do").
func isCredential(w string) bool {
	if !credentials[foldWord(w)] {
		return false
	}
	rs := []rune(strings.Trim(w, ",;:()"))
	titleCase := len(rs) > 1 && unicode.IsUpper(rs[0]) && strings.ToLower(string(rs[1:])) == string(rs[1:])
	return !titleCase || strings.ContainsRune(w, '.')
}

func foldWord(w string) string { return strings.ToLower(strings.Trim(w, ",;:()")) }

// hasNameShape: two or more capitalised words and no role word, as in
// "Jane Doe".
func hasNameShape(words []string) bool {
	caps := 0
	for _, w := range words {
		if roleWords[foldWord(w)] {
			return false
		}
		for _, r := range w {
			if unicode.IsUpper(r) {
				caps++
			}
			break
		}
	}
	return caps >= 2
}

// isOrganisation: a credit naming an organisation, not a person.
func isOrganisation(s string) bool {
	words := strings.Fields(s)
	for _, w := range words {
		if orgWords[foldWord(w)] {
			return true
		}
	}
	// "AFP", "CNN": a lone acronym
	return len(words) == 1 && len(s) >= 2 && strings.ToUpper(s) == s
}

// stripParenthesis unwraps a credit written in parentheses ("(Image:
// Getty)") and drops a parenthesised tail ("Elena Oberholzer (obe)",
// "Jean-Luc Aufranc (CNXSoft)").
func stripParenthesis(s string) string {
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		return s[1 : len(s)-1]
	}
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		return s[:i]
	}
	return strings.Trim(s, "()[]")
}

// anyPerson reports whether a list credits a person, not only
// organisations.
func anyPerson(authors []string) bool {
	for _, a := range authors {
		if !isOrganisation(a) {
			return true
		}
	}
	return false
}

// preferPeople drops organisations from a list that also credits people.
func preferPeople(authors []string) []string {
	people := 0
	for _, a := range authors {
		if !isOrganisation(a) {
			people++
		}
	}
	if people == 0 || people == len(authors) {
		return authors
	}
	out := make([]string, 0, people)
	for _, a := range authors {
		if !isOrganisation(a) {
			out = append(out, a)
		}
	}
	return out
}

var (
	// entityRE matches an HTML character reference left in a value.
	entityRE = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]{1,31});`)
	// placeholderRE matches values that stand for "no value".
	placeholderRE = regexp.MustCompile(`(?i)^(null|undefined|none|n/?a|admin|administrator|untitled|unknown|-+)$`)
)

// Problem explains what makes a metadata text value untrustworthy (an
// entity, a control character, a placeholder), or returns "".
// Tests and the metadata scorer use it to check any page's values.
func Problem(s string) string {
	for _, m := range entityRE.FindAllString(s, -1) {
		if html.UnescapeString(m) != m {
			return "holds the entity " + m
		}
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' || r == '\uFFFD' {
			return fmt.Sprintf("holds the control character %U", r)
		}
	}
	if placeholderRE.MatchString(strings.TrimSpace(s)) {
		return "is a placeholder"
	}
	return ""
}

// AuthorProblem is Problem for an author's name, which also needs a
// letter: "105092" and "2024" are ids and years.
func AuthorProblem(s string) string {
	if strings.IndexFunc(s, unicode.IsLetter) < 0 {
		return "names no one"
	}
	return Problem(s)
}

// TimeProblem explains why t cannot be a page's time when read at now, or
// returns "".
func TimeProblem(t *time.Time, now time.Time) string {
	if t == nil {
		return ""
	}
	if t.Year() < minPlausibleYear || t.After(now.AddDate(1, 0, 0)) {
		return "is an impossible or placeholder time " + t.Format(time.RFC3339)
	}
	return ""
}

// particles are lower-case parts of a person's name: "Ludwig van Beethoven".
var particles = wordSet(`de del della der den van von da di du la le bin ibn al el dos das y`)

// months and days mark a date written beside a name in a byline.
var calendarWords = wordSet(`january february march april may june july august september october
	november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
	thursday friday saturday sunday mon tue wed thu fri sat sun updated published`)

// minVisibleNameWords and maxVisibleNameWords bound a name read from a
// page's visible byline: a lone first name or a sentence is no credit.
const (
	minVisibleNameWords = 2
	maxVisibleNameWords = 4
)

// personLike: a name as a visible byline writes one: two to four words,
// capitalised but for particles, with no digits, dates, roles or
// organisation words.
func personLike(name string) bool {
	words := strings.Fields(name)
	if len(words) < minVisibleNameWords || len(words) > maxVisibleNameWords {
		return false
	}
	for _, w := range words {
		f := foldWord(w)
		if particles[f] {
			continue
		}
		if !startsUpper(w) || calendarWords[f] || roleWords[f] || orgWords[f] || strings.IndexFunc(w, unicode.IsDigit) >= 0 ||
			strings.ContainsAny(w, "•|@#®") {
			return false
		}
	}
	return true
}

func startsUpper(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// visibleAuthors reads the names of a byline shown on the page; unlike
// metadata, visible text mixes names with dates and labels, so every part
// must read as a person's name.
func visibleAuthors(byline string) []string {
	var out []string
	for _, a := range SplitAuthors(byline) {
		if personLike(a) {
			out = append(out, a)
		}
	}
	return out
}
