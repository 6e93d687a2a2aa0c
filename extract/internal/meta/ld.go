package meta

// JSON-LD is read in two steps. A scanner checks that a script is JSON as
// encoding/json reads it into an interface value (the same syntax, nesting
// limit and number range) and notes where the values of the keys Read uses
// lie in each object it follows (the top level, array elements, @graph and
// mainEntity). Only the values Read then asks for are decoded: a page's
// JSON-LD often carries the whole article body, comments and breadcrumbs,
// which nothing here reads.

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ldKey is a key of a JSON-LD object that Read uses.
type ldKey int

const (
	keyType ldKey = iota
	keyGraph
	keyMainEntity
	keyHeadline
	keyName
	keyPublisher
	keyAuthor
	keyDatePublished
	keyDateCreated
	keyDateModified
	keyInLanguage
	keyDescription
	keyURL
	keyMainEntityOfPage
	keyImage
	numKeys
)

// ldKeys maps the keys Read uses to their index.
var ldKeys = map[string]ldKey{
	"@type": keyType, "@graph": keyGraph, "mainEntity": keyMainEntity, "headline": keyHeadline,
	"name": keyName, "publisher": keyPublisher, "author": keyAuthor, "datePublished": keyDatePublished,
	"dateCreated": keyDateCreated, "dateModified": keyDateModified, "inLanguage": keyInLanguage,
	"description": keyDescription, "url": keyURL, "mainEntityOfPage": keyMainEntityOfPage, "image": keyImage,
}

// ldObject holds the undecoded JSON value of each key Read uses of one
// JSON-LD object; "" when the object lacks the key. The zero value is an
// empty object.
type ldObject [numKeys]string

// ldArticle is a JSON-LD object of an article type, with its score in
// articleTypes.
type ldArticle struct {
	ldObject
	score int
}

// value decodes the value of key, or returns nil.
func (o *ldObject) value(key ldKey) any {
	raw := o[key]
	if raw == "" {
		return nil
	}
	if plainString(raw) {
		return raw[1 : len(raw)-1]
	}
	var v any
	if json.Unmarshal([]byte(raw), &v) != nil {
		return nil
	}
	return v
}

// plainString reports a valid JSON string that decodes to its bytes
// between the quotes: no escapes, valid UTF-8.
func plainString(raw string) bool {
	return len(raw) >= 2 && raw[0] == '"' && strings.IndexByte(raw[1:len(raw)-1], '\\') < 0 && utf8.ValidString(raw)
}

// text returns the value of key as text (see ldText).
func (o *ldObject) text(key ldKey) string { return ldText(o.value(key)) }

// addLD reads one JSON-LD script and keeps its objects. A script that is
// not valid JSON adds nothing.
func (p *page) addLD(src string) {
	if p.ldObjects > maxLDObjects {
		return
	}
	ld, objects := p.ld, p.ldObjects
	if !p.addLDValue(strings.TrimSpace(src), 0) {
		p.ld, p.ldObjects = ld, objects
	}
}

// addLDValue reads the JSON text data, a value depth levels of arrays,
// @graph and mainEntity down, keeps the objects readLD keeps and reports
// whether data is valid JSON.
func (p *page) addLDValue(data string, depth int) bool {
	s := jsonScanner{data: data}
	s.space()
	p.readLD(&s, 0, depth)
	s.space()
	return !s.bad && s.i == len(data)
}

// readLD reads the value at the cursor, inside nesting arrays and objects
// and depth levels of arrays, @graph and mainEntity down, and keeps the
// article objects among those it follows: an object, then what its
// @graph and mainEntity hold, or each element of an array. Objects of
// other types (a WebSite, a BreadcrumbList) are only counted. Array
// elements are read in place; @graph and mainEntity are read again from
// their text once their object is kept, so that an object comes before
// what it holds whatever the order of its keys.
func (p *page) readLD(s *jsonScanner, nesting, depth int) {
	switch c := s.peek(); {
	case depth > maxLDDepth || nesting >= maxNesting || c != '[' && c != '{':
		s.value(nesting)
	case c == '[':
		s.array(nesting+1, func() { p.readLD(s, nesting+1, depth+1) })
	default:
		var o ldObject
		s.object(nesting+1, func(key, val string) {
			if k, ok := lookupKey(key); ok {
				o[k] = val
			}
		})
		if s.bad {
			return
		}
		p.ldObjects++
		if score := typeScore(o.value(keyType)); score >= 0 {
			p.ld = append(p.ld, ldArticle{o, score})
		}
		if depth < maxLDDepth && o[keyGraph] != "" {
			p.addLDValue(o[keyGraph], depth+1)
		}
		if depth < maxLDDepth && o[keyMainEntity] != "" {
			p.addLDValue(o[keyMainEntity], depth+1)
		}
	}
}

