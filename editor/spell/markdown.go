package spell

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Markdown body text is checked line by line (a line is a paragraph of the
// body editor). What is not prose — code, URLs, e-mail addresses, HTML,
// link targets, Markdown markers — is masked: replaced by spaces of the
// same byte length, so that offsets into the masked line are offsets into
// the source line. The style rules read the same masked lines.

// LineKinds reports, for each line of a Markdown text, whether it is code
// (inside a fenced block, or an indented block after a blank line) and so
// never checked.
func LineKinds(lines []string) []bool {
	code := make([]bool, len(lines))
	fence := ""
	prevBlank, indented := true, false
	for i, ln := range lines {
		t := strings.TrimLeft(ln, " ")
		lead := len(ln) - len(t)
		if fence != "" {
			code[i] = true
			if lead < 4 && strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
			}
			continue
		}
		if lead < 4 && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")) {
			n := 0
			for n < len(t) && t[n] == t[0] {
				n++
			}
			fence = t[:n]
			code[i] = true
			continue
		}
		blank := strings.TrimSpace(ln) == ""
		if !blank && (lead >= 4 || strings.HasPrefix(ln, "\t")) && (prevBlank || indented) && !isListItem(strings.TrimSpace(ln)) {
			indented = true
			code[i] = true
		} else if !blank {
			indented = false
		}
		prevBlank = blank
	}
	return code
}

// isListItem reports whether s starts like a list item.
func isListItem(s string) bool {
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ' {
		return true
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

// MaskLine returns line with everything that is not prose replaced by
// spaces of the same byte length: code spans, autolinks and HTML tags,
// URLs, e-mail addresses, link and image targets, reference definitions,
// footnote references, entities, backslash escapes and the Markdown
// markers (headings, quotes, list bullets, emphasis, table pipes).
func MaskLine(line string) string {
	b := []byte(line)
	blank := func(from, to int) {
		for i := from; i < to && i < len(b); i++ {
			b[i] = ' '
		}
	}
	// A reference definition "[id]: url" is not prose at all.
	// A footnote definition "[^id]: text" is prose after its label.
	if t := strings.TrimLeft(line, " "); strings.HasPrefix(t, "[") {
		if j := strings.Index(t, "]:"); j > 0 {
			if !strings.HasPrefix(t, "[^") {
				return strings.Repeat(" ", len(line))
			}
			k := len(line) - len(t) + j + 2
			line = strings.Repeat(" ", k) + line[k:]
			b = []byte(line)
		}
	}
	// Block markers at the start: quotes, headings, list bullets, numbers.
	i := 0
	for {
		for i < len(b) && b[i] == ' ' {
			i++
		}
		if i < len(b) && b[i] == '>' {
			b[i] = ' '
			i++
			continue
		}
		break
	}
	if j := i; j < len(b) && b[j] == '#' {
		for j < len(b) && b[j] == '#' {
			j++
		}
		if j == len(b) || b[j] == ' ' {
			blank(i, j)
		}
	} else if rest := string(b[i:]); isListItem(rest) {
		if strings.HasPrefix(rest, "- [ ] ") || strings.HasPrefix(rest, "- [x] ") || strings.HasPrefix(rest, "- [X] ") {
			blank(i, i+6)
		} else {
			k := strings.IndexByte(rest, ' ')
			blank(i, i+k)
		}
	}
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b) && b[i+1] < utf8.RuneSelf && unicode.IsPunct(rune(b[i+1])):
			blank(i, i+2)
			i += 2
		case c == '`':
			n := run(b, i, '`')
			if end := findRun(b, i+n, '`', n); end >= 0 {
				blank(i, end+n)
				i = end + n
			} else {
				blank(i, i+n)
				i += n
			}
		case c == '<':
			if end := strings.IndexByte(string(b[i:]), '>'); end > 0 && i+1 < len(b) && (isASCIILetter(b[i+1]) || b[i+1] == '/' || b[i+1] == '!') {
				blank(i, i+end+1)
				i += end + 1
			} else {
				i++
			}
		case c == ']' && i+1 < len(b) && (b[i+1] == '(' || b[i+1] == '['):
			close := byte(')')
			if b[i+1] == '[' {
				close = ']'
			}
			depth, j := 0, i+1
			for ; j < len(b); j++ {
				if b[j] == b[i+1] {
					depth++
				} else if b[j] == close {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			blank(i, j+1)
			i = j + 1
		case c == '[' && i+1 < len(b) && b[i+1] == '^':
			j := strings.IndexByte(string(b[i:]), ']')
			if j < 0 {
				j = len(b) - i - 1
			}
			blank(i, i+j+1)
			i += j + 1
		case c == '!' && i+1 < len(b) && b[i+1] == '[', c == '[' || c == ']' || c == '*' || c == '_' || c == '~' || c == '|':
			b[i] = ' '
			i++
		case c == '&':
			j := i + 1
			for j < len(b) && j-i < 12 && (isASCIILetter(b[j]) || b[j] == '#' || (b[j] >= '0' && b[j] <= '9')) {
				j++
			}
			if j < len(b) && b[j] == ';' && j > i+1 {
				blank(i, j+1)
				i = j + 1
			} else {
				i++
			}
		case (i == 0 || b[i-1] == ' ' || b[i-1] == '(') && hasURLPrefix(b[i:]):
			j := i
			for j < len(b) && b[j] != ' ' && b[j] != ')' && b[j] != '>' {
				j++
			}
			blank(i, j)
			i = j
		case c == '@':
			from, to := i, i+1
			for from > 0 && isMailByte(b[from-1]) {
				from--
			}
			for to < len(b) && isMailByte(b[to]) {
				to++
			}
			if from < i && to > i+1 {
				blank(from, to)
			}
			i = to
		default:
			i++
		}
	}
	return string(b)
}

