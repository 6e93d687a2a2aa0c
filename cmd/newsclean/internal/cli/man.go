package cli

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
)

// newManCmd returns `newsclean man`, which renders the manual pages from
// the command tree, so they always match --help.
func newManCmd(streams *cliutil.Streams, build BuildInfo) *cobra.Command {
	return &cobra.Command{
		Use:   "man [DIR]",
		Short: "Print the newsclean(1) manual page, or write every page into DIR",
		Long: `Man prints the newsclean(1) manual page to standard output, or, given DIR,
writes one page per command into it (newsclean.1, newsclean-extract.1, ...)
and lists the files written. The pages are made from the same text as --help.`,
		Example: `  newsclean man | man -l -
  newsclean man /usr/local/share/man/man1`,
		Args: func(cmd *cobra.Command, args []string) error {
			if err := cobra.MaximumNArgs(1)(cmd, args); err != nil {
				return &cliutil.UsageError{Err: err}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			root.DisableAutoGenTag = true
			header := manHeader(build)
			if len(args) == 0 {
				page, err := manPage(root, header)
				if err != nil {
					return err
				}
				if _, err := streams.Out.Write(page); err != nil {
					return &cliutil.WriteError{Err: err}
				}
				return nil
			}
			return writeManTree(root, header, args[0], streams)
		},
	}
}

// manHeader dates the pages with the build's date, so that the pages of a
// release are reproducible; without one cobra uses SOURCE_DATE_EPOCH or now.
func manHeader(build BuildInfo) doc.GenManHeader {
	h := doc.GenManHeader{Source: "newsclean " + build.Version, Manual: "newsclean manual"}
	if t, err := time.Parse(time.RFC3339, build.Date); err == nil {
		h.Date = &t
	}
	return h
}

func manPage(c *cobra.Command, header doc.GenManHeader) ([]byte, error) {
	var b bytes.Buffer
	if err := doc.GenMan(c, &header, &b); err != nil {
		return nil, fmt.Errorf("rendering the manual page of %s: %w", c.CommandPath(), err)
	}
	return b.Bytes(), nil
}

// writeManTree writes the page of c and of every available subcommand into
// dir, each atomically, and lists the files on stdout.
func writeManTree(c *cobra.Command, header doc.GenManHeader, dir string, streams *cliutil.Streams) error {
	for _, sub := range c.Commands() {
		if !sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
			continue
		}
		if err := writeManTree(sub, header, dir, streams); err != nil {
			return err
		}
	}
	page, err := manPage(c, header)
	if err != nil {
		return err
	}
	name := filepath.Join(dir, strings.ReplaceAll(c.CommandPath(), " ", "-")+".1")
	if err := cliutil.WriteFileAtomic(name, page, 0o644); err != nil {
		return err
	}
	if _, err := fmt.Fprintln(streams.Out, name); err != nil {
		return &cliutil.WriteError{Err: err}
	}
	return nil
}
