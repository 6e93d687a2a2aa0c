package servecmd

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/render"
	"github.com/newsclean/newsclean/extract"
	"github.com/newsclean/newsclean/extract/scrub"
)

//go:embed assets
var assets embed.FS

// pageTemplate parses the embedded page template.
func pageTemplate() *template.Template {
	return template.Must(template.New("page.html").ParseFS(assets, "assets/page.html"))
}

// formValues are the form's fields, shown again with a result or error.
type formValues struct {
	URL   string // a URL to fetch, or the address of a pasted page
	Paste string // pasted HTML or text
	Input string // auto, html or text
}

// pageData is what page.html renders.
type pageData struct {
	Form     formValues
	MaxBytes string
	Error    *errorView
	Result   *resultView
}

type errorView struct {
	Kind    string
	Message string
}

// resultView is an article prepared for the template: every string is
// printable text, escaped by html/template when written.
type resultView struct {
	ID          string
	Title       string
	Authors     string
	SiteName    string
	URL         string
	Published   string
	PublishedAt string // RFC 3339, for <time datetime>
	Dateline    *extract.Dateline
	WordCount   int
	Blocks      []blockView
	People      []extract.Person
	Quotes      []quoteGroup
	QuoteCount  int
	Removed     []extract.Removal
	PlainText   string
}

// blockView is one block of the body. Lists hold their items.
type blockView struct {
	Tag   string // p, h2, h3, h4, blockquote, pre, ul, ol, row, caption
	ID    string
	Text  string
	Items []blockView
}

// quoteGroup is the quotes of one speaker.
type quoteGroup struct {
	Speaker string // "" when the text names none
	Role    string
	Quotes  []quoteView
}

type quoteView struct {
	Text   string
	Anchor string // id of the paragraph
	Number int    // paragraph number, from 0 like the JSON "paragraph"
}

func (s *server) handleForm(w http.ResponseWriter, r *http.Request) {
	s.writePage(w, http.StatusOK, &pageData{Form: formValues{Input: "auto"}})
}

// handleSubmit runs the form: a file, else pasted text, else the URL.
func (s *server) handleSubmit(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	form, file, err := s.readForm(w, r)
	data := &pageData{Form: form}
	if err == nil {
		var res *resultView
		res, err = s.submit(ctx, form, file)
		data.Result = res
	}
	if err != nil {
		kind, status := classify(err)
		if status >= 500 && kind != cliutil.KindFetch {
			s.cfg.Logger.Warn("request failed", "path", r.URL.Path, "err", cliutil.Message(err))
		}
		data.Error = &errorView{Kind: kind, Message: message(err)}
		s.writePage(w, status, data)
		return
	}
	// The result replaces the pasted page, which may be large.
	data.Form.Paste = ""
	s.writePage(w, http.StatusOK, data)
}

func (s *server) submit(ctx context.Context, form formValues, file []byte) (*resultView, error) {
	j := job{Explain: true}
	switch form.Input {
	case "html":
		j.Input = extract.InputHTML
	case "text":
		j.Input = extract.InputText
	case "auto", "":
	default:
		return nil, cliutil.Usagef("unknown input kind %q", cliutil.OneLine(form.Input))
	}
	switch {
	case file != nil:
		j.Body, j.BaseURL = file, form.URL
	case strings.TrimSpace(form.Paste) != "":
		j.Body, j.BaseURL = []byte(form.Paste), form.URL
	case strings.TrimSpace(form.URL) != "":
		j.FetchURL = strings.TrimSpace(form.URL)
	default:
		return nil, cliutil.Usagef("give a URL, paste a page, or choose a file")
	}
	a, err := s.run(ctx, j)
	if err != nil {
		return nil, err
	}
	return s.view(a)
}

