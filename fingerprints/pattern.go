package fingerprints

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// pattern is a match condition's regexp with the text every match must
// contain. Hundreds of profiles test sysDescr (and some an object's
// value) on every device, and almost all of them fail; a regexp that
// fails still runs its backtracker from every position of the string,
// which made matching the largest part of identifying a device. Most of
// these regexps name a word the device must write ("RouterOS",
// "(?i)procurve"): a string that holds none of a pattern's needed words
// is rejected by a case-insensitive search before the regexp runs.
type pattern struct {
	*regexp.Regexp
	// need: lower-case ASCII strings, one of which every match
	// contains (compared without regard to ASCII case); nil when the
	// regexp needs no word of two or more letters.
	need []string
}

// maxNeed bounds the alternatives a prefilter tries: past it, the
// searches cost about what the regexp does.
const maxNeed = 8

func newPattern(re *regexp.Regexp) pattern {
	p := pattern{Regexp: re}
	if t, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		if need := needed(t); shortest(need) >= 2 {
			p.need = need
		}
	}
	return p
}

// MatchString reports whether s matches; the needed words decide first
// when s is ASCII (a non-ASCII string may match by Unicode case folding,
// K for k, which the byte search does not know: the regexp decides).
func (p pattern) MatchString(s string) bool {
	if p.need != nil && isASCII(s) && !slices.ContainsFunc(p.need, func(w string) bool { return containsFoldASCII(s, w) }) {
		return false
	}
	return p.Regexp.MatchString(s)
}

// needed returns at most maxNeed strings one of which every match of re
// contains, nil when none is known. The alternatives' sets are joined; a
// concatenation takes its best part's (see better).
func needed(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		s := string(re.Rune)
		if !isASCII(s) {
			return nil
		}
		return []string{strings.ToLower(s)}
	case syntax.OpCapture, syntax.OpPlus:
		return needed(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return needed(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []string
		run := ""
		consider := func(set []string) {
			if len(set) <= maxNeed && better(set, best) {
				best = set
			}
		}
		for _, sub := range re.Sub {
			if sub.Op == syntax.OpLiteral && isASCII(string(sub.Rune)) {
				run += strings.ToLower(string(sub.Rune)) // adjacent literals: one string
				continue
			}
			if run != "" {
				consider([]string{run})
				// The parser factors alternatives' common start out
				// (J(?:uniper|UNOS)): the run and each branch's start.
				if starts := prefixes(sub); starts != nil {
					joined := make([]string, len(starts))
					for i, p := range starts {
						joined[i] = run + p
					}
					consider(joined)
				}
				run = ""
			}
			consider(needed(sub))
		}
		if run != "" {
			consider([]string{run})
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			set := needed(sub)
			if set == nil {
				return nil // this branch matches without a known word
			}
			for _, s := range set {
				if !slices.Contains(all, s) {
					all = append(all, s)
				}
			}
		}
		if len(all) > maxNeed {
			return nil
		}
		return all
	}
	return nil
}

// prefixes returns the lower-case ASCII literals every match of re
// starts with, one of them, nil when not known.
func prefixes(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if s := string(re.Rune); isASCII(s) {
			return []string{strings.ToLower(s)}
		}
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpConcat:
		return prefixes(re.Sub[0])
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			set := prefixes(sub)
			if set == nil {
				return nil
			}
			all = append(all, set...)
		}
		if len(all) > maxNeed {
			return nil
		}
		return all
	}
	return nil
}

// better reports whether set a filters better than b: its shortest
// word longer, up to four letters (enough to reject nearly every
// string), then fewer words, then its shortest word longer still.
func better(a, b []string) bool {
	if len(b) == 0 {
		return len(a) > 0
	}
	ca, cb := min(shortest(a), 4), min(shortest(b), 4)
	if ca != cb {
		return ca > cb
	}
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return shortest(a) > shortest(b)
}

// shortest is the length of a set's shortest string, 0 for no set.
func shortest(set []string) int {
	if len(set) == 0 {
		return 0
	}
	n := len(set[0])
	for _, s := range set[1:] {
		n = min(n, len(s))
	}
	return n
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// containsFoldASCII reports whether s contains w (lower-case) in any
// ASCII case.
func containsFoldASCII(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if lowerASCII(s[i]) != w[0] {
			continue
		}
		j := 1
		for j < len(w) && lowerASCII(s[i+j]) == w[j] {
			j++
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}
