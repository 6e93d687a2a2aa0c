package servecmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"
)

// FuzzAPI posts arbitrary bodies under each accepted content type (and a
// few others): every answer is 200 with an article, or an error status with
// a JSON error of a known kind.
func FuzzAPI(f *testing.F) {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(uint8(0), page)
	f.Add(uint8(1), []byte("Headline\n\nA paragraph of plain text that is long enough to count as an article body for once.\n"))
	f.Add(uint8(2), []byte(`{"html":"<p>hello</p>","url":"https://example.com/a"}`))
	f.Add(uint8(2), []byte(`{"url":"http://127.0.0.1/"}`))
	f.Add(uint8(2), []byte(`{"text":"\u001b[31mred\u001b[0m"}`))
	f.Add(uint8(3), []byte("\x00\x01\x02"))
	types := []string{"text/html", "text/plain; charset=latin1", "application/json", "image/png", "", "text/html; charset=\"\\"}
	kinds := map[string]bool{"usage": true, "rejected": true, "no_article": true, "fetch": true, "timeout": true}
	// No fetch may leave the machine: URL requests are skipped, and the
	// fetch client fails every request anyway.
	offline := &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
		return nil, errors.New("offline")
	})}
	h := newServer(Config{MaxBytes: 1 << 20, Timeout: 5 * time.Second, Now: fixedNow, fetchClient: offline}).handler()
	f.Fuzz(func(t *testing.T, ct uint8, body []byte) {
		var r apiRequest
		if json.Unmarshal(body, &r) == nil && r.URL != "" {
			t.Skip("would fetch a URL")
		}
		req := httptest.NewRequest(http.MethodPost, "/api/extract", bytes.NewReader(body))
		if c := types[int(ct)%len(types)]; c != "" {
			req.Header.Set("Content-Type", c)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code == 200 {
			var a struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil || a.Text == "" {
				t.Fatalf("200 with a bad article (%v): %.200q", err, rec.Body.String())
			}
			return
		}
		var e apiError
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
			t.Fatalf("status %d with a non-JSON body: %.200q", rec.Code, rec.Body.String())
		}
		if !kinds[e.Kind] || e.Error == "" || rec.Code < 400 || rec.Code >= 600 || rec.Code == 500 {
			t.Fatalf("status %d, error %+v", rec.Code, e)
		}
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
