package source_test

import (
	"context"
	"testing"
	"testing/fstest"
	"time"

	"github.com/newsclean/newsclean/extract/source"
)

// FuzzWARC feeds arbitrary bytes to the WARC reader, as a plain and as a
// gzipped archive name. Whatever the bytes, reading must end, without a
// panic, within a bounded number of documents, each named and either with
// bytes or an error.
func FuzzWARC(f *testing.F) {
	for _, damaged := range []bool{false, true} {
		recs, corrupt := mixedArchive(damaged)
		f.Add(buildWARC(recs, false))
		f.Add(buildWARC(recs, true, corrupt...))
	}
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Add([]byte("WARC/1.0\r\n\r\n\r\n"))
	f.Add([]byte{0x1f, 0x8b, 0x08, 0x00})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"in.warc", "in.warc.gz"} {
			fsys := fstest.MapFS{name: &fstest.MapFile{Data: data, ModTime: time.Unix(0, 0)}}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			n := 0
			for d, err := range source.Walk(ctx, []string{name}, source.Options{FS: fsys, MaxBytes: 1 << 20}) {
				n++
				if d == nil || d.Source == "" {
					t.Fatalf("%s: document without a source (err %v)", name, err)
				}
				if err == nil {
					if _, berr := d.Bytes(); berr != nil && d.Kind == source.KindWARC {
						t.Fatalf("%s: WARC document without bytes: %v", d.Source, berr)
					}
				}
				// Every document costs at least a record header, so an
				// archive cannot yield more documents than it has bytes.
				if n > len(data)+2 {
					t.Fatalf("%s: %d documents from %d bytes", name, n, len(data))
				}
			}
			if ctx.Err() != nil {
				t.Fatalf("%s: reading did not end within 10s", name)
			}
			cancel()
		}
	})
}
