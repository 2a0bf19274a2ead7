// Package layering holds no code: its test holds the module to the
// dependency rules of DESIGN.md (dependencies point one way).
package layering
