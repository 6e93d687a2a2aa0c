// Package htmlinput turns untrusted bytes into a parsed page: it caps the
// size (ReadAll), refuses binary data and decodes the character set to
// UTF-8 (Decode), and parses the HTML with its nesting bounded (Parse).
package htmlinput

import (
	"errors"
	"fmt"
	"io"
)

// DefaultMaxBytes is the input cap when none is given: 20 MiB.
const DefaultMaxBytes = 20 << 20

var (
	// ErrTooLarge is returned when the input exceeds the size cap.
	ErrTooLarge = errors.New("input too large")
	// ErrNotHTML is returned for input that is neither HTML nor text.
	ErrNotHTML = errors.New("not an HTML or text page")
)

// ReadAll reads r up to max bytes (DefaultMaxBytes when max is 0, no cap
// when max is negative) and fails with ErrTooLarge past it.
func ReadAll(r io.Reader, max int64) ([]byte, error) {
	if max == 0 {
		max = DefaultMaxBytes
	}
	if max < 0 {
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("reading input: %w", err)
		}
		return b, nil
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("reading input: %w", err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return b, nil
}
