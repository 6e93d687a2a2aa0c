// Package source enumerates the documents of a batch: files, directories,
// globs, lists of sources (@list.txt, or "-" for standard input), http(s)
// URLs and WARC archives.
//
// [Walk] yields documents lazily, in a fixed order: the order of the
// arguments, then lexical order inside a directory, sorted glob matches,
// list order, and file order inside a WARC archive. Nothing is read ahead:
// a directory is listed as it is walked, a WARC record is read when it is
// reached, and a file's bytes are read by [Doc.Bytes] in the caller's
// worker.
//
// # Document names
//
// Every document has a Source that names it uniquely and stably, so a
// later run can tell what is already done: the path as given (joined with
// the directory it was found in), the URL, or for a WARC record the
// archive's path, "#" and the record's byte offset in the archive
// ("crawl.warc.gz#10240").
//
// # WARC archives
//
// Files ending in .warc or .warc.gz (per-record or whole-file gzip) are read
// with github.com/nlnwa/gowarc/v3. Only response records with a 2xx HTTP
// status and resource records whose content type is HTML (or absent) become
// documents; requests, metadata, revisits, warcinfo, redirects and images
// are skipped. A record that cannot be read (a truncated record, a corrupt
// gzip member) is yielded with an error, and reading resumes at the next
// record the reader can find.
package source

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/newsclean/newsclean/extract"
)

// Kind tells where a document's bytes come from.
type Kind int

const (
	// KindFile is a file; Doc.Bytes reads it (unpacking .gz).
	KindFile Kind = iota
	// KindURL is an http(s) URL the caller fetches.
	KindURL
	// KindWARC is a WARC record payload, already read into memory.
	KindWARC
)

// Doc is one input document.
type Doc struct {
	// Source names the document uniquely and stably (see the package doc).
	Source string
	Kind   Kind
	// URL is the page's address when known: the URL itself, or a WARC
	// record's WARC-Target-URI.
	URL string
	// Charset is the character set named by the transport (the HTTP
	// Content-Type of a WARC response), or "".
	Charset string
	// Time is when the page was captured, when the input says so: the
	// WARC-Date or the file's modification time.
	Time time.Time
	// WARC holds the record's identity for documents from a WARC archive.
	WARC *WARCInfo

	data     []byte
	fsys     fs.FS
	name     string
	maxBytes int64
}

// WARCInfo identifies the WARC record a document came from.
type WARCInfo struct {
	TargetURI string `json:"warc_target_uri,omitempty"`
	Date      string `json:"warc_date,omitempty"`
	RecordID  string `json:"warc_record_id,omitempty"`
}

// Bytes returns the document's bytes: a file's content (gunzipped for
// .gz), or the WARC payload. It fails with extract.ErrTooLarge past
// Options.MaxBytes. URL documents have no bytes here; fetch them.
func (d *Doc) Bytes() ([]byte, error) {
	switch d.Kind {
	case KindWARC:
		return d.data, nil
	case KindURL:
		return nil, fmt.Errorf("%s: a URL must be fetched", d.Source)
	}
	r, err := Open(d.fsys, d.name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	data, err := readCapped(r, d.maxBytes)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", d.name, err)
	}
	return data, nil
}

