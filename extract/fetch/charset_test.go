package fetch_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/newsclean/newsclean/extract/fetch"
)

// Story paragraphs in four scripts, written for these tests.
var stories = map[string]string{
	"ja": "【東京】政府は火曜日、首都圏の交通網を改善するための新しい計画を発表した。計画には、鉄道の運行本数の増加と駅のバリアフリー化が含まれている。国土交通省の担当者は「利用者の負担を減らしたい」と述べた。工事は来年の春に始まる予定だ。",
	"zh": "新华社北京电 中国国家统计局周二公布的数据显示，今年第三季度国内生产总值同比增长百分之四点八。统计局发言人表示，消费和投资保持稳定，但外部环境依然复杂，企业仍面临较大压力。",
	"ru": "МОСКВА — Правительство во вторник объявило о новом плане по ремонту мостов в столичном регионе. По словам министра транспорта, работы начнутся весной и продлятся два года. Движение по мостам будет частично ограничено.",
	"fr": "PARIS - Le gouvernement a présenté mardi un plan de rénovation des ponts de la capitale. « Les travaux débuteront au printemps », a déclaré la ministre déléguée aux Transports, précisant que la circulation serait maintenue pendant toute la durée du chantier.",
}

func htmlPage(lang, meta string) string {
	m := ""
	if meta != "" {
		m = `<meta http-equiv="Content-Type" content="text/html; charset=` + meta + `">`
	}
	return "<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head>" + m + "<title>News</title></head>\n<body><article><p>" + stories[lang] + "</p></article></body></html>\n"
}

func TestCharsets(t *testing.T) {
	encode := func(t *testing.T, e encoding.Encoding, s string) []byte {
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name    string
		lang    string
		enc     encoding.Encoding // nil: UTF-8
		header  string            // charset in Content-Type
		meta    string
		wantEnc string
	}{
		{"shift_jis by header", "ja", japanese.ShiftJIS, "Shift_JIS", "", "shift_jis"},
		{"shift_jis by meta", "ja", japanese.ShiftJIS, "", "Shift_JIS", "shift_jis"},
		{"shift_jis under a default latin-1 header", "ja", japanese.ShiftJIS, "iso-8859-1", "shift_jis", "shift_jis"},
		{"shift_jis unlabelled", "ja", japanese.ShiftJIS, "", "", "shift_jis"},
		{"gbk by header", "zh", simplifiedchinese.GBK, "gbk", "", "gbk"},
		{"gbk by meta gb2312", "zh", simplifiedchinese.GBK, "", "gb2312", "gbk"},
		{"gbk unlabelled", "zh", simplifiedchinese.GBK, "", "", "gb18030"},
		{"windows-1251 by header", "ru", charmap.Windows1251, "windows-1251", "", "windows-1251"},
		{"windows-1251 by meta", "ru", charmap.Windows1251, "", "windows-1251", "windows-1251"},
		{"windows-1251 labelled utf-8", "ru", charmap.Windows1251, "utf-8", "", "windows-1251"},
		{"windows-1251 under a default latin-1 header", "ru", charmap.Windows1251, "ISO-8859-1", "", "windows-1251"},
		{"iso-8859-1 by header", "fr", charmap.ISO8859_1, "iso-8859-1", "", "windows-1252"},
		{"iso-8859-1 labelled utf-8", "fr", charmap.ISO8859_1, "utf-8", "utf-8", "windows-1252"},
		{"iso-8859-1 unlabelled", "fr", charmap.ISO8859_1, "", "", "windows-1252"},
		{"utf-8 labelled windows-1252", "fr", nil, "windows-1252", "", "utf-8"},
		{"utf-8 with a shift_jis meta", "ja", nil, "", "shift_jis", "utf-8"},
		{"utf-16le with BOM under latin-1 header", "ru", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "iso-8859-1", "", "utf-16le"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := htmlPage(tt.lang, tt.meta)
			body := []byte(src)
			if tt.enc != nil {
				body = encode(t, tt.enc, src)
			}
			ct := "text/html"
			if tt.header != "" {
				ct += "; charset=" + tt.header
			}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", ct)
				w.Write(body)
			}))
			defer srv.Close()
			p, err := fetch.Get(t.Context(), srv.URL, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			text, enc, err := p.Decode()
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.wantEnc {
				t.Errorf("charset = %q, want %q", enc, tt.wantEnc)
			}
			if !strings.Contains(text, stories[tt.lang]) {
				t.Errorf("text lacks the story:\n%s", text)
			}
			if tt.meta != "" && enc != "utf-8" && !strings.Contains(text, "charset=utf-8") {
				t.Errorf("meta charset not rewritten to utf-8:\n%s", text[:200])
			}
			if string(p.Body) != string(body) {
				t.Errorf("Body is not the raw bytes")
			}
		})
	}
}
