// Package htmlinput turns untrusted bytes into a parsed page: it caps the
// size, refuses binary data, decodes the character set to UTF-8 and parses
// the HTML.
package htmlinput

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// DefaultMaxBytes is the input cap when none is given: 20 MiB.
const DefaultMaxBytes = 20 << 20

var (
	// ErrTooLarge is returned when the input exceeds the size cap.
	ErrTooLarge = errors.New("input too large")
	// ErrNotHTML is returned for input that is neither HTML nor text.
	ErrNotHTML = errors.New("not an HTML or text page")
)

// ReadAll reads r up to max bytes (DefaultMaxBytes when max is 0, no cap
// when max is negative) and fails with ErrTooLarge past it.
func ReadAll(r io.Reader, max int64) ([]byte, error) {
	if max == 0 {
		max = DefaultMaxBytes
	}
	if max < 0 {
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("reading input: %w", err)
		}
		return b, nil
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("reading input: %w", err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return b, nil
}

// Decode returns data as UTF-8 text and whether it looks like HTML.
// transportCharset is a charset named outside the document (HTTP header).
// With forceText the input is taken as text whatever it looks like.
func Decode(data []byte, transportCharset string, forceText bool) (string, bool, error) {
	if kind := sniffBinary(data); kind != "" {
		return "", false, fmt.Errorf("%w: looks like %s", ErrNotHTML, kind)
	}
	isHTML := !forceText && looksLikeHTML(data)
	var enc string
	if utf8.Valid(data) && !hasUTF16BOM(data) {
		enc = "utf-8"
	} else {
		ct := "text/plain"
		if isHTML {
			ct = "text/html"
		}
		if transportCharset != "" {
			ct += "; charset=" + transportCharset
		}
		e, name, _ := charset.DetermineEncoding(data, ct)
		enc = name
		if name != "utf-8" {
			out, err := e.NewDecoder().Bytes(data)
			if err != nil {
				return "", false, fmt.Errorf("%w: decoding %s: %v", ErrNotHTML, name, err)
			}
			data = out
		}
	}
	_ = enc
	s := string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if !isHTML && !forceText && looksLikeHTML([]byte(s)) {
		isHTML = true
	}
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	return strings.ToValidUTF8(s, "\uFFFD"), isHTML, nil
}

func hasUTF16BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF})
}

// sniffBinary names the binary format of data, or "" when it may be text.
func sniffBinary(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\x1f\x8b")):
		return "gzip data"
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return "a PDF"
	case bytes.HasPrefix(b, []byte("\x89PNG")):
		return "a PNG image"
	case bytes.HasPrefix(b, []byte("\xff\xd8\xff")):
		return "a JPEG image"
	case bytes.HasPrefix(b, []byte("GIF8")):
		return "a GIF image"
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return "a zip archive"
	case len(b) > 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return "a WebP image"
	case bytes.HasPrefix(b, []byte("\x7fELF")):
		return "an executable"
	}
	if hasUTF16BOM(b) {
		return ""
	}
	// Control bytes other than whitespace are rare in text and common in
	// binary data.
	n := len(b)
	if n > 4096 {
		n = 4096
	}
	bad := 0
	for _, c := range b[:n] {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			bad++
		}
	}
	if n > 0 && bad*10 > n {
		return "binary data"
	}
	return ""
}

// looksLikeHTML reports whether the start of data holds HTML markup.
func looksLikeHTML(b []byte) bool {
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	lower := bytes.ToLower(head)
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<article", "<script", "<br", "<table", "<span", "<a href", "<h1", "<h2", "<!--"} {
		if bytes.Contains(lower, []byte(tag)) {
			return true
		}
	}
	return false
}

// Parse parses UTF-8 HTML.
func Parse(s string) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return nil, fmt.Errorf("parsing html: %w", err)
	}
	return doc, nil
}
