// Package icaltest reads iCalendar files back for tests, strictly: it
// fails on a line that is not CRLF-terminated, longer than 75 octets, or
// not UTF-8 once unfolded. It is written apart from the writer, by the
// RFC, so that a shared mistake is unlikely.
package icaltest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Prop is a content line: name, parameters and value (TEXT unescaped by
// Text, not here: only the caller knows the value's type).
type Prop struct {
	Name   string
	Params string
	Value  string
}

// Component is a BEGIN/END block with its properties and children.
type Component struct {
	Name     string
	Props    []Prop
	Children []*Component
}

// Get is the raw value of the first property called name.
func (c *Component) Get(name string) string {
	for _, p := range c.Props {
		if p.Name == name {
			return p.Value
		}
	}
	return ""
}

// Count is how many properties are called name.
func (c *Component) Count(name string) int {
	n := 0
	for _, p := range c.Props {
		if p.Name == name {
			n++
		}
	}
	return n
}

// Parse reads one top-level component.
func Parse(data []byte) (*Component, error) {
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		return nil, fmt.Errorf("the file does not end in CRLF")
	}
	raw := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	var lines []string
	for i, l := range raw {
		if strings.ContainsAny(l, "\r\n") {
			return nil, fmt.Errorf("line %d: a bare CR or LF", i+1)
		}
		if len(l) > 75 {
			return nil, fmt.Errorf("line %d: %d octets, more than 75", i+1, len(l))
		}
		if !utf8.ValidString(l) {
			return nil, fmt.Errorf("line %d: folded inside a UTF-8 character", i+1)
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(lines) == 0 {
				return nil, fmt.Errorf("line %d: continuation of nothing", i+1)
			}
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	var stack []*Component
	var root *Component
	for _, l := range lines {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			return nil, fmt.Errorf("no colon in %q", l)
		}
		params := ""
		if i := strings.IndexByte(name, ';'); i >= 0 {
			name, params = name[:i], name[i+1:]
		}
		switch name {
		case "BEGIN":
			c := &Component{Name: value}
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.Children = append(parent.Children, c)
			} else if root != nil {
				return nil, fmt.Errorf("a second top-level component")
			} else {
				root = c
			}
			stack = append(stack, c)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1].Name != value {
				return nil, fmt.Errorf("END:%s does not close the open component", value)
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				return nil, fmt.Errorf("property %s outside a component", name)
			}
			c := stack[len(stack)-1]
			c.Props = append(c.Props, Prop{Name: name, Params: params, Value: value})
		}
	}
	if root == nil || len(stack) != 0 {
		return nil, fmt.Errorf("unbalanced BEGIN/END")
	}
	return root, nil
}

// Text unescapes a TEXT value; it fails on an escape RFC 5545 does not
// define or on a bare comma or semicolon, which would mean a missing escape.
func Text(v string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch c {
		case ',', ';':
			return "", fmt.Errorf("unescaped %q in %q", c, v)
		case '\\':
			if i+1 == len(v) {
				return "", fmt.Errorf("trailing backslash in %q", v)
			}
			i++
			switch v[i] {
			case '\\', ';', ',':
				b.WriteByte(v[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				return "", fmt.Errorf("unknown escape \\%c in %q", v[i], v)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}
