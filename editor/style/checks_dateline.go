package style

import (
	"strings"

	"github.com/dateline-news/dateline/editor"
)

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
