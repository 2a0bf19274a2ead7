package config

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// keyPaths maps a config document's nodes to the dotted key paths a user
// wrote (sweep.rate, snmp.credentials[0].name), so that errors name a key
// and its line instead of a Go type.
type keyPaths struct {
	byLine  map[int]string // line of a value → its key path
	line    map[string]int // key path → line of its key
	unknown []string       // "path: unknown key (line N)", in document order
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

// walk records the paths under n, read as Go type t, and every key that t
// has no field for.
func (k *keyPaths) walk(n *yaml.Node, t reflect.Type, path string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.DocumentNode {
		for _, c := range n.Content {
			k.walk(c, t, path)
		}
		return
	}
	if path != "" {
		if _, ok := k.byLine[n.Line]; !ok {
			k.byLine[n.Line] = path
		}
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return // a type that reads itself: its inside is its own
	}
	switch {
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields := yamlFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			p := join(path, key.Value)
			ft, ok := fields[key.Value]
			if !ok {
				k.unknown = append(k.unknown, fmt.Sprintf("%s: unknown key (line %d)", p, key.Line))
				continue
			}
			k.line[p] = key.Line
			k.byLine[key.Line] = p
			k.walk(val, ft, p)
		}
	case t.Kind() == reflect.Map && n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			p := join(path, key.Value)
			k.line[p] = key.Line
			k.byLine[key.Line] = p
			k.walk(val, t.Elem(), p)
		}
	case (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && n.Kind == yaml.SequenceNode:
		for i, c := range n.Content {
			k.walk(c, t.Elem(), fmt.Sprintf("%s[%d]", path, i))
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// yamlFields maps a struct's YAML keys to their field types, inline
// structs' keys included.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if strings.Contains(opts, "inline") {
			for k, v := range yamlFields(f.Type) {
				out[k] = v
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = f.Type
	}
	return out
}

var (
	lineRe      = regexp.MustCompile(`^line (\d+): (.*)$`)
	unmarshalRe = regexp.MustCompile("^cannot unmarshal !!(\\w+) `(.*)` into (.+)$")
	nodeRe      = regexp.MustCompile(`^cannot unmarshal !!(seq|map) into (.+)$`)
)

// explain rewrites a yaml.v3 decoding error so that each of its lines
// names the key path (and keeps the line number).
func (k *keyPaths) explain(err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		if m := lineRe.FindStringSubmatch(err.Error()); m != nil {
			return errors.New(k.at(m[1], m[2]))
		}
		return err
	}
	msgs := make([]string, 0, len(te.Errors))
	for _, e := range te.Errors {
		if m := lineRe.FindStringSubmatch(e); m != nil {
			msgs = append(msgs, k.at(m[1], m[2]))
		} else {
			msgs = append(msgs, e)
		}
	}
	return errors.New(strings.Join(msgs, "; "))
}

// at phrases msg, found at line, with the key path written there.
func (k *keyPaths) at(line, msg string) string {
	n, _ := strconv.Atoi(line)
	path, ok := k.byLine[n]
	if m := unmarshalRe.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("want %s, got %q", goTypeWord(m[3]), m[2])
	} else if m := nodeRe.FindStringSubmatch(msg); m != nil {
		got := map[string]string{"seq": "a list", "map": "a mapping"}[m[1]]
		msg = fmt.Sprintf("want %s, got %s", goTypeWord(m[2]), got)
	}
	if strings.Contains(msg, " not found in type ") {
		msg = "unknown key"
	}
	if !ok {
		return fmt.Sprintf("%s (line %s)", msg, line)
	}
	return fmt.Sprintf("%s: %s (line %s)", path, msg, line)
}

// goTypeWord names what a Go type takes in YAML words.
func goTypeWord(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["), strings.HasPrefix(t, "config."):
		return "a mapping (key: value)"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "string":
		return "a string"
	}
	return t
}

// withLine appends the line of the key a Validate message starts with
// ("sweep.rate 0: must be ..."), when the document set it.
func (k *keyPaths) withLine(err error) error {
	msg := err.Error()
	paths := make([]string, 0, len(k.line))
	for p := range k.line {
		paths = append(paths, p)
	}
	sort.Slice(paths, func(i, j int) bool { return len(paths[i]) > len(paths[j]) })
	for _, p := range paths {
		if rest, ok := strings.CutPrefix(msg, p); ok && (strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, ":")) {
			return fmt.Errorf("%w (line %d)", err, k.line[p])
		}
	}
	return err
}
