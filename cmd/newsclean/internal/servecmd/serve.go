// Package servecmd implements `newsclean serve`.
package servecmd

import (
	"github.com/spf13/cobra"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
)

// NewCmd returns the serve command.
func NewCmd(streams *cliutil.Streams) *cobra.Command {
	return &cobra.Command{
		Use:    "serve",
		Short:  "not yet available",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cliutil.Usagef("serve is not available in this build")
		},
	}
}
