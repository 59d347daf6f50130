package style

import (
	"strings"
	"unicode"
)

// --- Attribution and quotes ---------------------------------------------------

// words returns the letter words of s with their byte ranges.
func words(s string) [][2]int {
	var out [][2]int
	start := -1
	for i, c := range s {
		isW := unicode.IsLetter(c) || c == '\'' && start >= 0 || c == '’' && start >= 0
		if isW && start < 0 {
			start = i
		} else if !isW && start >= 0 {
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// hasQuote reports whether the paragraph holds a quotation mark.
func hasQuote(s string) bool { return strings.ContainsAny(s, "“”\"") }

func checkSaid(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	ws := p.words()
	for i, w := range ws {
		word := strings.ToLower(p.text[w[0]:w[1]])
		if !l.t.words[r.ID][word] {
			continue
		}
		near := false
		if hasQuote(p.text) {
			lo, hi := max(0, w[0]-40), min(len(p.text), w[1]+40)
			near = hasQuote(p.text[lo:hi])
		}
		if i+1 < len(ws) && strings.ToLower(p.text[ws[i+1][0]:ws[i+1][1]]) == "that" {
			near = true
		}
		if near {
			l.add(r, p, w[0], w[1], "said")
		}
	}
}

// quoteSpans returns the direct quotes of a paragraph: curly pairs, and
// straight pairs.
func quoteSpans(s string) [][2]int {
	var out [][2]int
	open := -1
	for i, c := range s {
		switch c {
		case '“':
			open = i
		case '”':
			if open >= 0 {
				out = append(out, [2]int{open, i + len("”")})
				open = -1
			}
		}
	}
	open = -1
	for i, c := range s {
		if c == '"' {
			if open < 0 {
				open = i
			} else {
				out = append(out, [2]int{open, i + 1})
				open = -1
			}
		}
	}
	return out
}

// opensQuote reports whether a paragraph leaves a quotation open at its end
// (a quote that goes on in the next paragraph).
func opensQuote(s string) bool {
	return strings.Count(s, "“") > strings.Count(s, "”")
}

func checkAttribution(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	if k > 0 && opensQuote(ps[k-1].text) {
		return // the quote goes on from the paragraph before
	}
	var quote [2]int
	found := false
	for _, q := range quoteSpans(p.text) {
		if len(words(p.text[q[0]:q[1]])) >= 4 {
			quote, found = q, true
			break
		}
	}
	if !found {
		return
	}
	low := strings.ToLower(p.text)
	for _, w := range words(low) {
		if l.t.words[r.ID][low[w[0]:w[1]]] {
			return
		}
	}
	for w := range l.t.words[r.ID] {
		if strings.Contains(w, " ") && strings.Contains(low, w) {
			return
		}
	}
	l.add(r, p, quote[0], quote[1], "")
}

func checkUnbalanced(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	var open []int
	for i, c := range p.text {
		switch c {
		case '“':
			open = append(open, i)
		case '”':
			if len(open) == 0 {
				l.add(r, p, i, i+len("”"), "")
				continue
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) > 0 {
		next := ""
		if k+1 < len(ps) {
			next = strings.TrimSpace(ps[k+1].text)
		}
		if !strings.HasPrefix(next, "“") {
			at := open[len(open)-1]
			l.add(r, p, at, at+len("“"), "")
		}
	}
	if n := strings.Count(p.text, `"`); n%2 == 1 {
		at := strings.LastIndex(p.text, `"`)
		l.add(r, p, at, at+1, "")
	}
}

func checkStraight(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	for i := 0; i < len(p.text); i++ {
		if p.text[i] == '"' {
			l.add(r, p, i, i+1, "“ ”")
		}
	}
}
