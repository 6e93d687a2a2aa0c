package cliflags

import (
	"bytes"
	"testing"

	"github.com/spf13/pflag"

	"github.com/newsclean/newsclean/extract"
)

func TestParseBytes(t *testing.T) {
	for in, want := range map[string]int64{"0": 0, "1024": 1024, "20MiB": 20 << 20, "500k": 500 << 10, "1 GiB": 1 << 30, "3KB": 3 << 10, "7b": 7, "1MB": 1 << 20, "2g": 2 << 30} {
		if got, err := ParseBytes(in); err != nil || got != want {
			t.Errorf("ParseBytes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "-1", "1.5M", "MiB", "99999999999G"} {
		if _, err := ParseBytes(in); err == nil {
			t.Errorf("ParseBytes(%q) succeeded", in)
		}
	}
}

// --max-bytes reads the same sizes everywhere, and 0 means no cap, which
// the library spells -1.
func TestMaxBytesFlag(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want int64
		show string
	}{
		{nil, 20 << 20, "20MiB"},
		{[]string{"--max-bytes", "20MiB"}, 20 << 20, "20MiB"},
		{[]string{"--max-bytes", "1MB"}, 1 << 20, "1MiB"},
		{[]string{"--max-bytes", "1500"}, 1500, "1500"},
		{[]string{"--max-bytes", "0"}, -1, "0"},
	} {
		fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
		var n int64
		MaxBytes(fs, &n)
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		if n != tt.want || fs.Lookup("max-bytes").Value.String() != tt.show {
			t.Errorf("%v: %d (shown %q), want %d (%q)", tt.args, n, fs.Lookup("max-bytes").Value, tt.want, tt.show)
		}
	}
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	fs.SetOutput(&bytes.Buffer{})
	var n int64
	MaxBytes(fs, &n)
	if err := fs.Parse([]string{"--max-bytes", "-5"}); err == nil {
		t.Error("negative size accepted")
	}
}

func TestExtractFlags(t *testing.T) {
	var e Extract
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	e.Bind(fs)
	if err := fs.Parse([]string{"--input", "text", "--no-facts", "--max-bytes", "2MiB", "--timeout", "5s"}); err != nil {
		t.Fatal(err)
	}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	o := e.Options()
	if o.MaxBytes != 2<<20 || !o.NoFacts || o.Input != extract.InputText {
		t.Errorf("options %+v", o)
	}
	if fo := e.FetchOptions(); fo.MaxBytes != 2<<20 || fo.Timeout.Seconds() != 5 {
		t.Errorf("fetch options %+v", fo)
	}
	e.Input = "pdf"
	if err := e.Validate(); err == nil {
		t.Error("unknown --input accepted")
	}
}
