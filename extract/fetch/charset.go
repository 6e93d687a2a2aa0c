package fetch

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"

	"github.com/newsclean/newsclean/extract/internal/htmlinput"
)

// metaCharsetRE locates the charset of a <meta charset> or <meta
// http-equiv="Content-Type" content="...; charset=..."> declaration, to
// rewrite it (htmlinput.MetaCharset reads it).
var metaCharsetRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_.:\-]+)`)
})

// metaScan is how far into the page a <meta> charset is rewritten. The
// HTML standard says 1024 bytes; real pages put scripts and styles first.
const metaScan = 4096

// rewriteMetaCharset makes the <meta> charset declaration of text say
// utf-8, so a transcoded page parses the same way when saved.
func rewriteMetaCharset(text string) string {
	head := text[:min(len(text), metaScan)]
	loc := metaCharsetRE().FindStringSubmatchIndex(head)
	if loc == nil || strings.EqualFold(head[loc[2]:loc[3]], "utf-8") {
		return text
	}
	return text[:loc[2]] + "utf-8" + text[loc[3]:]
}

type candidate struct {
	name       string
	enc        encoding.Encoding
	confidence int // detector's, for guesses
}

func lookup(label string) (candidate, bool) {
	label = strings.TrimSpace(label)
	if label == "" {
		return candidate{}, false
	}
	e, name := charset.Lookup(label)
	if e == nil {
		// chardet's spellings the WHATWG table does not know.
		switch strings.ToUpper(label) {
		case "GB-18030":
			e, name = charset.Lookup("gb18030")
		case "ISO-2022-JP":
			e, name = charset.Lookup("iso-2022-jp")
		}
	}
	if e == nil {
		return candidate{}, false
	}
	return candidate{name: name, enc: e}, true
}

// decodeText turns body into UTF-8. It weighs the byte order mark, the
// transport charset (HTTP header) and the <meta> declaration against the
// bytes themselves, and returns the text and the charset used.
func decodeText(body []byte, transport string) (string, string) {
	switch {
	case bytes.HasPrefix(body, []byte("\xef\xbb\xbf")):
		return strings.ToValidUTF8(string(body[3:]), "\ufffd"), "utf-8"
	case bytes.HasPrefix(body, []byte{0xFF, 0xFE}):
		return decodeWith(body, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)), "utf-16le"
	case bytes.HasPrefix(body, []byte{0xFE, 0xFF}):
		return decodeWith(body, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)), "utf-16be"
	}
	// Valid UTF-8 wins over any label: in legacy single-byte encodings, a
	// page with non-ASCII letters is almost never valid UTF-8 by chance,
	// and an ASCII page reads the same in every label we accept.
	if utf8.Valid(body) {
		return string(body), "utf-8"
	}

	// The body is not UTF-8, so labels saying UTF-8 (or UTF-16 without a
	// BOM, which the WHATWG table maps to UTF-8 anyway) are wrong.
	var cands []candidate
	for _, label := range []string{transport, htmlinput.MetaCharset(body)} {
		c, ok := lookup(label)
		if !ok || c.name == "utf-8" || strings.HasPrefix(c.name, "utf-16") || c.name == "replacement" || c.name == "x-user-defined" {
			continue
		}
		if len(cands) == 1 && cands[0].name == c.name {
			continue
		}
		cands = append(cands, c)
	}

	memo := map[string]int{}
	errs := func(c candidate) int {
		n, ok := memo[c.name]
		if !ok {
			n = decodeErrors(body, c.enc)
			memo[c.name] = n
		}
		return n
	}
	best, bestErrs := candidate{}, -1
	consider := func(c candidate) {
		if n := errs(c); bestErrs < 0 || n < bestErrs {
			best, bestErrs = c, n
		}
	}
	for _, c := range cands {
		consider(c)
	}
	if len(cands) == 2 && errs(cands[0]) == errs(cands[1]) {
		// Both labels decode cleanly (single-byte encodings always do).
		// Ask the detector; failing it, distrust a header naming the
		// usual server default, which is the commonest mislabel.
		if g, ok := guess(body); ok && (g.name == cands[0].name || g.name == cands[1].name) {
			best = g
		} else if cands[0].name == "windows-1252" {
			best = cands[1]
		} else {
			best = cands[0]
		}
	}
	switch {
	case bestErrs != 0:
		// No label, or the labels do not fit the bytes.
		if g, ok := guess(body); ok {
			consider(g)
		}
	case len(cands) == 1 && best.name == "windows-1252":
		// A lone windows-1252 (or ISO-8859-1) label is often a server
		// default; a confident detector knows better.
		if g, ok := guess(body); ok && g.confidence >= 50 && errs(g) == 0 {
			best = g
		}
	}
	if bestErrs < 0 {
		best, _ = lookup("windows-1252")
	}
	return decodeWith(body, best.enc), best.name
}

// decodeErrors counts the bytes e cannot decode.
func decodeErrors(body []byte, e encoding.Encoding) int {
	out, err := e.NewDecoder().Bytes(body)
	if err != nil {
		return len(body)
	}
	return bytes.Count(out, []byte("\ufffd")) - bytes.Count(body, []byte("\xef\xbf\xbd"))
}

func decodeWith(body []byte, e encoding.Encoding) string {
	out, err := e.NewDecoder().Bytes(body)
	if err != nil {
		return strings.ToValidUTF8(string(body), "\ufffd")
	}
	return strings.ToValidUTF8(string(bytes.TrimPrefix(out, []byte("\xef\xbb\xbf"))), "\ufffd")
}

// guessSample bounds the bytes given to the statistical detector.
const guessSample = 64 << 10

// guess asks the statistical detector for the charset of body.
func guess(body []byte) (candidate, bool) {
	r, err := chardet.NewHtmlDetector().DetectBest(body[:min(len(body), guessSample)])
	if err != nil || r == nil || r.Confidence < 10 {
		return candidate{}, false
	}
	c, ok := lookup(r.Charset)
	if !ok || c.name == "utf-8" {
		return candidate{}, false
	}
	c.confidence = r.Confidence
	return c, true
}
