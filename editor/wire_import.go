package editor

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// WireCopy is what ParseWireTextDetail recognises in wire copy besides the
// article itself.
type WireCopy struct {
	// Article is the imported article.
	Article *Article
	// Dash is the dash found after the dateline credit (DashEn, DashEm or
	// DashDouble), or "" when the copy has no dateline. Exporting with a
	// profile that uses this dash gives the same dateline back.
	Dash string
	// RelatedHeading is the "More …" heading line, or "".
	RelatedHeading string
}

// ParseWireText reads plain-text wire copy (ARTICLE.md) into an article;
// p's templates tell the footer and related heading. See
// ParseWireTextDetail.
func ParseWireText(data []byte, p Profile) (*Article, error) {
	w, err := ParseWireTextDetail(data, p)
	if err != nil {
		return nil, err
	}
	return w.Article, nil
}

// ParseWireTextDetail reads plain-text wire copy, one paragraph per line,
// and recognises, in this order:
//   - from the end (readWireEnd): the related heading and its teasers after
//     the footer; the copyright footer, read by the FooterReader of p's
//     templates and the default ones, a syndicated template's footer
//     making the article syndicated; a correction line ("This story has
//     been corrected …", "Correction: …", "An earlier version …") just
//     before the footer; and the contributed-material tagline;
//   - at the top (readWireTop): optional headline and deck lines before
//     the byline (or, without a byline, before a first line that opens
//     with a dateline); the byline line, "by A, B and C, Title"; the
//     dateline run-in "PLACE, DATE (CREDIT) – " at the start of the first
//     body line, with the dash used. A dateline line with no text after
//     the dash counts only when it is the last body line: followed by more
//     lines it stays body text, because the run-in always opens the first
//     paragraph of a body and would join the next line on export.
//
// Everything else is body (wireBody): one Markdown paragraph per line,
// with the characters Markdown or the Typographer would change escaped, so
// that the body's quotes and dashes are kept exactly and RenderWireText
// gives the same lines back. Lines are trimmed and blank lines dropped.
// The dateline date takes its year from the footer, or from the current
// year.
func ParseWireTextDetail(data []byte, p Profile) (*WireCopy, error) {
	text, err := checkImportText(data, "wire text file")
	if err != nil {
		return nil, err
	}
	lines := splitWireLines(text)
	w := &WireCopy{Article: &Article{}}
	end, year := w.readWireEnd(lines, NewFooterReader(p))
	lines = lines[:end]
	if year == 0 {
		year = time.Now().Year()
	}
	start := w.readWireTop(lines, year)
	a := w.Article
	a.Body = wireBody(lines[start:])
	if a.Attribution.Kind == AttributionSyndicated && a.Dateline.Credit != "" && a.Attribution.OriginalPublisher == "" {
		a.Attribution.OriginalPublisher = a.Dateline.Credit
	}
	if err := finishImported(a); err != nil {
		return nil, err
	}
	return w, nil
}

