// Package cli is the newsclean command line: the cobra command tree, and the
// one place where errors become messages and exit codes.
package cli

import (
	"context"
	"errors"
	"os"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/batchcmd"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/extractcmd"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/fetchcmd"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/servecmd"
)

// Version is set at build time with -ldflags "-X ...cli.Version=v1.2.3".
var Version = "dev"

// Main runs newsclean with the process's arguments and streams and returns
// the exit code.
func Main() int {
	ctx, stop := cliutil.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	streams := &cliutil.Streams{
		In:     os.Stdin,
		Out:    os.Stdout,
		Err:    os.Stderr,
		ErrTTY: cliutil.IsTerminal(os.Stderr),
		Getenv: os.Getenv,
	}
	return Run(ctx, os.Args[1:], streams)
}

// Run runs newsclean with args and returns the exit code.
func Run(ctx context.Context, args []string, streams *cliutil.Streams) int {
	root := newRootCmd(streams)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return cliutil.ExitOK
	}
	kind, code := cliutil.Classify(err)
	if kind == cliutil.KindInterrupted {
		code = cliutil.InterruptedCode(ctx) // 128+signal
	}
	var ee *cliutil.ExitError
	if errors.As(err, &ee) && ee.Msg == "" {
		return code
	}
	if kind == cliutil.KindUsage {
		cliutil.PrintError(streams.Err, err)
		streams.Err.Write([]byte("Run 'newsclean --help' for usage.\n"))
		return code
	}
	cliutil.PrintError(streams.Err, err)
	return code
}

func newRootCmd(streams *cliutil.Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "newsclean",
		Short: "Clean article text and facts from messy news pages",
		Long: `newsclean turns news pages (HTML, or pages already scraped to text) into the
clean article and its facts: dateline, people named, and who said what.`,
		Version:       Version,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(streams.Out)
	root.SetErr(streams.Err)
	root.SetIn(streams.In)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &cliutil.UsageError{Err: err}
	})
	root.CompletionOptions.DisableDefaultCmd = true
	root.AddCommand(
		extractcmd.NewCmd(streams, nil),
		batchcmd.NewCmd(streams),
		fetchcmd.NewCmd(streams),
		servecmd.NewCmd(streams),
	)
	return root
}
