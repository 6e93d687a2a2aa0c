//go:build race

package fetchcmd_test

// raceEnabled: the race detector multiplies memory use.
const raceEnabled = true
