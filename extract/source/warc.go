package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http/httputil"
	"strconv"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/newsclean/newsclean/extract"
)

// ErrWARCRecord wraps every error about one damaged WARC record or
// region (a truncated record, a corrupt gzip member, bytes that are no
// record), so callers can tell them from errors about a whole source.
var ErrWARCRecord = errors.New("bad WARC record")

// ErrTruncated is a WARC record shorter than its Content-Length.
var ErrTruncated = errors.New("truncated record")

// warcBufferBytes is how much of one record gowarc keeps in memory before
// spilling to a temporary file.
const warcBufferBytes = 4 << 20

// warc yields the HTML documents of the WARC archive at name.
func (w *walker) warc(name string) bool {
	whole, err := wholeFileGzip(w.opts.FS, name)
	if err != nil {
		return w.fail(name, err)
	}
	f, err := w.opts.FS.Open(name)
	if err != nil {
		return w.fail(name, err)
	}
	defer f.Close()
	var r io.Reader = f
	if whole {
		// One gzip stream holding every record: gowarc reads records from
		// gzip members, so hand it the unpacked stream instead.
		zr, err := gzip.NewReader(bufio.NewReaderSize(f, 64<<10))
		if err != nil {
			return w.fail(name, err)
		}
		defer zr.Close()
		r = zr
	}
	wr, err := gowarc.NewWarcFileReaderFromStream(r, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn), // caches the block, checks Content-Length
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithBufferMaxMemBytes(warcBufferBytes),
	)
	if err != nil {
		return w.fail(name, err)
	}
	defer wr.Close()

	// A damaged region can make the reader stumble on many false record
	// starts (gzip magic bytes inside compressed data). Report the region
	// once, at its first offset, until a good record is read again.
	inBad := false
	lastOffset := int64(-1)
	for {
		if w.ctx.Err() != nil {
			return false
		}
		rec, err := wr.Next()
		if err == io.EOF {
			return true
		}
		src := fmt.Sprintf("%s#%d", name, rec.Offset)
		if err != nil {
			rec.Close()
			if errors.Is(err, gowarc.ErrNoRecord) && inBad {
				return true // trailing garbage of a region already reported
			}
			if rec.Offset <= lastOffset && inBad {
				return true // no progress: stop rather than loop
			}
			lastOffset = rec.Offset
			if !inBad {
				inBad = true
				err = &fs.PathError{Op: "reading record", Path: name, Err: fmt.Errorf("%w at offset %d: %w", ErrWARCRecord, rec.Offset, err)}
				if !w.fail(src, err) {
					return false
				}
			}
			continue
		}
		lastOffset = rec.Offset
		inBad = false
		d, err := warcDoc(rec, src, w.opts.MaxBytes)
		rec.Close()
		if err != nil && errors.Is(err, ErrWARCRecord) {
			err = &fs.PathError{Op: "reading record", Path: name, Err: fmt.Errorf("offset %d: %w", rec.Offset, err)}
		}
		if d == nil && err == nil {
			continue
		}
		if !w.emit(d, err) {
			return false
		}
	}
}

// warcDoc turns a record into a document: nil, nil for a record that is
// not an HTML page.
func warcDoc(rec gowarc.Record, src string, maxBytes int64) (*Doc, error) {
	r := rec.WarcRecord
	h := r.WarcHeader()
	info := &WARCInfo{
		TargetURI: h.Get(gowarc.WarcTargetURI),
		Date:      h.Get(gowarc.WarcDate),
		RecordID:  h.Get(gowarc.WarcRecordID),
	}
	d := &Doc{Source: src, Kind: KindWARC, URL: info.TargetURI, WARC: info}
	if t, err := time.Parse(time.RFC3339Nano, info.Date); err == nil {
		d.Time = t.UTC()
	}
	var truncated error
	for _, v := range rec.Validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) && cl.Actual < cl.Expected {
			truncated = fmt.Errorf("%w: %w: %d of %d bytes", ErrWARCRecord, ErrTruncated, cl.Actual, cl.Expected)
		}
	}

	var body io.Reader
	var encoding, transfer string
	switch r.Type() {
	case gowarc.Response:
		blk, ok := r.Block().(gowarc.HttpResponseBlock)
		if !ok {
			if truncated != nil {
				return d, truncated
			}
			return nil, nil // not an HTTP response (dns:, ftp...)
		}
		if c := blk.HttpStatusCode(); c < 200 || c > 299 {
			return nil, nil // redirects and error pages are no articles
		}
		hdr := blk.HttpHeader()
		ct := ""
		if hdr != nil {
			ct = hdr.Get("Content-Type")
			encoding = strings.ToLower(strings.TrimSpace(hdr.Get("Content-Encoding")))
			transfer = strings.ToLower(hdr.Get("Transfer-Encoding"))
		}
		cs, ok := htmlType(ct)
		if !ok {
			return nil, nil
		}
		d.Charset = cs
		p, err := blk.PayloadBytes()
		if err != nil {
			return d, fmt.Errorf("%w: %w", ErrWARCRecord, err)
		}
		body = p
	case gowarc.Resource:
		cs, ok := htmlType(h.Get(gowarc.ContentType))
		if !ok {
			return nil, nil
		}
		d.Charset = cs
		p, err := r.Block().RawBytes()
		if err != nil {
			return d, fmt.Errorf("%w: %w", ErrWARCRecord, err)
		}
		body = p
	default:
		return nil, nil
	}
	if truncated != nil {
		return d, truncated
	}
	data, err := readCapped(body, maxBytes)
	if err != nil {
		return d, err
	}
	data, err = decodeBody(data, transfer, encoding, maxBytes)
	if err != nil {
		return d, err
	}
	d.data = data
	return d, nil
}

