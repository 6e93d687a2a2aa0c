// Package fetchcmd implements `newsclean fetch`.
package fetchcmd

import (
	"github.com/spf13/cobra"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
)

// NewCmd returns the fetch command.
func NewCmd(streams *cliutil.Streams) *cobra.Command {
	return &cobra.Command{
		Use:    "fetch",
		Short:  "not yet available",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cliutil.Usagef("fetch is not available in this build")
		},
	}
}
