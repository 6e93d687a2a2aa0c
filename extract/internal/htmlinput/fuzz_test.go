package htmlinput

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that any UTF-8 input parses to a tree no deeper than the
// parser's limit, and that decoding any bytes either fails with a sentinel
// error or returns valid UTF-8 within the cap.
func FuzzParse(f *testing.F) {
	f.Add([]byte(strings.Repeat("<div>", 600) + "<p>x"))
	f.Add([]byte("<p>" + strings.Repeat("<b id=2>", 30) + "</p><p>y"))
	f.Add([]byte("<svg><style><p>a</style><title>b<c</title></svg><table><td>z"))
	f.Add([]byte("\xfe\xff\x00<\x00p\x00>"))
	f.Add([]byte("<meta charset=gbk><p>\xca\xd0\xd2\xe9\xbb\xe1</p>"))
	f.Fuzz(func(t *testing.T, in []byte) {
		s, _, err := Decode(in, Options{MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		if int64(len(s)) > 1<<20 {
			t.Fatalf("decoded %d bytes past the cap", len(s))
		}
		doc, err := Parse(s)
		if err != nil {
			t.Fatalf("parse: %v", err)
		}
		if d := depth(doc); d > 513 {
			t.Fatalf("depth %d", d)
		}
	})
}

// FuzzBuild checks the tree builder against html.Parse: whenever the
// builder accepts an input, its tree equals the parser's node for node.
func FuzzBuild(f *testing.F) {
	for _, c := range buildCases {
		f.Add(c)
	}
	for _, c := range bailCases {
		f.Add(c)
	}
	paths, _ := filepath.Glob("../../../testdata/golden/*/input.html")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<16 || !utf8.ValidString(s) {
			return
		}
		checkSame(t, "input", s)
	})
}

// FuzzBuildPieces is FuzzBuild over pages put together from the pieces of
// randomMarkup, one a byte, so that the fuzzer explores how the
// constructs the builder models combine.
func FuzzBuildPieces(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3})
	f.Add([]byte("table and svg"))
	f.Fuzz(func(t *testing.T, picks []byte) {
		var sb strings.Builder
		for _, p := range picks {
			sb.WriteString(randomMarkup[int(p)%len(randomMarkup)])
		}
		checkSame(t, "input", sb.String())
	})
}
