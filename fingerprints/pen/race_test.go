//go:build race

package pen

// raceEnabled: bzip2 is ~8x slower under the race detector, so corpus tests
// read fewer compressed walks.
const raceEnabled = true
