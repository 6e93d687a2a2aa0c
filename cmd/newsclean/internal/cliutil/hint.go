package cliutil

import (
	"errors"
	"strings"

	"github.com/newsclean/newsclean/extract/fetch"
)

// HintFlag names the flag that lifts the limit err ran into (a refused
// private address, a page past --max-bytes, a timeout, too many
// redirects), or returns "" when no flag would help.
func HintFlag(err error) string {
	switch {
	case errors.Is(err, fetch.ErrPrivateAddress):
		return "--allow-private"
	case errors.Is(err, fetch.ErrTooLarge):
		return "--max-bytes"
	case errors.Is(err, fetch.ErrStalled):
		return "--idle-timeout"
	case errors.Is(err, fetch.ErrTooManyRedirects):
		if strings.Contains(err.Error(), "loop") {
			return "" // more redirects would not end a loop
		}
		return "--max-redirects"
	case errors.Is(err, fetch.ErrTimeout):
		switch msg := err.Error(); {
		case strings.Contains(msg, "connecting"):
			return "--connect-timeout"
		case strings.Contains(msg, "headers"):
			return "--header-timeout"
		}
		return "--timeout"
	}
	return ""
}

// Message renders err as one safe line: control characters and line
// breaks are removed, so a hostile file name or page cannot move the
// terminal's cursor or forge more lines. When err hit a limit that a flag
// lifts, the line ends with "(see --flag)".
func Message(err error) string {
	return MessageWithFlags(err, nil)
}

// MessageWithFlags is Message for a command that has only some of the
// flags HintFlag names: the hint is given only when has(flag) is true. A
// nil has means every flag.
func MessageWithFlags(err error, has func(flag string) bool) string {
	msg := err.Error()
	if flag := HintFlag(err); flag != "" && (has == nil || has(flag)) && !strings.Contains(msg, flag) {
		msg += " (see " + flag + ")"
	}
	return OneLine(msg)
}
