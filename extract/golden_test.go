package extract_test

// Golden tests over testdata/golden/<case>/ and testdata/seed/.
//
// Each case directory holds:
//
//	input.html or input.txt  the page (written for this project, modelled on real sites)
//	want.txt                 the text rendering (title, blank line, paragraphs)
//	want.json                the Article as indented JSON
//	want.md                  the Markdown rendering
//	checks.txt               durable assertions, one per line (see parseChecks)
//	README                   what the page models and what must be cut
//
// The want.* files pin the whole output and change whenever the cleaner does:
// regenerate them with
//
//	go test ./extract -run Golden -update
//
// and review `git diff testdata/` like code. The checks are the spec: they
// survive whitespace and ordering changes and say what must be kept, what must
// appear exactly once and what must be gone.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsclean/newsclean/extract"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*/want.* from current output")

// goldenNow is the reference time for every golden case, so relative and
// year-less dates resolve the same way on every run.
var goldenNow = time.Date(2024, time.June, 1, 12, 0, 0, 0, time.UTC)

// knownFailures lists checks that fail because the extractor is wrong today,
// keyed by "<case>: <check line>" exactly as written in checks.txt. A listed
// check is still run; a failure is logged instead of reported, and a pass is
// logged as fixed so the entry can be deleted. The list must shrink to zero.
var knownFailures = map[string]string{}

// goldenCase is one directory of testdata/golden (or testdata/seed).
type goldenCase struct {
	name  string
	dir   string
	input string // path of input.html or input.txt
	data  []byte
}

func goldenCases(tb testing.TB) []goldenCase {
	tb.Helper()
	dirs, err := filepath.Glob(filepath.Join("..", "testdata", "golden", "*"))
	if err != nil {
		tb.Fatal(err)
	}
	dirs = append(dirs, filepath.Join("..", "testdata", "seed"))
	var cases []goldenCase
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		c := goldenCase{name: filepath.Base(dir), dir: dir}
		for _, in := range []string{"input.html", "input.txt"} {
			p := filepath.Join(dir, in)
			if b, err := os.ReadFile(p); err == nil {
				c.input, c.data = p, b
				break
			}
		}
		if c.input == "" {
			tb.Errorf("%s: no input.html or input.txt", dir)
			continue
		}
		cases = append(cases, c)
	}
	if len(cases) < 12 {
		tb.Errorf("found %d golden cases, want at least 12", len(cases))
	}
	return cases
}

// goldenOptions are the options every golden case is extracted with.
func goldenOptions(cs checks) extract.Options {
	opts := extract.Options{Now: func() time.Time { return goldenNow }, Explain: true}
	if cs.url != "" {
		u, err := url.Parse(cs.url)
		if err == nil {
			opts.URL = u
		}
	}
	return opts
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			cs, err := readChecks(filepath.Join(c.dir, "checks.txt"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := extract.FromBytes(c.data, goldenOptions(cs))
			if err != nil {
				t.Fatalf("extracting %s: %v", c.input, err)
			}
			runChecks(t, c.name, cs, a)

			// The goldens hold no explanation: it is checked through the
			// snippet checks and printed on failure.
			removed := a.Removed
			a.Removed = nil
			js := marshalArticle(t, a)
			a.Removed = removed
			checkGolden(t, filepath.Join(c.dir, "want.txt"), []byte(a.PlainText()))
			checkGolden(t, filepath.Join(c.dir, "want.md"), []byte(a.Markdown()))
			checkGolden(t, filepath.Join(c.dir, "want.json"), js)
		})
	}
}

// TestSeedText runs the project's seed, a real page scraped to text, through
// the text cleaner with the checks of its HTML twin in testdata/seed.
func TestSeedText(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "seeds", "000_0dad7d50271e7878.txt")
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("seed page %s not present (it lives beside the repository, not in it)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	cs, err := readChecks(filepath.Join("..", "testdata", "seed", "checks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// The scraped text carries no metadata: only the body checks apply.
	cs = checks{lines: slices.DeleteFunc(cs.lines, func(l checkLine) bool { return !l.body() })}
	for _, in := range []extract.InputKind{extract.InputAuto, extract.InputText} {
		t.Run(fmt.Sprintf("input=%d", in), func(t *testing.T) {
			a, err := extract.FromBytes(data, extract.Options{Input: in, Explain: true, Now: func() time.Time { return goldenNow }})
			if err != nil {
				t.Fatalf("extracting %s: %v", path, err)
			}
			runChecks(t, "seed-text", cs, a)
		})
	}
}

func marshalArticle(t *testing.T, a *extract.Article) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(a); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./extract -run Golden -update to create it)", err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("%s differs from the current output (-want +got); if the change is right, rerun with -update:\n%s", path, d)
	}
}

// checks.txt holds one assertion per line; blank lines and lines starting
// with # are ignored. Text is compared after white space is collapsed.
//
//	keep: S        Text contains S
//	once: S        Text contains S exactly once
//	atmostonce: S  Text contains S at most once (a caption printed twice)
//	drop: S        neither Text nor Title contains S
//	first: S       Text starts with S (a dateline stays at the top)
//	md: S          the Markdown rendering contains S (headings, lists, quotes)
//	title: S       Title is S
//	author: S      Authors contains S
//	site: S        SiteName is S
//	lang: S        Language is S
//	published: S   Published is the RFC 3339 time S
//	modified: S    Modified is the RFC 3339 time S
//	canonical: S   CanonicalURL is S
//	image: S       Image is S
//	dateline: S    Dateline.Place is S
//	url: S         extract with Options.URL = S (not a check)
type checks struct {
	url   string
	lines []checkLine
}