// lookupKey returns the index of a quoted JSON object key that Read uses.
func lookupKey(quoted string) (ldKey, bool) {
	inner := quoted[1 : len(quoted)-1]
	if strings.IndexByte(inner, '\\') < 0 {
		k, ok := ldKeys[inner]
		return k, ok
	}
	var text string
	if json.Unmarshal([]byte(quoted), &text) != nil {
		return 0, false
	}
	k, ok := ldKeys[text]
	return k, ok
}

// maxNesting is the deepest nesting of arrays and objects encoding/json
// accepts.
const maxNesting = 10000

// jsonScanner reads JSON text. Its methods report invalid input by
// setting bad, and then do nothing more.
type jsonScanner struct {
	data string
	i    int
	bad  bool
}

// peek returns the byte at the cursor, or 0 at the end.
func (s *jsonScanner) peek() byte {
	if s.i < len(s.data) {
		return s.data[s.i]
	}
	return 0
}

func (s *jsonScanner) space() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// value skips one value inside depth arrays and objects.
func (s *jsonScanner) value(depth int) {
	if s.bad {
		return
	}
	switch c := s.peek(); {
	case c == '{' || c == '[':
		if depth >= maxNesting {
			s.bad = true
		} else if c == '{' {
			s.object(depth+1, nil)
		} else {
			s.array(depth+1, nil)
		}
	case c == '"':
		s.str()
	case c == '-' || '0' <= c && c <= '9':
		s.number()
	default:
		s.literal()
	}
}

// object reads the object at the cursor, the depth-th array or object
// open, calling f (when not nil) with each key, quoted, and value.
func (s *jsonScanner) object(depth int, f func(key, val string)) {
	s.i++ // '{'
	s.space()
	if s.peek() == '}' {
		s.i++
		return
	}
	for !s.bad {
		s.space()
		if s.peek() != '"' {
			s.bad = true
			return
		}
		start := s.i
		s.str()
		key := s.data[start:s.i]
		s.space()
		if s.peek() != ':' {
			s.bad = true
			return
		}
		s.i++
		s.space()
		start = s.i
		s.value(depth)
		if s.bad {
			return
		}
		if f != nil {
			f(key, s.data[start:s.i])
		}
		if s.next('}') {
			return
		}
	}
}

// array reads the array at the cursor, the depth-th array or object open,
// reading each element with elem when not nil.
func (s *jsonScanner) array(depth int, elem func()) {
	s.i++ // '['
	s.space()
	if s.peek() == ']' {
		s.i++
		return
	}
	for !s.bad {
		s.space()
		if elem != nil {
			elem()
		} else {
			s.value(depth)
		}
		if s.bad {
			return
		}
		if s.next(']') {
			return
		}
	}
}

// next reads the comma before the next member or element, or the closing
// bracket, and reports whether it was the closing one.
func (s *jsonScanner) next(closing byte) bool {
	s.space()
	switch s.peek() {
	case ',':
		s.i++
		return false
	case closing:
		s.i++
		return true
	}
	s.bad = true
	return true
}

// str skips a string: no control characters, only JSON's escapes. Bytes
// that are not UTF-8 are allowed (encoding/json replaces them).
func (s *jsonScanner) str() {
	s.i++ // '"'
	for s.i < len(s.data) {
		c := s.data[s.i]
		switch {
		case c == '"':
			s.i++
			return
		case c < 0x20:
			s.bad = true
			return
		case c == '\\':
			s.escape()
			if s.bad {
				return
			}
		default:
			s.i++
		}
	}
	s.bad = true
}