func run(b []byte, i int, c byte) int {
	n := 0
	for i+n < len(b) && b[i+n] == c {
		n++
	}
	return n
}

// findRun finds the next run of exactly n bytes c at or after i.
func findRun(b []byte, i int, c byte, n int) int {
	for i < len(b) {
		if b[i] != c {
			i++
			continue
		}
		m := run(b, i, c)
		if m == n {
			return i
		}
		i += m
	}
	return -1
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isMailByte(c byte) bool {
	return isASCIILetter(c) || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-' || c == '+' || c == '%'
}

func hasURLPrefix(b []byte) bool {
	if len(b) < 4 || !strings.ContainsRune("hHfFmMwW", rune(b[0])) {
		return false
	}
	s := string(b[:min(len(b), 12)])
	s = strings.ToLower(s)
	for _, p := range []string{"http://", "https://", "ftp://", "mailto:", "www.", "file://"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// Token is a word of a masked line: its byte range.
type Token struct {
	Start, End int
}

// Words splits a masked line into the words the checker looks at: runs of
// letters with inner apostrophes and periods (it's, U.S.), split at
// hyphens and slashes. Words with a digit (3rd, COVID-19's parts stay
// words) and single letters are left out.
func Words(masked string) []Token {
	var out []Token
	i := 0
	for i < len(masked) {
		r, n := utf8.DecodeRuneInString(masked[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		digit := false
		for i < len(masked) {
			r, n := utf8.DecodeRuneInString(masked[i:])
			if isWordRune(r) {
				if unicode.IsDigit(r) {
					digit = true
				}
				i += n
				continue
			}
			// An apostrophe or period inside a word belongs to it.
			if r == '\'' || r == '’' || r == '.' {
				if nr, _ := utf8.DecodeRuneInString(masked[i+n:]); i+n < len(masked) && unicode.IsLetter(nr) {
					i += n
					continue
				}
			}
			break
		}
		if digit || !hasTwoLetters(masked[start:i]) {
			continue
		}
		out = append(out, Token{start, i})
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func hasTwoLetters(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
			if n == 2 {
				return true
			}
		}
	}
	return false
}
