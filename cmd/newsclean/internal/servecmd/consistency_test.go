package servecmd

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliflags"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/extractcmd"
)

// TestAPIWrongMethod checks that /api/extract answers any method but POST
// with a JSON 405 naming the allowed method, like every other API error.
func TestAPIWrongMethod(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, method := range []string{http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete} {
		t.Run(method, func(t *testing.T) {
			req, err := http.NewRequest(method, ts.URL+"/api/extract", nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, body := do(t, req)
			if resp.StatusCode != http.StatusMethodNotAllowed {
				t.Fatalf("status %d, want 405; body %s", resp.StatusCode, body)
			}
			if got := resp.Header.Get("Allow"); got != http.MethodPost {
				t.Errorf("Allow %q, want POST", got)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q, want JSON", ct)
			}
			if method == http.MethodHead {
				return // no body
			}
			var e apiError
			if err := json.Unmarshal(body, &e); err != nil {
				t.Fatalf("body %q is not a JSON error: %v", body, err)
			}
			if e.Kind != cliutil.KindUsage || !strings.Contains(e.Error, method) {
				t.Errorf("error %+v, want kind usage naming %s", e, method)
			}
		})
	}
}

// TestHelpMatchesHealthz checks that `serve --help` quotes the exact
// answer of GET /healthz.
func TestHelpMatchesHealthz(t *testing.T) {
	ts := newTestServer(t, Config{})
	_, body := get(t, ts.URL+"/healthz")
	answer := strings.TrimSpace(string(body))
	help := NewCmd(&cliutil.Streams{}).Long
	if !strings.Contains(help, "GET /healthz answers "+answer) {
		t.Errorf("serve --help does not say GET /healthz answers %s:\n%s", answer, help)
	}
}

var (
	pageQuoteRE  = regexp.MustCompile(`href="#p(\d+)" title="Go to paragraph (\d+)">¶(\d+)<`)
	factsQuoteRE = regexp.MustCompile(`\(paragraph (\d+)\)\n`)
)

// TestQuoteParagraphNumbers checks that a quote's paragraph has the same
// number in the JSON ("paragraph"), on the page (its link and label) and
// in `extract --facts`: counted from 0, the index into the article's
// paragraphs.
func TestQuoteParagraphNumbers(t *testing.T) {
	page := readFixture(t, "article.html")
	ts := newTestServer(t, Config{})

	_, body := post(t, ts.URL+"/api/extract", "text/html", page, nil)
	var a struct {
		Text   string `json:"text"`
		Quotes []struct {
			Text      string `json:"text"`
			Paragraph int    `json:"paragraph"`
		} `json:"quotes"`
	}
	if err := json.Unmarshal(body, &a); err != nil {
		t.Fatalf("API answer: %v", err)
	}
	if len(a.Quotes) == 0 {
		t.Fatal("the fixture has no quotes")
	}
	paras := strings.Split(a.Text, "\n\n")
	var want []int
	for _, q := range a.Quotes {
		if q.Paragraph < 0 || q.Paragraph >= len(paras) || !strings.Contains(paras[q.Paragraph], firstWords(q.Text)) {
			t.Errorf("JSON paragraph %d does not hold quote %q", q.Paragraph, q.Text)
		}
		want = append(want, q.Paragraph)
	}
	slices.Sort(want)

	ct, form := multipartForm(t, map[string]string{"input": "auto"}, "story.html", page)
	_, html := post(t, ts.URL+"/", ct, form, nil)
	var onPage []int
	for _, m := range pageQuoteRE.FindAllStringSubmatch(string(html), -1) {
		if m[1] != m[2] || m[2] != m[3] {
			t.Errorf("quote link %q: anchor, title and label disagree", m[0])
		}
		onPage = append(onPage, atoi(t, m[1]))
	}
	slices.Sort(onPage)
	if d := cmp.Diff(want, onPage); d != "" {
		t.Errorf("page numbers differ from JSON (-json +page):\n%s", d)
	}

	var out bytes.Buffer
	opts := &extractcmd.Options{
		Streams: &cliutil.Streams{In: strings.NewReader(""), Out: &out, Err: &bytes.Buffer{}},
		Source:  "testdata/article.html",
		Format:  "text",
		Facts:   true,
		Extract: cliflags.Extract{Input: "auto", MaxBytes: 20 << 20},
	}
	if err := extractcmd.Run(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	var inFacts []int
	for _, m := range factsQuoteRE.FindAllStringSubmatch(out.String(), -1) {
		inFacts = append(inFacts, atoi(t, m[1]))
	}
	slices.Sort(inFacts)
	if d := cmp.Diff(want, inFacts); d != "" {
		t.Errorf("--facts numbers differ from JSON (-json +facts):\n%s", d)
	}
}

// firstWords returns the start of a quote, enough to find its paragraph
// whatever happens to quotation marks later on.
func firstWords(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(4, len(f))], " ")
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