// readForm reads a multipart or URL-encoded form. The file is nil when
// none was chosen.
func (s *server) readForm(w http.ResponseWriter, r *http.Request) (formValues, []byte, error) {
	var f formValues
	// Room for the page plus the small fields and multipart framing.
	limit := s.cfg.MaxBytes + 64<<10
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		if err := r.ParseForm(); err != nil {
			return f, nil, formError(err, limit)
		}
		f.URL, f.Paste, f.Input = r.PostForm.Get("url"), r.PostForm.Get("paste"), r.PostForm.Get("input")
		if int64(len(f.Paste)) > s.cfg.MaxBytes {
			return f, nil, tooLarge(s.cfg.MaxBytes)
		}
		return f, nil, nil
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return f, nil, cliutil.Usagef("reading form: %v", err)
	}
	var file []byte
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return f, nil, formError(err, limit)
		}
		b, err := readPart(p, s.cfg.MaxBytes)
		p.Close()
		if err != nil {
			return f, nil, formError(err, limit)
		}
		switch p.FormName() {
		case "url":
			f.URL = string(b)
		case "paste":
			f.Paste = string(b)
		case "input":
			f.Input = string(b)
		case "file":
			if p.FileName() != "" && len(b) > 0 {
				file = b
			}
		}
	}
	return f, file, nil
}

// readPart reads one form part of at most limit bytes.
func readPart(p *multipart.Part, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(p, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, tooLarge(limit)
	}
	return b, nil
}

func formError(err error, limit int64) error {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return tooLarge(limit)
	case errors.Is(err, extract.ErrTooLarge):
		return err
	}
	return cliutil.Usagef("reading form: %v", err)
}