type checkLine struct {
	kind, arg string
	raw       string // the line as written, the key of knownFailures
}

// body reports whether the check is about the article body.
func (l checkLine) body() bool {
	switch l.kind {
	case "keep", "once", "atmostonce", "drop", "first", "md":
		return true
	}
	return false
}

var checkKinds = []string{"keep", "once", "atmostonce", "drop", "first", "md", "title", "author", "site", "lang", "published", "modified", "canonical", "image", "dateline"}

func readChecks(path string) (checks, error) {
	var cs checks
	f, err := os.Open(path)
	if err != nil {
		return cs, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, arg, ok := strings.Cut(line, ":")
		arg = strings.TrimSpace(arg)
		if !ok || arg == "" {
			return cs, fmt.Errorf("%s:%d: want \"kind: text\", got %q", path, n, line)
		}
		if kind == "url" {
			cs.url = arg
			continue
		}
		if !slices.Contains(checkKinds, kind) {
			return cs, fmt.Errorf("%s:%d: unknown check %q", path, n, kind)
		}
		cs.lines = append(cs.lines, checkLine{kind: kind, arg: arg, raw: line})
	}
	if err := sc.Err(); err != nil {
		return cs, fmt.Errorf("reading %s: %w", path, err)
	}
	if len(cs.lines) == 0 {
		return cs, fmt.Errorf("%s: no checks", path)
	}
	return cs, nil
}

func runChecks(t *testing.T, name string, cs checks, a *extract.Article) {
	t.Helper()
	text := collapse(a.Text)
	md := collapse(a.Markdown())
	title := collapse(a.Title)
	for _, l := range cs.lines {
		msg := evalCheck(l, a, text, md, title)
		key := name + ": " + l.raw
		reason, known := knownFailures[key]
		switch {
		case msg == "" && known:
			t.Logf("FIXED, delete from knownFailures: %q", key)
		case msg == "":
		case known:
			t.Logf("known failure %q (%s): %s", key, reason, msg)
		default:
			t.Errorf("%s: %s%s", l.raw, msg, explainCut(a, l))
		}
	}
}

// evalCheck returns "" when the check holds, else what went wrong.
func evalCheck(l checkLine, a *extract.Article, text, md, title string) string {
	arg := collapse(l.arg)
	equal := func(field, got string) string {
		if got != arg {
			return fmt.Sprintf("%s is %q", field, got)
		}
		return ""
	}
	timeEqual := func(field string, got *time.Time) string {
		want, err := time.Parse(time.RFC3339, arg)
		if err != nil {
			return fmt.Sprintf("bad RFC 3339 time in check: %v", err)
		}
		if got == nil {
			return field + " is not set"
		}
		if !got.Equal(want) {
			return fmt.Sprintf("%s is %s", field, got.Format(time.RFC3339))
		}
		return ""
	}
	switch l.kind {
	case "keep":
		if !strings.Contains(text, arg) {
			return "missing from the text"
		}
	case "once":
		if n := strings.Count(text, arg); n != 1 {
			return fmt.Sprintf("found %d times in the text, want exactly 1", n)
		}
	case "atmostonce":
		if n := strings.Count(text, arg); n > 1 {
			return fmt.Sprintf("found %d times in the text, want at most 1", n)
		}
	case "drop":
		if strings.Contains(text, arg) {
			return "still in the text: " + around(text, arg)
		}
		if strings.Contains(title, arg) {
			return "still in the title"
		}
	case "first":
		if !strings.HasPrefix(text, arg) {
			return fmt.Sprintf("text starts %q", shorten(text, len(arg)+20))
		}
	case "md":
		if !strings.Contains(md, arg) {
			return "missing from the Markdown"
		}
	case "title":
		return equal("title", title)
	case "author":
		if !slices.Contains(a.Authors, arg) {
			return fmt.Sprintf("authors are %q", a.Authors)
		}
	case "site":
		return equal("site_name", a.SiteName)
	case "lang":
		return equal("language", a.Language)
	case "canonical":
		return equal("canonical_url", a.CanonicalURL)
	case "image":
		return equal("image", a.Image)
	case "published":
		return timeEqual("published", a.Published)
	case "modified":
		return timeEqual("modified", a.Modified)
	case "dateline":
		if a.Dateline == nil {
			return "no dateline found"
		}
		return equal("dateline place", a.Dateline.Place)
	}
	return ""
}

// explainCut says which rule removed a kept snippet, to point at the culprit.
func explainCut(a *extract.Article, l checkLine) string {
	if l.kind != "keep" && l.kind != "once" && l.kind != "first" && l.kind != "md" {
		return ""
	}
	arg := collapse(l.arg)
	var rules []string
	for _, r := range a.Removed {
		if strings.Contains(collapse(r.Text), shorten(arg, 60)) {
			rules = append(rules, r.Rule)
		}
	}
	if len(rules) == 0 {
		return ""
	}
	return fmt.Sprintf(" (cut by %s)", strings.Join(rules, ", "))
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

func around(text, arg string) string {
	i := strings.Index(text, arg)
	start := max(0, i-40)
	end := min(len(text), i+len(arg)+40)
	return fmt.Sprintf("%q", text[start:end])
}
