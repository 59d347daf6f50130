package editor

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// This file is the wire importer's top-down pass: advisories and notes to
// editors, the headline and deck, the byline on one line or two (names,
// "and" and commas, a title, an outlet after "/", staff credits) and the
// dateline run-in with any dash.

var (
	// advisoryRE is a desk advisory sent with the copy.
	advisoryRE = regexp.MustCompile(`^(?:\(?(?:CORRECTS|CORRECTED|CORRECTION|REFILES?|RECASTS|UPDATES|ADDS|REPEATS|FIXES|CLARIFIES|SUBS|WITHDRAWN|KILL|RETRANSMITS?|Corrects|Refiles|Recasts|Updates|Adds|Fixes|Clarifies|Repeats)\b.*|(?i:eds?|editors):\s*(?i:corrects|correction|updates|adds|fixes|clarifies|refiles|subs|kill|withdraws)\b.*)$`)
	// editorsNoteRE is a note to editors.
	editorsNoteRE = regexp.MustCompile(`^(?i:editor['’]?s['’]? note|note to editors|eds|editors)\s*[:—–-]\s*\S.*$`)
	// staffCreditRE is a byline with no names.
	staffCreditRE = regexp.MustCompile(`^(?:(?i:from staff(?: and wire)? reports|staff(?: and wire)? reports?|by staff|from wire reports|wire reports)|(?:[Bb]y )?(?:[Tt]he )?\p{Lu}[\p{L}.&' -]{1,40} [Ss]taff(?: [Rr]eport)?|[Bb]y [Tt]he \p{Lu}[\p{L}.&' -]{1,40})$`)
	// roleWords end a byline title on a line of its own.
	roleWords = map[string]bool{"writer": true, "writers": true, "reporter": true, "reporters": true, "correspondent": true,
		"correspondents": true, "editor": true, "editors": true, "columnist": true, "staff": true, "contributor": true,
		"bureau": true, "service": true, "press": true, "news": true, "agency": true}
)

// readTop reads the head of the story from lines and returns the body
// lines.
func (r *wireReader) readTop(lines []string) []string {
	a := r.a
	var head, kept []string // headline candidates; lines of the head that stay body if no byline or dateline follows
	for i := 0; i < len(lines) && len(head) < 4; i++ {
		l := lines[i]
		if advisoryRE.MatchString(l) && len(head) == 0 {
			a.Advisories = append(a.Advisories, l)
			continue
		}
		if !r.strict && editorsNoteRE.MatchString(l) {
			r.notes = append(r.notes, l)
			continue
		}
		if b, n, ok := r.readByline(lines[i:]); ok {
			a.Byline = b
			setHeadlineDeck(a, head)
			body := lines[i+n:]
			if len(body) > 0 {
				if d, dash, rest, ok := r.readDateline(body[0]); ok && (rest != "" || len(body) == 1) {
					a.Dateline, r.w.Dash = d, dash
					body = append([]string{rest}, body[1:]...)
				}
			}
			return body
		}
		if d, dash, rest, ok := r.readDateline(l); ok && (rest != "" || i == len(lines)-1) {
			a.Dateline, r.w.Dash = d, dash
			setHeadlineDeck(a, head)
			return append([]string{rest}, lines[i+1:]...)
		}
		head = append(head, l)
		kept = append(kept, l)
	}
	// Neither byline nor dateline: a first line that reads as a headline
	// is one, the rest is body.
	start := len(lines) - len(kept)
	for i, l := range lines {
		if len(kept) > 0 && l == kept[0] {
			start = i
			break
		}
	}
	body := lines[start:]
	if len(body) > 1 && isHeadlineLine(body[0]) && (!r.strict || oneLine(body[0]) == body[0]) {
		a.Headline = body[0]
		return body[1:]
	}
	return body
}

// isHeadlineLine: a line short enough for a headline that does not end
// like a sentence.
func isHeadlineLine(s string) bool {
	if utf8.RuneCountInString(s) > 120 || strings.HasPrefix(s, "• ") || listMarkerRE.MatchString(s) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	first, _ := utf8.DecodeRuneInString(s)
	return !strings.ContainsRune(".!?:;,”\"'’)]", last) && (unicode.IsUpper(first) || unicode.IsDigit(first))
}

