package extract_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/newsclean/newsclean/extract"
	"github.com/newsclean/newsclean/extract/fetch"
)

func TestFromURL(t *testing.T) {
	story := `<html><head><meta charset="windows-1252"><title>Café owners welcome the bridge</title></head><body><article>
<h1>Café owners welcome the bridge</h1>
<p>LYON — Café owners on both banks said on Tuesday that the new footbridge had doubled their trade since it opened in March.</p>
<p>“We used to see the same faces every morning,” said Amélie Roux, who runs a café near the river. “Now people cross just for coffee.”</p>
<p>The city plans a second bridge further downstream, to open in two years if the budget allows it.</p>
</article></body></html>`
	latin, err := charmap.Windows1252.NewEncoder().Bytes([]byte(story))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/old":
			http.Redirect(w, r, "/story", http.StatusMovedPermanently)
		case "/story":
			w.Header().Set("Content-Type", "text/html; charset=utf-8") // wrong: the bytes are windows-1252
			w.Write(latin)
		case "/report.pdf":
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	f := fetch.New(fetch.Options{AllowPrivate: true, Retries: -1})
	defer f.CloseIdleConnections()

	before := time.Now()
	a, err := extract.FromURL(t.Context(), f, srv.URL+"/old", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Café owners welcome the bridge" {
		t.Errorf("title %q: the body was not decoded from windows-1252", a.Title)
	}
	if a.URL != srv.URL+"/story" || a.HTTPStatus != http.StatusOK {
		t.Errorf("url %q, status %d; want the final URL and 200", a.URL, a.HTTPStatus)
	}
	if a.FetchedAt == nil || a.FetchedAt.Before(before.Add(-time.Second)) || a.FetchedAt.Location() != time.UTC {
		t.Errorf("fetched_at %v", a.FetchedAt)
	}
	if !strings.Contains(a.Text, "Amélie Roux") {
		t.Errorf("text %q", a.Text)
	}

	if _, err := extract.FromURL(t.Context(), f, srv.URL+"/report.pdf", extract.Options{}); !errors.Is(err, extract.ErrNotHTML) {
		t.Errorf("PDF: error %v, want ErrNotHTML", err)
	}
	if _, err := extract.FromURL(t.Context(), f, srv.URL+"/story", extract.Options{MaxBytes: 100}); !errors.Is(err, extract.ErrTooLarge) {
		t.Errorf("over the cap: error %v, want ErrTooLarge", err)
	}
	var fe *fetch.Error
	if _, err := extract.FromURL(t.Context(), f, srv.URL+"/missing", extract.Options{}); !errors.As(err, &fe) {
		t.Errorf("404: error %v, want a *fetch.Error", err)
	}
}
