// Package batchcmd implements `newsclean batch`.
package batchcmd

import (
	"github.com/spf13/cobra"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
)

// NewCmd returns the batch command.
func NewCmd(streams *cliutil.Streams) *cobra.Command {
	return &cobra.Command{
		Use:    "batch",
		Short:  "not yet available",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cliutil.Usagef("batch is not available in this build")
		},
	}
}
