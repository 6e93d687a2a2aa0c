package clean

import (
	"strconv"
	"strings"
	"testing"
)

func TestFlightStream(t *testing.T) {
	scripts := []string{
		`self.__next_f.push([1,"0:[\"$\",\"p\",null,{\"children\":\"a\"}]\n"])`,
		`self.__next_f.push([1,"1:T5,hello"]);`,
		`self.__next_f.push([2,null])`,
		`self.__next_f.push([1,not json])`,
	}
	got := flightStream(scripts)
	want := "0:[\"$\",\"p\",null,{\"children\":\"a\"}]\n1:T5,hello"
	if got != want {
		t.Errorf("flightStream = %q, want %q", got, want)
	}
}

func TestFlightHTML(t *testing.T) {
	para := "<p>" + strings.Repeat("The ferry carried its first passengers in eleven weeks. ", 3) + "</p>"
	row := "<p>" + strings.Repeat("Council votes to extend the bike lane to the terminal. ", 3) + "</p>"
	stream := `0:["$","div",null,{"dangerouslySetInnerHTML":{"__html":"` + strings.ReplaceAll(para, "<", `\u003c`) + `"}}]` + "\n" +
		"2a:T" + hexLen(row) + "," + row +
		`3:["$","aside",null,{"children":"$2a","note":"short \"quoted\" text"}]` + "\n" +
		"4:T" + hexLen(row) + "," + row // the same HTML again is kept once
	got := flightHTML(stream)
	if len(got) != 2 || got[0] != para || got[1] != row {
		t.Errorf("flightHTML = %q", got)
	}
}

func hexLen(s string) string { return strconv.FormatInt(int64(len(s)), 16) }

func TestTextRowBounds(t *testing.T) {
	for _, s := range []string{"1:Tff,short", "1:T,x", "zz:T3,abc", "1:Tfffffffffffffffff,x", "1:T-3,abc"} {
		if _, _, ok := textRow(s, 0); ok {
			t.Errorf("textRow(%q) read a row", s)
		}
	}
	body, end, ok := textRow("1:T3,abc2:T1,d", 0)
	if !ok || body != "abc" || end != 8 {
		t.Errorf("textRow = %q, %d, %v", body, end, ok)
	}
}

// FuzzFlight feeds the flight readers page data: they must not panic and
// must stay within their bounds.
func FuzzFlight(f *testing.F) {
	f.Add(`1:T5,<p>hi` + "\n" + `0:["$","p",null,{"x":"\u003cp\u003eabc"}]`)
	f.Add(`"unterminated \"`)
	f.Add("a:Tffffffff,")
	f.Fuzz(func(t *testing.T, stream string) {
		frags := flightHTML(stream)
		if len(frags) > flightMaxFragments {
			t.Fatalf("%d fragments", len(frags))
		}
		flightStream([]string{flightMarker + stream + ")"})
	})
}
