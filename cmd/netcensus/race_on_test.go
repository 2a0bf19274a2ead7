//go:build race

package main

// raceBuild: the tests run under the race detector, which makes each
// child process of the crash and contention tests several times slower.
const raceBuild = true
