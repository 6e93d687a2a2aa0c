// Package batchcmd implements `newsclean batch`: many pages, directories,
// lists and WARC archives in, one JSON Lines record per document out.
//
// Rules of this package:
//   - one writer goroutine owns the output and writes in input order;
//     workers never touch stdout;
//   - memory is bounded: at most `window` documents are between the
//     reader and the writer at any time;
//   - no record holds the wall-clock time unless the input does (a fetch
//     time): the output of --jobs 1 and --jobs 8 is byte-identical.
package batchcmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliflags"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/cmd/newsclean/internal/render"
	"github.com/newsclean/newsclean/extract"
	"github.com/newsclean/newsclean/extract/source"
)

// Options are the flag values and streams of one batch run.
type Options struct {
	Streams *cliutil.Streams
	Sources []string

	Jobs       int
	Output     string // JSONL file; "" is stdout
	OutDir     string
	Format     string
	Resume     bool
	FailuresOK bool
	DocTimeout time.Duration
	Dedup      bool
	Now        string // RFC 3339 reference time for every document

	// Extract holds --input, --no-facts, --max-bytes and the fetch flags
	// for URL sources.
	Extract cliflags.Extract

	// FS resolves source paths; nil is the operating system's.
	FS fs.FS

	afterWrite func()                    // test hook: called after each record is written
	wrapOutput func(io.Writer) io.Writer // test hook: wraps the writer of the records
}

// NewCmd returns the batch command.
func NewCmd(streams *cliutil.Streams) *cobra.Command {
	return newCmd(streams, nil)
}