// listMarkerRE opens a line of a numbered list.
var listMarkerRE = regexp.MustCompile(`^\d+[.)]\s`)

// setHeadlineDeck takes the headline from the first of lines and the deck
// from the rest.
func setHeadlineDeck(a *Article, lines []string) {
	if len(lines) > 0 {
		a.Headline = lines[0]
	}
	if len(lines) > 1 {
		a.Deck = strings.Join(lines[1:], " ")
	}
}

// readByline reads the byline at the start of lines: a staff credit, or
// "By NAMES" with an optional ", Title" or " / Outlet", and in agency copy
// a title on the next line ("Associated Press Writer"). It returns the
// number of lines read. Own exports are read only in the form
// FormatByline writes.
func (r *wireReader) readByline(lines []string) (Byline, int, bool) {
	line := lines[0]
	if staffCreditRE.MatchString(line) && (!r.strict || strings.HasPrefix(line, "From ") || strings.HasPrefix(line, "Staff")) {
		if r.strict || len(lines) > 1 {
			if ag, own, ok := r.agencies.Mentioned(line); ok && !own && !r.strict {
				r.bylineOutlet = ag.Name // "By The Associated Press"
			}
			return Byline{Title: line}, 1, true
		}
	}
	if r.strict {
		b, ok := parseWireByline(line)
		return b, 1, ok
	}
	b, outlet, ok := parseAgencyByline(line)
	if !ok {
		return Byline{}, 0, false
	}
	capitals := true
	for _, n := range b.Authors {
		capitals = capitals && isCapitals(mcRE.ReplaceAllString(n, "${1}MC${2}"))
	}
	long := false
	for _, n := range b.Authors {
		for _, w := range strings.Fields(n) {
			long = long || utf8.RuneCountInString(w) >= 3
		}
	}
	n := 1
	if b.Title == "" && len(lines) > 2 && r.isBylineTitle(lines[1], capitals) {
		b.Title, n = lines[1], 2
	}
	if capitals && long {
		r.originalByline = strings.Join(lines[:n], "\n")
		for i, name := range b.Authors {
			b.Authors[i] = NameFromCapitals(name)
		}
	}
	b.Title = titleFromCapitals(b.Title, r.agencies)
	r.bylineOutlet = outlet
	if outlet == "" && b.Title != "" {
		if ag, own, ok := r.agencies.Mentioned(b.Title); ok && !own {
			r.bylineOutlet = ag.Name
		}
	}
	return b, n, true
}

// isBylineTitle reports whether line, after a byline without a title, is
// the byline's title: short, not a sentence or a dateline, and naming an
// agency, ending in a role ("Writer", "Correspondent"), or following names
// in capitals.
func (r *wireReader) isBylineTitle(line string, afterCapitals bool) bool {
	words := strings.Fields(line)
	if len(words) == 0 || len(words) > 8 || utf8.RuneCountInString(line) > 60 || !isHeadlineLine(line) {
		return false
	}
	if _, _, _, ok := r.readDateline(line); ok {
		return false
	}
	if _, _, ok := r.agencies.Mentioned(line); ok {
		return true
	}
	return roleWords[strings.ToLower(words[len(words)-1])] || afterCapitals
}

// mcRE finds the "Mc" of a name in capitals ("McDONALD").
var mcRE = regexp.MustCompile(`(^|[\s-])Mc(\p{Lu})`)

// bylineSplitRE splits names: commas, "and", "AND", "&".
var bylineSplitRE = regexp.MustCompile(`,\s+|\s+(?:and|AND|&)\s+`)

// bylineAndRE finds the "and" between names of a byline.
var bylineAndRE = regexp.MustCompile(`\s+(?:and|AND|&)\s+`)

