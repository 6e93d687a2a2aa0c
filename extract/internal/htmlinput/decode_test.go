package htmlinput

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func enc(e encoding.Encoding, s string) []byte {
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	ja := "<p>東京都は月曜日、新しい防災計画を発表した。計画では、大地震に備えて避難所の数を増やし、食料の備蓄を二倍にする。</p>"
	zh := "<p>北京市政府周一公布了新的城市规划，计划在五年内建设更多的公园和公共交通设施，以改善居民的生活质量。</p>"
	ko := "<p>서울시는 월요일 새로운 도시 계획을 발표했다. 계획에 따르면 앞으로 오 년 동안 공원과 대중교통 시설을 늘릴 예정이다.</p>"
	ru := "<p>Правительство города в понедельник представило новый план развития, который предусматривает строительство парков и школ.</p>"
	tests := []struct {
		name    string
		in      []byte
		charset string
		want    string // substring of the decoded text
		err     error
	}{
		{name: "utf-8", in: []byte(ja), want: "東京都"},
		{name: "shift_jis meta", in: append([]byte(`<meta charset="shift_jis">`), enc(japanese.ShiftJIS, ja)...), want: "東京都"},
		{name: "shift_jis guessed", in: enc(japanese.ShiftJIS, strings.Repeat(ja, 3)), want: "東京都"},
		{name: "gbk guessed", in: enc(simplifiedchinese.GBK, strings.Repeat(zh, 3)), want: "北京市"},
		{name: "euc-kr guessed", in: enc(korean.EUCKR, strings.Repeat(ko, 3)), want: "서울시"},
		{name: "windows-1251 guessed", in: enc(charmap.Windows1251, strings.Repeat(ru, 3)), want: "Правительство"},
		{name: "koi8-r transport", in: enc(charmap.KOI8R, ru), charset: "koi8-r", want: "Правительство"},
		{name: "http-equiv meta", in: append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`), enc(charmap.Windows1251, ru)...), want: "Правительство"},
		{name: "meta says utf-8, bytes are windows-1251", in: append([]byte(`<meta charset="utf-8">`), enc(charmap.Windows1251, strings.Repeat(ru, 3))...), want: "Правительство"},
		{name: "truncated utf-8", in: []byte(ja[:len(ja)-2]), want: "東京都"},
		{name: "iso-2022-jp meta", in: append([]byte(`<meta charset="iso-2022-jp">`), enc(japanese.ISO2022JP, ja)...), want: "東京都"},
		{name: "png", in: []byte("\x89PNG\r\n\x1a\n\x00\x00"), err: ErrNotHTML},
		{name: "gzip", in: []byte("\x1f\x8b\x08\x00\x00\x00"), err: ErrNotHTML},
		{name: "control bytes", in: []byte("\x01\x02\x03\x04\x05\x06<p>x</p>\x07\x08"), err: ErrNotHTML},
		{name: "utf-16le bom", in: append([]byte{0xff, 0xfe}, enc(charmap.Windows1252, strings.Repeat("a\x00", 10))...), want: "aaaa"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := Decode(tt.in, Options{Charset: tt.charset})
			if !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			if !strings.Contains(got, tt.want) || strings.ContainsRune(got, '\uFFFD') && tt.name != "truncated utf-8" {
				t.Errorf("got %.120q, want it to contain %q and no U+FFFD", got, tt.want)
			}
		})
	}
}

func TestDecodeCap(t *testing.T) {
	// 1000 Cyrillic bytes decode to 2000 bytes of UTF-8.
	in := append([]byte(`<meta charset="windows-1251">`), enc(charmap.Windows1251, strings.Repeat("ж", 1000))...)
	if _, _, err := Decode(in, Options{MaxBytes: 1500}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("error %v, want ErrTooLarge", err)
	}
	if _, _, err := Decode(in, Options{MaxBytes: 5000}); err != nil {
		t.Errorf("error %v within the cap", err)
	}
}

func TestTranscode(t *testing.T) {
	ru := "<p>Правительство города в понедельник представило новый план.</p>"
	tests := []struct {
		name, charset string
		in            []byte
		want          string // the decoded page
		wantCharset   string
	}{
		{
			name:        "meta charset rewritten",
			in:          append([]byte(`<meta charset="windows-1251">`), enc(charmap.Windows1251, ru)...),
			want:        `<meta charset="utf-8">` + ru,
			wantCharset: "windows-1251",
		},
		{
			name:        "http-equiv rewritten",
			in:          append([]byte(`<META http-equiv="Content-Type" content="text/html; charset=KOI8-R">`), enc(charmap.KOI8R, ru)...),
			want:        `<META http-equiv="Content-Type" content="text/html; charset=utf-8">` + ru,
			wantCharset: "koi8-r",
		},
		{
			name:        "utf-8 left alone",
			in:          []byte(`<meta charset="shift_jis">` + ru),
			want:        `<meta charset="shift_jis">` + ru,
			wantCharset: "utf-8",
		},
		{
			name:        "charset in the text is not a declaration",
			charset:     "windows-1251",
			in:          enc(charmap.Windows1251, "<p>charset=koi8-r</p>"+ru),
			want:        "<p>charset=koi8-r</p>" + ru,
			wantCharset: "windows-1251",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cs, err := Transcode(tt.in, tt.charset)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want || cs != tt.wantCharset {
				t.Errorf("Transcode = %q, %q; want %q, %q", got, cs, tt.want, tt.wantCharset)
			}
		})
	}
}

// A transport label that the bytes contradict loses to the page's own
// declaration or to a confident guess, as browsers decide.
func TestDecodeWeighsLabels(t *testing.T) {
	ja := strings.Repeat("<p>東京都は月曜日、新しい防災計画を発表した。計画では、大地震に備えて避難所の数を増やす。</p>", 3)
	ru := strings.Repeat("<p>Правительство города в понедельник представило новый план развития.</p>", 3)
	tests := []struct {
		name, charset string
		in            []byte
		want          string
	}{
		{"latin-1 header, shift_jis meta", "iso-8859-1", append([]byte(`<meta charset="shift_jis">`), enc(japanese.ShiftJIS, ja)...), "東京都"},
		{"latin-1 header, unlabelled windows-1251", "iso-8859-1", enc(charmap.Windows1251, ru), "Правительство"},
		{"utf-8 header, windows-1251 bytes", "utf-8", enc(charmap.Windows1251, ru), "Правительство"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := Decode(tt.in, Options{Charset: tt.charset})
			if err != nil || !strings.Contains(got, tt.want) {
				t.Errorf("Decode = %.100q, %v; want it to contain %q", got, err, tt.want)
			}
		})
	}
}

// looksLikeHTML lowers ASCII only, and the two letters outside ASCII that
// lower-case into it, as strings.ToLower would.
func TestLooksLikeHTMLFolds(t *testing.T) {
	for _, c := range []struct {
		head string
		want bool
	}{
		{"<!DOCTYPE HTML><p>x", true},
		{"<TİTLE>x</TİTLE>", true},
		{"<SECTİON>", true},
		{"é<DİV>", true},
		{"<ΤΙΤΛΕ>", false},
		{"plain text < 3", false},
		{"a < b <<SPAN class=x>", true},
		{"1 <<< 2 <spa", false},
		{strings.Repeat("x", htmlScan-3) + "<h1>", true},
		{strings.Repeat("x", htmlScan-2) + "<h1>", false},
		{"<\xff\xfeTITLE>", false},
		{strings.Repeat("é", htmlScan/2-1) + "<Br>", false},
	} {
		if got := looksLikeHTML(c.head); got != c.want {
			t.Errorf("looksLikeHTML(%.40q) = %v", c.head, got)
		}
	}
}

func TestPrivateUse(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if privateUse(r) != unicode.Is(unicode.Co, r) {
			t.Fatalf("privateUse(%U) = %v", r, privateUse(r))
		}
	}
}

// garbledByChar is garbled one character at a time, without the test of
// eight ASCII bytes at once.
func garbledByChar(s string) bool {
	n, bad := 0, 0
	for _, r := range s {
		if n == garbledScan {
			break
		}
		n++
		switch {
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f', r == 0x7f:
			bad++
		case r == utf8.RuneError, r >= utf8.RuneSelf && r < 0xa0, privateUse(r):
			bad++
		}
	}
	return n >= 16 && bad*10 > n
}

func TestGarbledWordAtATime(t *testing.T) {
	// Runs of printable ASCII broken by one character of each kind, at
	// every offset in a word, and texts that cross garbledScan with their
	// bad characters on either side of it.
	var cases []string
	for _, odd := range []string{"\x01", "\x1f", "\x7f", "\n", "\t", " ", "~", "é", "\u0085", "\ufffd", "\xff", "\ue000"} {
		for at := range 9 {
			cases = append(cases, strings.Repeat("a", at)+strings.Repeat(odd+"bcdefgh", 3))
		}
	}
	for _, tail := range []int{0, 1, 7, 8, 9} {
		prefix := strings.Repeat("x", garbledScan-1700-tail)
		cases = append(cases,
			prefix+strings.Repeat("\x01", 1700+tail),
			prefix+strings.Repeat("\x01", 1638)+strings.Repeat("y", 100),
			strings.Repeat("\x02", 1639)+prefix+strings.Repeat("z", 2000))
	}
	for _, s := range cases {
		if got, want := garbled(s), garbledByChar(s); got != want {
			t.Errorf("garbled(%.40q... %d bytes) = %v, want %v", s, len(s), got, want)
		}
	}
}
