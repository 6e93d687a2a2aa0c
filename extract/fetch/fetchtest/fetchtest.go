// Package fetchtest serves the slow, lying and malicious answers the fetcher
// must survive. Tests mount it on loopback with httptest; the hostileserver
// program serves it for measuring the built binary.
package fetchtest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Page is a small article page.
const Page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour bridge reopens</title></head>
<body><article><h1>Harbour bridge reopens</h1>
<p>PORTSMOUTH — The harbour bridge reopened on Tuesday after a two-year repair.</p>
</article></body></html>
`

// Handler returns the hostile endpoints:
//
//	/ok                 a small HTML page
//	/drip               headers, then one byte per second, for ever
//	/stall              headers and a little body, then silence
//	/endless            an endless chunked body
//	/huge               Content-Length: 1 TiB
//	/bomb               gzip bomb: ~10 MB on the wire inflating to 10 GB of zeros
//	/loop               redirects to itself
//	/chain/N            redirect chain: N hops to /ok
//	/to/file, /to/ftp, /to/data   redirects to other schemes
//	/status/N           answers status N with an HTML error page
//	/reset              promises 100 kB, sends a little, resets the connection
//	/image              a PNG image
//	/big                a 19 MiB page, just under the default cap
//	/silent             never sends the response headers
func Handler() http.Handler {
	mux := http.NewServeMux()
	handleBodies(mux)
	handleRedirects(mux)
	mux.HandleFunc("/status/{code}", func(w http.ResponseWriter, r *http.Request) {
		code, err := strconv.Atoi(r.PathValue("code"))
		if err != nil || code < 200 || code > 599 {
			code = http.StatusTeapot
		}
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(code)
		// Dressed as an article, as real error pages often are.
		fmt.Fprintf(w, "<html><body><article><h1>Page not found</h1><p>%s</p></article></body></html>", strings.Repeat("Sorry, the story you are looking for has moved. ", 20))
	})
	mux.HandleFunc("/reset", func(w http.ResponseWriter, r *http.Request) {
		Reset(w)
	})
	return mux
}

// handleBodies adds the answers whose body is the test: slow, stalled,
// endless, lying about its length, compressed to a bomb, an image.
func handleBodies(mux *http.ServeMux) {
	mux.HandleFunc("/silent", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		para := "<p>The council met again on Thursday to discuss the harbour bridge.</p>\n"
		n := (19 << 20) / len(para)
		w.Header().Set("Content-Length", strconv.Itoa(len("<html><body>")+n*len(para)))
		io.WriteString(w, "<html><body>")
		for range n {
			if _, err := io.WriteString(w, para); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, Page)
	})
	mux.HandleFunc("/drip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		drip(w, r, time.Second)
	})
	mux.HandleFunc("/stall", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html><body><p>Start of a story")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		flood(w, r, []byte(strings.Repeat("<p>more and more text</p>\n", 1000)))
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", strconv.FormatInt(1<<40, 10))
		flood(w, r, []byte(strings.Repeat("<p>lies</p>\n", 1000)))
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		bombMember()
		w.(http.Flusher).Flush()
		Bomb(w, 10<<30)
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write(PNG)
	})
}

// flood writes chunk until the client leaves.
func flood(w http.ResponseWriter, r *http.Request, chunk []byte) {
	for r.Context().Err() == nil {
		if _, err := w.Write(chunk); err != nil {
			return
		}
	}
}

// handleRedirects adds redirect loops, chains and redirects to schemes
// that are not fetched.
func handleRedirects(mux *http.ServeMux) {
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/chain/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(r.PathValue("n"))
		if err != nil || n < 0 {
			http.NotFound(w, r)
			return
		}
		if n == 0 {
			http.Redirect(w, r, "/ok", http.StatusMovedPermanently)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n-1), http.StatusFound)
	})
	for name, target := range map[string]string{
		"file": "file:///etc/passwd",
		"ftp":  "ftp://ftp.example.org/pub/story.html",
		"data": "data:text/html,<h1>injected</h1>",
	} {
		mux.HandleFunc("/to/"+name, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", target)
			w.WriteHeader(http.StatusFound)
		})
	}
}

// PNG is the start of a PNG file.
var PNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa")

// drip writes one byte every interval until the client leaves.
func drip(w http.ResponseWriter, r *http.Request, every time.Duration) {
	w.(http.Flusher).Flush()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-t.C:
			if _, err := io.WriteString(w, "x"); err != nil {
				return
			}
			w.(http.Flusher).Flush()
		}
	}
}

// bombMember is one gzip member holding 1 MiB of zeros (about 1 kB).
var bombMember = sync.OnceValue(func() []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(make([]byte, 1<<20))
	zw.Close()
	return buf.Bytes()
})

// Bomb streams gzip members of zeros inflating to about n bytes (n/1 MiB
// members, each made once by streaming zeros through gzip.Writer), until
// n or a write error. A gzip reader reads the members as one stream: at
// 10 GiB that is about 10 MB on the wire.
func Bomb(w io.Writer, n int64) {
	m := bombMember()
	for ; n > 0; n -= 1 << 20 {
		if _, err := w.Write(m); err != nil {
			return
		}
	}
}

// Reset promises a long body, sends part of it and resets the connection
// (RST, not FIN).
func Reset(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("fetchtest: response writer cannot hijack")
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><body><p>The first part of the story")
	buf.Flush()
	time.Sleep(20 * time.Millisecond)
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
}
