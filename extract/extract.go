package extract

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/newsclean/newsclean/extract/internal/clean"
	"github.com/newsclean/newsclean/extract/internal/facts"
	"github.com/newsclean/newsclean/extract/internal/htmlinput"
	"github.com/newsclean/newsclean/extract/internal/meta"
)

// Errors callers branch on. Errors returned by this package wrap one of these
// when they match the condition.
var (
	// ErrNoArticle: the input was read but holds no article (an empty page,
	// or nothing but navigation and boilerplate).
	ErrNoArticle = errors.New("no article found")
	// ErrTooLarge: the input is larger than Options.MaxBytes.
	ErrTooLarge = htmlinput.ErrTooLarge
	// ErrNotHTML: the input is binary or otherwise not a web page or text
	// (an image, a PDF, compressed data).
	ErrNotHTML = htmlinput.ErrNotHTML
)

// DefaultMaxBytes is the input cap used when Options.MaxBytes is zero.
const DefaultMaxBytes = htmlinput.DefaultMaxBytes

// InputKind says how to read the input.
type InputKind int

const (
	// InputAuto detects HTML or a plain-text dump.
	InputAuto InputKind = iota
	// InputHTML reads the input as HTML.
	InputHTML
	// InputText reads the input as a page already scraped to text.
	InputText
)

// Options control extraction. The zero value works.
type Options struct {
	// URL is the page's address, used to resolve links and as Article.URL.
	URL *url.URL
	// Now is the reference time for relative and year-less dates; default time.Now.
	Now func() time.Time
	// MaxBytes caps the input size; default DefaultMaxBytes; negative means no cap.
	MaxBytes int64
	// Logger receives debug logs; default discards.
	Logger *slog.Logger
	// Input forces HTML or text reading; default InputAuto.
	Input InputKind
	// Charset is the character set named by the transport (an HTTP
	// Content-Type or WARC header), weighed with the page's own declarations.
	Charset string
	// Explain fills Article.Removed with every block the cleaner cut.
	Explain bool
	// NoFacts skips dateline, people and quote detection.
	NoFacts bool
}

func (o *Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// FromReader reads one page (HTML or a text dump) from r and extracts its
// article. It does not close r. It is safe for concurrent use and starts no
// goroutines.
func FromReader(r io.Reader, opts Options) (*Article, error) {
	data, err := htmlinput.ReadAll(r, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	return FromBytes(data, opts)
}

// FromBytes is FromReader over a byte slice.
func FromBytes(data []byte, opts Options) (*Article, error) {
	if opts.MaxBytes >= 0 {
		limit := opts.MaxBytes
		if limit == 0 {
			limit = DefaultMaxBytes
		}
		if int64(len(data)) > limit {
			return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
		}
	}
	text, isHTML, err := htmlinput.Decode(data, htmlinput.Options{Charset: opts.Charset, ForceText: opts.Input == InputText, MaxBytes: opts.MaxBytes})
	if err != nil {
		return nil, err
	}
	if opts.Input == InputHTML {
		isHTML = true
	}
	if !isHTML {
		return fromText(text, opts)
	}
	doc, err := htmlinput.Parse(text)
	if err != nil {
		return nil, err
	}
	return FromDocument(doc, opts)
}

// FromDocument extracts the article from a parsed page. The document is
// modified.
func FromDocument(doc *html.Node, opts Options) (*Article, error) {
	m := meta.Read(doc, opts.URL)
	res, err := clean.HTML(doc, clean.Config{URL: opts.URL, Explain: opts.Explain, Title: m.Title, Site: canonicalHost(m.Canonical), Logger: opts.Logger, Credited: m.Credited})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoArticle, err)
	}
	a := &Article{
		Title:        m.Title,
		Authors:      m.Authors,
		SiteName:     m.SiteName,
		Language:     m.Language,
		Description:  m.Description,
		Image:        m.Image,
		CanonicalURL: m.Canonical,
		Published:    m.Published,
		Modified:     m.Modified,
	}
	if a.Title == "" {
		a.Title = res.Title
	}
	if len(a.Authors) == 0 && res.Byline != "" {
		a.Authors = meta.SplitAuthors(res.Byline)
	}
	return finish(a, res, opts)
}

func fromText(text string, opts Options) (*Article, error) {
	res, err := clean.Text(text, clean.Config{URL: opts.URL, Explain: opts.Explain, Logger: opts.Logger})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoArticle, err)
	}
	return finish(&Article{Title: res.Title}, res, opts)
}

func finish(a *Article, res *clean.Result, opts Options) (*Article, error) {
	if opts.URL != nil {
		a.URL = opts.URL.String()
	}
	if a.Authors == nil {
		a.Authors = []string{}
	}
	if len(res.Blocks) > 0 {
		a.Blocks = make([]Block, 0, len(res.Blocks))
	}
	for _, b := range res.Blocks {
		a.Blocks = append(a.Blocks, Block{Kind: BlockKind(b.Kind), Level: b.Level, Ordered: b.Ordered, Text: b.Text})
	}
	if len(res.Removed) > 0 {
		a.Removed = make([]Removal, 0, len(res.Removed))
	}
	for _, r := range res.Removed {
		a.Removed = append(a.Removed, Removal{Rule: r.Rule, Text: r.Text, Full: r.Full})
	}
	paras := paragraphs(a.Blocks)
	a.Text = strings.Join(paras, "\n\n") // sanitize relies on Text being made so
	a.WordCount = fieldCount(a.Text)
	if a.WordCount == 0 {
		return nil, ErrNoArticle
	}
	if !looksLikeArticle(a.Blocks) {
		return nil, fmt.Errorf("%w: what is left is %d words of labels or captions, no paragraph of text", ErrNoArticle, a.WordCount)
	}
	a.Recovered = res.Recovered
	a.People = []Person{}
	a.Quotes = []Quote{}
	if !opts.NoFacts {
		var pub time.Time
		if a.Published != nil {
			pub = *a.Published
		} else {
			pub = opts.now()
		}
		f := facts.Analyze(paras, pub)
		if f.Dateline != nil {
			a.Dateline = &Dateline{Place: f.Dateline.Place, Date: f.Dateline.Date, Agency: f.Dateline.Agency, Raw: f.Dateline.Raw}
		}
		for _, p := range f.People {
			a.People = append(a.People, Person{Name: p.Name, Role: p.Role, Mentions: p.Mentions, Aliases: p.Aliases})
		}
		for _, q := range f.Quotes {
			a.Quotes = append(a.Quotes, Quote{Text: q.Text, Speaker: q.Speaker, SpeakerRole: q.SpeakerRole, Paragraph: q.Paragraph})
		}
	}
	sanitize(a)
	return a, nil
}

// paragraphs returns the text of each block, in the order Text has them.
func paragraphs(blocks []Block) []string {
	out := make([]string, len(blocks))
	for i, b := range blocks {
		out[i] = b.Text
	}
	return out
}

// canonicalHost is the host of the page's canonical address, or "".
func canonicalHost(canonical string) string {
	u, err := url.Parse(canonical)
	if err != nil {
		return ""
	}
	return u.Hostname()
}
