package source_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/newsclean/newsclean/extract"
	"github.com/newsclean/newsclean/extract/source"
)

// got is what a test compares: one line per yielded document.
type got struct {
	Source string
	URL    string
	Kind   source.Kind
	Body   string
	Err    string
}

func collect(t *testing.T, args []string, opts source.Options) []got {
	t.Helper()
	var out []got
	for d, err := range source.Walk(context.Background(), args, opts) {
		g := got{Source: d.Source, URL: d.URL, Kind: d.Kind}
		if err != nil {
			g.Err = err.Error()
		} else if d.Kind != source.KindURL {
			b, err := d.Bytes()
			if err != nil {
				g.Err = err.Error()
			}
			g.Body = string(b)
		}
		out = append(out, g)
	}
	return out
}

func page(title string) string {
	return "<html><head><title>" + title + "</title></head><body><p>" + title + "</p></body></html>"
}

func TestWalkFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"site/b.html":          {Data: []byte(page("b"))},
		"site/a.htm":           {Data: []byte(page("a"))},
		"site/sub/c.txt":       {Data: []byte("plain c")},
		"site/sub/d.html.gz":   {Data: gzipBytes([]byte(page("d")))},
		"site/sub/logo.png":    {Data: []byte("\x89PNG")},
		"site/.hidden/e.html":  {Data: []byte(page("e"))},
		"site/.f.html":         {Data: []byte(page("f"))},
		"lists/urls.txt":       {Data: []byte("# comment\nhttps://example.com/x\n\nsite/a.htm\n@lists/more.txt\n")},
		"lists/more.txt":       {Data: []byte("http://example.org/y\n")},
		"glob/one.html":        {Data: []byte(page("one"))},
		"glob/two.html":        {Data: []byte(page("two"))},
		"glob/three.txt":       {Data: []byte("three")},
		"big.html":             {Data: []byte(strings.Repeat("x", 100))},
		"stdin-named/z.html":   {Data: []byte(page("z"))},
		"lists/loop.txt":       {Data: []byte("@lists/loop.txt\n")},
		"lists/has-stdin.txt":  {Data: []byte("-\n")},
		"site/sub/readme.json": {Data: []byte("{}")},
	}
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  []got
	}{
		{
			name: "directory in lexical order",
			args: []string{"site"},
			want: []got{
				{Source: "site/a.htm", Body: page("a")},
				{Source: "site/b.html", Body: page("b")},
				{Source: "site/sub/c.txt", Body: "plain c"},
				{Source: "site/sub/d.html.gz", Body: page("d")},
			},
		},
		{
			name: "list with URLs, paths and a nested list",
			args: []string{"@lists/urls.txt"},
			want: []got{
				{Source: "https://example.com/x", URL: "https://example.com/x", Kind: source.KindURL},
				{Source: "site/a.htm", Body: page("a")},
				{Source: "http://example.org/y", URL: "http://example.org/y", Kind: source.KindURL},
			},
		},
		{
			name: "glob sorted",
			args: []string{"glob/*.html"},
			want: []got{
				{Source: "glob/one.html", Body: page("one")},
				{Source: "glob/two.html", Body: page("two")},
			},
		},
		{
			name:  "stdin list",
			args:  []string{"-"},
			stdin: "stdin-named/z.html\nhttps://example.com/q\n",
			want: []got{
				{Source: "stdin-named/z.html", Body: page("z")},
				{Source: "https://example.com/q", URL: "https://example.com/q", Kind: source.KindURL},
			},
		},
		{
			name: "missing sources are errors and the walk goes on",
			args: []string{"nope.html", "nomatch/*.html", "@missing.txt", "glob/one.html"},
			want: []got{
				{Source: "nope.html", Err: "open nope.html: file does not exist"},
				{Source: "nomatch/*.html", Err: source.ErrNoSource.Error()},
				{Source: "@missing.txt", Err: "open missing.txt: file does not exist"},
				{Source: "glob/one.html", Body: page("one")},
			},
		},
		{
			name: "a list naming itself stops at the depth limit",
			args: []string{"@lists/loop.txt"},
			want: []got{{Source: "@lists/loop.txt", Err: "lists nested deeper than 8"}},
		},
		{
			name: "stdin only as an argument",
			args: []string{"@lists/has-stdin.txt"},
			want: []got{{Source: "-", Err: `"-" is only allowed as an argument`}},
		},
		{
			name: "file over the cap",
			args: []string{"big.html"},
			want: []got{{Source: "big.html", Err: "reading big.html: input too large: more than 50 bytes"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := source.Options{FS: fsys, Stdin: strings.NewReader(tc.stdin), MaxBytes: 50}
			if tc.name != "file over the cap" {
				opts.MaxBytes = 0
			}
			if d := cmp.Diff(tc.want, collect(t, tc.args, opts)); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestWalkTooLargeIsExtractError(t *testing.T) {
	fsys := fstest.MapFS{"a.html": {Data: []byte(strings.Repeat("x", 100))}}
	for d := range source.Walk(context.Background(), []string{"a.html"}, source.Options{FS: fsys, MaxBytes: 10}) {
		if _, err := d.Bytes(); !errors.Is(err, extract.ErrTooLarge) {
			t.Fatalf("Bytes error = %v, want ErrTooLarge", err)
		}
	}
}

func TestWalkOSPaths(t *testing.T) {
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, "d"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "d", "p.html"), []byte(page("p")), 0o644))
	must(t, os.Symlink(filepath.Join(dir, "d", "p.html"), filepath.Join(dir, "d", "q.html")))
	must(t, os.WriteFile(filepath.Join(dir, "list.txt"), []byte(filepath.Join(dir, "d", "p.html")+"\n"), 0o644))
	want := []got{
		{Source: dir + "/d/p.html", Body: page("p")},
		{Source: dir + "/d/q.html", Body: page("p")},
		{Source: dir + "/d/p.html", Body: page("p")},
		{Source: dir + "/d/p.html", Body: page("p")},
	}
	args := []string{filepath.Join(dir, "d"), "@" + filepath.Join(dir, "list.txt"), filepath.Join(dir, "d", "p*.html")}
	if d := cmp.Diff(want, collect(t, args, source.Options{})); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestWalkStopsOnCancel(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 50 {
		fsys[filepath.Join("d", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".html")] = &fstest.MapFile{Data: []byte(page("x"))}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	for range source.Walk(ctx, []string{"d"}, source.Options{FS: fsys}) {
		n++
		if n == 3 {
			cancel()
		}
	}
	if n != 3 {
		t.Errorf("yielded %d documents after cancel at 3", n)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

var _ fs.FS = fstest.MapFS{}

func TestIsURLSchemeCase(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"http://example.com/a", true},
		{"HTTP://example.com/a", true},
		{"Https://example.com/a", true},
		{"hTtPs://example.com/a", true},
		{"ftp://example.com/a", false},
		{"httpx://example.com/a", false},
		{"pages/http://x.html", false},
		{"http:/example.com", false},
		{"page.html", false},
	} {
		if got := source.IsURL(tc.in); got != tc.want {
			t.Errorf("IsURL(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestWalkUpperCaseScheme(t *testing.T) {
	fsys := fstest.MapFS{"urls.txt": {Data: []byte("Https://example.com/b\n")}}
	docs := collect(t, []string{"HTTP://example.com/a", "@urls.txt"}, source.Options{FS: fsys})
	want := []got{
		{Source: "HTTP://example.com/a", URL: "HTTP://example.com/a", Kind: source.KindURL},
		{Source: "Https://example.com/b", URL: "Https://example.com/b", Kind: source.KindURL},
	}
	if diff := cmp.Diff(want, docs); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
