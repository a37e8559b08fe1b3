package markdown

import (
	"regexp"
	"strings"
	"unicode"
)

// Press releases reach the editor pasted from Word or WeChat: one paragraph
// a line, indented with full-width spaces, headings such as 一、展区规划.
// Read as plain Markdown that is one run-on paragraph, so before rendering
// (the preview and the published page alike) the source is taken as the
// staff member meant it.
var (
	// numberedHeading is a short line led by a Chinese ordinal: 一、 or （一）.
	numberedHeading = regexp.MustCompile(`^(?:[一二三四五六七八九十百]+、|（[一二三四五六七八九十]+）)`)
	// blockStart is a line Markdown gives a meaning of its own: a heading,
	// a list item, a quote, a table row, a fence, a rule or an indented line.
	blockStart = regexp.MustCompile("^(?:#|[-*+] |\\d+[.)] |>|\\||```|~~~|={3,}\\s*$|-{3,}\\s*$|\\*{3,}\\s*$|<| |\t)")
)

// maxHeading is the longest line (in characters) read as a numbered heading;
// a longer one is a paragraph that happens to start with a number.
const maxHeading = 40

// asPasted rewrites src: leading full-width and no-break spaces dropped,
// each line of running text its own paragraph, and numbered Chinese
// headings made headings (一、 level 2, （一） level 3). Fenced code is
// left as it is.
func asPasted(src string) string {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var out []string
	fenced := false
	prevText := false // the line before was running text
	for _, line := range lines {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fenced = !fenced
			out = append(out, line)
			prevText = false
			continue
		}
		if fenced {
			out = append(out, line)
			continue
		}
		line = dropIndent(line)
		switch {
		case strings.TrimSpace(line) == "":
			out = append(out, "")
			prevText = false
		case isNumberedHeading(line):
			level := "## "
			if strings.HasPrefix(line, "（") {
				level = "### "
			}
			if len(out) > 0 && out[len(out)-1] != "" {
				out = append(out, "")
			}
			out = append(out, level+strings.TrimSpace(line), "")
			prevText = false
		case blockStart.MatchString(line):
			out = append(out, line)
			prevText = false
		default:
			if prevText {
				out = append(out, "") // a line of its own is a paragraph of its own
			}
			out = append(out, line)
			prevText = true
		}
	}
	return strings.Join(out, "\n")
}

// dropIndent removes leading full-width (U+3000) and no-break spaces, and
// any ASCII spaces mixed with them; a line indented with ASCII spaces only
// keeps them (a list's continuation, a code block).
func dropIndent(line string) string {
	rest := strings.TrimLeft(line, " \t\u3000\u00a0")
	lead := line[:len(line)-len(rest)]
	if strings.ContainsAny(lead, "\u3000\u00a0") || (lead != "" && startsWithHan(rest)) {
		return rest
	}
	return line
}

func startsWithHan(s string) bool {
	for _, r := range s {
		return unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Po, unicode.Ps) && r > 0x2000
	}
	return false
}

func isNumberedHeading(line string) bool {
	s := strings.TrimSpace(line)
	if !numberedHeading.MatchString(s) || len([]rune(s)) > maxHeading {
		return false
	}
	// A sentence ends with a full stop; a heading does not.
	return !strings.HasSuffix(s, "。") && !strings.HasSuffix(s, "；")
}
