package cliflags

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/newsclean/newsclean/extract"
)

// MaxBytes registers --max-bytes on fs, bound to p: the largest page
// accepted, a file's size or a fetched body counted after gzip, deflate or
// brotli decoding. It takes a plain number of bytes or a size with a unit
// ("20MiB", "1MB", "500k"). 0 means no cap; in p that is stored as -1, the
// library's "no cap", since a zero extract.Options.MaxBytes means the
// default. The default is extract.DefaultMaxBytes.
func MaxBytes(fs *pflag.FlagSet, p *int64) {
	if *p == 0 {
		*p = extract.DefaultMaxBytes
	}
	fs.Var(&off[int64]{p: p, parse: ParseBytes, format: formatSize, typ: "size"}, "max-bytes", "largest page accepted, e.g. 20MiB, 1MB or 1048576 (a fetched body counts after decompression); 0 for no cap")
}

// formatSize writes n bytes in the largest unit that divides it.
func formatSize(n int64) string {
	for _, u := range []struct {
		name string
		mult int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.mult && n%u.mult == 0 {
			return strconv.FormatInt(n/u.mult, 10) + u.name
		}
	}
	return strconv.FormatInt(n, 10)
}

// sizeUnits are the units ParseBytes accepts, longest first. K, M and G
// are powers of 1024 whether written K, KB or KiB, as most command-line
// tools read them.
var sizeUnits = []struct {
	suffix string
	mult   int64
}{
	{"gib", 1 << 30}, {"mib", 1 << 20}, {"kib", 1 << 10},
	{"gb", 1 << 30}, {"mb", 1 << 20}, {"kb", 1 << 10},
	{"g", 1 << 30}, {"m", 1 << 20}, {"k", 1 << 10}, {"b", 1},
}

// ParseBytes parses a size such as "20MiB", "1MB", "500k" or "1048576".
func ParseBytes(s string) (int64, error) {
	t := strings.TrimSpace(s)
	mult := int64(1)
	lower := strings.ToLower(t)
	for _, u := range sizeUnits {
		if strings.HasSuffix(lower, u.suffix) {
			t, mult = strings.TrimSpace(t[:len(t)-len(u.suffix)]), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("bad size %q (want bytes, or a number with K, M or G)", s)
	}
	return n * mult, nil
}
