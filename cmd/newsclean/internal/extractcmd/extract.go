// Package extractcmd implements `newsclean extract`.
package extractcmd

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"

	"github.com/spf13/cobra"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliflags"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/render"
	"github.com/newsclean/newsclean/extract"
	"github.com/newsclean/newsclean/extract/fetch"
	"github.com/newsclean/newsclean/extract/source"
)

// Options are the flag values and streams of one extract run.
type Options struct {
	Streams *cliutil.Streams
	Source  string
	Format  string
	BaseURL string
	Output  string
	Explain bool
	Facts   bool
	Compact bool
	// Extract holds --input, --no-facts, --max-bytes and the fetch flags
	// for URL sources.
	Extract cliflags.Extract
}

// NewCmd returns the extract command. runF, when not nil, replaces the run
// function (tests capture the parsed options with it).
func NewCmd(streams *cliutil.Streams, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{Streams: streams}
	cmd := &cobra.Command{
		Use:   "extract [SOURCE]",
		Short: "Extract the clean article text and facts from one page",
		Long: `Extract reads one page and prints its article: the text without ads, repeated
captions, newsletter boxes, share bars and read-more links, and the facts
(dateline, people named, quotes and who said them).

SOURCE is a file (unpacked when its name ends in .gz), "-" or nothing for
standard input, or an http(s) URL. With no SOURCE and a terminal as
standard input, extract stops with a usage error rather than wait for
typing; give "-" to type or paste a page.
The input may be HTML or a page already scraped to plain text.`,
		Example: `  newsclean extract page.html
  curl -s https://example.com/story | newsclean extract --format json | jq .title
  newsclean extract --explain saved.txt`,
		Args: func(cmd *cobra.Command, args []string) error {
			if err := cobra.MaximumNArgs(1)(cmd, args); err != nil {
				return &cliutil.UsageError{Err: err}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Source = args[0]
			}
			if err := cliutil.CheckScheme(opts.Source); err != nil {
				return err
			}
			if opts.Source == "" && streams.InTTY {
				return cliutil.Usagef(`no SOURCE, and standard input is a terminal: give a file or URL, pipe a page in, or give "-" to type or paste one`)
			}
			if !render.Valid(opts.Format) {
				return cliutil.Usagef("unknown --format %q (want text, json or markdown)", opts.Format)
			}
			if err := opts.Extract.Validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "text", "output format: text, json or markdown")
	f.StringVar(&opts.BaseURL, "url", "", "the page's URL, for a file or stdin (resolves links, fills url)")
	f.StringVarP(&opts.Output, "output", "o", "", "write to `FILE` (atomically) instead of stdout")
	f.BoolVar(&opts.Explain, "explain", false, "list every removed block and the rule that removed it (stderr for text, \"removed\" in JSON)")
	f.BoolVar(&opts.Facts, "facts", false, "text and markdown: add the dateline, people and quotes after the article")
	f.BoolVar(&opts.Compact, "compact", false, "json: print on one line")
	opts.Extract.Bind(f)
	return cmd
}

// Run extracts one page and writes it.
func Run(ctx context.Context, opts *Options) error {
	a, err := load(ctx, opts)
	if err != nil {
		name := opts.Source
		if name == "" || name == "-" {
			name = "stdin"
		}
		return &cliutil.SourceError{Source: name, Err: err}
	}
	out, err := render.Bytes(a, opts.Format, render.Options{Facts: opts.Facts, Compact: opts.Compact})
	if err != nil {
		return err
	}
	if opts.Explain && opts.Format != render.JSON {
		io.WriteString(opts.Streams.Err, cliutil.OneLineEach(render.ExplainText(a)))
	}
	if opts.Output != "" {
		return cliutil.WriteFileAtomic(opts.Output, out, 0o644)
	}
	if _, err := opts.Streams.Out.Write(out); err != nil {
		return &cliutil.WriteError{Err: err}
	}
	return nil
}

func load(ctx context.Context, opts *Options) (*extract.Article, error) {
	eo := opts.Extract.Options()
	eo.Explain = opts.Explain
	if opts.BaseURL != "" {
		u, err := url.Parse(opts.BaseURL)
		if err != nil {
			return nil, cliutil.Usagef("bad --url: %v", err)
		}
		eo.URL = u
	}
	src := opts.Source
	switch {
	case source.IsURL(src):
		f := fetch.New(opts.Extract.FetchOptions())
		defer f.CloseIdleConnections()
		return extract.FromURL(ctx, f, src, eo)
	case src == "" || src == "-":
		return extract.FromReader(opts.Streams.In, eo)
	default:
		if st, err := os.Stat(src); err != nil {
			return nil, err
		} else if st.IsDir() {
			return nil, fmt.Errorf("is a directory (use newsclean batch)")
		}
		r, err := source.Open(nil, src) // unpacks .gz as batch does
		if err != nil {
			return nil, err
		}
		defer r.Close()
		return extract.FromReader(r, eo)
	}
}