func (s *server) writePage(w http.ResponseWriter, status int, data *pageData) {
	data.MaxBytes = humanBytes(s.cfg.MaxBytes)
	var buf bytes.Buffer
	if err := s.tmpl.Execute(&buf, data); err != nil {
		s.cfg.Logger.Error("rendering page", "err", err)
		http.Error(w, "internal error rendering the page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// view prepares a for the page and stores its downloads.
func (s *server) view(a *extract.Article) (*resultView, error) {
	js, err := render.Bytes(a, render.JSON, render.Options{})
	if err != nil {
		return nil, err
	}
	md, err := render.Bytes(a, render.Markdown, render.Options{Facts: true})
	if err != nil {
		return nil, err
	}
	txt, err := render.Bytes(a, render.Text, render.Options{})
	if err != nil {
		return nil, err
	}
	v := &resultView{
		Title:     printable(a.Title),
		Authors:   printable(strings.Join(a.Authors, ", ")),
		SiteName:  printable(a.SiteName),
		URL:       printable(a.URL),
		WordCount: a.WordCount,
		People:    make([]extract.Person, len(a.People)),
		Removed:   make([]extract.Removal, len(a.Removed)),
		PlainText: printable(string(txt)),
	}
	if a.Published != nil {
		v.Published = a.Published.Format("2 January 2006, 15:04 MST")
		v.PublishedAt = a.Published.Format(time.RFC3339)
	}
	if d := a.Dateline; d != nil {
		v.Dateline = &extract.Dateline{Place: printable(d.Place), Date: printable(d.Date), Agency: printable(d.Agency), Raw: printable(d.Raw)}
	}
	v.Blocks = blockViews(a.Blocks)
	for i, p := range a.People {
		aliases := make([]string, len(p.Aliases))
		for k, al := range p.Aliases {
			aliases[k] = printable(al)
		}
		v.People[i] = extract.Person{Name: printable(p.Name), Role: printable(p.Role), Mentions: p.Mentions, Aliases: aliases}
	}
	v.Quotes, v.QuoteCount = quoteGroups(a.Quotes, len(a.Blocks))
	for i, rm := range a.Removed {
		v.Removed[i] = extract.Removal{Rule: printable(rm.Rule), Text: printable(rm.Text)}
	}
	v.ID = s.results.add(&rendered{name: fileName(a.Title), markdown: md, json: js, text: txt})
	return v, nil
}

// blockViews groups list items into lists and names each block's element.
// Every block keeps the id "p<index>", the index quotes refer to.
func blockViews(blocks []extract.Block) []blockView {
	var out []blockView
	for i, b := range blocks {
		bv := blockView{ID: fmt.Sprintf("p%d", i), Text: printable(b.Text)}
		switch b.Kind {
		case extract.Heading:
			bv.Tag = "h" + fmt.Sprint(min(max(b.Level, 1)+1, 4))
		case extract.ListItem:
			tag := "ul"
			if b.Ordered {
				tag = "ol"
			}
			if n := len(out); n > 0 && out[n-1].Tag == tag && i > 0 && blocks[i-1].Kind == extract.ListItem {
				out[n-1].Items = append(out[n-1].Items, bv)
				continue
			}
			out = append(out, blockView{Tag: tag, Items: []blockView{bv}})
			continue
		case extract.Quotation:
			bv.Tag = "blockquote"
		case extract.Preformat:
			bv.Tag = "pre"
		case extract.TableRow:
			bv.Tag = "row"
		case extract.Caption:
			bv.Tag = "caption"
		default:
			bv.Tag = "p"
		}
		out = append(out, bv)
	}
	return out
}

// quoteGroups groups quotes by speaker in order of first appearance, the
// unattributed ones last.
func quoteGroups(quotes []extract.Quote, nblocks int) ([]quoteGroup, int) {
	var groups []quoteGroup
	index := map[string]int{}
	var none *quoteGroup
	for _, q := range quotes {
		qv := quoteView{Text: printable(q.Text)}
		if q.Paragraph >= 0 && q.Paragraph < nblocks {
			qv.Anchor = fmt.Sprintf("p%d", q.Paragraph)
			qv.Number = q.Paragraph
		}
		if q.Speaker == nil || strings.TrimSpace(*q.Speaker) == "" {
			if none == nil {
				none = &quoteGroup{}
			}
			none.Quotes = append(none.Quotes, qv)
			continue
		}
		sp := printable(*q.Speaker)
		i, ok := index[sp]
		if !ok {
			i = len(groups)
			index[sp] = i
			groups = append(groups, quoteGroup{Speaker: sp})
		}
		if groups[i].Role == "" {
			groups[i].Role = printable(q.SpeakerRole)
		}
		groups[i].Quotes = append(groups[i].Quotes, qv)
	}
	if none != nil {
		groups = append(groups, *none)
	}
	return groups, len(quotes)
}

// printable drops control characters (ESC and the rest of C0 and C1, except
// line breaks and tabs) and bidirectional overrides, so page text shows as
// what it says.
func printable(s string) string { return scrub.Body(s) }

// fileName makes a download's base name from a title: lower-case ASCII
// letters and digits joined by hyphens, at most 60 bytes.
func fileName(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	name := b.String()
	if len(name) > 60 {
		name = name[:60]
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			name = name[:i]
		}
	}
	if name == "" {
		return "article"
	}
	return name
}

// handleDownload serves a stored result as article.md, article.json or
// article.txt, as an attachment.
func (s *server) handleDownload(w http.ResponseWriter, r *http.Request) {
	res, ok := s.results.get(r.PathValue("id"))
	if !ok {
		http.Error(w, "this result is no longer kept; extract the page again", http.StatusNotFound)
		return
	}
	var body []byte
	var ctype, ext string
	switch r.PathValue("file") {
	case "article.md":
		body, ctype, ext = res.markdown, "text/markdown; charset=utf-8", ".md"
	case "article.json":
		body, ctype, ext = res.json, "application/json; charset=utf-8", ".json"
	case "article.txt":
		body, ctype, ext = res.text, "text/plain; charset=utf-8", ".txt"
	default:
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": res.name + ext}))
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

// humanBytes writes n as "20 MiB".
func humanBytes(n int64) string {
	switch {
	case n >= noCap:
		return "any size"
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
