// Package fetchcmd implements `newsclean fetch` and the fetch flags shared
// by every command that reads URLs.
package fetchcmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/extract/fetch"
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
answers and non-HTML content (images, PDFs, binaries) fail with exit code 6.`,
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
			if !strings.HasPrefix(opts.URL, "http://") && !strings.HasPrefix(opts.URL, "https://") {
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
	AddFlags(f, &opts.Fetch)
	return cmd
}

// Run fetches one page and writes its UTF-8 text.
func Run(ctx context.Context, opts *Options) error {
	page, err := fetch.Get(ctx, opts.URL, opts.Fetch)
	if err != nil {
		return Hint(err)
	}
	if opts.Output != "" {
		data := page.Body // the text itself when the page was UTF-8: no copy
		if page.Text != string(page.Body) {
			data = []byte(page.Text)
		}
		return cliutil.WriteFileAtomic(opts.Output, data, 0o644)
	}
	if _, err := io.WriteString(opts.Streams.Out, page.Text); err != nil {
		return &cliutil.WriteError{Err: err}
	}
	return nil
}

// Hint adds the flag that lifts a limit to a fetch error's message.
func Hint(err error) error {
	var flag string
	switch {
	case errors.Is(err, fetch.ErrPrivateAddress):
		flag = "--allow-private"
	case errors.Is(err, fetch.ErrTooLarge):
		flag = "--max-bytes"
	case errors.Is(err, fetch.ErrStalled):
		flag = "--idle-timeout"
	case errors.Is(err, fetch.ErrTooManyRedirects) && !strings.Contains(err.Error(), "loop"):
		flag = "--max-redirects"
	case errors.Is(err, fetch.ErrTimeout):
		switch {
		case strings.Contains(err.Error(), "connecting"):
			flag = "--connect-timeout"
		case strings.Contains(err.Error(), "headers"):
			flag = "--header-timeout"
		default:
			flag = "--timeout"
		}
	default:
		return err
	}
	return fmt.Errorf("%w (see %s)", err, flag)
}
