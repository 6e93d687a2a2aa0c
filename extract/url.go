package extract

import (
	"context"
	"time"

	"github.com/newsclean/newsclean/extract/fetch"
)

// FromURL fetches rawURL with f and extracts the article of the page, as
// FromPage does. A nil f fetches once with fetch's default limits and
// opts.MaxBytes as the body cap. Fetch failures are [*fetch.Error]s; a
// page that is too large or not HTML fails with ErrTooLarge or ErrNotHTML,
// as it would from a file.
func FromURL(ctx context.Context, f *fetch.Fetcher, rawURL string, opts Options) (*Article, error) {
	if f == nil {
		f = fetch.New(fetch.Options{MaxBytes: opts.MaxBytes})
		defer f.CloseIdleConnections()
	}
	page, err := f.Get(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	return FromPage(page, opts)
}

// FromPage extracts the article of a fetched page: its raw body is decoded
// like any other input, weighing the transport charset the server named
// with the page's own declarations. Fields of opts that are unset default
// to the page's: URL to its final URL, Charset to its HTTP charset, Now to
// its fetch time. The article carries the fetch time and HTTP status.
func FromPage(p *fetch.Page, opts Options) (*Article, error) {
	if opts.URL == nil {
		opts.URL = p.URL
	}
	if opts.Charset == "" {
		opts.Charset = p.Charset
	}
	if opts.Now == nil && !p.FetchedAt.IsZero() {
		at := p.FetchedAt
		opts.Now = func() time.Time { return at }
	}
	a, err := FromBytes(p.Body, opts)
	if err != nil {
		return nil, err
	}
	if !p.FetchedAt.IsZero() {
		at := p.FetchedAt.UTC()
		a.FetchedAt = &at
	}
	a.HTTPStatus = p.Status
	return a, nil
}
