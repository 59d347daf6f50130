package textedit

import "strings"

// spanStyle is how a run of text is drawn; styling never changes the text.
type spanStyle uint8

const (
	styleBold spanStyle = 1 << iota
	styleItalic
	styleMono
	styleDim
)

// span is a run of a paragraph drawn in one style: bytes [from, to).
type span struct {
	from, to int
	style    spanStyle
}

// paraStyle is the light Markdown styling of one paragraph (one line of
// the source): a heading level, an indent in steps, and the runs of inline
// styles, which together cover the paragraph.
type paraStyle struct {
	heading int
	indent  int
	spans   []span
}

// markdownStyle styles one line of Markdown source: ATX headings bold and
// larger, block quotes and list items indented, **strong**, *emphasis*,
// `code` and the targets of [links](…) shown as such. It is a cheap
// approximation of the real parser: it looks at one line and never fails.
func markdownStyle(s string) paraStyle {
	var buf []spanStyle
	return markdownStyleBuf(s, &buf)
}

// markdownStyleBuf is markdownStyle with a scratch buffer to reuse.
func markdownStyleBuf(s string, buf *[]spanStyle) paraStyle {
	var st paraStyle
	if h := headingLevel(s); h > 0 {
		st.heading = h
		st.spans = []span{{0, len(s), styleBold}}
		return st
	}
	body := 0
	for {
		rest := s[body:]
		t := strings.TrimLeft(rest, " ")
		lead := len(rest) - len(t)
		switch {
		case strings.HasPrefix(t, ">"):
			st.indent++
			body += lead + 1
			continue
		case listMarker(t) > 0:
			st.indent += 1 + lead/2
			body += lead + listMarker(t)
		}
		break
	}
	st.spans = inlineSpans(s, body, buf)
	return st
}

// headingLevel returns n for a line starting with n (1 to 6) '#' and a
// space or nothing else, 0 otherwise.
func headingLevel(s string) int {
	t := strings.TrimLeft(s, " ")
	if len(s)-len(t) > 3 {
		return 0
	}
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(t) && t[n] != ' ') {
		return 0
	}
	return n
}

// listMarker returns the length of a list item's marker and the space
// after it ("- ", "* ", "+ ", "12. ", "3) "), 0 if t is not a list item.
func listMarker(t string) int {
	if len(t) >= 2 && strings.IndexByte("-*+", t[0]) >= 0 && t[1] == ' ' {
		return 2
	}
	n := 0
	for n < len(t) && n < 9 && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n > 0 && n+1 < len(t) && (t[n] == '.' || t[n] == ')') && t[n+1] == ' ' {
		return n + 2
	}
	return 0
}

// inlineSpans styles s[from:] (s[:from] is plain) and returns spans that
// cover all of s.
func inlineSpans(s string, from int, buf *[]spanStyle) []span {
	if cap(*buf) < len(s) {
		*buf = make([]spanStyle, len(s))
	}
	flags := (*buf)[:len(s)]
	clear(flags)
	set := func(a, b int, f spanStyle) {
		for i := a; i < b; i++ {
			flags[i] |= f
		}
	}
	for i := from; i < len(s); {
		c := s[i]
		switch {
		case c == '`':
			if j := strings.IndexByte(window(s, i+1), '`'); j >= 0 {
				set(i, i+j+2, styleMono)
				i += j + 2
				continue
			}
		case c == '{' || c == '+' || c == '-' || c == '~' || c == '=' || c == '<':
			// CriticMarkup review marks: delimiters and comments dimmed.
			if n := criticDelimiter(s, i); n > 0 {
				set(i, i+n, styleDim)
				i += n
				continue
			}
		case c == '[':
			if j := strings.Index(window(s, i), "]("); j > 0 {
				if k := strings.IndexByte(window(s, i+j), ')'); k > 0 {
					set(i+j, i+j+k+1, styleDim)
				}
			}
		case (c == '*' || c == '_') && i+1 < len(s) && s[i+1] == c:
			m := s[i : i+2]
			if j := strings.Index(window(s, i+2), m); j > 0 && opens(s, i, 2) {
				set(i, i+2+j+2, styleBold)
				i += 2 // the inside may hold emphasis too
				continue
			}
			i += 2
			continue
		case c == '*' || c == '_':
			if opens(s, i, 1) {
				if j := closing(s, i+1, c); j > 0 {
					set(i, j+1, styleItalic)
				}
			}
		}
		i++
	}
	runs := 1
	for i := 1; i < len(s); i++ {
		if flags[i] != flags[i-1] {
			runs++
		}
	}
	out := make([]span, 0, runs)
	start := 0
	for i := 1; i <= len(s); i++ {
		if i == len(s) || flags[i] != flags[start] {
			out = append(out, span{start, i, flags[start]})
			start = i
		}
	}
	if len(out) == 0 {
		out = []span{{0, 0, 0}}
	}
	return out
}

// criticDelimiter returns the length of the CriticMarkup delimiter at
// s[i:], a whole {>>comment<<} on the line included, or 0.
func criticDelimiter(s string, i int) int {
	rest := s[i:]
	if strings.HasPrefix(rest, "{>>") {
		if j := strings.Index(rest, "<<}"); j > 0 {
			return j + 3
		}
		return 3
	}
	for _, d := range []string{"{++", "{--", "{~~", "{==", "++}", "--}", "~~}", "==}", "<<}", "~>"} {
		if strings.HasPrefix(rest, d) {
			return len(d)
		}
	}
	return 0
}

// opens reports whether the n-character delimiter at i can open emphasis:
// followed by a non-space, and for '_' not inside a word.
func opens(s string, i, n int) bool {
	if i+n >= len(s) || s[i+n] == ' ' {
		return false
	}
	if s[i] == '_' && i > 0 && isWordRune(rune(s[i-1])) {
		return false
	}
	return true
}

// closing returns the index of the single delimiter c that closes emphasis
// opened before from, or -1.
func closing(s string, from int, c byte) int {
	end := min(len(s), from+maxStyleReach)
	for j := from + 1; j < end; j++ {
		if s[j] == c && s[j-1] != ' ' && (j+1 >= len(s) || s[j+1] != c) && s[j-1] != c {
			return j
		}
	}
	return -1
}

// maxStyleReach bounds how far a delimiter looks for its partner, so that a
// long paragraph full of unmatched delimiters styles in linear time.
const maxStyleReach = 1000

// window returns s[i:] cut to maxStyleReach bytes.
func window(s string, i int) string {
	return s[i:min(len(s), i+maxStyleReach)]
}