// parseAgencyByline reads "By NAMES", "By NAMES, Title" or "By NAMES /
// Outlet" in any case of "by". The names end at the part that holds the
// last "and"; without one, the first part is the name and the rest the
// title. Every name must look like one (see isName).
func parseAgencyByline(line string) (b Byline, outlet string, ok bool) {
	if len(line) < 4 || !strings.EqualFold(line[:3], "by ") {
		return Byline{}, "", false
	}
	rest := strings.TrimSpace(line[3:])
	if i := strings.Index(rest, "/"); i > 0 {
		outlet = strings.TrimSpace(rest[i+1:])
		rest = strings.TrimSpace(rest[:i])
		b.Title = outlet
	}
	parts := strings.Split(rest, ", ")
	names := parts[:1]
	titleFrom := 1
	for i, part := range parts {
		if loc := bylineAndRE.FindAllStringIndex(part, -1); loc != nil {
			names = append(append([]string(nil), parts[:i]...), part)
			titleFrom = i + 1
			break
		}
	}
	var authors []string
	for _, n := range names {
		for _, s := range bylineSplitRE.Split(n, -1) {
			// Names as one line: "A  A" is "A A", as NameFromCapitals and
			// every other reader of names take them.
			authors = append(authors, oneLine(s))
		}
	}
	if t := strings.Join(parts[titleFrom:], ", "); t != "" {
		if b.Title != "" {
			b.Title = t + ", " + b.Title
		} else {
			b.Title = t
		}
	}
	if len(authors) > 8 {
		return Byline{}, "", false
	}
	for _, n := range authors {
		if !isName(n) {
			return Byline{}, "", false
		}
	}
	b.Authors = authors
	return b, outlet, true
}

// isName: one to six words of at most 60 characters, with no digits,
// each opening with a capital or a caseless letter or being a particle
// ("van", "de").
func isName(n string) bool {
	words := strings.Fields(n)
	if len(words) == 0 || len(words) > 6 || utf8.RuneCountInString(n) > 60 || n != strings.TrimSpace(n) {
		return false
	}
	for i, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		if strings.ContainsAny(w, "0123456789") {
			return false
		}
		if !unicode.IsLetter(first) || unicode.IsLower(first) && (i == 0 || !nameParticles[w]) {
			return false
		}
	}
	return true
}

// parseWireByline reads a byline in the form FormatByline writes: "by
// A", "by A and B", "by A, B and C", each with an optional ", Title".
func parseWireByline(line string) (Byline, bool) {
	b, outlet, ok := parseAgencyByline(line)
	if !ok || outlet != "" || FormatByline(b)[3:] != line[3:] {
		return Byline{}, false
	}
	return b, true
}

// datelineDashes are the dashes a dateline may end in, longest first.
var datelineDashes = []string{"—", "–", "--", "-", "_"}

// readDateline recognises the dateline run-in at the start of line:
// "PLACE, DATE (CREDIT) DASH text" with any part but the dash optional,
// a credit with or without parentheses, a hyphen, double hyphen or ANPA
// underscore (spaced, or a hyphen right after the credit) or an en or em
// dash. Own exports are read only in the form FormatDateline writes.
func (r *wireReader) readDateline(line string) (Dateline, string, string, bool) {
	limit := min(len(line), 160)
	for i := 0; i < limit; i++ {
		for _, dash := range datelineDashes {
			if !strings.HasPrefix(line[i:], dash) {
				continue
			}
			lead := line[:i]
			spaced := strings.HasSuffix(lead, " ")
			if (dash == "-" || dash == "--" || dash == "_") && !spaced && !strings.HasSuffix(lead, ")") {
				continue // a hyphen inside a word: PORT-AU-PRINCE
			}
			rest := line[i+len(dash):]
			if dash == "-" && strings.HasPrefix(rest, "-") {
				continue
			}
			d, ok := r.readDatelineLead(strings.TrimSpace(lead))
			if !ok {
				return Dateline{}, "", "", false // the first dash decides
			}
			text := strings.TrimSpace(rest)
			if r.strict {
				text = strings.TrimPrefix(rest, " ")
			}
			if r.strict && !strings.HasPrefix(line+" ", FormatDateline(d, dash)) {
				return Dateline{}, "", "", false
			}
			if rest != "" && !strings.HasPrefix(rest, " ") && dash != "—" && dash != "–" && dash != "-" {
				return Dateline{}, "", "", false
			}
			return d, dash, text, true
		}
	}
	return Dateline{}, "", "", false
}

