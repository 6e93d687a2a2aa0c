package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/newsclean/newsclean/extract/fetch"
)

func ExampleGet() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/story", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<p>Caf\xe9 owners welcome the new bridge.</p>"))
	}))
	defer srv.Close()

	// Loopback is a private address: allow it for this local server.
	page, err := fetch.Get(context.Background(), srv.URL+"/old", fetch.Options{AllowPrivate: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	text, charset, err := page.Decode()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(page.URL.Path, page.Status, charset)
	fmt.Println(text)

	_, err = fetch.Get(context.Background(), srv.URL+"/story", fetch.Options{})
	fmt.Println(errors.Is(err, fetch.ErrPrivateAddress))
	// Output:
	// /story 200 windows-1252
	// <p>Café owners welcome the new bridge.</p>
	// true
}
