package servecmd

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/extract"
	"github.com/newsclean/newsclean/extract/fetch"
)

// apiRowRE matches a row of README's API error table: | `kind` | 413 / 415 | when |.
var apiRowRE = regexp.MustCompile("(?m)^\\| `([a-z_]+)` \\| ([0-9 /]+) \\|")

// TestReadmeAPIErrors checks README's table of API error kinds and HTTP
// statuses against what the server answers for each class of error.
func TestReadmeAPIErrors(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	start := strings.Index(section, "### JSON API")
	if start < 0 {
		t.Fatal("README has no JSON API section")
	}
	section = section[start:]
	section = section[:strings.Index(section, "`GET /healthz`")]
	var documented []string
	for _, m := range apiRowRE.FindAllStringSubmatch(section, -1) {
		for _, code := range strings.Split(m[2], "/") {
			documented = append(documented, m[1]+" "+strings.TrimSpace(code))
		}
	}

	var answered []string
	add := func(kind string, status int) {
		answered = append(answered, fmt.Sprintf("%s %d", kind, status))
	}
	for _, err := range []error{
		cliutil.Usagef("bad JSON"),
		&http.MaxBytesError{Limit: 1},
		fmt.Errorf("%w: big", extract.ErrTooLarge),
		fmt.Errorf("%w: image", extract.ErrNotHTML),
		extract.ErrNoArticle,
		&fetch.Error{URL: "http://10.0.0.1/", Err: fetch.ErrPrivateAddress},
		&fetch.Error{URL: "https://example.com/", Err: &fetch.StatusError{URL: "https://example.com/", Code: 404}},
		&fetch.Error{URL: "https://example.com/", Err: fetch.ErrTimeout},
		cliutil.ErrTimeout,
	} {
		add(classify(err))
	}
	ts := newTestServer(t, Config{})
	resp, _ := get(t, ts.URL+"/api/extract")
	add(cliutil.KindUsage, resp.StatusCode)

	slices.Sort(documented)
	slices.Sort(answered)
	answered = slices.Compact(answered)
	if d := cmp.Diff(documented, answered); d != "" {
		t.Errorf("README's API error table differs from the server (-README +server):\n%s", d)
	}
}
