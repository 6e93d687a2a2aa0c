package batchcmd

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path"
	"strings"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/render"
	"github.com/newsclean/newsclean/extract/source"
)

// fileName is the --out-dir file for d: a readable stem made of safe
// characters only (no separators, no dots first, no control characters),
// then a hash of the full source so two sources never share a file.
func fileName(d *source.Doc, format string) string {
	stem := d.Source
	if d.URL != "" && (d.Kind == source.KindURL || d.Kind == source.KindWARC) {
		if u, err := url.Parse(d.URL); err == nil {
			stem = u.Host + "_" + strings.Trim(u.Path, "/")
		}
	} else {
		stem = path.Base(strings.ReplaceAll(stem, `\`, "/"))
	}
	for _, ext := range []string{".gz", ".html", ".htm", ".xhtml", ".txt"} {
		stem = strings.TrimSuffix(stem, ext)
	}
	sum := sha256.Sum256([]byte(d.Source))
	return safeStem(stem) + "-" + hex.EncodeToString(sum[:5]) + extension(format)
}

// safeStem keeps ASCII letters, digits, '-' and '_' (anything else
// becomes one '_'), at most 60 bytes.
func safeStem(s string) string {
	var b strings.Builder
	under := false
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-'
		if !ok {
			if !under && b.Len() > 0 {
				b.WriteByte('_')
			}
			under = true
			continue
		}
		under = false
		b.WriteRune(r)
		if b.Len() >= 60 {
			break
		}
	}
	out := strings.Trim(b.String(), "_-")
	if out == "" {
		out = "doc"
	}
	return out
}

func extension(format string) string {
	switch format {
	case render.JSON:
		return ".json"
	case render.Markdown:
		return ".md"
	}
	return ".txt"
}
