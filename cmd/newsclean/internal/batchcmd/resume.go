package batchcmd

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
		return nil, &cliutil.WriteError{Err: err}
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	var good int64
	for {
		line, err := r.ReadBytes('\n')
		if err == io.EOF {
			break // a partial last line, if any, is dropped below
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", path, err)
		}
		var rec struct {
			Source      string `json:"source"`
			Text        string `json:"text"`
			Error       string `json:"error"`
			DuplicateOf string `json:"duplicate_of"`
		}
		if err := json.Unmarshal(bytes.TrimSpace(line), &rec); err != nil || rec.Source == "" {
			return nil, fmt.Errorf("reading %s: line at byte %d is not a batch record; refusing to append", path, good)
		}
		good += int64(len(line))
		st.sources[keyOf(rec.Source)] = struct{}{}
		if st.dedup != nil && rec.Error == "" && rec.DuplicateOf == "" {
			if fp, ok := simhash(rec.Text); ok {
				st.dedup.add(fp, rec.Source)
			}
		}
	}
	if fi, err := f.Stat(); err == nil && fi.Size() > good {
		if err := f.Truncate(good); err != nil {
			return nil, &cliutil.WriteError{Err: err}
		}
	}
	return st, nil
}