// htmlType reports whether a Content-Type names a page (or names
// nothing, in which case extraction sniffs), and its charset.
func htmlType(ct string) (charset string, ok bool) {
	if strings.TrimSpace(ct) == "" {
		return "", true
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		// A mangled header: keep the page if it at least says html.
		return "", strings.Contains(strings.ToLower(ct), "html")
	}
	switch mt {
	case "text/html", "application/xhtml+xml", "application/xml+xhtml":
		return params["charset"], true
	}
	return "", false
}

// decodeBody undoes the transfer and content encodings that some crawlers
// store as they came off the wire. A body that does not decode is kept as
// it is: many archives store the decoded body with the original headers.
func decodeBody(data []byte, transfer, encoding string, maxBytes int64) ([]byte, error) {
	if strings.Contains(transfer, "chunked") && looksChunked(data) {
		if b, err := io.ReadAll(httputil.NewChunkedReader(bytes.NewReader(data))); err == nil {
			data = b
		}
	}
	var zr io.ReadCloser
	switch encoding {
	case "gzip", "x-gzip":
		if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
			return data, nil
		}
		r, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return data, nil
		}
		zr = r
	case "deflate":
		zr = flate.NewReader(bytes.NewReader(data))
	default:
		return data, nil
	}
	defer zr.Close()
	b, err := readCapped(zr, maxBytes)
	if errors.Is(err, extract.ErrTooLarge) {
		return nil, err
	}
	if err != nil {
		return data, nil
	}
	return b, nil
}

// looksChunked reports whether data starts with a chunk-size line.
func looksChunked(data []byte) bool {
	i := bytes.IndexByte(data, '\n')
	if i <= 0 || i > 20 {
		return false
	}
	line := strings.TrimSpace(string(data[:i]))
	if j := strings.IndexByte(line, ';'); j >= 0 {
		line = line[:j]
	}
	_, err := strconv.ParseUint(line, 16, 64)
	return err == nil
}

// wholeFileGzip reports whether name is gzipped as one stream holding
// several records, rather than one gzip member per record as the WARC
// standard recommends. It unpacks the first record only.
func wholeFileGzip(fsys fs.FS, name string) (bool, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	magic, err := br.Peek(2)
	if err != nil || magic[0] != 0x1f || magic[1] != 0x8b {
		return false, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return false, nil // gowarc reports it, then resyncs
	}
	zr.Multistream(false)
	r := bufio.NewReader(zr)
	length := int64(-1)
	for n := 0; ; n++ {
		line, err := r.ReadString('\n')
		if err != nil || n > 200 {
			return false, nil
		}
		line = strings.TrimSpace(line)
		if line == "" {
			if n == 0 {
				continue
			}
			break
		}
		if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "Content-Length") {
			length, _ = strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		}
	}
	if length < 0 {
		return false, nil
	}
	if _, err := io.CopyN(io.Discard, r, length); err != nil {
		return false, nil
	}
	// The end-of-record marker, then anything more in the same member.
	rest, _ := io.ReadAll(io.LimitReader(r, 64))
	return len(bytes.TrimLeft(rest, "\r\n")) > 0, nil
}
