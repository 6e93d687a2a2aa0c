package fetch

import (
	"bufio"
	"bytes"
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
// (max < 0: no cap). sizeHint presizes the buffer, within the cap.
func readCapped(r io.Reader, max, sizeHint int64) ([]byte, error) {
	var buf bytes.Buffer
	if sizeHint > 0 && (max < 0 || sizeHint <= max) {
		buf.Grow(int(min(sizeHint, 4<<20)))
	}
	if max < 0 {
		_, err := buf.ReadFrom(r)
		return buf.Bytes(), err
	}
	n, err := buf.ReadFrom(io.LimitReader(r, max+1))
	if n > max {
		return nil, fmt.Errorf("%w: body larger than %s", ErrTooLarge, byteSize(max))
	}
	return buf.Bytes(), err
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
