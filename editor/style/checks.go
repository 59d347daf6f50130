package style

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline/editor"
)

// check is the Go side of a rule. Field rules (byline, dateline) get no
// paragraphs and read the article; text rules get the field's paragraphs
// and the index of the one to check.
type check func(l *linter, r *Rule, ps []para, k int)

// checks maps every rule id of rules.yaml to its code. The spelling rule
// is run by the linter itself (Config.Spell); its entry is a no-op.
var checks = map[string]check{
	"spelling":                 func(*linter, *Rule, []para, int) {},
	"dateline-place-caps":      checkPlaceCaps,
	"dateline-state-abbrev":    checkStateAbbrev,
	"dateline-state-spelled":   checkStateSpelled,
	"dateline-standalone-city": checkStandalone,
	"dateline-credit":          checkCredit,
	"byline-by":                checkBylineBy,
	"month-abbrev":             checkMonthAbbrev,
	"month-alone":              checkMonthAlone,
	"date-ordinal":             checkDateOrdinal,
	"number-spell-out":         checkSpellOut,
	"number-figures":           checkFigures,
	"sentence-figure-start":    checkFigureStart,
	"percent":                  checkPercent,
	"time-ampm":                checkTime,
	"said":                     checkSaid,
	"quote-attribution":        checkAttribution,
	"quotes-unbalanced":        checkUnbalanced,
	"quotes-straight":          checkStraight,
	"repeated-word":            checkRepeated,
	"long-sentence":            checkLongSentence,
}

// --- The dateline and byline -----------------------------------------------

// placeParts splits the dateline place into the city and what follows the
// first comma, with the byte offset of each in the place.
func placeParts(place string) (city string, cityAt int, rest string, restAt int) {
	c, r, _ := strings.Cut(place, ",")
	city = strings.TrimSpace(c)
	cityAt = strings.Index(place, city)
	rest = strings.TrimSpace(r)
	if rest != "" {
		restAt = len(c) + 1 + strings.Index(r, rest)
	}
	return
}

func checkPlaceCaps(l *linter, r *Rule, _ []para, _ int) {
	city, at, _, _ := placeParts(l.place)
	if city != "" && strings.ToUpper(city) != city {
		l.addAt(r, 0, at, 0, at+len(city), strings.ToUpper(city))
	}
}

// stateOf reads the part after the city as a US state: its name, AP's
// dateline abbreviation ("" when never abbreviated), and whether the text
// is already that abbreviation.
func (t *table) stateOf(s string) (name, abbrev string, isAbbrev, ok bool) {
	if ab, found := t.states[strings.ToLower(s)]; found {
		return t.stateNames[strings.ToLower(s)], ab, false, true
	}
	if n, found := t.codes[s]; found {
		return n, t.states[strings.ToLower(n)], false, true
	}
	for n, ab := range t.states {
		if ab != "" && (s == ab || s+"." == ab) {
			return t.stateNames[n], ab, s == ab, true
		}
	}
	return "", "", false, false
}

func checkStateAbbrev(l *linter, r *Rule, _ []para, _ int) {
	_, _, rest, at := placeParts(l.place)
	if name, ab, isAb, ok := l.t.stateOf(rest); ok && ab != "" && !isAb && name != "Georgia" {
		l.addAt(r, 0, at, 0, at+len(rest), ab)
	} else if ok && name == "Georgia" && rest != "Georgia" && !isAb {
		// Georgia written out may be the country; GA is the state.
		l.addAt(r, 0, at, 0, at+len(rest), ab)
	}
}

func checkStateSpelled(l *linter, r *Rule, _ []para, _ int) {
	_, _, rest, at := placeParts(l.place)
	if name, ab, _, ok := l.t.stateOf(rest); ok && ab == "" && rest != name {
		l.addAt(r, 0, at, 0, at+len(rest), name)
	}
}

func checkStandalone(l *linter, r *Rule, _ []para, _ int) {
	city, at, rest, _ := placeParts(l.place)
	up := strings.ToUpper(city)
	if rest == "" || !l.t.standalone[up] {
		return
	}
	if _, _, _, isState := l.t.stateOf(rest); isState && l.t.standWorld[up] {
		return // LONDON, Ky.: another London
	}
	l.addText(r, 0, at, 0, len(l.place), city, "", "")
}

func checkCredit(l *linter, r *Rule, _ []para, _ int) {
	credit := strings.TrimSpace(l.a.Dateline.Credit)
	kind := l.a.Attribution.Kind
	pub := strings.TrimSpace(l.cfg.Publisher)
	if credit == "" || pub == "" || (kind != "" && kind != editor.AttributionOriginal) || strings.EqualFold(credit, pub) {
		return
	}
	credit = oneLine(credit)
	at := strings.LastIndex(l.lines[0], credit)
	if at < 0 {
		return
	}
	l.addAt(r, 0, at, 0, at+len(credit), pub)
}

func checkBylineBy(l *linter, r *Rule, _ []para, _ int) {
	at := 0
	for i, name := range l.authors {
		if i > 0 {
			at += len("; ")
		}
		low := strings.ToLower(name)
		if strings.HasPrefix(low, "by ") || low == "by" {
			l.addAt(r, 0, at, 0, at+len(name), strings.TrimSpace(name[2:]))
		}
		at += len(name)
	}
}

// --- Matching near figures ---------------------------------------------------

// Go's regexp is slow on long alternations, so the rules that need a
// figure run their expression only on short windows around each run of
// digits (from the start of the word two words before to a few bytes
// after), merged where they overlap.

