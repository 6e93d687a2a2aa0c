package htmlinput

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Options control Decode.
type Options struct {
	// Charset is the character set named by the transport (an HTTP or WARC
	// Content-Type header), weighed with the page's own declaration.
	Charset string
	// ForceText takes the input as text whatever it looks like.
	ForceText bool
	// MaxBytes caps the decoded UTF-8 size; DefaultMaxBytes when 0, no cap
	// when negative.
	MaxBytes int64
}

// Decode returns data as UTF-8 text and whether it looks like HTML. Binary
// data (images, archives, executables, random bytes) fails with ErrNotHTML.
//
// The encoding is the first of: a byte order mark; UTF-16 recognised by its
// zero bytes; UTF-8 when the bytes are valid UTF-8; the transport charset
// or the page's <meta> declaration, whichever fits the bytes (see weigh);
// UTF-8 when nearly all of it is; a statistical guess from the bytes;
// windows-1252.
func Decode(data []byte, o Options) (string, bool, error) {
	s, _, err := decode(data, o)
	if err != nil {
		return "", false, err
	}
	isHTML := !o.ForceText && looksLikeHTML(s[:min(len(s), htmlScan)])
	return s, isHTML, nil
}

// Transcode is Decode for a page that is saved rather than parsed: it
// returns the UTF-8 text and the charset it was decoded from, and when that
// was not UTF-8, the page's <meta> declaration is rewritten to say utf-8 so
// that the saved text reads back the same.
func Transcode(data []byte, transport string) (string, string, error) {
	s, name, err := decode(data, Options{Charset: transport, MaxBytes: -1})
	if err != nil {
		return "", "", err
	}
	if name != "utf-8" {
		if _, start, end := metaCharset(s); start < end && !strings.EqualFold(s[start:end], "utf-8") {
			s = s[:start] + "utf-8" + s[end:]
		}
	}
	return s, name, nil
}

// Sniff reports whether data, undecoded, starts like an HTML page; binary
// data fails with ErrNotHTML. It is Decode's check without the decoding,
// for callers that must decide before reading on.
func Sniff(data []byte) (isHTML bool, err error) {
	head := data[:min(len(data), htmlScan)]
	if name, enc := detectUTF16(data); enc != nil {
		s, err := decodeLimited(head, enc, htmlScan)
		if err != nil {
			return false, fmt.Errorf("decoding %s: %w", name, err)
		}
		return looksLikeHTML(s), nil
	}
	if kind := sniffBinary(data); kind != "" {
		return false, fmt.Errorf("%w: looks like %s", ErrNotHTML, kind)
	}
	return looksLikeHTML(string(head)), nil
}

// decode turns data into valid UTF-8 without NUL bytes or a byte order
// mark, and names the charset it came from.
func decode(data []byte, o Options) (string, string, error) {
	name, enc := detectUTF16(data)
	valid := false
	if enc == nil {
		if kind := sniffBinary(data); kind != "" {
			return "", "", fmt.Errorf("%w: looks like %s", ErrNotHTML, kind)
		}
		name, enc, valid = detect(data, o.Charset)
	}
	limit := o.MaxBytes
	if limit == 0 {
		limit = DefaultMaxBytes
	}
	var s string
	if enc == nil {
		s = string(data)
	} else {
		var err error
		s, err = decodeLimited(data, enc, limit)
		if err != nil {
			return "", "", fmt.Errorf("decoding %s: %w", name, err)
		}
	}
	if limit > 0 && int64(len(s)) > limit {
		return "", "", fmt.Errorf("%w: more than %d bytes once decoded from %s", ErrTooLarge, limit, name)
	}
	s = strings.TrimPrefix(s, "\ufeff")
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	if !valid {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if garbled(s) {
		return "", "", fmt.Errorf("%w: looks like binary data (unreadable as %s)", ErrNotHTML, name)
	}
	return s, name, nil
}

// decodeLimited decodes data to UTF-8, stopping one byte past limit.
func decodeLimited(data []byte, enc encoding.Encoding, limit int64) (string, error) {
	r := transform.NewReader(bytes.NewReader(data), enc.NewDecoder())
	var lr io.Reader = r
	if limit > 0 {
		lr = io.LimitReader(r, limit+1)
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/2)
	if _, err := io.Copy(&b, lr); err != nil {
		return "", err
	}
	return b.String(), nil
}

// detectUTF16 recognises UTF-16 by its byte order mark, or by the zero
// bytes of mostly-ASCII text.
func detectUTF16(b []byte) (string, encoding.Encoding) {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return "utf-16le", xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return "utf-16be", xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM)
	}
	n := len(b) &^ 1
	if n > 4096 {
		n = 4096
	}
	if n < 8 {
		return "", nil
	}
	var even, odd, pairs int
	for i := 0; i < n; i += 2 {
		pairs++
		if b[i] == 0 && b[i+1] != 0 {
			even++
		}
		if b[i+1] == 0 && b[i] != 0 {
			odd++
		}
	}
	switch {
	case odd*10 >= pairs*7 && even*20 < pairs:
		return "utf-16le", xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	case even*10 >= pairs*7 && odd*20 < pairs:
		return "utf-16be", xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	}
	return "", nil
}

