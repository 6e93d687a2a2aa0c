package fetch

import (
	"fmt"
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

// pageType decides the media type of a page from the declared one and the
// body, or refuses it. Binary bodies are refused whatever their label.
func pageType(declared string, body []byte) (string, error) {
	isHTML, err := htmlinput.Sniff(body)
	if err != nil {
		return "", err
	}
	switch declared {
	case "text/html", "application/xhtml+xml":
		return declared, nil
	}
	if isHTML {
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
