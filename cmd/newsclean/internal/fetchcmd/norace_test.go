//go:build !race

package fetchcmd_test

const raceEnabled = false
