// Package fetchcmd implements `newsclean fetch`.
package fetchcmd

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliflags"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/extract/fetch"
	"github.com/newsclean/newsclean/extract/source"
)

// Options are the flag values and streams of one fetch run.
type Options struct {
	Streams *cliutil.Streams
	URL     string
	Output  string
	Fetch   fetch.Options
}

// NewCmd returns the fetch command.
func NewCmd(streams *cliutil.Streams) *cobra.Command {
	return newCmd(streams, nil)
}

func newCmd(streams *cliutil.Streams, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{Streams: streams}
	cmd := &cobra.Command{
		Use:   "fetch URL",
		Short: "Download a page, decoded to UTF-8, with safe limits",
		Long: `Fetch downloads one page the way every newsclean URL source does, and writes
it, decoded to UTF-8, to standard output or to FILE.

Limits hold against slow and hostile servers: time to connect, to the
headers, between body bytes and in all; a body cap counted after
decompression; a redirect limit; http and https only. Loopback, private and
link-local addresses are refused unless --allow-private is given. Non-2xx
answers fail with exit code 6; non-HTML content (images, PDFs, binaries)
and a body past --max-bytes with exit code 5, as they do from a file.`,
		Example: `  newsclean fetch https://example.com/story > story.html
  newsclean fetch -o story.html --timeout 10s https://example.com/story
  newsclean fetch --header "Cookie: session=abc" https://example.com/paywalled`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return cliutil.Usagef("fetch needs one URL, got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.URL = args[0]
			if !source.IsURL(opts.URL) {
				return cliutil.Usagef("fetch needs an http or https URL, got %q", opts.URL)
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Output, "output", "o", "", "write to `FILE` (atomically) instead of stdout")
	cliflags.MaxBytes(f, &opts.Fetch.MaxBytes)
	cliflags.Fetch(f, &opts.Fetch)
	return cmd
}

// Run fetches one page and writes its text, decoded to UTF-8 the way
// extraction decodes it.
func Run(ctx context.Context, opts *Options) error {
	page, err := fetch.Get(ctx, opts.URL, opts.Fetch)
	if err != nil {
		return err
	}
	text, _, err := page.Decode()
	if err != nil {
		return &fetch.Error{URL: page.URL.String(), Err: err}
	}
	if opts.Output != "" {
		return cliutil.WriteFileAtomic(opts.Output, []byte(text), 0o644)
	}
	if _, err := io.WriteString(opts.Streams.Out, text); err != nil {
		return &cliutil.WriteError{Err: err}
	}
	return nil
}
