package extract

import "unicode"

// fieldCount is len(strings.Fields(s)) without making the slice: the
// number of runs of characters other than white space.
func fieldCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
