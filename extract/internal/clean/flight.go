package clean

import (
	"encoding/json"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsclean/newsclean/extract/internal/htmlnode"
)

// Pages built with Next.js's app router stream their content to the
// browser as "flight" data: scripts that push strings to
// self.__next_f. The server-rendered markup may hold only part of the
// story (the rest arrives while the page hydrates) or none of it, while the
// flight data holds the story's HTML, either as text rows ("2a:T1f4,<p>…")
// or as string props ("content":"<p>…"). When the article found in the
// markup is a fragment of what the flight data holds, the flight data's
// HTML is the story.

// flightMarker starts a script that pushes flight data.
const flightMarker = htmlnode.FlightPush

// Bounds on the flight data read from a page, so a hostile page costs
// linear time and bounded memory.
const (
	flightMaxStream    = 8 << 20 // bytes of flight data decoded
	flightMaxFragments = 400     // HTML fragments kept
	flightMinFragment  = 120     // bytes of a fragment worth reading
)

// flightScripts returns the code of the flight scripts among the cut
// containers.
func flightScripts(cuts []removal) []string {
	var out []string
	for _, r := range cuts {
		n := r.node
		if n.Type != html.ElementNode || n.DataAtom != atom.Script || n.FirstChild == nil || n.FirstChild.Type != html.TextNode {
			continue
		}
		if code, ok := htmlnode.FlightCode(n.FirstChild.Data); ok {
			out = append(out, strings.TrimSpace(code))
		}
	}
	return out
}

// flightStream joins the strings the scripts push ([1,"…"]); other pushes
// (bootstrap markers, form state) carry no text.
func flightStream(scripts []string) string {
	var b strings.Builder
	for _, code := range scripts {
		arg := strings.TrimPrefix(code, flightMarker)
		arg = strings.TrimSuffix(strings.TrimSpace(arg), ";")
		arg = strings.TrimSuffix(strings.TrimSpace(arg), ")")
		var row []json.RawMessage
		if json.Unmarshal([]byte(arg), &row) != nil || len(row) != 2 || string(row[0]) != "1" {
			continue
		}
		var s string
		if json.Unmarshal(row[1], &s) != nil {
			continue
		}
		if b.Len()+len(s) > flightMaxStream {
			break
		}
		b.WriteString(s)
	}
	return b.String()
}

// flightHTML returns the HTML fragments of a flight stream in the order
// they come: the bodies of text rows and the string values that hold
// paragraphs, each once.
func flightHTML(stream string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if len(s) < flightMinFragment || !strings.Contains(s, "<p") || len(out) >= flightMaxFragments || seen[s] {
			return
		}
		seen[s] = true
		out = append(out, s)
	}
	rowStart := true // a row starts after a newline or right after a text row
	for i := 0; i < len(stream); {
		if rowStart {
			if body, end, ok := textRow(stream, i); ok {
				add(body)
				i = end
				continue
			}
		}
		rowStart = stream[i] == '\n'
		if stream[i] != '"' {
			i++
			continue
		}
		end := stringEnd(stream, i)
		if lit := stream[i:end]; len(lit) >= flightMinFragment && (strings.Contains(lit, `\u003cp`) || strings.Contains(lit, "<p")) {
			var s string
			if json.Unmarshal([]byte(lit), &s) == nil {
				add(s)
			}
		}
		i = end
	}
	return out
}

// textRow reads a text row starting at i ("<id>:T<hex length>,<text>") and
// returns its text and where the row ends.
func textRow(stream string, i int) (body string, end int, ok bool) {
	j := i
	for j < len(stream) && isHex(stream[j]) {
		j++
	}
	if j == i || j+1 >= len(stream) || stream[j] != ':' || stream[j+1] != 'T' {
		return "", 0, false
	}
	k := j + 2
	for k < len(stream) && isHex(stream[k]) {
		k++
	}
	if k == j+2 || k >= len(stream) || stream[k] != ',' {
		return "", 0, false
	}
	n, err := strconv.ParseInt(stream[j+2:k], 16, 64)
	if err != nil || n < 0 || n > int64(len(stream)-k-1) {
		return "", 0, false
	}
	start := k + 1
	return stream[start : start+int(n)], start + int(n), true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f'
}

// stringEnd returns the index after the JSON string literal that starts at
// i (or the end of the stream when it is not closed).
func stringEnd(stream string, i int) int {
	for j := i + 1; j < len(stream); j++ {
		switch stream[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(stream)
}

// flightArticle returns the story in the page's flight data when the
// markup held none (cleaned is empty or a fragment), or nil. The flight
// data holds other HTML too (related stories, a footer's rich text), and
// its rows do not come in the page's order, so the story is the largest
// fragment, among those that share words with the headline when it is
// known.
func (s *state) flightArticle(scripts []string, cleaned []Block) []Block {
	if blocksLen(cleaned) >= fragmentLen {
		return nil
	}
	frags := flightHTML(flightStream(scripts))
	title := titleWords(s.cfg.Title)
	var best []Block
	bestTitled := false
	sites := s.cfg.sites()
	for _, f := range frags {
		bs := fragmentBlocks(f, sites)
		titled := sharesWords(bs, title)
		if titled && !bestTitled || titled == bestTitled && blocksLen(bs) > blocksLen(best) {
			best, bestTitled = bs, titled
		}
	}
	if len(best) == 0 {
		return nil
	}
	blocks := s.filter(best, s.cfg.Title)
	if blocksLen(blocks) < recoverRatio*blocksLen(cleaned) {
		return nil
	}
	return blocks
}

// titleWords returns the words of title of two letters or more.
func titleWords(title string) map[string]bool {
	want := map[string]bool{}
	for _, w := range words(title) {
		if len([]rune(w)) >= 2 {
			want[w] = true
		}
	}
	return want
}

// sharesWords reports blocks that hold two or more of the words in want.
func sharesWords(blocks []Block, want map[string]bool) bool {
	found := map[string]bool{}
	for _, b := range blocks {
		for _, w := range words(b.Text) {
			if want[w] {
				found[w] = true
				if len(found) >= 2 {
					return true
				}
			}
		}
	}
	return false
}

// fragmentBlocks parses one HTML fragment and returns its blocks, furniture
// cut.
func fragmentBlocks(frag string, sites []string) []Block {
	doc, err := html.Parse(strings.NewReader("<html><body><article>" + frag + "</article></body></html>"))
	if err != nil {
		return nil
	}
	preClean(doc, false)
	return toBlocks(findBody(doc), sites)
}
