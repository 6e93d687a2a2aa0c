// Package cliutil holds what every newsclean command shares: the I/O
// streams, the exit codes and the one mapping from errors to them.
package cliutil

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/newsclean/newsclean/extract"
	"github.com/newsclean/newsclean/extract/fetch"
	"github.com/newsclean/newsclean/extract/scrub"
)

// Streams are a command's standard streams. Tests fill them with buffers.
type Streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// InTTY reports that In is a terminal: a command that would read a
	// page from it says so instead of waiting silently.
	InTTY bool
	// ErrTTY reports that Err is a terminal: progress bars and colour are
	// shown only then.
	ErrTTY bool
	// Getenv reads the environment; nil means none is set.
	Getenv func(string) string
}

// Env returns the environment variable key, or "".
func (s *Streams) Env(key string) string {
	if s.Getenv == nil {
		return ""
	}
	return s.Getenv(key)
}

// Exit codes, documented in README.md.
const (
	ExitOK          = 0   // every input produced an article
	ExitFailure     = 1   // unreadable input, write failure, other errors
	ExitUsage       = 2   // bad flag or argument
	ExitNoArticle   = 3   // input read, but it holds no article
	ExitPartial     = 4   // batch finished, some inputs failed
	ExitRejected    = 5   // input refused: binary, not HTML, too large
	ExitFetch       = 6   // fetching a URL failed (network, HTTP status, limits)
	ExitInterrupted = 130 // interrupted (Ctrl-C); 128+N for signal N (see InterruptedCode)
)

// Error kinds, as written in JSON error records.
const (
	KindUsage       = "usage"
	KindRead        = "read"
	KindRejected    = "rejected"
	KindNoArticle   = "no_article"
	KindFetch       = "fetch"
	KindWrite       = "write"
	KindInterrupted = "interrupted"
	KindTimeout     = "timeout"
	KindInternal    = "internal"
)

// UsageError marks a bad command line.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Usagef returns a UsageError.
func Usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// ExitError carries an exit code chosen by a command (a batch with some
// failures) with an optional message; an empty message prints nothing.
type ExitError struct {
	Code int
	Msg  string
}

func (e *ExitError) Error() string { return e.Msg }

// WriteError marks a failure writing output. Path, when set, names the
// file (or "stdout") that could not be written; Hint, when set, says what
// to do next.
type WriteError struct {
	Path string
	Err  error
	Hint string
}

func (e *WriteError) Error() string {
	if e.Path == "" {
		return "writing output: " + e.Err.Error()
	}
	cause := e.Err
	var pe *fs.PathError
	if errors.As(cause, &pe) {
		cause = pe.Err // the path is named once, not again as "write PATH"
	}
	msg := "writing " + e.Path + ": " + cause.Error()
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return msg
}

func (e *WriteError) Unwrap() error { return e.Err }

// SignalError is the cause of a context cancelled by a signal (see
// NotifyContext).
type SignalError struct{ Signal os.Signal }

func (e *SignalError) Error() string { return e.Signal.String() + " signal received" }

// NotifyContext is like signal.NotifyContext, but context.Cause of the
// returned context is a *SignalError naming the signal. After the first
// signal the process stops catching them, so a second one ends it at once.
func NotifyContext(parent context.Context, sigs ...os.Signal) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, sigs...)
	go func() {
		select {
		case s := <-ch:
			cancel(&SignalError{Signal: s})
		case <-ctx.Done():
		}
		signal.Stop(ch)
	}()
	return ctx, func() { cancel(nil) }
}

// InterruptedCode is the exit code of a run stopped because ctx was
// cancelled: 128 plus the signal's number when a signal did it (130 for
// Ctrl-C, 143 for SIGTERM, 129 for SIGHUP), else ExitInterrupted.
func InterruptedCode(ctx context.Context) int {
	var se *SignalError
	if errors.As(context.Cause(ctx), &se) {
		if n, ok := se.Signal.(syscall.Signal); ok && n > 0 && n < 128 {
			return 128 + int(n)
		}
	}
	return ExitInterrupted
}

// ErrTimeout marks work that passed its deadline (a batch document whose
// extraction took too long).
var ErrTimeout = errors.New("took too long")