// Open opens the page file name in fsys (nil: the operating system's file
// system) for reading, unpacking it when its name ends in .gz. Closing the
// result closes the file.
func Open(fsys fs.FS, name string) (io.ReadCloser, error) {
	if fsys == nil {
		fsys = osFS{}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(strings.ToLower(name), ".gz") {
		return f, nil
	}
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return gzipFile{zr, f}, nil
}

// gzipFile reads the unpacked stream and closes both it and the file.
type gzipFile struct {
	*gzip.Reader
	f fs.File
}

func (g gzipFile) Close() error {
	g.Reader.Close()
	return g.f.Close()
}

// readCapped reads r to the end, failing with extract.ErrTooLarge past max
// bytes (no cap when max < 0).
func readCapped(r io.Reader, max int64) ([]byte, error) {
	if max < 0 {
		return io.ReadAll(r)
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", extract.ErrTooLarge, max)
	}
	return data, nil
}

// Options control Walk. The zero value works.
type Options struct {
	// FS resolves paths; default the operating system's file system, with
	// paths relative to the working directory.
	FS fs.FS
	// Stdin is read for the "-" source (a list of sources, one a line).
	Stdin io.Reader
	// MaxBytes caps one document; default extract.DefaultMaxBytes;
	// negative means no cap.
	MaxBytes int64
}

// ErrNoSource is returned for an argument that names nothing: no file,
// no directory, no glob match. It matches fs.ErrNotExist.
var ErrNoSource error = noSourceError{}

type noSourceError struct{}

func (noSourceError) Error() string        { return "no such file, directory or glob match" }
func (noSourceError) Is(target error) bool { return target == fs.ErrNotExist }

// ErrNotRegular is the error of a FIFO, socket or device found while
// walking a directory: it is reported, never opened. Named as an argument,
// such a file is read (so "<(command)" works).
var ErrNotRegular = errors.New("not a regular file")

// Walk yields the documents named by args in order. A source that cannot
// be read yields a Doc with its Source (and WARC identity when known) and
// the error; walking goes on with the next one. Walk stops early when ctx
// is done.
func Walk(ctx context.Context, args []string, opts Options) iter.Seq2[*Doc, error] {
	if opts.FS == nil {
		opts.FS = osFS{}
	}
	if opts.MaxBytes == 0 {
		opts.MaxBytes = extract.DefaultMaxBytes
	}
	return func(yield func(*Doc, error) bool) {
		w := &walker{ctx: ctx, opts: opts, yield: yield}
		for _, a := range args {
			if !w.arg(a, 0) {
				return
			}
		}
	}
}

type walker struct {
	ctx   context.Context
	opts  Options
	yield func(*Doc, error) bool
}

// maxListDepth bounds @lists that name @lists.
const maxListDepth = 8

// emit yields one result; false stops the walk.
func (w *walker) emit(d *Doc, err error) bool {
	if w.ctx.Err() != nil {
		return false
	}
	return w.yield(d, err)
}

func (w *walker) fail(src string, err error) bool {
	return w.emit(&Doc{Source: src}, err)
}

// arg handles one source argument or list line.
func (w *walker) arg(a string, depth int) bool {
	switch {
	case a == "":
		return true
	case a == "-":
		if depth > 0 {
			return w.fail(a, errors.New(`"-" is only allowed as an argument`))
		}
		if w.opts.Stdin == nil {
			return w.fail("stdin", errors.New("no standard input"))
		}
		return w.list("stdin", w.opts.Stdin, depth)
	case strings.HasPrefix(a, "@"):
		name := a[1:]
		if depth >= maxListDepth {
			return w.fail(a, fmt.Errorf("lists nested deeper than %d", maxListDepth))
		}
		f, err := w.opts.FS.Open(name)
		if err != nil {
			return w.fail(a, err)
		}
		defer f.Close()
		return w.list(a, f, depth)
	case IsURL(a):
		return w.emit(&Doc{Source: a, Kind: KindURL, URL: a}, nil)
	}
	st, err := fs.Stat(w.opts.FS, a)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && hasMeta(a) {
			return w.glob(a, depth)
		}
		return w.fail(a, err)
	}
	if st.IsDir() {
		return w.dir(a)
	}
	return w.file(a, st)
}

// list reads sources one a line from r. Blank lines and lines starting
// with "#" are skipped.
func (w *walker) list(name string, r io.Reader, depth int) bool {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !w.arg(line, depth+1) {
			return false
		}
	}
	if err := sc.Err(); err != nil {
		return w.fail(name, fmt.Errorf("reading list: %w", err))
	}
	return true
}

