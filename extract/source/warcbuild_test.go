package source_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
)

// warcRec is one record for a test archive.
type warcRec struct {
	Type        string // response, request, resource, metadata, warcinfo
	URI         string
	Date        string
	ID          string
	ContentType string // WARC Content-Type
	Block       []byte
	// LengthDelta is added to the true Content-Length (a positive value
	// makes a truncated record when it is the last one).
	LengthDelta int
}

func (r warcRec) bytes() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\n", r.Type)
	if r.URI != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.URI)
	}
	date := r.Date
	if date == "" {
		date = "2024-03-05T10:00:00Z"
	}
	fmt.Fprintf(&b, "WARC-Date: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n", date, r.ID)
	if r.ContentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", r.ContentType)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(r.Block)+r.LengthDelta)
	b.Write(r.Block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

func gzipBytes(p []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(p)
	zw.Close()
	return b.Bytes()
}

// httpResponse is an HTTP/1.1 response block.
func httpResponse(status int, contentType string, body []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", status, map[int]string{200: "OK", 301: "Moved Permanently", 404: "Not Found"}[status])
	if contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(body))
	b.Write(body)
	return b.Bytes()
}

// response is a WARC response record for an HTML page.
func response(uri, id, charset string, body []byte) warcRec {
	ct := "text/html"
	if charset != "" {
		ct += "; charset=" + charset
	}
	return warcRec{
		Type: "response", URI: uri, ID: id,
		ContentType: "application/http; msgtype=response",
		Block:       httpResponse(200, ct, body),
	}
}

// buildWARC joins the records, each in its own gzip member when gz.
// corrupt lists indexes of records whose gzip member is damaged.
func buildWARC(recs []warcRec, gz bool, corrupt ...int) []byte {
	var out bytes.Buffer
	for i, r := range recs {
		b := r.bytes()
		if gz {
			b = gzipBytes(b)
			for _, c := range corrupt {
				if c == i {
					// Damage the deflate stream in the middle of the member.
					for j := len(b) / 3; j < len(b)/3+24 && j < len(b)-8; j++ {
						b[j] ^= 0x5a
					}
				}
			}
		}
		out.Write(b)
	}
	return out.Bytes()
}