// escape skips one escape sequence in a string.
func (s *jsonScanner) escape() {
	s.i++ // '\\'
	switch s.peek() {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		s.i++
	case 'u':
		s.i++
		for range 4 {
			if !isHex(s.peek()) {
				s.bad = true
				return
			}
			s.i++
		}
	default:
		s.bad = true
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// number skips a number, which must also fit a float64: encoding/json
// fails on one that does not ("1e400").
func (s *jsonScanner) number() {
	start := s.i
	if s.peek() == '-' {
		s.i++
	}
	switch c := s.peek(); {
	case c == '0':
		s.i++
	case '1' <= c && c <= '9':
		s.digits()
	default:
		s.bad = true
		return
	}
	if s.peek() == '.' {
		s.i++
		if !s.digits() {
			s.bad = true
			return
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.i++
		if c := s.peek(); c == '+' || c == '-' {
			s.i++
		}
		if !s.digits() {
			s.bad = true
			return
		}
	}
	if _, err := strconv.ParseFloat(s.data[start:s.i], 64); err != nil {
		s.bad = true
	}
}

// digits skips a run of digits and reports whether there was one.
func (s *jsonScanner) digits() bool {
	start := s.i
	for s.i < len(s.data) && '0' <= s.data[s.i] && s.data[s.i] <= '9' {
		s.i++
	}
	return s.i > start
}

// literal skips true, false or null.
func (s *jsonScanner) literal() {
	for _, lit := range []string{"true", "false", "null"} {
		if strings.HasPrefix(s.data[s.i:], lit) {
			s.i += len(lit)
			return
		}
	}
	s.bad = true
}

var articleTypes = map[string]int{
	"newsarticle": 3, "reportagenewsarticle": 3, "analysisnewsarticle": 3, "opinionnewsarticle": 3,
	"reviewnewsarticle": 3, "backgroundnewsarticle": 3, "livebloggosting": 3, "liveblogposting": 3,
	"article": 2, "blogposting": 2, "scholarlyarticle": 2, "techarticle": 2, "report": 1,
	"socialmediaposting": 1, "webpage": 0,
}

// article returns the JSON-LD object that best describes the article, or an
// empty object.
func (p *page) article() *ldObject {
	best, score := &ldObject{}, -1
	for i := range p.ld {
		if p.ld[i].score > score {
			best, score = &p.ld[i].ldObject, p.ld[i].score
		}
	}
	return best
}

// typeScore returns the best score in articleTypes of the types of a
// JSON-LD @type value, or -1 when none of them is an article type.
func typeScore(types any) int {
	s := -1
	for _, t := range typesOf(types) {
		if v, ok := articleTypes[strings.ToLower(t)]; ok && v > s {
			s = v
		}
	}
	return s
}

func typesOf(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func ldString(o map[string]any, key string) string { return ldText(o[key]) }

// ldText returns a JSON-LD value as text: a string, the first of a list of
// strings, or the @value of a value object.
func ldText(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case []any:
		if len(t) > 0 {
			if s, ok := t[0].(string); ok {
				return strings.TrimSpace(s)
			}
		}
	case map[string]any:
		if s, ok := t["@value"].(string); ok {
			return s
		}
	}
	return ""
}

func ldName(v any) string {
	switch t := v.(type) {
	case string:
		if !strings.HasPrefix(t, "http") {
			return strings.TrimSpace(t)
		}
	case map[string]any:
		return ldString(t, "name")
	case []any:
		for _, e := range t {
			if s := ldName(e); s != "" {
				return s
			}
		}
	}
	return ""
}

func ldAuthors(v any) []string {
	var out []string
	switch t := v.(type) {
	case string:
		if !strings.HasPrefix(t, "http") {
			out = append(out, SplitAuthors(t)...)
		}
	case map[string]any:
		if n := ldName(t); n != "" {
			out = append(out, SplitAuthors(n)...)
		}
	case []any:
		for _, e := range t {
			out = append(out, ldAuthors(e)...)
		}
	}
	return out
}

func ldImage(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case map[string]any:
		return firstNonEmpty(ldString(t, "url"), ldString(t, "contentUrl"), ldString(t, "@id"))
	case []any:
		for _, e := range t {
			if s := ldImage(e); s != "" {
				return s
			}
		}
	}
	return ""
}

func ldID(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case map[string]any:
		return firstNonEmpty(ldString(t, "@id"), ldString(t, "url"))
	}
	return ""
}
