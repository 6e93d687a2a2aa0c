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
	_, err := inputKind(e.Input)
	return err
}

// Options maps the flags to extract.Options. Call Validate first.
func (e *Extract) Options() extract.Options {
	kind, _ := inputKind(e.Input)
	return extract.Options{Input: kind, NoFacts: e.NoFacts, MaxBytes: e.MaxBytes}
}

// FetchOptions are the fetch flags with --max-bytes as the body cap.
func (e *Extract) FetchOptions() fetch.Options {
	o := e.Fetch
	o.MaxBytes = e.MaxBytes
	return o
}

// inputKind maps an --input value to the library's input kind; an unknown
// value is a usage error.
func inputKind(name string) (extract.InputKind, error) {
	switch name {
	case "", "auto":
		return extract.InputAuto, nil
	case "html":
		return extract.InputHTML, nil
	case "text":
		return extract.InputText, nil
	}
	return extract.InputAuto, cliutil.Usagef("unknown --input %q (want auto, html or text)", name)
}