// detect names the encoding of data; a nil encoding means UTF-8 as it is,
// and valid that data is valid UTF-8 already.
func detect(data []byte, transport string) (name string, enc encoding.Encoding, valid bool) {
	if utf8.Valid(data) {
		// Valid UTF-8 wins over any label: in legacy encodings, a page with
		// non-ASCII letters is almost never valid UTF-8 by chance, and an
		// ASCII page reads the same in every label we accept. ISO-2022-JP
		// is 7-bit, so valid UTF-8; it needs its label, and only its
		// escape byte makes reading the labels worth it.
		if bytes.IndexByte(data, 0x1b) >= 0 && declared(data, transport) == "iso-2022-jp" {
			name, enc = named("iso-2022-jp")
			return name, enc, false
		}
		return "utf-8", nil, true
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return "utf-8", nil, false
	}
	name, enc = named(weigh(data, transport))
	return name, enc, false
}

// declared is the charset the transport names, else the page's <meta>.
func declared(data []byte, transport string) string {
	if d := lookup(transport); d != "" {
		return d
	}
	return lookup(pageCharset(data))
}

// confidentGuess is the detector confidence (0-100) at which its guess
// overrules a lone windows-1252 label, the commonest server default.
const confidentGuess = 50

// weigh names the charset of data, which is not valid UTF-8. The transport
// and <meta> labels that do not claim UTF-8 are candidates; the one whose
// decoding has the fewest errors wins. Two clean ones are told apart by
// the statistical detector, failing which a windows-1252 header (the usual
// server default) loses. When no label fits, the page is nearly UTF-8 or
// the detector guesses; windows-1252 is the last resort.
func weigh(data []byte, transport string) string {
	cands := labels(data, transport)
	errs := make([]int, len(cands))
	best := -1
	for i, c := range cands {
		errs[i] = decodeErrors(data, c)
		if best < 0 || errs[i] < errs[best] {
			best = i
		}
	}
	switch {
	case len(cands) == 2 && errs[0] == errs[1]:
		if g, _ := guessCharset(data); g == cands[0] || g == cands[1] {
			return g
		}
		if cands[0] == "windows-1252" {
			return cands[1]
		}
		return cands[0]
	case best >= 0 && errs[best] == 0:
		if cands[best] == "windows-1252" && len(cands) == 1 {
			if g, conf := guessCharset(data); g != "" && conf >= confidentGuess && decodeErrors(data, g) == 0 {
				return g
			}
		}
		return cands[best]
	}
	if mostlyUTF8(data) {
		return "utf-8"
	}
	if g, _ := guessCharset(data); g != "" && (best < 0 || decodeErrors(data, g) < errs[best]) {
		return g
	}
	if best >= 0 {
		return cands[best]
	}
	return "windows-1252"
}

// labels returns the distinct charsets the transport and the <meta> tag
// name, leaving out those that cannot describe bytes that are not UTF-8.
func labels(data []byte, transport string) []string {
	var out []string
	for _, l := range []string{lookup(transport), lookup(pageCharset(data))} {
		switch l {
		case "", "utf-8", "replacement", "x-user-defined":
			continue
		}
		if len(out) == 1 && out[0] == l {
			continue
		}
		out = append(out, l)
	}
	return out
}

// decodeErrors counts the bytes that the charset name cannot decode.
func decodeErrors(data []byte, name string) int {
	e, _ := charset.Lookup(name)
	if e == nil {
		return len(data)
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return len(data)
	}
	return bytes.Count(out, []byte("\ufffd")) - bytes.Count(data, []byte("\xef\xbf\xbd"))
}

// lookup returns the WHATWG name of a charset label, or "". UTF-16 labels
// inside a page mean UTF-8, as in browsers.
func lookup(label string) string {
	if label == "" {
		return ""
	}
	_, name := charset.Lookup(label)
	if strings.HasPrefix(name, "utf-16") {
		return "utf-8"
	}
	return name
}

