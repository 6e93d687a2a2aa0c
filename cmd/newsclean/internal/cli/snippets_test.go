package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLibrarySnippets runs the library snippets users copy — the package
// doc of extract and README's "The Go library" — on a page and on a PNG.
// Copied as they stand, they must compile, print the page's title, and
// return the error for the PNG rather than panic on a nil *Article.
func TestLibrarySnippets(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two programs")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root := filepath.Join("..", "..", "..", "..")
	readme := readPage(t, filepath.Join(root, "README.md"))
	docGo := readPage(t, filepath.Join(root, "extract", "doc.go"))
	snippets := map[string]string{
		"README":         readmeSnippet(t, readme),
		"extract/doc.go": docSnippet(t, docGo),
	}
	page := readPage(t, seedPage)
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02"
	for name, body := range snippets {
		t.Run(name, func(t *testing.T) {
			prog := filepath.Join(t.TempDir(), "main.go")
			if err := os.WriteFile(prog, []byte(snippetProgram(body)), 0o644); err != nil {
				t.Fatal(err)
			}
			exe := filepath.Join(t.TempDir(), "snippet")
			// Files named on the command line build in this module, so
			// the snippet imports this checkout's extract package.
			if out, err := exec.Command(goCmd, "build", "-o", exe, prog).CombinedOutput(); err != nil {
				t.Fatalf("the snippet does not compile: %v\n%s\n%s", err, out, body)
			}
			for _, in := range []struct {
				name, stdin, stdout string
				fail                bool
			}{
				{name: "page", stdin: page, stdout: seedTitle},
				{name: "png", stdin: png, fail: true},
			} {
				cmd := exec.Command(exe)
				cmd.Stdin = strings.NewReader(in.stdin)
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				err := cmd.Run()
				if strings.Contains(stderr.String(), "panic:") {
					t.Fatalf("%s: the snippet panics:\n%s", in.name, stderr.String())
				}
				if (err != nil) != in.fail {
					t.Errorf("%s: error %v, want failure %v; stderr %s", in.name, err, in.fail, stderr.String())
				}
				if !strings.Contains(stdout.String(), in.stdout) {
					t.Errorf("%s: stdout %q lacks %q", in.name, shorten(stdout.String()), in.stdout)
				}
			}
		})
	}
}

// readmeSnippet returns the statements of the Go block under README's
// "The Go library", without its import line.
func readmeSnippet(t *testing.T, readme string) string {
	t.Helper()
	_, rest, ok := strings.Cut(readme, "## The Go library")
	if ok {
		_, rest, ok = strings.Cut(rest, "```go\n")
	}
	if ok {
		rest, _, ok = strings.Cut(rest, "```")
	}
	if !ok {
		t.Fatal("README has no Go block under \"The Go library\"")
	}
	var lines []string
	for _, l := range strings.Split(rest, "\n") {
		if !strings.HasPrefix(l, "import ") {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// docSnippet returns the first code block of the package comment.
func docSnippet(t *testing.T, doc string) string {
	t.Helper()
	var lines []string
	for _, l := range strings.Split(doc, "\n") {
		code, ok := strings.CutPrefix(l, "//\t")
		if ok {
			lines = append(lines, code)
			continue
		}
		if len(lines) > 0 {
			break
		}
	}
	if len(lines) == 0 {
		t.Fatal("extract/doc.go has no code block")
	}
	return strings.Join(lines, "\n")
}

// snippetProgram wraps a snippet, which reads r and returns an error, in a
// program that feeds it standard input.
func snippetProgram(body string) string {
	return `package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/newsclean/newsclean/extract"
)

var (
	_ = errors.Is
	_ = json.Marshal
)

func use(r io.Reader) error {
` + body + `
	return nil
}

func main() {
	if err := use(os.Stdin); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
`
}