// digitWindows returns the windows of s around its figures.
func digitWindows(s string, before, after int) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' || s[j] == ',' || s[j] == ':') {
			j++
		}
		a := max(0, i-before)
		for a > 0 && s[a-1] != ' ' && s[a-1] != '\n' {
			a--
		}
		b := min(len(s), j+after)
		for b < len(s) && !utf8.RuneStart(s[b]) {
			b++
		}
		if n := len(out); n > 0 && a <= out[n-1][1] {
			out[n-1][1] = b
		} else {
			out = append(out, [2]int{a, b})
		}
		i = j
	}
	return out
}

// findNearDigits is FindAllStringSubmatchIndex over the windows of s
// around its figures, with offsets into s.
func findNearDigits(re *regexp.Regexp, s string) [][]int {
	var out [][]int
	for _, w := range digitWindows(s, 12, 12) {
		for _, m := range re.FindAllStringSubmatchIndex(s[w[0]:w[1]], -1) {
			for i := range m {
				if m[i] >= 0 {
					m[i] += w[0]
				}
			}
			out = append(out, m)
		}
	}
	return out
}

// --- Dates and months ---------------------------------------------------------

var (
	apMonth = map[string]string{
		"January": "Jan.", "February": "Feb.", "August": "Aug.", "September": "Sept.",
		"October": "Oct.", "November": "Nov.", "December": "Dec.",
		"Mar": "March", "Apr": "April", "Jun": "June", "Jul": "July", "Sep": "Sept.",
		"Jan": "Jan.", "Feb": "Feb.", "Aug": "Aug.", "Sept": "Sept.", "Oct": "Oct.", "Nov": "Nov.", "Dec": "Dec.",
	}
	fullMonth = map[string]string{
		"Jan": "January", "Feb": "February", "Aug": "August", "Sept": "September", "Sep": "September",
		"Oct": "October", "Nov": "November", "Dec": "December",
	}
	reLongMonth  = regexp.MustCompile(`\b(January|February|August|September|October|November|December)\s+\d{1,2}\b`)
	reShortMonth = regexp.MustCompile(`\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(\.?)(\s+)(\d{1,2})\b`)
	reOrdinal    = regexp.MustCompile(`\b((?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.|January|February|March|April|May|June|July|August|September|October|November|December)(\s+)(\d{1,2})(st|nd|rd|th)\b`)
)

func checkMonthAbbrev(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	if !hasDigit(p.text) {
		return
	}
	if containsAny(p.text, "January", "February", "August", "September", "October", "November", "December") {
		for _, m := range findNearDigits(reLongMonth, p.text) {
			month := p.text[m[2]:m[3]]
			l.add(r, p, m[0], m[1], apMonth[month]+p.text[m[3]:m[1]])
		}
	}
	if !containsAny(p.text, "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec") {
		return
	}
	for _, m := range findNearDigits(reShortMonth, p.text) {
		month, dot := p.text[m[2]:m[3]], p.text[m[4]:m[5]]
		want := apMonth[month]
		if month+dot == want {
			continue
		}
		l.add(r, p, m[0], m[1], want+p.text[m[6]:m[1]])
	}
}

func checkMonthAlone(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	s := p.text
	for _, ab := range []string{"Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."} {
		for i := 0; ; {
			j := strings.Index(s[i:], ab)
			if j < 0 {
				break
			}
			at := i + j
			i = at + len(ab)
			if at > 0 && isWordByte(s[at-1]) {
				continue
			}
			if monthStandsAlone(s[i:]) {
				l.add(r, p, at, i, fullMonth[strings.TrimSuffix(ab, ".")])
			}
		}
	}
}

// monthStandsAlone reports whether the text after an abbreviated month
// shows it has no day: a year, a lower-case word, a comma or the end.
func monthStandsAlone(rest string) bool {
	t := strings.TrimLeft(rest, " ")
	switch {
	case t == "" || t[0] == ',':
		return true
	case len(t) == len(rest):
		return false // no space: "Jan.5" is another matter
	case t[0] >= 'a' && t[0] <= 'z':
		return true
	}
	n := 0
	for n < len(t) && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	return n == 4 && (n == len(t) || !isWordByte(t[n]))
}

func checkDateOrdinal(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	if !hasOrdinal(p.text) {
		return
	}
	for _, m := range findNearDigits(reOrdinal, p.text) {
		month := p.text[m[2]:m[3]]
		if ap, ok := apMonth[month]; ok {
			month = ap // September 3rd → Sept. 3
		}
		l.add(r, p, m[0], m[1], month+p.text[m[4]:m[7]])
	}
}

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

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// hasOrdinal reports whether a figure in s is followed by st, nd, rd or th.
func hasOrdinal(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			switch s[i+1 : i+3] {
			case "st", "nd", "rd", "th":
				return true
			}
		}
	}
	return false
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

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
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

func checkRepeated(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	ws := p.words()
	for i := 1; i < len(ws); i++ {
		a, b := ws[i-1], ws[i]
		if strings.TrimSpace(p.text[a[1]:b[0]]) != "" || strings.Contains(p.text[a[1]:b[0]], "\n") {
			continue
		}
		wa, wb := strings.ToLower(p.text[a[0]:a[1]]), strings.ToLower(p.text[b[0]:b[1]])
		if wa != wb || l.t.words[r.ID][wa] {
			continue
		}
		l.add(r, p, a[0], b[1], p.text[b[0]:b[1]])
	}
}

func checkLongSentence(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	limit := l.cfg.MaxSentenceWords
	for _, sn := range sentences(p.text, l.t.abbrev) {
		if n := editor.CountWords(p.text[sn[0]:sn[1]]); n > limit {
			l1, s := p.pos(sn[0])
			l2, e := p.pos(sn[1])
			text := l.lines[l1][s:]
			if l1 == l2 {
				text = l.lines[l1][s:e]
			}
			l.addText(r, l1, s, l2, e, text, strconv.Itoa(limit), strconv.Itoa(n))
		}
	}
}
