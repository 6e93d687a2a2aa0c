package batchcmd

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/cliutil"
	"github.com/newsclean/newsclean/extract/source"
)

// resumeState is what an earlier run already wrote.
//
// The sources done are kept as 128-bit hashes, not strings: about 40 bytes
// a document however long its source name (4 MB for 100,000 documents,
// 40 MB for a million), and the chance that two of a billion sources share
// a hash is below 1e-20.
type resumeState struct {
	sources map[sourceKey]struct{} // sources with a record in the JSONL file
	outDir  string                 // out-dir whose files mark done documents
	dedup   *dedupIndex            // originals already written, for --dedup
}

type sourceKey [16]byte

func keyOf(src string) sourceKey {
	sum := sha256.Sum256([]byte(src))
	return sourceKey(sum[:16])
}

// has reports whether d is already done.
func (r *resumeState) has(d *source.Doc, format string) bool {
	if r.sources != nil {
		if _, ok := r.sources[keyOf(d.Source)]; ok {
			return true
		}
	}
	if r.outDir != "" {
		_, err := os.Stat(filepath.Join(r.outDir, fileName(d, format)))
		return err == nil
	}
	return false
}

// maxRecordBytes bounds one line of a file given to --resume: far above
// any record (an article's text is capped by --max-bytes), it stops a file
// that is not JSON Lines from being read into memory whole.
const maxRecordBytes = 1 << 30

// wholeLines splits a file into lines with their newline. A last line
// without one (cut short by a kill) is dropped.
func wholeLines(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return i + 1, data[:i+1], nil
	}
	if atEOF {
		return len(data), nil, nil
	}
	return 0, nil, nil
}

// readResume reads the records of an earlier run from the JSONL file at
// path. A last line cut short by a kill is removed from the file, so
// appending continues on a line boundary.
func readResume(path string, dedup bool) (*resumeState, error) {
	st := &resumeState{sources: map[sourceKey]struct{}{}}
	if dedup {
		st.dedup = newDedupIndex()
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, &cliutil.WriteError{Path: path, Err: err}
	}
	defer f.Close()
	// One buffer for every line; the text of a record is decoded only
	// for --dedup.
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), maxRecordBytes)
	sc.Split(wholeLines)
	var good int64
	for sc.Scan() {
		line := sc.Bytes()
		var rec struct {
			Source      string `json:"source"`
			Error       string `json:"error"`
			DuplicateOf string `json:"duplicate_of"`
		}
		var text struct {
			Text string `json:"text"`
		}
		err := json.Unmarshal(line, &rec)
		if err == nil && st.dedup != nil && rec.Error == "" && rec.DuplicateOf == "" {
			err = json.Unmarshal(line, &text)
		}
		if err != nil || rec.Source == "" {
			return nil, fmt.Errorf("reading %s: line at byte %d is not a batch record; refusing to append", path, good)
		}
		good += int64(len(line))
		st.sources[keyOf(rec.Source)] = struct{}{}
		if text.Text != "" {
			if fp, ok := simhash(text.Text); ok {
				st.dedup.add(fp, rec.Source)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if fi, err := f.Stat(); err == nil && fi.Size() > good {
		if err := f.Truncate(good); err != nil {
			return nil, &cliutil.WriteError{Path: path, Err: err}
		}
	}
	return st, nil
}