func named(name string) (string, encoding.Encoding) {
	e, n := charset.Lookup(name)
	if e == nil || n == "utf-8" {
		return "utf-8", nil
	}
	return n, e
}

// metaScan is how far into a page a <meta> charset declaration is looked
// for. The HTML standard says 1024 bytes; real pages put scripts and
// styles first.
const metaScan = 64 << 10

// pageCharset returns the charset a <meta> tag declares in the head (the
// first 64 KiB), or "".
func pageCharset(data []byte) string {
	head := data[:min(len(data), metaScan)]
	if bytes.IndexByte(head, '<') < 0 {
		return ""
	}
	v, _, _ := metaCharset(string(head))
	return v
}

// metaCharset returns the charset a <meta> tag in the head of s declares,
// and where its value sits in s (start == end when it cannot be placed).
func metaCharset(s string) (value string, start, end int) {
	s = s[:min(len(s), metaScan)]
	z := html.NewTokenizer(strings.NewReader(s))
	off := 0
	for {
		tt := z.Next()
		raw := z.Raw()
		switch tt {
		case html.ErrorToken:
			return "", 0, 0
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) == "body" {
				return "", 0, 0
			}
			if string(name) == "meta" {
				if v := metaTagCharset(z, hasAttr); v != "" {
					start, end = valueOffset(raw, v)
					return v, off + start, off + end
				}
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "head" {
				return "", 0, 0
			}
		}
		off += len(raw)
	}
}

// metaTagCharset reads the charset of one <meta> tag's attributes: charset,
// or http-equiv="Content-Type" with content="...; charset=...".
func metaTagCharset(z *html.Tokenizer, hasAttr bool) string {
	var cs, content string
	var httpEquiv bool
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch string(k) {
		case "charset":
			cs = string(v)
		case "http-equiv":
			httpEquiv = strings.EqualFold(string(v), "content-type")
		case "content":
			content = string(v)
		}
	}
	if cs != "" {
		return strings.TrimSpace(cs)
	}
	if !httpEquiv {
		return ""
	}
	i := strings.Index(strings.ToLower(content), "charset=")
	if i < 0 {
		return ""
	}
	v := strings.Trim(content[i+len("charset="):], `"' `)
	if j := strings.IndexAny(v, `;"' `); j >= 0 {
		v = v[:j]
	}
	return v
}

// valueOffset places the charset value v in the raw <meta> tag: its first
// occurrence after the word "charset".
func valueOffset(raw []byte, v string) (int, int) {
	lower := bytes.ToLower(raw)
	i := bytes.Index(lower, []byte("charset"))
	if i < 0 {
		return 0, 0
	}
	j := bytes.Index(lower[i:], []byte(strings.ToLower(v)))
	if j < 0 {
		return 0, 0
	}
	return i + j, i + j + len(v)
}

// mostlyUTF8 reports whether data is UTF-8 with a few broken sequences
// (a page cut mid-character, one stray byte).
func mostlyUTF8(data []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			invalid++
			i++
			continue
		}
		valid++
		i += size
	}
	return valid > 0 && valid >= 4*invalid
}

// minGuess is the least detector confidence (0-100) worth a guess.
const minGuess = 10

// guessSample bounds the bytes given to the statistical detector.
const guessSample = 64 << 10

// guessCharset guesses the charset of data from its non-ASCII text, with
// the detector's confidence.
func guessCharset(data []byte) (string, int) {
	i := bytes.IndexFunc(data, func(r rune) bool { return r >= utf8.RuneSelf || r == utf8.RuneError })
	if i < 0 {
		return "", 0
	}
	if j := bytes.LastIndexByte(data[:i], '>'); j >= 0 && i-j < 4096 {
		i = j + 1
	}
	sample := data[i:]
	sample = sample[:min(len(sample), guessSample)]
	res, err := chardet.NewHtmlDetector().DetectBest(sample)
	if err != nil || res == nil || res.Confidence < minGuess {
		return "", 0
	}
	switch strings.ToUpper(res.Charset) {
	case "UTF-8", "ISO-2022-CN", "ISO-2022-KR":
		return "", 0
	case "GB18030", "GB-18030", "GB2312", "GBK":
		return "gb18030", res.Confidence
	case "ISO-8859-1":
		return "windows-1252", res.Confidence
	}
	return lookup(res.Charset), res.Confidence
}

// garbledScan is how many characters garbled looks at.
const garbledScan = 16 << 10