// readDatelineLead reads what comes before the dash: place, date and
// credit.
func (r *wireReader) readDatelineLead(lead string) (Dateline, bool) {
	var d Dateline
	if strings.HasSuffix(lead, ")") {
		open := strings.LastIndex(lead, "(")
		if open < 0 {
			return d, false
		}
		d.Credit = strings.TrimSpace(lead[open+1 : len(lead)-1])
		lead = strings.TrimSpace(lead[:open])
		if !r.isCredit(d.Credit) {
			return Dateline{}, false
		}
	} else if !r.strict {
		// A credit without parentheses must be a known outlet: "TOKYO,
		// Nov. 14 Kyodo".
		words := strings.Fields(lead)
		for n := min(3, len(words)-1); n >= 1; n-- {
			c := strings.Join(words[len(words)-n:], " ")
			if _, _, ok := r.agencies.Lookup(c); ok {
				d.Credit = c
				lead = strings.TrimSpace(strings.TrimSuffix(lead, c))
				break
			}
		}
	}
	if strings.ContainsAny(lead, "()") {
		return Dateline{}, false
	}
	place := lead
	if i := strings.LastIndex(lead, ", "); i >= 0 {
		if t, ok := r.parseDate(lead[i+2:]); ok {
			d.Date, place = t, lead[:i]
		}
	} else if t, ok := r.parseDate(lead); ok {
		d.Date, place = t, ""
	}
	if place != "" && !isDatelinePlace(place) && (r.strict || d.Credit == "" || !isTitleCasePlace(place)) {
		return Dateline{}, false
	}
	d.Place = place
	return d, !d.IsZero()
}

// parseDate reads a dateline date: AP style ("Nov. 14", "Nov 14",
// "November 14"), and in agency copy also day first ("14 Nov").
func (r *wireReader) parseDate(s string) (time.Time, bool) {
	if t, ok := ParseAPDate(s, r.year); ok || r.strict {
		return t, ok
	}
	if f := strings.Fields(s); len(f) == 2 {
		return ParseAPDate(f[1]+" "+f[0], r.year)
	}
	return time.Time{}, false
}

// isCredit: a credit opens with a capital (or is a known outlet) and is
// short.
func (r *wireReader) isCredit(c string) bool {
	if c == "" || utf8.RuneCountInString(c) > 50 || len(strings.Fields(c)) > 6 {
		return false
	}
	if _, _, ok := r.agencies.Lookup(c); ok {
		return true
	}
	first, _ := utf8.DecodeRuneInString(c)
	return !unicode.IsLower(first) && unicode.IsLetter(first) || r.strict
}

// isDatelinePlace reports whether s looks like a dateline place: its first
// comma-separated part has at least two letters and no lower-case letter.
func isDatelinePlace(s string) bool {
	first, _, _ := strings.Cut(s, ", ")
	letters := 0
	for _, r := range first {
		switch {
		case strings.ToUpper(string(r)) != string(r):
			return false
		case strings.ToLower(string(r)) != string(r):
			letters++
		}
	}
	return letters >= 2 && len([]rune(s)) <= 80
}

// isTitleCasePlace: a place written in title case, "Abidjan" or "Rio de
// Janeiro, Brazil": at most six words, each opening with a capital or
// being a particle, and no digits.
func isTitleCasePlace(s string) bool {
	words := strings.Fields(strings.ReplaceAll(s, ",", " "))
	if len(words) == 0 || len(words) > 6 || strings.ContainsAny(s, "0123456789") {
		return false
	}
	for i, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(first) && (i == 0 || !nameParticles[w] && w != "of" && w != "upon" && w != "sur") {
			return false
		}
	}
	return true
}

// parseWireDateline recognises a dateline run-in in the exact form
// FormatDateline writes, as the HTML importer finds it in a page's
// dateline element.
func parseWireDateline(line string, year int) (Dateline, string, string, bool) {
	r := &wireReader{strict: true, year: year, agencies: NewAgencyTable(Profile{})}
	return r.readDateline(line)
}
