// Package cli is the newsclean command line: the cobra command tree, and the
// one place where errors become messages and exit codes.
package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/batchcmd"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/extractcmd"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/fetchcmd"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/servecmd"
)

// Main runs newsclean with the process's arguments and streams and returns
// the exit code.
func Main() int {
	ctx, stop := cliutil.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	streams := &cliutil.Streams{
		In:     os.Stdin,
		Out:    os.Stdout,
		Err:    os.Stderr,
		InTTY:  cliutil.IsTerminal(os.Stdin),
		ErrTTY: cliutil.IsTerminal(os.Stderr),
		Getenv: os.Getenv,
	}
	return Run(ctx, os.Args[1:], streams)
}

// Run runs newsclean with args and returns the exit code.
func Run(ctx context.Context, args []string, streams *cliutil.Streams) int {
	root := newRootCmd(streams, currentBuild())
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
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
	cliutil.PrintError(streams.Err, err)
	if kind == cliutil.KindUsage {
		if cmd == nil {
			cmd = root
		}
		fmt.Fprintf(streams.Err, "Run '%s --help' for usage.\n", cmd.CommandPath())
	}
	return code
}

func newRootCmd(streams *cliutil.Streams, build BuildInfo) *cobra.Command {
	root := &cobra.Command{
		Use:   "newsclean",
		Short: "Clean article text and facts from messy news pages",
		Long: `newsclean turns news pages (HTML, or pages already scraped to text) into the
clean article and its facts: dateline, people named, and who said what.`,
		Version:       build.String(),
		SilenceErrors: true,
		SilenceUsage:  true,
		// Without a subcommand, print help; an unknown subcommand is a
		// usage error (cobra's own check returns a plain error).
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(s, ", "))
			}
			return cliutil.Usagef("%s", msg)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	root.SuggestionsMinimumDistance = 2
	root.SetVersionTemplate("{{.Name}} {{.Version}}\n")
	root.SetOut(streams.Out)
	root.SetErr(streams.Err)
	root.SetIn(streams.In)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &cliutil.UsageError{Err: err}
	})
	root.AddCommand(
		extractcmd.NewCmd(streams, nil),
		batchcmd.NewCmd(streams),
		fetchcmd.NewCmd(streams),
		servecmd.NewCmd(streams),
		newManCmd(streams, build),
	)
	// Cobra adds its completion command and --version only while executing;
	// add them now so that `newsclean man` documents them, and so that the
	// completion command's usage errors are ours.
	root.InitDefaultVersionFlag()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			wrapCompletion(c)
		}
	}
	return root
}

// wrapCompletion makes the completion command's argument errors usage
// errors, like every other command's.
func wrapCompletion(c *cobra.Command) {
	c.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 && cmd.HasSubCommands() {
			return cliutil.Usagef("completion needs a shell: bash, zsh, fish or powershell")
		}
		return nil
	}
	c.RunE = func(cmd *cobra.Command, args []string) error {
		return cliutil.Usagef("unknown shell %q (want bash, zsh, fish or powershell)", args[0])
	}
	for _, sub := range c.Commands() {
		sub.Args = func(cmd *cobra.Command, args []string) error {
			if err := cobra.NoArgs(cmd, args); err != nil {
				return &cliutil.UsageError{Err: err}
			}
			return nil
		}
	}
}
