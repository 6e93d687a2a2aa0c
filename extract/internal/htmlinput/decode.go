package htmlinput

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
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
	// Content-Type header). It wins over the page's own declaration.
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
// zero bytes; UTF-8 when the bytes are valid UTF-8; the transport charset;
// the page's <meta> declaration; UTF-8 when nearly all of it is; a
// statistical guess from the bytes; windows-1252.
func Decode(data []byte, o Options) (string, bool, error) {
	name, enc := detectUTF16(data)
	if enc == nil {
		if kind := sniffBinary(data); kind != "" {
			return "", false, fmt.Errorf("%w: looks like %s", ErrNotHTML, kind)
		}
		name, enc = detect(data, o.Charset)
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
			return "", false, fmt.Errorf("decoding %s: %w", name, err)
		}
	}
	if limit > 0 && int64(len(s)) > limit {
		return "", false, fmt.Errorf("%w: more than %d bytes once decoded from %s", ErrTooLarge, limit, name)
	}
	s = strings.TrimPrefix(s, "\ufeff")
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	if garbled(s) {
		return "", false, fmt.Errorf("%w: looks like binary data (unreadable as %s)", ErrNotHTML, name)
	}
	isHTML := !o.ForceText && looksLikeHTML([]byte(s))
	return s, isHTML, nil
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

// detect names the encoding of data; a nil encoding means UTF-8 as it is.
func detect(data []byte, transport string) (string, encoding.Encoding) {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return "utf-8", nil
	}
	declared := lookup(transport)
	if declared == "" {
		declared = lookup(MetaCharset(data))
	}
	if utf8.Valid(data) {
		// ISO-2022-JP is 7-bit, so valid UTF-8; it needs its label.
		if declared == "iso-2022-jp" && bytes.IndexByte(data, 0x1b) >= 0 {
			return named(declared)
		}
		return "utf-8", nil
	}
	if declared != "" && declared != "utf-8" {
		return named(declared)
	}
	if mostlyUTF8(data) {
		return "utf-8", nil
	}
	if guess := guessCharset(data); guess != "" {
		return named(guess)
	}
	return named("windows-1252")
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

// MetaCharset returns the charset a <meta> tag declares in the head (the
// first 64 KiB), or "". The fetcher weighs the same declaration.
func MetaCharset(data []byte) string {
	if len(data) > 64<<10 {
		data = data[:64<<10]
	}
	if bytes.IndexByte(data, '<') < 0 {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
			default:
				continue
			}
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
			if httpEquiv {
				if i := strings.Index(strings.ToLower(content), "charset="); i >= 0 {
					v := strings.Trim(content[i+len("charset="):], `"' `)
					if j := strings.IndexAny(v, `;"' `); j >= 0 {
						v = v[:j]
					}
					return v
				}
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "head" {
				return ""
			}
		}
	}
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

// guessCharset guesses the charset of data from its non-ASCII text.
func guessCharset(data []byte) string {
	i := bytes.IndexFunc(data, func(r rune) bool { return r >= utf8.RuneSelf || r == utf8.RuneError })
	if i < 0 {
		return ""
	}
	if j := bytes.LastIndexByte(data[:i], '>'); j >= 0 && i-j < 4096 {
		i = j + 1
	}
	sample := data[i:]
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	res, err := chardet.NewHtmlDetector().DetectBest(sample)
	if err != nil || res == nil || res.Confidence < 10 {
		return ""
	}
	switch strings.ToUpper(res.Charset) {
	case "UTF-8", "ISO-2022-CN", "ISO-2022-KR":
		return ""
	case "GB18030", "GB2312", "GBK":
		return "gb18030"
	case "ISO-8859-1":
		return "windows-1252"
	}
	return lookup(res.Charset)
}

// garbled reports text that decoding left unreadable: many replacement
// characters or control characters.
func garbled(s string) bool {
	n, bad := 0, 0
	for _, r := range s {
		n++
		switch {
		case r == utf8.RuneError, r == '\t', r == '\n', r == '\r', r == '\f':
			if r == utf8.RuneError {
				bad++
			}
		case r < 0x20, r >= 0x7f && r < 0xa0, unicode.Is(unicode.Co, r):
			bad++
		}
		if n == 16<<10 {
			break
		}
	}
	return n >= 16 && bad*10 > n
}

// Signature names the binary format whose magic number data starts with
// ("a PNG image", "gzip data"), or "". The fetcher checks bodies with the
// same list.
func Signature(b []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(b[min(len(b), m.at):], []byte(m.magic)) && len(b) >= m.at+len(m.magic) {
			return m.kind
		}
	}
	return ""
}

// sniffBinary names the binary format of data, or "" when it may be text.
func sniffBinary(b []byte) string {
	if kind := Signature(b); kind != "" {
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

// looksLikeHTML reports whether the start of data holds HTML markup.
func looksLikeHTML(b []byte) bool {
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	lower := bytes.ToLower(head)
	for _, tag := range htmlMarkers {
		if bytes.Contains(lower, []byte(tag)) {
			return true
		}
	}
	return false
}

var htmlMarkers = []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<article", "<script", "<br", "<table", "<span", "<a href", "<h1", "<h2", "<!--", "<frameset", "<svg", "<math", "<section", "<main", "<style"}