// splitWireLines splits wire text into its trimmed, non-blank lines.
func splitWireLines(text []byte) []string {
	var lines []string
	for _, l := range strings.Split(string(text), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// readWireEnd reads the frame lines at the end of wire copy: the footer
// and the related list after it, the correction and the tagline before
// it. It returns where the body ends and the footer's year (0 without a
// footer).
func (w *WireCopy) readWireEnd(lines []string, fr *FooterReader) (end, year int) {
	a := w.Article
	end = w.readWireFooter(lines, fr)
	if end < len(lines) {
		year = a.Copyright.Year
	}
	if end < len(lines) && end > 0 && isCorrectionLine(lines[end-1]) {
		a.CorrectionNote = lines[end-1]
		a.Status = StatusCorrected
		end--
	}
	if end > 0 && a.Attribution.Kind == "" {
		if source, ok := ParseTagline(lines[end-1]); ok {
			a.Attribution.Kind = AttributionContributed
			a.Attribution.Source = source
			end--
		}
	}
	return end, year
}

// readWireFooter finds the last footer line that is the last line or is
// followed by a related list, reads it and the list, and returns its
// index, or len(lines) when there is none.
func (w *WireCopy) readWireFooter(lines []string, fr *FooterReader) int {
	a := w.Article
	for i := len(lines) - 1; i >= 0; i-- {
		f, ok := fr.ReadFooter(lines[i])
		if !ok {
			continue
		}
		related := i+1 < len(lines) && fr.IsRelatedHeading(lines[i+1])
		if i+1 < len(lines) && !related {
			continue // text after the footer that is no related list: not a footer
		}
		a.Copyright = f.Copyright
		if f.Kind == AttributionSyndicated {
			a.Attribution.Kind = AttributionSyndicated
			a.Attribution.OriginalPublisher = f.Publisher
		}
		if related {
			w.RelatedHeading = lines[i+1]
			for _, t := range lines[i+2:] {
				a.Related = append(a.Related, Teaser{Text: t})
			}
		}
		return i
	}
	return len(lines)
}

// readWireTop reads the headline, deck, byline and dateline at the top of
// wire copy, taking the dateline run-in off its line, and returns the
// index of the first body line.
func (w *WireCopy) readWireTop(lines []string, year int) int {
	a := w.Article
	bylineAt := -1
	for i := 0; i < len(lines) && i < 3; i++ {
		if b, ok := parseWireByline(lines[i]); ok {
			a.Byline = b
			bylineAt = i
			break
		}
	}
	if bylineAt >= 0 {
		start := bylineAt + 1
		setHeadlineDeck(a, lines[:bylineAt])
		if start < len(lines) {
			if d, dash, rest, ok := parseWireDateline(lines[start], year); ok && (rest != "" || start == len(lines)-1) {
				a.Dateline, w.Dash = d, dash
				lines[start] = rest
			}
		}
		return start
	}
	for i := 0; i < len(lines) && i < 3; i++ {
		if d, dash, rest, ok := parseWireDateline(lines[i], year); ok && (rest != "" || i == len(lines)-1) {
			a.Dateline, w.Dash = d, dash
			setHeadlineDeck(a, lines[:i])
			lines[i] = rest
			return i
		}
	}
	return 0
}

// wireBody turns the body lines into Markdown paragraphs; an empty first
// line is what a dateline with nothing after it left.
func wireBody(lines []string) string {
	var body []string
	for i, l := range lines {
		if l == "" && i == 0 {
			continue
		}
		body = append(body, escapeWireLine(l))
	}
	return strings.Join(body, "\n\n")
}

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

// parseWireByline reads "by A", "by A and B", "by A, B and C", each with an
// optional ", Title". Every name must start with a capital or caseless
// letter, and the line is accepted only when FormatByline gives it back,
// apart from the case of "by".
func parseWireByline(line string) (Byline, bool) {
	if len(line) < 4 || !strings.EqualFold(line[:3], "by ") {
		return Byline{}, false
	}
	parts := strings.Split(line[3:], ", ")
	var b Byline
	for i, part := range parts {
		if j := strings.LastIndex(part, " and "); j > 0 {
			b.Authors = append(b.Authors, parts[:i]...)
			b.Authors = append(b.Authors, part[:j], part[j+5:])
			b.Title = strings.Join(parts[i+1:], ", ")
			break
		}
	}
	if b.Authors == nil {
		b.Authors = parts[:1]
		b.Title = strings.Join(parts[1:], ", ")
	}
	for _, n := range b.Authors {
		if n == "" || n != strings.TrimSpace(n) || len([]rune(n)) > 60 {
			return Byline{}, false
		}
		if first, _ := utf8.DecodeRuneInString(n); unicode.IsLower(first) || !unicode.IsLetter(first) {
			return Byline{}, false // names start with a capital or a caseless letter
		}
	}
	if len(b.Authors) > 8 || FormatByline(b)[3:] != line[3:] {
		return Byline{}, false
	}
	return b, true
}

// wireDatelineRE splits a line into the run-in and the rest: a lead of
// place and date, an optional parenthesised credit, the dash and the text.
var wireDatelineRE = regexp.MustCompile(`^([^()]*?)(?: ?\(([^()]+)\))? (–|—|--)(?: (.*))?$`)

// parseWireDateline recognises the dateline run-in at the start of line.
// The place must start with a part in capitals ("NAIROBI, Kenya"), the
// date must be an AP date, and FormatDateline must give the run-in back
// exactly.
func parseWireDateline(line string, year int) (Dateline, string, string, bool) {
	m := wireDatelineRE.FindStringSubmatch(line)
	if m == nil {
		return Dateline{}, "", "", false
	}
	lead, credit, dash, rest := m[1], m[2], m[3], m[4]
	var d Dateline
	d.Credit = credit
	if lead != "" {
		place := lead
		if i := strings.LastIndex(lead, ", "); i >= 0 {
			if t, ok := ParseAPDate(lead[i+2:], year); ok {
				d.Date, place = t, lead[:i]
			}
		} else if t, ok := ParseAPDate(lead, year); ok {
			d.Date, place = t, ""
		}
		if place != "" && !isDatelinePlace(place) {
			return Dateline{}, "", "", false
		}
		d.Place = place
	}
	if d.IsZero() {
		return Dateline{}, "", "", false
	}
	runIn := FormatDateline(d, dash)
	if !strings.HasPrefix(line+" ", runIn) {
		return Dateline{}, "", "", false
	}
	return d, dash, rest, true
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

// isCorrectionLine reports whether line reads as a public correction note.
func isCorrectionLine(line string) bool {
	for _, p := range []string{"This story has been corrected", "This article has been corrected", "Correction: ", "An earlier version of this"} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// escapeWireLine turns a line of wire text into a Markdown paragraph that
// shows exactly that text: characters that Markdown would read as markup,
// and the straight quotes, double hyphens, dot runs and doubled angle
// brackets the Typographer would change, are backslash-escaped.
func escapeWireLine(s string) string {
	var b strings.Builder
	rs := []rune(s)
	// Markdown drops the white space that opens a paragraph; as character
	// references it stays.
	lead := 0
	for lead < len(rs) && (rs[lead] == ' ' || rs[lead] == '\t') {
		b.WriteString("&#" + strconv.Itoa(int(rs[lead])) + ";")
		lead++
	}
	rs = rs[lead:]
	for i, r := range rs {
		prev, next := rune(0), rune(0)
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '"', '\'', '$':
			b.WriteByte('\\')
		case '-':
			if prev == '-' || next == '-' || i == 0 {
				b.WriteByte('\\')
			}
		case '.':
			if prev == '.' || next == '.' {
				b.WriteByte('\\')
			} else if i > 0 && isAllDigits(string(rs[:i])) {
				b.WriteByte('\\')
			}
		case ')':
			if i > 0 && isAllDigits(string(rs[:i])) {
				b.WriteByte('\\')
			}
		case '#', '+', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		case '!':
			if next == '[' {
				b.WriteByte('\\')
			}
		case ':':
			// "www.x" and "https://x" become autolinks whose text is the
			// same, so they need nothing.
		}
		b.WriteRune(r)
	}
	return b.String()
}
