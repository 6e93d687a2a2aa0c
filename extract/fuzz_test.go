package extract_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsclean/newsclean/extract"
)

// fuzzSeeds returns every golden input, plus small hostile shapes.
func fuzzSeeds(f *testing.F) [][]byte {
	f.Helper()
	var seeds [][]byte
	for _, pattern := range []string{"../testdata/golden/*/input.*", "testdata/hostile/*"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			seeds = append(seeds, b)
		}
	}
	seeds = append(seeds,
		[]byte(strings.Repeat("<div>", 700)+"<p>deep text</p>"),
		[]byte("<p>"+strings.Repeat("<b id=1>", 40)+"</p><p>x</p><p>y"),
		[]byte("<title>\x1b]0;t\x07</title><p>&#x1b;[2J text &#x9b; here</p>"),
		[]byte("\xff\xfe<\x00p\x00>\x00h\x00i\x00"),
		[]byte("<meta charset=shift_jis><p>\x82\xa0\x82\xa2\x82\xa4</p>"),
		[]byte("<svg><style><p>x</p></style><foreignObject><p>y</p></foreignObject></svg>"),
		[]byte("<table><tr><td><table><tr><td>cell</td></tr></table>"),
		[]byte("\x1f\x8b\x08\x00"),
	)
	return seeds
}

func documented(err error) bool {
	return errors.Is(err, extract.ErrNoArticle) || errors.Is(err, extract.ErrNotHTML) || errors.Is(err, extract.ErrTooLarge)
}

// checkArticle fails on what no article may hold, whatever the input.
func checkArticle(t *testing.T, a *extract.Article) {
	t.Helper()
	single := map[string]string{"title": a.Title, "site_name": a.SiteName, "description": a.Description, "url": a.URL}
	for i, s := range a.Authors {
		single["author"+string(rune('0'+i%10))] = s
	}
	for name, s := range single {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\n\r") {
			t.Fatalf("%s not one valid line: %q", name, s)
		}
		if i := controlAt(s); i >= 0 {
			t.Fatalf("%s has a control character at %d: %q", name, i, s)
		}
	}
	if !utf8.ValidString(a.Text) {
		t.Fatalf("text not valid UTF-8: %q", a.Text)
	}
	if i := controlAt(a.Text); i >= 0 {
		t.Fatalf("text has a control character at %d: %q", i, a.Text)
	}
	for _, out := range []string{a.PlainText(), a.Markdown()} {
		if i := controlAt(out); i >= 0 {
			t.Fatalf("rendering has a control character at %d: %q", i, out)
		}
	}
	if a.WordCount == 0 {
		t.Fatalf("article without words: %+v", a)
	}
}

func controlAt(s string) int {
	for i, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) || (r >= '\u202a' && r <= '\u202e') {
			return i
		}
	}
	return -1
}

// watchdog crashes the fuzz worker when one input runs too long, so the
// fuzzer records it as a failure (a hang) instead of stalling.
func watchdog(in []byte) *time.Timer {
	return time.AfterFunc(fuzzInputLimit, func() {
		panic(fmt.Sprintf("input of %d bytes still running after %v: %.200q", len(in), fuzzInputLimit, in))
	})
}

// fuzzInputLimit is generous: fuzzing builds are instrumented and slow.
const fuzzInputLimit = 20 * time.Second

func FuzzFromReader(f *testing.F) {
	for _, b := range fuzzSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		defer watchdog(in).Stop()
		a, err := extract.FromReader(bytes.NewReader(in), extract.Options{MaxBytes: 1 << 20})
		if err != nil {
			if !documented(err) {
				t.Fatalf("undocumented error %T: %v", err, err)
			}
			return
		}
		checkArticle(t, a)
	})
}

// FuzzText fuzzes the text-dump reader (pages already scraped to text).
func FuzzText(f *testing.F) {
	for _, b := range fuzzSeeds(f) {
		f.Add(b)
	}
	f.Add([]byte("Council approves budget\n\nThe city council voted on Tuesday.\n\nAdvertisement\n\nThe mayor said \"we listened\".\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		defer watchdog(in).Stop()
		a, err := extract.FromReader(bytes.NewReader(in), extract.Options{MaxBytes: 1 << 20, Input: extract.InputText})
		if err != nil {
			if !documented(err) {
				t.Fatalf("undocumented error %T: %v", err, err)
			}
			return
		}
		checkArticle(t, a)
	})
}
