package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/servecmd"
)

// mislabelledPage is a Russian story in windows-1251 whose server says
// ISO-8859-1, the usual default, while the page itself says windows-1251.
func mislabelledPage(t *testing.T) []byte {
	t.Helper()
	page := `<!DOCTYPE html><html lang="ru"><head><meta charset="windows-1251">
<title>Мост через реку откроют весной</title></head><body><article>
<h1>Мост через реку откроют весной</h1>
<p>САМАРА, 3 марта — Новый мост через Волгу откроют для движения в апреле, сообщила во вторник городская администрация.</p>
<p>«Работы идут по графику, осталось уложить асфальт и установить освещение», — сказал заместитель мэра Павел Орлов.</p>
<p>Строительство началось три года назад и обошлось городу дороже, чем планировалось, из-за роста цен на металл.</p>
<p>Жители правого берега ждут мост давно: сейчас дорога до центра занимает у них больше часа в часы пик.</p>
</article></body></html>`
	b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSameArticleFromEveryCommand fetches one mislabelled page through
// `extract URL`, `batch URL` and serve's API: all three go through the same
// fetch, decoding and extraction, so the JSON is the same but for the
// fetch time.
func TestSameArticleFromEveryCommand(t *testing.T) {
	body := mislabelledPage(t)
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write(body)
	}))
	defer site.Close()
	url := site.URL + "/story"

	res := run(t, "", "extract", "--format", "json", "--allow-private", url)
	if res.code != cliutil.ExitOK {
		t.Fatalf("extract: exit %d: %s", res.code, res.err)
	}
	fromExtract := decodeArticle(t, "extract", []byte(res.out))

	res = run(t, "", "batch", "--allow-private", url)
	if res.code != cliutil.ExitOK {
		t.Fatalf("batch: exit %d: %s", res.code, res.err)
	}
	fromBatch := decodeArticle(t, "batch", []byte(res.out))
	if fromBatch["source"] != url {
		t.Errorf("batch source = %v, want %s", fromBatch["source"], url)
	}
	delete(fromBatch, "source")

	api := httptest.NewServer(servecmd.NewHandler(servecmd.Config{AllowPrivate: true}))
	defer api.Close()
	status, served := postURL(t, api.URL, url)
	if status != http.StatusOK {
		t.Fatalf("serve: status %d: %s", status, served)
	}
	fromServe := decodeArticle(t, "serve", served)

	if title := fromExtract["title"]; title != "Мост через реку откроют весной" {
		t.Errorf("title %q: the page was not decoded from windows-1251", title)
	}
	if d := cmp.Diff(fromExtract, fromBatch); d != "" {
		t.Errorf("extract and batch differ (-extract +batch):\n%s", d)
	}
	if d := cmp.Diff(fromExtract, fromServe); d != "" {
		t.Errorf("extract and serve differ (-extract +serve):\n%s", d)
	}
}

// decodeArticle reads one JSON article, checks that it names its URL,
// status and fetch time, and drops the fetch time, which differs per fetch.
func decodeArticle(t *testing.T, from string, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v in %q", from, err, b)
	}
	if m["fetched_at"] == nil || m["http_status"] != float64(200) || !strings.HasSuffix(m["url"].(string), "/story") {
		t.Errorf("%s: fetched_at %v, http_status %v, url %v", from, m["fetched_at"], m["http_status"], m["url"])
	}
	delete(m, "fetched_at")
	return m
}

// TestRejectedAlikeFromFileAndURL checks that a PDF, an oversize page and
// an image give the same exit code and error kind whether they come from a
// file or a URL, through extract and batch.
func TestRejectedAlikeFromFileAndURL(t *testing.T) {
	pages := []struct {
		name, ctype string
		body        string
		args        []string
	}{
		{name: "pdf", ctype: "application/pdf", body: "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"},
		{name: "pdf-as-html", ctype: "text/html", body: "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"},
		{name: "oversize", ctype: "text/html", body: "<p>" + strings.Repeat("The council met again. ", 200) + "</p>", args: []string{"--max-bytes", "1KiB"}},
		{name: "image", ctype: "application/octet-stream", body: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10"},
	}
	dir := t.TempDir()
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, p := range pages {
			if r.URL.Path == "/"+p.name {
				w.Header().Set("Content-Type", p.ctype)
				w.Write([]byte(p.body))
				return
			}
		}
		http.NotFound(w, r)
	}))
	defer site.Close()
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			file := filepath.Join(dir, p.name+".html")
			if err := os.WriteFile(file, []byte(p.body), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, src := range []string{file, site.URL + "/" + p.name} {
				args := append(append([]string{"extract", "--allow-private"}, p.args...), src)
				if res := run(t, "", args...); res.code != cliutil.ExitRejected {
					t.Errorf("extract %s: exit %d, want %d; stderr %q", src, res.code, cliutil.ExitRejected, res.err)
				}
				args = append(append([]string{"batch", "--allow-private"}, p.args...), src)
				res := run(t, "", args...)
				var rec struct {
					ErrorKind string `json:"error_kind"`
				}
				if err := json.Unmarshal([]byte(res.out), &rec); err != nil || rec.ErrorKind != cliutil.KindRejected {
					t.Errorf("batch %s: record %q (%v), want error_kind %q", src, res.out, err, cliutil.KindRejected)
				}
			}
		})
	}
}
