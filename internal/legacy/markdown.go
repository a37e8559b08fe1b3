package legacy

import (
	"strings"
)

// Markdown writes the body as the portal stores it: one paragraph per
// block, images as their own paragraphs at the URL image gives them ("" to
// leave one out, as when the mirror lacks the file).
func Markdown(body []Block, image func(src string) string) string {
	var paras []string
	for _, b := range body {
		var text strings.Builder
		for _, p := range b.Parts {
			if p.Src != "" {
				if text.Len() > 0 {
					paras = append(paras, strings.TrimSpace(text.String()))
					text.Reset()
				}
				if u := image(p.Src); u != "" {
					paras = append(paras, "!["+escapeMarkdown(collapse(p.Alt))+"]("+u+")")
				}
				continue
			}
			t := escapeMarkdown(p.Text)
			if p.Strong && strings.TrimSpace(t) != "" {
				t = "**" + strings.TrimSpace(t) + "**"
			}
			text.WriteString(t)
		}
		if s := strings.TrimSpace(text.String()); s != "" {
			paras = append(paras, escapeLineStart(s))
		}
	}
	return strings.Join(paras, "\n\n")
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`)

// escapeMarkdown keeps the old text literal: its asterisks and brackets
// are words, not formatting.
func escapeMarkdown(s string) string { return mdEscaper.Replace(s) }

// escapeLineStart stops a paragraph that begins "1." or "#" or "-" from
// becoming a list or a heading.
func escapeLineStart(s string) string {
	switch {
	case strings.HasPrefix(s, "#"), strings.HasPrefix(s, "+ "), strings.HasPrefix(s, "- "), strings.HasPrefix(s, "="):
		return `\` + s
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ') {
		return s[:i] + `\` + s[i:]
	}
	return s
}
