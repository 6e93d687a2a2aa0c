package htmlinput

import (
	"strings"

	"golang.org/x/net/html"
)

// readAttrs reads the attributes of the start tag raw, placed by the
// scanner in attrs, into the current token, as the tokenizer returns
// them: lower-case keys, the first of duplicate keys, values with
// newlines converted and references decoded.
func (b *builder) readAttrs(raw string, attrs []attrPos) {
	start := len(b.attrs)
	var seen map[string]bool // keys so far, once there are many
	for _, p := range attrs {
		if p.ks == p.ke {
			continue // an empty key: the tokenizer drops it
		}
		key := lowerString(raw[p.ks:p.ke])
		if seen == nil && len(b.attrs)-start >= linearAttrs {
			seen = make(map[string]bool, 2*linearAttrs)
			for _, a := range b.attrs[start:] {
				seen[a.Key] = true
			}
		}
		if seen != nil && seen[key] || seen == nil && b.hasAttr(start, key) {
			continue
		}
		if seen != nil {
			seen[key] = true
		}
		if len(b.attrs) == cap(b.attrs) {
			b.growAttrs(start)
			start = 0
		}
		b.attrs = append(b.attrs, html.Attribute{Key: key, Val: attrValue(raw[p.vs:p.ve])})
	}
	if n := len(b.attrs) - start; n > 0 {
		b.tok.attr = b.attrs[start:len(b.attrs):len(b.attrs)]
	}
}

// linearAttrs is the number of attributes up to which duplicate keys are
// found by comparing with each; past it a tag's keys go in a map.
const linearAttrs = 16

// growAttrs starts a new attribute slab, carrying over the attributes of
// the tag being read (from start).
func (b *builder) growAttrs(start int) {
	cur := b.attrs[start:]
	b.attrs = make([]html.Attribute, len(cur), max(attrSlab, 2*len(cur)))
	copy(b.attrs, cur)
}

func (b *builder) hasAttr(start int, key string) bool {
	for _, a := range b.attrs[start:] {
		if a.Key == key {
			return true
		}
	}
	return false
}

// attrSpan reads the attribute at or after i of the tag that raw holds
// (from its start, or from the start of the page): the spans of its key
// and value, and where the next one may start. It reports false at the end
// of the tag, or of raw inside it.
func attrSpan(raw string, i int) (ks, ke, vs, ve, next int, ok bool) {
	i = skipSpace(raw, i)
	if i >= len(raw) || raw[i] == '>' {
		return 0, 0, 0, 0, 0, false
	}
	ks = i
	ke, ok = attrKey(raw, i)
	if !ok {
		return 0, 0, 0, 0, 0, false
	}
	i = skipSpace(raw, ke)
	if i >= len(raw) {
		return 0, 0, 0, 0, 0, false
	}
	switch raw[i] {
	case '/':
		return ks, ke, i, i, i + 1, true
	case '=':
	default:
		return ks, ke, ke, ke, i, true
	}
	i = skipSpace(raw, i+1)
	if i >= len(raw) || raw[i] == '>' {
		return ks, ke, i, i, i, true
	}
	if q := raw[i]; q == '"' || q == '\'' {
		k := strings.IndexByte(raw[i+1:], q)
		if k < 0 {
			return 0, 0, 0, 0, 0, false
		}
		return ks, ke, i + 1, i + 1 + k, i + 1 + k + 1, true
	}
	for j := i + 1; j < len(raw); j++ {
		switch raw[j] {
		case ' ', '\n', '\r', '\t', '\f':
			return ks, ke, i, j, j + 1, true
		case '>':
			return ks, ke, i, j, j, true
		}
	}
	return 0, 0, 0, 0, 0, false
}

// lowerString lower-cases the ASCII letters of s, allocating only when
// there is one to change.
func lowerString(s string) string {
	for i := range len(s) {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				b[k] = lowerASCII(b[k])
			}
			return string(b)
		}
	}
	return s
}

// attrValue decodes an attribute value as the tokenizer does: newlines
// converted, and character references decoded but for a name without
// ';' followed by '=' or one that only starts with an entity's name,
// which stay as written there (unlike in text).
func attrValue(v string) string {
	v = convertNewlines(v)
	amp := strings.IndexByte(v, '&')
	if amp < 0 {
		return v
	}
	var sb strings.Builder
	sb.Grow(len(v))
	sb.WriteString(v[:amp])
	for i := amp; i < len(v); {
		if v[i] != '&' {
			k := strings.IndexByte(v[i:], '&')
			if k < 0 {
				k = len(v) - i
			}
			sb.WriteString(v[i : i+k])
			i += k
			continue
		}
		n := referenceLen(v[i:])
		sb.WriteString(attrReference(v[i:i+n], v[i+n:]))
		i += n
	}
	return sb.String()
}

// referenceLen returns the length of the character reference at the start
// of s ("&..."), as the tokenizer reads it: "&#" and digits, or '&' and a
// run of letters and digits, with a final ';' if there is one.
func referenceLen(s string) int {
	i := 1
	if i < len(s) && s[i] == '#' {
		i++
		hex := i < len(s) && (s[i] == 'x' || s[i] == 'X')
		if hex {
			i++
		}
		for i < len(s) && (isDigit(s[i]) || hex && isHexLetter(s[i])) {
			i++
		}
	} else {
		for i < len(s) && (isASCIILetter(s[i]) || isDigit(s[i])) {
			i++
		}
	}
	if i < len(s) && s[i] == ';' {
		i++
	}
	return i
}

// attrReference decodes the reference ref in an attribute value, followed
// by rest.
func attrReference(ref, rest string) string {
	if len(ref) < 2 {
		return ref
	}
	if ref[1] == '#' {
		return html.UnescapeString(ref)
	}
	if ref[len(ref)-1] != ';' && rest != "" && rest[0] == '=' {
		return ref
	}
	dec := html.UnescapeString(ref)
	// In text the longest entity name the reference starts with is
	// decoded, and the rest of the name kept: a result that still ends as
	// ref does is such a partial match, which attributes do not take.
	if dec == ref || len(dec) >= 2 && dec[len(dec)-1] == ref[len(ref)-1] {
		return ref
	}
	return dec
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHexLetter(c byte) bool { return 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
