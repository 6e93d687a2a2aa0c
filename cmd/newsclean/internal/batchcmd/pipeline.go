package batchcmd

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/render"
	"github.com/newsclean/newsclean/extract"
	"github.com/newsclean/newsclean/extract/fetch"
	"github.com/newsclean/newsclean/extract/source"
)

// record is one JSON Lines output record. The article's fields are
// embedded, so the schema follows extract.Article.
type record struct {
	Source string `json:"source"`
	*source.WARCInfo
	DuplicateOf string `json:"duplicate_of,omitempty"`
	File        string `json:"file,omitempty"`
	Error       string `json:"error,omitempty"`
	ErrorKind   string `json:"error_kind,omitempty"`
	*extract.Article
}

type job struct {
	seq int
	doc *source.Doc
	err error
}

type result struct {
	seq      int
	doc      *source.Doc
	art      *extract.Article
	err      error
	fp       uint64
	fpOK     bool
	rendered []byte // --out-dir file content
}

type stats struct {
	docs, ok, failed, dups int
	skipped                int64
	elapsed                time.Duration
}

type pipeline struct {
	opts     *Options
	out      *output
	done     *resumeState
	fixedNow time.Time
	fetcher  *fetch.Fetcher
	prog     *progress
	dedup    *dedupIndex
	skipped  atomic.Int64
}

func newPipeline(opts *Options, out *output, done *resumeState, fixedNow time.Time) *pipeline {
	p := &pipeline{opts: opts, out: out, done: done, fixedNow: fixedNow}
	p.fetcher = fetch.New(opts.Extract.FetchOptions())
	if opts.Dedup {
		p.dedup = done.dedup
		if p.dedup == nil {
			p.dedup = newDedupIndex()
		}
	}
	return p
}

// window is how many documents may be between the reader and the writer:
// it bounds memory however slow one document is.
func (p *pipeline) window() int { return max(16, 8*p.opts.Jobs) }

func (p *pipeline) sourceOptions() source.Options {
	return source.Options{FS: p.opts.FS, Stdin: p.opts.Streams.In, MaxBytes: p.opts.Extract.MaxBytes}
}

// run reads, extracts and writes every document. It returns the first
// write error; a cancelled ctx ends it early with what was written valid.
func (p *pipeline) run(parent context.Context) (stats, error) {
	start := time.Now()
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	p.prog = newProgress(p.opts.Streams.Err, p.opts.Streams.ErrTTY)
	if p.opts.Streams.ErrTTY && !hasStdin(p.opts.Sources) {
		go p.count(ctx)
	}

	slots := make(chan struct{}, p.window())
	jobs := make(chan job, p.opts.Jobs)
	results := make(chan result, p.window())

	go p.feed(ctx, slots, jobs)

	var wg sync.WaitGroup
	for range p.opts.Jobs {
		wg.Go(func() {
			for j := range jobs {
				if ctx.Err() != nil {
					continue
				}
				r, ok := p.process(ctx, j)
				if !ok {
					continue
				}
				if r.err != nil {
					p.prog.errorLine(fmt.Sprintf("newsclean: %s\n", cliutil.Message(&cliutil.SourceError{Source: r.doc.Source, Err: r.err})))
				}
				results <- r
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// The writer: buffer early results, write in input order.
	var st stats
	var werr error
	rw := p.out.rw
	pending := make(map[int]result)
	next := 0
	for r := range results {
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if werr != nil || ctx.Err() != nil {
				continue // stopping: what is written stays a valid prefix
			}
			if err := p.write(rw, r, &st); err != nil {
				werr = err
				cancel()
			}
		}
		if len(results) == 0 && werr == nil {
			if err := rw.flush(); err != nil {
				werr = err
				cancel()
			}
		}
	}
	if err := rw.flush(); err != nil && werr == nil {
		werr = err
	}
	p.prog.stop()
	st.skipped = p.skipped.Load()
	st.elapsed = time.Since(start)
	return st, werr
}

// feed walks the sources and sends each document as a job, taking a slot
// for each so that at most window documents are in flight. It closes jobs.
func (p *pipeline) feed(ctx context.Context, slots chan<- struct{}, jobs chan<- job) {
	defer close(jobs)
	seq := 0
	for d, err := range source.Walk(ctx, p.opts.Sources, p.sourceOptions()) {
		if err == nil && p.done.has(d, p.opts.Format) {
			p.skipped.Add(1)
			continue
		}
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return
		}
		select {
		case jobs <- job{seq: seq, doc: d, err: err}:
		case <-ctx.Done():
			return
		}
		seq++
		if !p.prog.final.Load() {
			p.prog.addTotal(1)
		}
	}
}

// count walks the sources a second time, without reading documents, to
// give the progress bar its total. Only on a terminal.
func (p *pipeline) count(ctx context.Context) {
	var n int64
	for d, err := range source.Walk(ctx, p.opts.Sources, p.sourceOptions()) {
		if err == nil && p.done.has(d, p.opts.Format) {
			continue
		}
		n++
	}
	if ctx.Err() == nil {
		p.prog.setTotal(n)
	}
}

func hasStdin(args []string) bool {
	for _, a := range args {
		if a == "-" {
			return true
		}
	}
	return false
}

// process reads and extracts one document. ok is false when ctx ended
// first; the document then has no record.
func (p *pipeline) process(ctx context.Context, j job) (r result, ok bool) {
	r = result{seq: j.seq, doc: j.doc, err: j.err}
	if j.err != nil {
		return r, true
	}
	d := j.doc
	var run func(extract.Options) (*extract.Article, error)
	if d.Kind == source.KindURL {
		page, err := p.fetcher.Get(ctx, d.URL)
		if err != nil {
			if ctx.Err() != nil {
				return r, false
			}
			r.err = err
			return r, true
		}
		d.URL = page.URL.String() // after redirects
		run = func(eo extract.Options) (*extract.Article, error) { return extract.FromPage(page, eo) }
	} else {
		data, err := d.Bytes()
		if err != nil {
			r.err = err
			return r, true
		}
		run = func(eo extract.Options) (*extract.Article, error) { return extract.FromBytes(data, eo) }
	}
	eo := p.opts.extractOptions(d, p.fixedNow)
	a, err, ok := p.extract(ctx, func() (*extract.Article, error) { return run(eo) })
	if !ok {
		return r, false
	}
	if err != nil {
		r.err = err
		return r, true
	}
	r.art = a
	if p.dedup != nil {
		r.fp, r.fpOK = simhash(a.Text)
	}
	if p.opts.OutDir != "" {
		b, err := render.Bytes(a, p.opts.Format, render.Options{})
		if err != nil {
			r.err, r.art = err, nil
			return r, true
		}
		r.rendered = b
	}
	return r, true
}

type extracted struct {
	a   *extract.Article
	err error
}

// extract runs one extraction under --doc-timeout. Extraction is pure
// CPU and cannot be stopped: past the deadline the document is reported
// as failed and its goroutine is left to finish on its own.
func (p *pipeline) extract(ctx context.Context, run func() (*extract.Article, error)) (*extract.Article, error, bool) {
	ch := make(chan extracted, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				ch <- extracted{err: panicError(v)}
			}
		}()
		a, err := run()
		ch <- extracted{a: a, err: err}
	}()
	var timeout <-chan time.Time
	if p.opts.DocTimeout > 0 {
		t := time.NewTimer(p.opts.DocTimeout)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case x := <-ch:
		return x.a, x.err, true
	case <-timeout:
		return nil, fmt.Errorf("extraction %w (over %s)", cliutil.ErrTimeout, p.opts.DocTimeout), true
	case <-ctx.Done():
		return nil, nil, false
	}
}

