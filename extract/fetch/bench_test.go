package fetch

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

func BenchmarkPageDecode(b *testing.B) {
	para := "<p>Die Brücke über den Hafen wurde am Dienstag nach zwei Jahren wieder eröffnet.</p>\n"
	ja := "<p>政府は火曜日、首都圏の交通網を改善するための新しい計画を発表した。</p>\n"
	sjis, _ := japanese.ShiftJIS.NewEncoder().String(ja)
	latin, _ := charmap.ISO8859_1.NewEncoder().String(para)
	cases := []struct {
		name, label string
		body        []byte
	}{
		{"utf-8", "", []byte(strings.Repeat(para, 10000))},
		{"shift_jis-labelled", "shift_jis", []byte(strings.Repeat(sjis, 10000))},
		{"shift_jis-guessed", "", []byte(strings.Repeat(sjis, 10000))},
		{"latin-1-labelled", "iso-8859-1", []byte(strings.Repeat(latin, 10000))},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.body)))
			b.ReportAllocs()
			for b.Loop() {
				p := &Page{Body: c.body, Charset: c.label}
				text, _, err := p.Decode()
				if err != nil || len(text) < len(c.body)/2 {
					b.Fatalf("decoded %d of %d bytes", len(text), len(c.body))
				}
			}
		})
	}
}

func BenchmarkReadCapped(b *testing.B) {
	body := bytes.Repeat([]byte("<p>The council met again on Thursday.</p>\n"), 50000) // 2 MB
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		got, err := readCapped(bytes.NewReader(body), 20<<20, -1)
		if err != nil || len(got) != len(body) {
			b.Fatal(err)
		}
	}
}
