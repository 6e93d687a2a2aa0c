// Package pagefile reads the saved pages of benchmark and test corpora for
// the evaluation commands under cmd/.
package pagefile

import (
	"fmt"
	"io"

	"github.com/newsclean/newsclean/extract/source"
)

// Read returns the bytes of the page file path, unpacked when its name
// ends in .gz, as batch reads it. Errors name path.
func Read(path string) ([]byte, error) {
	r, err := source.Open(nil, path)
	if err != nil {
		return nil, err // an *fs.PathError, or "reading PATH: …" for bad gzip data
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return data, nil
}
