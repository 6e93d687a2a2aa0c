package fetch

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"

	"github.com/newsclean/newsclean/extract/internal/htmlinput"
)

// refusedType reports whether a declared media type can never be a page,
// so the body need not be read at all.
func refusedType(mt string) bool {
	family, sub, _ := strings.Cut(mt, "/")
	switch family {
	case "image", "audio", "video", "font", "model":
		return true
	case "application":
		switch sub {
		case "pdf", "zip", "gzip", "x-gzip", "x-tar", "x-bzip2", "x-xz", "zstd",
			"x-7z-compressed", "x-rar-compressed", "vnd.rar", "java-archive",
			"wasm", "x-msdownload", "x-executable", "x-sharedlib", "x-mach-binary",
			"msword", "x-shockwave-flash", "postscript", "ogg", "epub+zip":
			return true
		}
		return strings.HasPrefix(sub, "vnd.")
	}
	return false
}

// binaryKind names the binary format body starts with, or "" when it may
// be text. It trusts signatures over any label.
func binaryKind(body []byte) string {
	if hasUTF16BOM(body) {
		return ""
	}
	head := body[:min(len(body), 512)]
	if kind := htmlinput.Signature(head); kind != "" {
		return kind
	}
	ct := http.DetectContentType(head)
	mt, _, _ := strings.Cut(ct, ";")
	switch {
	case strings.HasPrefix(mt, "image/") && mt != "image/svg+xml":
		return "an image (" + mt + ")"
	case strings.HasPrefix(mt, "audio/"), strings.HasPrefix(mt, "video/"), strings.HasPrefix(mt, "font/"):
		return mt + " data"
	case mt == "application/octet-stream" && len(head) > 0:
		// DetectContentType says octet-stream for any control byte; allow
		// a few stray ones in otherwise textual pages.
		bad := 0
		for _, c := range head {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
				bad++
			}
		}
		if bad*20 > len(head) || bytes.IndexByte(head, 0) >= 0 {
			return "binary data"
		}
	}
	return ""
}

func hasUTF16BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF})
}

// looksLikeHTML reports whether text (UTF-8) starts like an HTML document.
func looksLikeHTML(text string) bool {
	head := text[:min(len(text), 2048)]
	head = strings.TrimLeft(strings.TrimPrefix(head, "\ufeff"), " \t\r\n\f")
	if !strings.HasPrefix(head, "<") {
		return false
	}
	lower := strings.ToLower(head)
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<article", "<script", "<br", "<table", "<h1", "<a href", "<!--"} {
		if strings.Contains(lower, tag) {
			return true
		}
	}
	return false
}

// pageType decides the media type of a page from the declared one and the
// decoded text, or refuses it.
func pageType(declared string, text string) (string, error) {
	switch declared {
	case "text/html", "application/xhtml+xml":
		return declared, nil
	}
	if looksLikeHTML(text) {
		return "text/html", nil
	}
	switch declared {
	case "text/plain", "", "application/octet-stream", "binary/octet-stream",
		"application/unknown", "unknown/unknown", "application/x-unknown":
		// Plain text (a page already scraped, a wire story) is input too.
		return "text/plain", nil
	}
	return "", fmt.Errorf("%w: content type %s", ErrNotHTML, declared)
}
