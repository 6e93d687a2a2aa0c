package servecmd

import (
	"context"
	"flag"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

var (
	screenshot      = flag.String("screenshot", "", "browser test: write a PNG of the result page to `FILE` (docs/serve.png)")
	screenshotPhone = flag.String("screenshot-phone", "", "browser test: write a PNG of the result page on a phone-sized screen to `FILE`")
)

// chromiumPath finds a Chromium binary: $NEWSCLEAN_CHROMIUM, then the
// Debian package's /usr/bin/chromium, then PATH.
func chromiumPath() string {
	if p := os.Getenv("NEWSCLEAN_CHROMIUM"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// newBrowser starts headless Chromium with a fresh profile. The flags that
// turn off background networking matter: without them Chromium tries to
// reach Google's services at start-up.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		t.Skip("no Chromium found (install the Debian package chromium, or set NEWSCLEAN_CHROMIUM)")
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("lang", "en-US"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	// Start the browser now, without a deadline (a deadline on the first
	// run would bound the browser's whole life).
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// quoteGroupJS lists the facts panel's quote groups as the reader sees
// them: the speaker's name, and each quote with the paragraph it links to.
const quoteGroupJS = `Array.from(document.querySelectorAll('#quotes .speaker')).map(g => ({
	speaker: (g.querySelector('.who:not(.none)') || {textContent: ''}).textContent.trim(),
	quotes: Array.from(g.querySelectorAll('li')).map(li => {
		const a = li.querySelector('a.para');
		const p = a ? document.getElementById(a.getAttribute('href').slice(1)) : null;
		return {text: li.querySelector('q').textContent, paragraph: p ? p.textContent : ''};
	}),
}))`

type quoteGroupJSON struct {
	Speaker string `json:"speaker"`
	Quotes  []struct {
		Text      string `json:"text"`
		Paragraph string `json:"paragraph"`
	} `json:"quotes"`
}

// TestBrowser loads the page in headless Chromium, uploads a saved article,
// and checks what a reader sees: the title, a quote with its speaker, and
// that neither the page's own scripts nor script-like text ran.
func TestBrowser(t *testing.T) {
	ctx := newBrowser(t)
	ts := httptest.NewServer(NewHandler(Config{Now: fixedNow}))
	defer ts.Close()
	article, err := filepath.Abs("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}

	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible("#url"),
		chromedp.SetUploadFiles("#file", []string{article}),
	); err != nil {
		t.Fatalf("loading the form: %v", err)
	}
	resp, err := chromedp.RunResponse(tctx, chromedp.Click(`button[type=submit]`))
	if err != nil {
		t.Fatalf("submitting the form: %v", err)
	}
	if resp.Status != 200 {
		t.Fatalf("result page status %d", resp.Status)
	}
	if csp, _ := resp.Headers["Content-Security-Policy"].(string); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("result page CSP %q", csp)
	}

	// The title, as text.
	title, err := chromedp.Run(tctx, chromedp.TextContent("#title"))
	if err != nil {
		t.Fatalf("reading the title: %v", err)
	}
	if want := "How one <script> tag took down the city's voting site"; title != want {
		t.Errorf("title %q, want %q", title, want)
	}

	// Nothing ran: the page has no script element at all, the input's
	// scripts and onerror handler left no trace, and the script-like text
	// of the article is shown as text.
	type inertness struct {
		Scripts  int    `json:"scripts"`
		Pwned    string `json:"pwned"`
		Dataset  string `json:"dataset"`
		Images   int    `json:"images"`
		TextSeen bool   `json:"textSeen"`
	}
	in, err := chromedp.Run(tctx, chromedp.Evaluate[inertness](`({
		scripts: document.scripts.length,
		pwned: typeof window.pwned,
		dataset: String(document.body.dataset.pwned),
		images: document.images.length,
		textSeen: document.getElementById('body').textContent.includes("<script>document.body.dataset.pwned='1'</script>"),
	})`))
	if err != nil {
		t.Fatalf("inspecting the page: %v", err)
	}
	want := inertness{Scripts: 0, Pwned: "undefined", Dataset: "undefined", Images: 0, TextSeen: true}
	if in != want {
		t.Errorf("page state %+v, want %+v", in, want)
	}

	// The stylesheet loaded under the CSP.
	weight, err := chromedp.Run(tctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('.brand')).fontWeight`))
	if err != nil || weight != "700" {
		t.Errorf("stylesheet not applied: font-weight %q, %v", weight, err)
	}

	// A quote with its speaker, linked to its paragraph.
	groups, err := chromedp.Run(tctx, chromedp.Evaluate[[]quoteGroupJSON](quoteGroupJS))
	if err != nil {
		t.Fatalf("reading quotes: %v", err)
	}
	const quote = "We took the site down the moment we understood what was happening"
	found := false
	for _, g := range groups {
		for _, q := range g.Quotes {
			if strings.Contains(q.Text, quote) {
				found = true
				if g.Speaker != "Ana Ribeiro" {
					t.Errorf("quote %q attributed to %q, want Ana Ribeiro", quote, g.Speaker)
				}
				if !strings.Contains(q.Paragraph, quote) {
					t.Errorf("quote links to paragraph %q", q.Paragraph)
				}
			}
		}
	}
	if !found {
		t.Errorf("facts panel lacks the quote %q with its speaker; groups: %+v", quote, groups)
	}

	if *screenshot != "" {
		png, err := chromedp.Run(tctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if err := os.WriteFile(*screenshot, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// On a phone-sized screen nothing overflows sideways.
	if err := chromedp.Do(tctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateMobile)); err != nil {
		t.Fatalf("emulating a phone: %v", err)
	}
	overflow, err := chromedp.Run(tctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow > 0 {
		t.Errorf("page is %d px wider than a phone screen", overflow)
	}
	if *screenshotPhone != "" {
		png, err := chromedp.Run(tctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if err := os.WriteFile(*screenshotPhone, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