// Classify maps an error to its kind and exit code. It is the only place
// that does.
func Classify(err error) (kind string, code int) {
	var ue *UsageError
	var fe *fetch.Error
	var we *WriteError
	var ee *ExitError
	switch {
	case err == nil:
		return "", ExitOK
	case errors.As(err, &ee):
		return KindInternal, ee.Code
	case errors.Is(err, context.Canceled):
		return KindInterrupted, ExitInterrupted
	case errors.As(err, &ue):
		return KindUsage, ExitUsage
	case errors.As(err, &we):
		return KindWrite, ExitFailure
	case errors.Is(err, extract.ErrNotHTML), errors.Is(err, extract.ErrTooLarge):
		// Before fetch errors: a page is refused alike from a file and
		// a URL (fetch shares these sentinels).
		return KindRejected, ExitRejected
	case errors.As(err, &fe):
		return KindFetch, ExitFetch
	case errors.Is(err, ErrTimeout):
		return KindTimeout, ExitFailure
	case errors.Is(err, extract.ErrNoArticle):
		return KindNoArticle, ExitNoArticle
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission), errors.Is(err, fs.ErrInvalid):
		return KindRead, ExitFailure
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return KindRead, ExitFailure
	}
	return KindInternal, ExitFailure
}

// OneLine makes s a single printable line.
func OneLine(s string) string { return scrub.Line(s) }

// PrintError writes "newsclean: msg" on one line to w.
func PrintError(w io.Writer, err error) {
	fmt.Fprintf(w, "newsclean: %s\n", Message(err))
}

// SourceError names the input an error came from.
type SourceError struct {
	Source string
	Err    error
}

func (e *SourceError) Error() string {
	msg := e.Err.Error()
	if strings.HasPrefix(msg, e.Source+": ") {
		return msg // the cause names the source already, as a fetch error names its URL
	}
	return e.Source + ": " + msg
}
func (e *SourceError) Unwrap() error { return e.Err }

// IsTerminal reports whether f is a character device (a terminal).
func IsTerminal(f *os.File) bool {
	st, err := f.Stat()
	if err != nil {
		return false
	}
	return st.Mode()&os.ModeCharDevice != 0
}

// WriteFileAtomic writes data to path through a temporary file in the same
// directory and a rename, so readers never see a half-written file. Errors
// name path, never the temporary file.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	dir, base := filepathSplit(path)
	f, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return &WriteError{Path: path, Err: withoutPath(err)}
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp, perm)
	}
	if werr == nil {
		werr = os.Rename(tmp, path)
	}
	if werr != nil {
		os.Remove(tmp)
		return &WriteError{Path: path, Err: withoutPath(werr)}
	}
	return nil
}

// withoutPath drops the file name an *fs.PathError or *os.LinkError adds
// (the temporary file's), keeping the cause.
func withoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

func filepathSplit(path string) (dir, base string) {
	i := strings.LastIndexAny(path, `/\`)
	if i < 0 {
		return ".", path
	}
	if i == 0 {
		return "/", path[1:]
	}
	return path[:i], path[i+1:]
}

// OneLineEach applies OneLine to every line of s.
func OneLineEach(s string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for _, l := range lines {
		if l == "" {
			continue
		}
		b.WriteString(OneLine(strings.TrimSuffix(l, "\n")))
		b.WriteByte('\n')
	}
	return b.String()
}

// CheckScheme returns a usage error for a source written as a URL whose
// scheme newsclean cannot fetch (anything but http and https), which would
// otherwise be taken for a file name.
func CheckScheme(src string) error {
	scheme, _, ok := strings.Cut(src, "://")
	if !ok || !isScheme(scheme) {
		return nil
	}
	switch strings.ToLower(scheme) {
	case "http", "https":
		return nil
	}
	return Usagef("%s: unsupported scheme %q (newsclean fetches http and https URLs)", src, scheme)
}

// isScheme reports whether s is a URL scheme (RFC 3986: a letter, then
// letters, digits, "+", "-" or ".").
func isScheme(s string) bool {
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return s != ""
}

// InputKind maps an --input value (auto, html or text) to the library's
// input kind; an unknown value is a usage error.
func InputKind(name string) (extract.InputKind, error) {
	switch name {
	case "", "auto":
		return extract.InputAuto, nil
	case "html":
		return extract.InputHTML, nil
	case "text":
		return extract.InputText, nil
	}
	return extract.InputAuto, Usagef("unknown --input %q (want auto, html or text)", name)
}