// garbled reports text that decoding left unreadable: many replacement
// characters or control characters among its first garbledScan
// characters.
func garbled(s string) bool {
	n, bad := 0, 0
	for i := 0; i < len(s) && n < garbledScan; n++ {
		if n+8 <= garbledScan && i+8 <= len(s) && printableASCII8(s[i:i+8]) {
			// The commonest case: eight printable ASCII characters.
			i += 8
			n += 7
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f {
				bad++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r < 0xa0 || privateUse(r) {
			bad++
		}
		i += size
	}
	return n >= 16 && bad*10 > n
}

// printableASCII8 reports whether the eight bytes of s are all printable
// ASCII (0x20 to 0x7e), testing them at once as one word.
func printableASCII8(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	// With every high bit clear, a byte below 0x20 borrows into its high
	// bit when 0x20 is taken from it, and only 0x7f carries into it when
	// 1 is added.
	return (w|(w-0x20*ones)|(w+ones))&highs == 0
}

// privateUse is unicode.Is(unicode.Co, r) without the table search.
func privateUse(r rune) bool {
	return 0xe000 <= r && r <= 0xf8ff || 0xf0000 <= r && r <= 0xffffd || 0x100000 <= r && r <= 0x10fffd
}

// signature names the binary format whose magic number data starts with
// ("a PNG image", "gzip data"), or "".
func signature(b []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(b[min(len(b), m.at):], []byte(m.magic)) && len(b) >= m.at+len(m.magic) {
			return m.kind
		}
	}
	return ""
}

// sniffBinary names the binary format of data, or "" when it may be text.
func sniffBinary(b []byte) string {
	if kind := signature(b); kind != "" {
		return kind
	}
	// Control bytes other than white space are rare in text and common in
	// binary data.
	n := min(len(b), 4096)
	bad := 0
	for _, c := range b[:n] {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			bad++
		}
	}
	if bad >= 2 && bad*50 > n {
		return "binary data"
	}
	return ""
}

var magics = []struct {
	at          int
	magic, kind string
}{
	{0, "\x1f\x8b", "gzip data"},
	{0, "\x28\xb5\x2f\xfd", "zstd data"},
	{0, "BZh", "bzip2 data"},
	{0, "\xfd7zXZ\x00", "xz data"},
	{0, "7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{0, "PK\x03\x04", "a zip archive"},
	{0, "%PDF-", "a PDF"},
	{0, "\x89PNG", "a PNG image"},
	{0, "\xff\xd8\xff", "a JPEG image"},
	{0, "GIF8", "a GIF image"},
	{0, "II*\x00", "a TIFF image"},
	{0, "MM\x00*", "a TIFF image"},
	{0, "\x00\x00\x01\x00", "an icon"},
	{0, "wOFF", "a font"},
	{0, "wOF2", "a font"},
	{0, "OggS", "Ogg media"},
	{0, "ID3", "MP3 audio"},
	{0, "\x1aE\xdf\xa3", "Matroska/WebM media"},
	{4, "ftyp", "MP4 media"},
	{0, "\x00asm", "WebAssembly"},
	{0, "\x7fELF", "an executable"},
	{0, "\xcf\xfa\xed\xfe", "an executable"},
	{0, "SQLite format 3\x00", "an SQLite database"},
	{0, "RIFF", "a RIFF media file"},
}

// htmlScan is how far into a page looksLikeHTML looks for markup.
const htmlScan = 4096

// looksLikeHTML reports whether head, the start of a page, holds HTML
// markup.
func looksLikeHTML(head string) bool {
	head = head[:min(len(head), htmlScan)]
	if strings.Contains(head, "\u0130") || strings.Contains(head, "\u212a") {
		// İ and the Kelvin sign lower-case to ASCII letters.
		lower := strings.ToLower(head)
		for _, tag := range htmlMarkers {
			if strings.Contains(lower, tag) {
				return true
			}
		}
		return false
	}
	// Every marker starts with '<': try them where one is.
	for i := strings.IndexByte(head, '<'); i >= 0; {
		for _, tag := range htmlMarkers {
			if len(head)-i >= len(tag) && equalFoldASCII(head[i:i+len(tag)], tag) {
				return true
			}
		}
		k := strings.IndexByte(head[i+1:], '<')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// htmlMarkers are lower-case and start with '<'.
var htmlMarkers = []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<article", "<script", "<br", "<table", "<span", "<a href", "<h1", "<h2", "<!--", "<frameset", "<svg", "<math", "<section", "<main", "<style"}
