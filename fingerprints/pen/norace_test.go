//go:build !race

package pen

const raceEnabled = false