// write writes r's record (and its --out-dir file). Only the writer
// goroutine calls it.
func (p *pipeline) write(w *recordWriter, r result, st *stats) error {
	rec := record{Source: r.doc.Source, WARCInfo: r.doc.WARC}
	dup := false
	if r.err != nil {
		kind, _ := cliutil.Classify(r.err)
		rec.Error, rec.ErrorKind = cliutil.Message(r.err), kind
	} else {
		if r.fpOK {
			if orig, ok := p.dedup.match(r.fp); ok {
				rec.DuplicateOf, dup = orig, true
			} else {
				p.dedup.add(r.fp, r.doc.Source)
			}
		}
		if p.opts.OutDir != "" {
			name := fileName(r.doc, p.opts.Format)
			path := filepath.Join(p.opts.OutDir, name)
			if err := cliutil.WriteFileAtomic(path, r.rendered, 0o644); err != nil {
				return writeError(path, err)
			}
			rec.File = name
		} else {
			rec.Article = r.art
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&rec); err != nil {
		return fmt.Errorf("encoding record for %s: %w", rec.Source, err)
	}
	if err := w.write(buf.Bytes()); err != nil {
		return err
	}
	st.docs++
	switch {
	case r.err != nil:
		st.failed++
	case dup:
		st.ok++
		st.dups++
	default:
		st.ok++
	}
	p.prog.done(r.err != nil)
	if p.opts.afterWrite != nil {
		p.opts.afterWrite()
	}
	return nil
}

// summary prints the closing line on stderr.
func (p *pipeline) summary(st stats) {
	rate := 0.0
	if s := st.elapsed.Seconds(); s > 0 {
		rate = float64(st.docs) / s
	}
	msg := fmt.Sprintf("newsclean: batch: %d documents in %.1fs (%.1f pages/s): %d ok, %d failed",
		st.docs, st.elapsed.Seconds(), rate, st.ok, st.failed)
	if p.opts.Dedup {
		msg += fmt.Sprintf(", %d duplicates", st.dups)
	}
	if st.skipped > 0 {
		msg += fmt.Sprintf(", %d already done", st.skipped)
	}
	if n := p.out.rw.lost; n > 0 {
		msg += fmt.Sprintf("; the last %d not saved when the output failed", n)
	}
	p.prog.errorLine(msg + "\n")
}
