package source_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/newsclean/newsclean/extract/source"
)

// mixedArchive is a crawl as crawlers write it, with records that are no
// pages and, when damaged, a corrupt gzip member and a truncated record.
func mixedArchive(damaged bool) ([]warcRec, []int) {
	recs := []warcRec{
		{Type: "warcinfo", ID: "info", ContentType: "application/warc-fields", Block: []byte("software: test\r\nformat: WARC File Format 1.1\r\n")},
		{Type: "request", URI: "https://news.example/a", ID: "req-a", ContentType: "application/http; msgtype=request",
			Block: []byte("GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n")},
		response("https://news.example/a", "resp-a", "utf-8", []byte(page("a"))),
		{Type: "metadata", URI: "https://news.example/a", ID: "meta-a", ContentType: "application/warc-fields", Block: []byte("outlinks: https://news.example/b\r\n")},
		{Type: "response", URI: "https://news.example/logo.png", ID: "resp-png", ContentType: "application/http; msgtype=response",
			Block: httpResponse(200, "image/png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))},
		{Type: "response", URI: "https://news.example/old", ID: "resp-301", ContentType: "application/http; msgtype=response",
			Block: httpResponse(301, "text/html", []byte("<a href=/new>moved</a>"))},
		response("https://news.example/b", "resp-b", "iso-8859-1", []byte("<html><body><p>caf\xe9</p></body></html>")),
		response("https://news.example/c", "resp-c", "", []byte(page("c")+strings.Repeat("<p>filler text for the member</p>", 200))),
		{Type: "resource", URI: "file:///saved/d.html", ID: "res-d", ContentType: "text/html; charset=utf-8", Block: []byte(page("d"))},
		{Type: "revisit", URI: "https://news.example/a", ID: "rev-a", ContentType: "application/http; msgtype=response", Block: []byte("HTTP/1.1 200 OK\r\n\r\n")},
		response("https://news.example/e", "resp-e", "utf-8", []byte(page("e"))),
	}
	if !damaged {
		return recs, nil
	}
	trunc := response("https://news.example/f", "resp-f", "utf-8", []byte(page("f")))
	trunc.LengthDelta = 500
	return append(recs, trunc), []int{7}
}

func TestWalkWARC(t *testing.T) {
	type row struct {
		Source, URL, Charset, Body, Err string
		WARC                            *source.WARCInfo
	}
	info := func(uri, id string) *source.WARCInfo {
		return &source.WARCInfo{TargetURI: uri, Date: "2024-03-05T10:00:00Z", RecordID: "<urn:uuid:" + id + ">"}
	}
	clean, _ := mixedArchive(false)
	damaged, corrupt := mixedArchive(true)
	goodRows := func(name string, off []string) []row {
		return []row{
			{Source: name + off[2], URL: "https://news.example/a", Charset: "utf-8", Body: page("a"), WARC: info("https://news.example/a", "resp-a")},
			{Source: name + off[6], URL: "https://news.example/b", Charset: "iso-8859-1", Body: "<html><body><p>caf\xe9</p></body></html>", WARC: info("https://news.example/b", "resp-b")},
			{Source: name + off[7], URL: "https://news.example/c", Body: page("c") + strings.Repeat("<p>filler text for the member</p>", 200), WARC: info("https://news.example/c", "resp-c")},
			{Source: name + off[8], URL: "file:///saved/d.html", Charset: "utf-8", Body: page("d"), WARC: info("file:///saved/d.html", "res-d")},
			{Source: name + off[10], URL: "https://news.example/e", Charset: "utf-8", Body: page("e"), WARC: info("https://news.example/e", "resp-e")},
		}
	}
	doff := offsets(damaged, true)
	tests := []struct {
		name string
		data []byte
		want []row
	}{
		{name: "plain.warc", data: buildWARC(clean, false), want: goodRows("plain.warc", offsets(clean, false))},
		{name: "per-record.warc.gz", data: buildWARC(clean, true), want: goodRows("per-record.warc.gz", offsets(clean, true))},
		{name: "whole-file.warc.gz", data: gzipBytes(buildWARC(clean, false)), want: goodRows("whole-file.warc.gz", offsets(clean, false))},
		{
			name: "damaged.warc.gz",
			data: buildWARC(damaged, true, corrupt...),
			want: func() []row {
				r := goodRows("damaged.warc.gz", doff)
				r = append(append(r[:2:2], row{Source: "damaged.warc.gz" + doff[7], Err: "bad WARC record"}), r[3:]...)
				return append(r, row{Source: "damaged.warc.gz" + doff[11], URL: "https://news.example/f", Err: "truncated record", WARC: info("https://news.example/f", "resp-f")})
			}(),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{tc.name: {Data: tc.data}}
			var got []row
			for d, err := range source.Walk(context.Background(), []string{tc.name}, source.Options{FS: fsys}) {
				r := row{Source: d.Source, URL: d.URL, Charset: d.Charset, WARC: d.WARC}
				if err != nil {
					// Compare the kind of failure, not the reader's wording.
					switch {
					case errors.Is(err, source.ErrTruncated):
						r.Err = "truncated record"
					case errors.Is(err, source.ErrWARCRecord):
						r.Err = "bad WARC record"
					default:
						r.Err = err.Error()
					}
					r.Charset = ""
				} else {
					b, err := d.Bytes()
					if err != nil {
						t.Fatal(err)
					}
					r.Body = string(b)
				}
				got = append(got, r)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

// offsets returns "#<offset>" for each record of the archive.
func offsets(recs []warcRec, gz bool) []string {
	var out []string
	off := 0
	for _, r := range recs {
		out = append(out, "#"+strconv.Itoa(off))
		b := r.bytes()
		if gz {
			b = gzipBytes(b)
		}
		off += len(b)
	}
	return out
}
