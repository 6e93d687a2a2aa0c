package htmlinput

// The text of a script ends at the first "</script" followed by white
// space, '/' or '>', except in a part opened by "<!--" and then "<script"
// (double escaped), where such an end tag only closes the part. scriptEnd
// follows the tokenizer's script states to find it.

type scriptState int

const (
	scriptData scriptState = iota
	scriptEscaped
	scriptEscapedDash
	scriptEscapedDashDash
	scriptDouble
	scriptDoubleDash
	scriptDoubleDashDash
)

// scriptEnd returns where the text of the script starting at i in s ends:
// at the '<' of its end tag, or at the end of s.
func scriptEnd(s string, i int) int {
	state := scriptData
	for i < len(s) {
		c := s[i]
		i++
		if c == '<' {
			var end int
			if state, i, end = scriptLessThan(s, i, state); end >= 0 {
				return end
			}
			continue
		}
		state = scriptNext(state, c)
	}
	return len(s)
}

// scriptNext is the state after c, not '<', in state. Escaped and double
// escaped parts count the dashes before a '>' that ends them alike.
func scriptNext(state scriptState, c byte) scriptState {
	if state == scriptData {
		return scriptData
	}
	base := scriptEscaped
	if state >= scriptDouble {
		base = scriptDouble
	}
	dashes := state - base
	switch {
	case c == '-':
		return base + min(dashes+1, 2)
	case c == '>' && dashes == 2:
		return scriptData
	}
	return base
}

// scriptLessThan reads what follows a '<' at i-1 in state. It returns the
// new state and position, and the end of the script text, or -1 when it
// goes on.
func scriptLessThan(s string, i int, state scriptState) (scriptState, int, int) {
	if i >= len(s) {
		return state, i, len(s)
	}
	c := s[i]
	switch state {
	case scriptData:
		switch c {
		case '/':
			return scriptEndTag(s, i+1, scriptData)
		case '!':
			if i+2 < len(s) && s[i+1] == '-' && s[i+2] == '-' {
				return scriptEscapedDashDash, i + 3, -1
			}
			// The tokenizer reads past "<!" and "<!-" one byte at a
			// time, back in the data state: the same as reading on.
			if i+2 >= len(s) && (i+1 >= len(s) || s[i+1] == '-') {
				return state, i, len(s)
			}
		}
		return scriptData, i, -1
	case scriptEscaped, scriptEscapedDash, scriptEscapedDashDash:
		switch {
		case c == '/':
			return scriptEndTag(s, i+1, scriptEscaped)
		case isASCIILetter(c):
			return scriptDoubleStart(s, i)
		}
		return scriptData, i, -1
	}
	if c == '/' {
		if k, ok, eof := rawEndTagAt(s, i+1, "script"); eof {
			return state, i, len(s)
		} else if ok {
			return scriptEscaped, k, -1
		} else {
			return scriptDouble, k, -1
		}
	}
	return scriptDouble, i, -1
}

// scriptEndTag reads a possible "script" end tag at i (after "</"): the
// script ends at it, or the tokenizer reads on in state.
func scriptEndTag(s string, i int, state scriptState) (scriptState, int, int) {
	k, ok, eof := rawEndTagAt(s, i, "script")
	switch {
	case eof:
		return state, k, len(s)
	case ok:
		return state, k, i - len("</")
	}
	return state, k, -1
}

// scriptDoubleStart reads a tag name at i in an escaped part: "script"
// and a delimiter start a double escaped part.
func scriptDoubleStart(s string, i int) (scriptState, int, int) {
	k, ok, eof := rawEndTagAt(s, i, "script")
	switch {
	case eof:
		return scriptEscaped, k, len(s)
	case ok:
		return scriptDouble, k, -1
	}
	return scriptEscaped, k, -1
}

// rawEndTagAt reads the name tag at i and the delimiter after it, as the
// tokenizer reads a raw text end tag after "</" (and the "script" that
// starts a double escaped part). It returns where reading
// goes on (after the delimiter when ok; at the first byte that does not
// match otherwise), and eof when the input ends first.
func rawEndTagAt(s string, i int, tag string) (next int, ok, eof bool) {
	for k := range len(tag) {
		if i+k >= len(s) {
			return len(s), false, true
		}
		if c := s[i+k]; c != tag[k] && c != tag[k]-('a'-'A') {
			return i + k, false, false
		}
	}
	j := i + len(tag)
	if j >= len(s) {
		return len(s), false, true
	}
	switch s[j] {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		return j + 1, true, false
	}
	return j, false, false
}
