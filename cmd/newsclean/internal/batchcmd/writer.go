package batchcmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
)

// chunkSize is how many bytes of whole records are gathered before one
// write: large enough that a run makes few system calls, small enough
// that a kill loses little work.
const chunkSize = 64 << 10

// recordWriter writes whole JSON Lines records in chunks. When a write
// fails (the disk is full, the file system went away), a file it may
// truncate is cut back to the end of the last chunk that was written
// whole: the file never ends in a torn record, and --resume continues
// from there. Only the writer goroutine uses it.
type recordWriter struct {
	w    io.Writer
	name string   // what errors call the output: its path, or "stdout"
	file *os.File // set when the output is a file this run opened
	good int64    // size of file up to the last whole chunk
	buf  []byte
	err  error // the first write error; every later call returns it

	pending int // records in buf
	lost    int // records gathered but not written when a write failed
}

func newRecordWriter(w io.Writer, name string) *recordWriter {
	return &recordWriter{w: w, name: name, buf: make([]byte, 0, chunkSize)}
}

// truncatable lets the writer cut f back to its current size on a failed
// write. f must be open for writing at its end (O_APPEND or O_TRUNC).
func (rw *recordWriter) truncatable(f *os.File) error {
	fi, err := f.Stat()
	if err != nil {
		return &cliutil.WriteError{Path: rw.name, Err: err}
	}
	rw.file, rw.good = f, fi.Size()
	return nil
}

// write adds one record, which must end in a newline.
func (rw *recordWriter) write(rec []byte) error {
	if rw.err != nil {
		return rw.err
	}
	if len(rw.buf) > 0 && len(rw.buf)+len(rec) > chunkSize {
		if err := rw.flush(); err != nil {
			return err
		}
	}
	rw.buf = append(rw.buf, rec...)
	rw.pending++
	return nil
}

// flush writes the records gathered so far.
func (rw *recordWriter) flush() error {
	if rw.err != nil || len(rw.buf) == 0 {
		return rw.err
	}
	n, err := rw.w.Write(rw.buf)
	if err == nil && n < len(rw.buf) {
		err = io.ErrShortWrite
	}
	if err != nil {
		rw.err = rw.fail(err)
		rw.lost = rw.pending
		return rw.err
	}
	rw.good += int64(n)
	rw.buf = rw.buf[:0]
	rw.pending = 0
	return nil
}

// fail cuts the file back to its last whole record and describes err.
func (rw *recordWriter) fail(err error) error {
	if rw.file != nil {
		if terr := rw.file.Truncate(rw.good); terr != nil {
			err = fmt.Errorf("%w (and cutting the file back to its last whole record: %v)", err, terr)
		}
	}
	return writeError(rw.name, err)
}

// noSpaceHint follows a "no space left on device" error.
const noSpaceHint = "free some space, then run again with --resume to continue"

// writeError names the output that failed and, when the disk is full,
// says how to go on.
func writeError(path string, err error) error {
	var we *cliutil.WriteError
	if errors.As(err, &we) {
		err = we.Err
	}
	e := &cliutil.WriteError{Path: path, Err: err}
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		e.Hint = noSpaceHint
	}
	return e
}

// removeStaleTemps deletes the temporary files that a run killed while
// writing into dir left behind (".NAME.tmpDIGITS", see
// cliutil.WriteFileAtomic). Only --resume calls it: the run it resumes is
// over, so no other writer owns them.
func removeStaleTemps(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return &cliutil.WriteError{Path: dir, Err: err}
	}
	for _, e := range entries {
		name := e.Name()
		i := strings.LastIndex(name, ".tmp")
		if !strings.HasPrefix(name, ".") || i < 0 || !e.Type().IsRegular() || !isNumber(name[i+len(".tmp"):]) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return &cliutil.WriteError{Path: filepath.Join(dir, name), Err: err}
		}
	}
	return nil
}

func isNumber(s string) bool {
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}
