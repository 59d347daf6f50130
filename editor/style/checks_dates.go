package style

import (
	"regexp"
	"strings"
)

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