func newCmd(streams *cliutil.Streams, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{Streams: streams}
	cmd := &cobra.Command{
		Use:   "batch SOURCE...",
		Short: "Extract many pages, directories, URL lists and WARC archives to JSON Lines",
		Long: `Batch extracts every document named by the sources and writes one JSON Lines
record per document to standard output, in input order: "source", "url" and
the article fields on success; "source", "error" and "error_kind" on failure.
Records from WARC archives also carry warc_target_uri, warc_date and
warc_record_id.

A SOURCE is a directory (searched recursively for .html, .htm, .xhtml and
.txt pages, optionally .gz, and WARC archives), a file, a glob, an http(s)
URL, a WARC archive (.warc, .warc.gz), @FILE for a list of sources one a
line, or "-" for such a list on standard input.

Exit status: 0 when every document produced an article, 4 when some failed
(0 with --failures-ok), 1 when the output cannot be written (a full disk),
2 for bad usage, 128+N when stopped by signal N (130 Ctrl-C, 143 SIGTERM,
129 SIGHUP). After any of these, or a kill, --resume continues the run.
A SOURCE argument that names nothing (no such file, directory, list file
or glob match) or a URL scheme other than http(s) is bad usage, whatever
--failures-ok says; a missing path inside a list is an error record.`,
		Example: `  newsclean batch saved-pages/ > articles.jsonl
  newsclean batch --jobs 8 -o crawl.jsonl crawl-*.warc.gz
  find . -name '*.warc.gz' | newsclean batch --failures-ok - > out.jsonl
  newsclean batch --resume -o out.jsonl @urls.txt
  newsclean batch --out-dir articles --format markdown pages/`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cliutil.Usagef("batch needs at least one SOURCE")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Sources = args
			if err := opts.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.IntVarP(&opts.Jobs, "jobs", "j", runtime.GOMAXPROCS(0), "documents extracted at the same time")
	f.StringVarP(&opts.Output, "output", "o", "", "write the JSON Lines to `FILE` instead of stdout")
	f.StringVar(&opts.OutDir, "out-dir", "", "write one file per article into `DIR` (stdout lists the files)")
	f.StringVarP(&opts.Format, "format", "f", "text", "--out-dir file format: text, json or markdown")
	f.BoolVar(&opts.Resume, "resume", false, "skip documents already in --output or --out-dir and append")
	f.BoolVar(&opts.FailuresOK, "failures-ok", false, "exit 0 even when some documents failed")
	f.DurationVar(&opts.DocTimeout, "doc-timeout", 30*time.Second, "longest extraction of one document; 0 means none")
	f.BoolVar(&opts.Dedup, "dedup", false, `mark near-duplicate articles with "duplicate_of"`)
	f.StringVar(&opts.Now, "now", "", "reference `TIME` (RFC 3339) for relative dates; default the WARC date, file time or fetch time")
	opts.Extract.Bind(f)
	return cmd
}

func (o *Options) validate() error {
	if o.Jobs < 1 {
		return cliutil.Usagef("--jobs must be at least 1")
	}
	if !render.Valid(o.Format) {
		return cliutil.Usagef("unknown --format %q (want text, json or markdown)", o.Format)
	}
	if err := o.Extract.Validate(); err != nil {
		return err
	}
	if o.Output != "" && o.OutDir != "" {
		return cliutil.Usagef("--output and --out-dir exclude each other")
	}
	if o.Resume && o.Output == "" && o.OutDir == "" {
		return cliutil.Usagef("--resume needs --output or --out-dir")
	}
	if o.Now != "" {
		if _, err := time.Parse(time.RFC3339, o.Now); err != nil {
			return cliutil.Usagef("bad --now %q: want an RFC 3339 time such as 2024-05-01T09:30:00Z", o.Now)
		}
	}
	stdin := 0
	for _, s := range o.Sources {
		if s == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return cliutil.Usagef(`"-" may be given once`)
	}
	return nil
}

// extractOptions maps the flags to extract.Options for one document.
func (o *Options) extractOptions(d *source.Doc, fixedNow time.Time) extract.Options {
	eo := o.Extract.Options()
	eo.Charset = d.Charset
	if d.URL != "" {
		if u, err := url.Parse(d.URL); err == nil {
			eo.URL = u
		}
	}
	now := fixedNow
	if now.IsZero() {
		now = d.Time
	}
	if !now.IsZero() {
		eo.Now = func() time.Time { return now }
	}
	return eo
}

// Run runs a batch.
func Run(ctx context.Context, opts *Options) error {
	if err := checkSources(opts.Sources, opts.FS); err != nil {
		return err
	}
	var fixedNow time.Time
	if opts.Now != "" {
		fixedNow, _ = time.Parse(time.RFC3339, opts.Now)
	}
	out, done, err := openOutput(opts)
	if err != nil {
		return err
	}
	defer out.close()

	p := newPipeline(opts, out, done, fixedNow)
	stats, err := p.run(ctx)
	if cerr := out.close(); err == nil && cerr != nil {
		err = cerr
	}
	p.summary(stats)
	switch {
	case err != nil:
		return err
	case ctx.Err() != nil:
		return &cliutil.ExitError{Code: cliutil.InterruptedCode(ctx), Msg: "interrupted; run again with --resume to continue"}
	case stats.failed > 0 && !opts.FailuresOK:
		return &cliutil.ExitError{Code: cliutil.ExitPartial}
	}
	return nil
}

// output is where records go: stdout, a JSONL file, or an out-dir (with
// its index on stdout).
type output struct {
	rw     *recordWriter
	f      *os.File // the --output file, closed by close
	outDir string
}

func (o *output) close() error {
	if o.f == nil {
		return nil
	}
	f := o.f
	o.f = nil
	if err := f.Close(); err != nil {
		return writeError(f.Name(), err)
	}
	return nil
}

// openOutput opens the output and, with --resume, reads what is done.
func openOutput(opts *Options) (*output, *resumeState, error) {
	out := &output{rw: newRecordWriter(opts.Streams.Out, "stdout"), outDir: opts.OutDir}
	done := &resumeState{}
	switch {
	case opts.OutDir != "":
		if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
			return nil, nil, &cliutil.WriteError{Path: opts.OutDir, Err: err}
		}
		if opts.Resume {
			if err := removeStaleTemps(opts.OutDir); err != nil {
				return nil, nil, err
			}
			done.outDir = opts.OutDir
		}
	case opts.Output != "":
		flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if opts.Resume {
			var err error
			done, err = readResume(opts.Output, opts.Dedup)
			if err != nil {
				return nil, nil, err
			}
			flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
		}
		f, err := os.OpenFile(opts.Output, flags, 0o644)
		if err != nil {
			return nil, nil, &cliutil.WriteError{Path: opts.Output, Err: err}
		}
		out.f, out.rw = f, newRecordWriter(f, opts.Output)
		if err := out.rw.truncatable(f); err != nil {
			f.Close()
			return nil, nil, err
		}
	}
	if opts.wrapOutput != nil {
		out.rw.w = opts.wrapOutput(out.rw.w)
	}
	return out, done, nil
}

// errPanic marks a document whose extraction crashed.
var errPanic = errors.New("extraction crashed")

func panicError(v any) error { return fmt.Errorf("%w: %v", errPanic, v) }

// checkSources returns a usage error for a command-line source that names
// nothing at all (a mistyped path, a list file or glob that matches
// nothing) or a URL newsclean cannot fetch, whatever --failures-ok says:
// such a run would otherwise "succeed" with one error record. Sources found
// inside lists and directories are data, and fail as records.
func checkSources(args []string, fsys fs.FS) error {
	for _, a := range args {
		if err := cliutil.CheckScheme(a); err != nil {
			return err
		}
		if a == "-" || source.IsURL(a) {
			continue
		}
		name, what := a, "no such file, directory or glob match"
		if list, ok := strings.CutPrefix(a, "@"); ok {
			name, what = list, "no such list file"
		}
		if source.Exists(fsys, name) {
			continue
		}
		return cliutil.Usagef("%s: %s", a, what)
	}
	return nil
}
