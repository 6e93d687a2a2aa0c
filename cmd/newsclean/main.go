// Command newsclean turns messy news pages into clean article text and
// structured facts. See README.md, or run newsclean --help.
package main

import (
	"os"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cli"
)

func main() {
	os.Exit(cli.Main())
}
