package servecmd

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/render"
	"github.com/newsclean/newsclean/extract"
)

// apiRequest is the JSON body of POST /api/extract.
type apiRequest struct {
	// URL is the page to fetch, or with HTML or Text the page's address.
	URL string `json:"url"`
	// HTML is the page itself.
	HTML string `json:"html"`
	// Text is a page already scraped to plain text.
	Text string `json:"text"`
	// Explain fills "removed".
	Explain bool `json:"explain"`
}

// apiError is the JSON body of an error answer.
type apiError struct {
	Error string `json:"error"`
	Kind  string `json:"kind"`
}

// handleAPI answers POST /api/extract with the JSON of
// `newsclean extract --format json`.
func (s *server) handleAPI(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	j, err := s.apiJob(w, r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	a, err := s.run(ctx, j)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out, err := render.Bytes(a, render.JSON, render.Options{Compact: queryBool(r, "compact")})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(out)))
	w.Write(out)
}

// errEmptyBody is missing input: a usage error, whatever the Content-Type.
var errEmptyBody = &cliutil.UsageError{Err: errors.New(`empty request body: send the page's HTML or text, or JSON {"url": ...}`)}

// handleAPIMethod answers /api/extract with any method but POST: a JSON
// 405 like every other API error.
func handleAPIMethod(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Allow", http.MethodPost)
	writeJSONError(w, http.StatusMethodNotAllowed, cliutil.KindUsage,
		fmt.Sprintf("method %s not allowed: POST the page, or JSON {\"url\": ...}", cliutil.OneLine(r.Method)))
}

// apiJob reads the request body into a job. Query parameters: url (the
// page's address for an HTML or text body), explain, compact.
func (s *server) apiJob(w http.ResponseWriter, r *http.Request) (job, error) {
	j := job{BaseURL: r.URL.Query().Get("url"), Explain: queryBool(r, "explain")}
	if r.ContentLength == 0 {
		return j, errEmptyBody
	}
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return j, fmt.Errorf("%w: no Content-Type (send text/html, text/plain or application/json)", extract.ErrNotHTML)
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return j, fmt.Errorf("%w: bad Content-Type %q", extract.ErrNotHTML, cliutil.OneLine(ct))
	}
	body, err := readBody(w, r, s.cfg.MaxBytes+jsonOverhead(mt))
	if err != nil {
		return j, err
	}
	if len(body) == 0 {
		return j, errEmptyBody
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		j.Body, j.Input, j.Charset = body, extract.InputHTML, params["charset"]
	case "text/plain":
		j.Body, j.Input, j.Charset = body, extract.InputText, params["charset"]
	case "application/json":
		var req apiRequest
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			return j, cliutil.Usagef("reading JSON request: %v", err)
		}
		if dec.More() {
			return j, cliutil.Usagef("reading JSON request: more than one value")
		}
		j.Explain = j.Explain || req.Explain
		switch {
		case req.HTML != "" && req.Text != "":
			return j, cliutil.Usagef(`give "html" or "text", not both`)
		case req.HTML != "":
			j.Body, j.Input, j.BaseURL = []byte(req.HTML), extract.InputHTML, req.URL
		case req.Text != "":
			j.Body, j.Input, j.BaseURL = []byte(req.Text), extract.InputText, req.URL
		case req.URL != "":
			j.FetchURL = req.URL
		default:
			return j, cliutil.Usagef(`JSON request needs "url", "html" or "text"`)
		}
		if int64(len(j.Body)) > s.cfg.MaxBytes {
			return j, tooLarge(s.cfg.MaxBytes)
		}
	default:
		return j, fmt.Errorf("%w: unsupported Content-Type %q (send text/html, text/plain or application/json)", extract.ErrNotHTML, cliutil.OneLine(mt))
	}
	return j, nil
}

// jsonOverhead is the room JSON escaping may need beyond the page itself.
func jsonOverhead(mt string) int64 {
	if mt == "application/json" {
		return 64 << 10
	}
	return 0
}

// readBody reads at most limit bytes of the request body.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, tooLarge(limit)
		}
		return nil, fmt.Errorf("reading request body: %w", err)
	}
	return body, nil
}

func (s *server) apiFail(w http.ResponseWriter, r *http.Request, err error) {
	kind, status := classify(err)
	if status >= 500 && kind != cliutil.KindFetch {
		s.cfg.Logger.Warn("request failed", "path", r.URL.Path, "err", cliutil.Message(err))
	}
	writeJSONError(w, status, kind, message(err))
}

func writeJSONError(w http.ResponseWriter, status int, kind, msg string) {
	b, _ := json.Marshal(apiError{Error: msg, Kind: kind})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

func queryBool(r *http.Request, key string) bool {
	v := r.URL.Query().Get(key)
	if v == "" {
		return false
	}
	b, err := strconv.ParseBool(v)
	return err == nil && b
}
