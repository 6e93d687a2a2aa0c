package fetch

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
)

// acceptEncoding is what we decode ourselves; the cap counts decoded bytes.
const acceptEncoding = "gzip, deflate, br"

// idleReader cancels its context with cause when no Read returns within
// timeout: a body that stops sending fails after timeout instead of
// waiting for the total deadline.
type idleReader struct {
	r       io.Reader
	timeout time.Duration
	timer   *time.Timer
}

func newIdleReader(r io.Reader, timeout time.Duration, cancel context.CancelCauseFunc) *idleReader {
	ir := &idleReader{r: r, timeout: timeout}
	if timeout > 0 {
		cause := fmt.Errorf("%w: no data for %v", ErrStalled, timeout)
		ir.timer = time.AfterFunc(timeout, func() { cancel(cause) })
	}
	return ir
}

func (ir *idleReader) Read(p []byte) (int, error) {
	n, err := ir.r.Read(p)
	if n > 0 && ir.timer != nil {
		ir.timer.Reset(ir.timeout)
	}
	return n, err
}

func (ir *idleReader) stop() {
	if ir.timer != nil {
		ir.timer.Stop()
	}
}

// decodeContent undoes the Content-Encoding layers of r, last applied
// first. Unknown encodings are an error: their bytes are not a page.
func decodeContent(r io.Reader, contentEncoding string) (io.Reader, error) {
	var layers []string
	for _, e := range strings.Split(contentEncoding, ",") {
		e = strings.ToLower(strings.TrimSpace(e))
		if e != "" && e != "identity" {
			layers = append(layers, e)
		}
	}
	if len(layers) > 2 {
		return nil, fmt.Errorf("too many content encodings (%q)", contentEncoding)
	}
	for i := len(layers) - 1; i >= 0; i-- {
		var err error
		switch layers[i] {
		case "gzip", "x-gzip":
			r, err = gzip.NewReader(r)
		case "deflate":
			r, err = newDeflateReader(r)
		case "br":
			r = brotli.NewReader(r)
		default:
			return nil, fmt.Errorf("unsupported content encoding %q", layers[i])
		}
		if err != nil {
			return nil, fmt.Errorf("decoding %s body: %w", layers[i], err)
		}
	}
	return r, nil
}

// newDeflateReader reads "deflate" bodies, which the standard says are
// zlib streams but some servers send as raw deflate.
func newDeflateReader(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	h, err := br.Peek(2)
	if err != nil {
		return nil, err
	}
	if h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// readCapped reads r to the end, failing with ErrTooLarge past max bytes
// (max < 0: no cap). sizeHint, when known (Content-Length), sizes the
// first chunk.
//
// It reads into a list of chunks and joins them at the end, so a body
// that passes the cap costs about max bytes of memory, not the 2-3× a
// doubling buffer would.
func readCapped(r io.Reader, max, sizeHint int64) ([]byte, error) {
	const minChunk, maxChunk = 16 << 10, 1 << 20
	var chunks [][]byte
	var total int64
	size := int64(minChunk)
	if sizeHint > 0 && sizeHint <= max || max < 0 && sizeHint > 0 && sizeHint <= 64<<20 {
		// A declared length within the cap: one buffer, no joining (one
		// byte more shows whether the body keeps going).
		size = sizeHint + 1
	}
	for {
		if max >= 0 {
			size = min(size, max+1-total) // read one byte past the cap, no more
		}
		buf := make([]byte, size)
		n, err := fill(r, buf)
		total += int64(n)
		if n > 0 {
			chunks = append(chunks, buf[:n])
		}
		if max >= 0 && total > max {
			return nil, fmt.Errorf("%w: body larger than %s", ErrTooLarge, byteSize(max))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		size = min(size*2, maxChunk)
	}
	if len(chunks) == 1 {
		return chunks[0], nil
	}
	out := make([]byte, 0, total)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out, nil
}

// fill reads into buf until it is full, r ends (io.EOF) or fails. Unlike
// io.ReadFull it leaves r's own io.ErrUnexpectedEOF (a truncated body)
// distinct from a clean end.
func fill(r io.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		k, err := r.Read(buf[n:])
		n += k
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// byteSize formats n bytes for messages.
func byteSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
