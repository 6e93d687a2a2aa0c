package cliflags

import (
	"github.com/spf13/pflag"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/extract"
	"github.com/newsclean/newsclean/extract/fetch"
)

// Extract holds the flags that map to extract.Options in every command
// that extracts pages (extract, batch), and the fetch flags for their URL
// sources.
type Extract struct {
	Input    string // auto, html or text
	NoFacts  bool
	MaxBytes int64 // as extract.Options.MaxBytes: negative is no cap
	Fetch    fetch.Options
}

// Bind registers --input, --no-facts, --max-bytes and the fetch flags.
func (e *Extract) Bind(fs *pflag.FlagSet) {
	fs.StringVar(&e.Input, "input", "auto", "input kind: auto, html or text (a page scraped to text)")
	fs.BoolVar(&e.NoFacts, "no-facts", false, "skip dateline, people and quote detection")
	MaxBytes(fs, &e.MaxBytes)
	Fetch(fs, &e.Fetch)
}

// Validate reports flag values that are not allowed as usage errors.
func (e *Extract) Validate() error {
	_, err := cliutil.InputKind(e.Input)
	return err
}

// Options maps the flags to extract.Options. Call Validate first.
func (e *Extract) Options() extract.Options {
	kind, _ := cliutil.InputKind(e.Input)
	return extract.Options{Input: kind, NoFacts: e.NoFacts, MaxBytes: e.MaxBytes}
}

// FetchOptions are the fetch flags with --max-bytes as the body cap.
func (e *Extract) FetchOptions() fetch.Options {
	o := e.Fetch
	o.MaxBytes = e.MaxBytes
	return o
}
