package cliflags

import (
	"errors"
	"fmt"
	"strings"

	"github.com/newsclean/newsclean/extract/fetch"
)

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
