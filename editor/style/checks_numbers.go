package style

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// --- Numbers ------------------------------------------------------------------

var (
	numberValue = map[string]int{
		"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
		"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	}
)

// wordBefore and wordAfter return the word next to [from, to) in s,
// skipping spaces.
func wordBefore(s string, from int) string {
	t := strings.TrimRight(s[:from], " \t\n")
	i := strings.LastIndexAny(t, " \t\n(") + 1
	return t[i:]
}

func wordAfter(s string, to int) string {
	t := strings.TrimLeft(s[to:], " \t\n")
	i := strings.IndexAny(t, " \t\n,;:)")
	if i < 0 {
		i = len(t)
	}
	return t[:i]
}

// singleDigits returns the ranges of the lone figures 1 to 9 in s (not
// part of a longer number or a word).
func singleDigits(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i+1 && c != '0' && (i == 0 || !isWordByte(s[i-1])) && (j == len(s) || !isWordByte(s[j])) {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

// hasTime reports whether a figure in s (with minutes or not) is followed
// by an a or p, as a time is.
func hasTime(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ':') {
			j++
		}
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j < len(s) && strings.IndexByte("aApP", s[j]) >= 0 {
			return true
		}
		i = j
	}
	return false
}

func checkSpellOut(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	s := p.text
	for _, m := range singleDigits(s) {
		prev, _ := utf8.DecodeLastRuneInString(s[:m[0]])
		next, _ := utf8.DecodeRuneInString(s[m[1]:])
		if m[0] > 0 && strings.ContainsRune("$£€#.-/:+,", prev) && !(prev == ',' || prev == '.') {
			continue
		}
		if m[0] > 0 && (prev == '.' || prev == ',') && m[0] >= 2 && unicode.IsDigit(rune(s[m[0]-2])) {
			continue // 1,5 or 2.5
		}
		if m[1] < len(s) && strings.ContainsRune("%-/:", next) {
			continue
		}
		if m[1]+1 < len(s) && (next == '.' || next == ',') && unicode.IsDigit(rune(s[m[1]+1])) {
			continue
		}
		if strings.HasSuffix(strings.TrimRight(s[:m[0]], " "), ",") && strings.HasPrefix(s[m[1]:], ",") {
			continue // an age after a name: "The boy, 7, was"
		}
		after := strings.ToLower(strings.TrimRight(wordAfter(s, m[1]), ".!?"))
		before := strings.ToLower(wordBefore(s, m[0]))
		if l.t.units[after] || l.t.units[strings.ToLower(wordAfter(s, m[1]))] || l.t.before[before] {
			continue
		}
		if sentenceStartAt(s, m[0], l.t.abbrev) {
			continue // sentence-figure-start's business
		}
		n := int(s[m[0]] - '0')
		for w, v := range l.t.small {
			if v == n {
				l.add(r, p, m[0], m[1], w)
			}
		}
	}
}

func checkFigures(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	ws := p.words()
	for i, w := range ws {
		word := p.text[w[0]:w[1]]
		n, ok := numberValue[strings.ToLower(word)]
		if !ok {
			continue
		}
		if first, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(first) {
			continue // a sentence may start with a spelled number
		}
		end := w[1]
		if n >= 20 && i+1 < len(ws) && ws[i+1][0] == w[1]+1 && p.text[w[1]] == '-' {
			if unit := l.t.small[strings.ToLower(p.text[ws[i+1][0]:ws[i+1][1]])]; unit > 0 {
				n += unit
				end = ws[i+1][1]
			}
		}
		l.add(r, p, w[0], end, strconv.Itoa(n))
	}
}

func checkFigureStart(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	for _, sn := range sentences(p.text, l.t.abbrev) {
		s := p.text[sn[0]:sn[1]]
		j := 0
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || (j > 0 && (s[j] == ',' || s[j] == '.') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9')) {
			j++
		}
		if j == 0 {
			continue
		}
		if j == 4 && !strings.ContainsAny(s[:j], ",.") && (s[0] == '1' || s[0] == '2') {
			continue // a year
		}
		if line, at := p.pos(sn[0] + j); sn[0] == 0 && isNumbering(l.lines[line][at:]) {
			continue // "1. First demand", "2) Second", written out or escaped
		}
		l.add(r, p, sn[0], sn[0]+j, "")
	}
}

// isNumbering reports whether the source after a paragraph's opening
// figure makes it a numbered item: ".", ")" or their Markdown escapes,
// then a space.
func isNumbering(rest string) bool {
	rest = strings.TrimPrefix(rest, "\\")
	return (strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, ")")) && strings.HasPrefix(rest[1:]+" ", " ")
}

var (
	rePercentWord  = regexp.MustCompile(`\b(\d+(?:\.\d+)?)(\s*)(percent|per cent|pct)\b`)
	rePercentSpace = regexp.MustCompile(`\b(\d+(?:\.\d+)?)\s+%`)
	rePercentSpelt = regexp.MustCompile(`(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten)\s+(percent|per cent)\b`)
)

func checkPercent(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	words := containsAny(p.text, "percent", "per cent", "pct")
	if words && hasDigit(p.text) {
		for _, m := range findNearDigits(rePercentWord, p.text) {
			l.add(r, p, m[0], m[1], p.text[m[2]:m[3]]+"%")
		}
	}
	if strings.Contains(p.text, " %") {
		for _, m := range findNearDigits(rePercentSpace, p.text) {
			l.add(r, p, m[0], m[1], p.text[m[2]:m[3]]+"%")
		}
	}
	if !words {
		return
	}
	// A spelled number before "percent": look just before each one.
	low := strings.ToLower(p.text)
	for _, word := range []string{"percent", "per cent"} {
		for i := 0; ; {
			j := strings.Index(low[i:], word)
			if j < 0 {
				break
			}
			at := i + j
			i = at + len(word)
			from := max(0, at-7)
			for from > 0 && p.text[from-1] != ' ' && p.text[from-1] != '\n' {
				from--
			}
			for _, m := range rePercentSpelt.FindAllStringSubmatchIndex(p.text[from:min(len(p.text), i+1)], -1) {
				w := strings.ToLower(p.text[from+m[2] : from+m[3]])
				n := l.t.small[w]
				if w == "ten" {
					n = 10
				}
				l.add(r, p, from+m[0], from+m[1], strconv.Itoa(n)+"%")
			}
		}
	}
}

var reTime = regexp.MustCompile(`\b(\d{1,2})(:\d\d)?(\s*)(?:(am|pm|AM|PM|Am|Pm)\b|([aApP])\.?\s?([mM])\b\.?)`)

func checkTime(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	if !hasTime(p.text) {
		return
	}
	for _, m := range findNearDigits(reTime, p.text) {
		var ap string
		if m[8] >= 0 {
			ap = strings.ToLower(p.text[m[8] : m[8]+1])
		} else {
			ap = strings.ToLower(p.text[m[10]:m[11]])
		}
		want := p.text[m[2]:m[3]]
		if m[4] >= 0 && p.text[m[4]:m[5]] != ":00" {
			want += p.text[m[4]:m[5]]
		}
		want += " " + ap + ".m."
		end := m[1]
		if got := p.text[m[0]:end]; got == want || got+"." == want && end < len(p.text) && p.text[end] == '.' {
			continue
		}
		if strings.HasSuffix(p.text[m[0]:end], ".m") && end < len(p.text) && p.text[end] == '.' {
			end++
		}
		if p.text[m[0]:end] == want {
			continue
		}
		l.add(r, p, m[0], end, want)
	}
}