func (w *walker) glob(pattern string, depth int) bool {
	matches, err := fs.Glob(w.opts.FS, pattern)
	if err != nil {
		return w.fail(pattern, err)
	}
	if len(matches) == 0 {
		return w.fail(pattern, ErrNoSource)
	}
	sort.Strings(matches)
	for _, m := range matches {
		if !w.arg(m, depth) {
			return false
		}
	}
	return true
}

// dir walks root recursively in lexical order and yields the pages and
// WARC archives in it. Hidden files and directories (".name") are skipped.
func (w *walker) dir(root string) bool {
	ok := true
	err := fs.WalkDir(w.opts.FS, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			if !w.fail(p, err) {
				ok = false
				return fs.SkipAll
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !IsPage(p) && !IsWARC(p) {
			return nil
		}
		st, err := fs.Stat(w.opts.FS, p)
		if err == nil && !st.IsDir() && !st.Mode().IsRegular() {
			// A FIFO, socket or device named like a page: opening or
			// reading it could block the walk for ever.
			err = &fs.PathError{Op: "read", Path: p, Err: fmt.Errorf("%w (%s)", ErrNotRegular, typeName(st.Mode()))}
		}
		if err != nil {
			if !w.fail(p, err) {
				ok = false
				return fs.SkipAll
			}
			return nil
		}
		if st.IsDir() {
			return nil
		}
		if !w.file(p, st) {
			ok = false
			return fs.SkipAll
		}
		return nil
	})
	if err != nil && ok {
		return w.fail(root, err)
	}
	return ok
}

// typeName names the kind of a file that is not regular.
func typeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.Type().String()
}

func (w *walker) file(p string, st fs.FileInfo) bool {
	if IsWARC(p) {
		return w.warc(p)
	}
	return w.emit(&Doc{
		Source:   p,
		Kind:     KindFile,
		Time:     st.ModTime().UTC(),
		fsys:     w.opts.FS,
		name:     p,
		maxBytes: w.opts.MaxBytes,
	}, nil)
}

// Exists reports whether the path name, or for a glob pattern any match,
// may exist in fsys (nil: the operating system's file system), as Walk
// resolves it. Errors other than "does not exist" (permissions) count as
// existing: Walk reports them per document.
func Exists(fsys fs.FS, name string) bool {
	if fsys == nil {
		fsys = osFS{}
	}
	_, err := fs.Stat(fsys, name)
	if !errors.Is(err, fs.ErrNotExist) {
		return true
	}
	if !hasMeta(name) {
		return false
	}
	matches, err := fs.Glob(fsys, name)
	return err != nil || len(matches) > 0
}

// IsURL reports whether s is an http(s) URL. The scheme is matched in
// any case ("HTTP://", "Https://"), as RFC 3986 says schemes are
// case-insensitive.
func IsURL(s string) bool {
	scheme, _, ok := strings.Cut(s, "://")
	return ok && (strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https"))
}

// IsPage reports whether a directory entry named p is read as a page:
// .html, .htm, .xhtml or .txt, optionally gzipped.
func IsPage(p string) bool {
	p = strings.TrimSuffix(strings.ToLower(p), ".gz")
	switch path.Ext(p) {
	case ".html", ".htm", ".xhtml", ".txt":
		return true
	}
	return false
}

// IsWARC reports whether p names a WARC archive (.warc or .warc.gz).
func IsWARC(p string) bool {
	p = strings.ToLower(p)
	return strings.HasSuffix(p, ".warc") || strings.HasSuffix(p, ".warc.gz")
}

func hasMeta(s string) bool {
	return strings.ContainsAny(s, `*?[`)
}

// osFS is the operating system's file system with paths as the user
// typed them (relative to the working directory, or absolute).
type osFS struct{}

func (osFS) Open(name string) (fs.File, error)          { return os.Open(name) }
func (osFS) Stat(name string) (fs.FileInfo, error)      { return os.Stat(name) }
func (osFS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }
func (osFS) Glob(pattern string) ([]string, error)      { return filepath.Glob(pattern) }
