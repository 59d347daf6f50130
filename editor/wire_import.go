package editor

import (
	"strconv"
	"strings"
	"time"
)

// WireCopy is what ParseWireTextDetail recognises in wire copy besides the
// article itself.
type WireCopy struct {
	// Article is the imported article.
	Article *Article
	// Dash is the dash found after the dateline credit (DashEn, DashEm,
	// DashDouble, or a hyphen "-" or ANPA's "_" in agency copy), or ""
	// when the copy has no dateline. Exporting with a profile that uses
	// this dash gives the same dateline back.
	Dash string
	// RelatedHeading is the "More …" heading line, or "".
	RelatedHeading string
	// Own is set when the copy is Dateline's own export: its footer was
	// written by the profile's templates for the profile's holder, or by
	// the syndicated template. Own copy is read in the exact forms the
	// export writes, with no agency rules.
	Own bool
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

// wireReader holds what the steps of ParseWireTextDetail found so far.
type wireReader struct {
	w        *WireCopy
	a        *Article
	p        Profile
	fr       *FooterReader
	agencies *AgencyTable
	// strict is set for Dateline's own exports (WireCopy.Own).
	strict bool
	// year is the year dateline dates are read in.
	year int
	// Found by the bottom pass: the footer, the trailer and contributed
	// lines in their order, the agency one of its own patterns recognised.
	footer        *footerFound
	frame         []frameLine
	patternAgency string
	// Found by the top pass: notes to editors, the outlet a byline names.
	notes          []string
	bylineOutlet   string
	originalByline string
}

// ParseWireTextDetail reads plain-text wire copy in named steps:
//   - readWireLayout (wire_layout.go): the transmission layout (ANPA-1312,
//     IPTC 7901, indented, hard-wrapped, blank-line or one line a
//     paragraph) and its header, giving one paragraph a line;
//   - readBottom (wire_bottom.go), from the last line up: the related
//     list after the footer, the footer in any wording, end marks,
//     trailers, the public correction and contributed-material lines;
//   - yearOfCopy: the year datelines are read in, from the copy's own
//     footer, trailer or end mark, else the clock;
//   - readTop (wire_top.go): advisories, notes to editors, headline and
//     deck, the byline on one or two lines, the dateline run-in;
//   - settleAttribution: who the copy comes from (an outside outlet's
//     credit makes it syndicated, an outlet's contributed material makes
//     it contributed, only the library's own publisher original);
//   - wireBody: the rest, one Markdown paragraph a line, with straight
//     quotes of agency copy made curly.
//
// Dateline's own exports (WireCopy.Own) are read in the forms the export
// writes, so that export → import → export gives the same text.
func ParseWireTextDetail(data []byte, p Profile) (*WireCopy, error) {
	text, err := checkImportText(data, "wire text file")
	if err != nil {
		return nil, err
	}
	r := &wireReader{w: &WireCopy{Article: &Article{}}, p: p, fr: NewFooterReader(p), agencies: NewAgencyTable(p)}
	r.a = r.w.Article
	r.strict = r.isOwnExport(string(text))
	r.w.Own = r.strict
	layout := readWireLayout(string(text), r.strict)
	lines := layout.lines
	if !r.strict && !hasCurlyQuotes(string(text)) {
		for i := range lines {
			lines[i] = curlQuotes(lines[i])
		}
	}
	lines = r.readBottom(lines)
	if r.year = r.yearOfCopy(); r.year == 0 {
		r.year = time.Now().Year()
	}
	body := r.readTop(lines)
	if !r.strict {
		r.a.Wire = layout.header
		r.a.Wire.Byline = r.originalByline
		if r.a.Wire.Slug != "" {
			r.a.Slug = Slugify(r.a.Wire.Slug)
		}
	}
	r.settleAttribution()
	r.a.EditorsNote = strings.Join(r.notes, "\n")
	r.a.Body = wireBody(body)
	if err := finishImported(r.a); err != nil {
		return nil, err
	}
	return r.w, nil
}

// isOwnExport reports whether text is Dateline's own export: it has no
// transmission control characters, and one of its lines is a footer
// written by a syndicated template, by the profile's own original
// template, or by the default original template (a wording agencies use
// too) for the profile's own holder.
func (r *wireReader) isOwnExport(text string) bool {
	if strings.ContainsAny(text, "\x01\x02\x03\x04\x16") {
		return false
	}
	lines := splitWireLines([]byte(text))
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-60; i-- {
		f, template, ok := r.fr.readFooter(lines[i])
		if ok && (f.Kind == AttributionSyndicated || template != DefaultFooterOriginal || f.Copyright.Holder == r.p.Holder || f.Copyright.Holder == r.p.Publisher) {
			return true
		}
	}
	return false
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

// settleAttribution decides where the copy comes from once both passes
// are done, and sets the copyright, the trailer and the agency. An own
// export says it with its footer and tagline. Other copy is syndicated
// when an outlet other than the library's publisher is credited (the
// dateline credit, a byline outlet or title, the footer's holder, a
// distributor, an agency's own end mark or trailer); otherwise
// contributed when an outlet's material is credited; otherwise original.
func (r *wireReader) settleAttribution() {
	a := r.a
	f := r.footer
	if f != nil {
		a.Copyright = f.copyright
	}
	contributed := -1 // the frame line that credits contributed material
	for i, l := range r.frame {
		if l.kind == frameContributed && (contributed < 0 || l.tagline && !r.frame[contributed].tagline) && (l.tagline || !r.strict) {
			contributed = i
		}
	}
	if r.strict {
		if f != nil && f.kind == AttributionSyndicated {
			a.Attribution.Kind = AttributionSyndicated
			a.Attribution.OriginalPublisher = f.publisher
			contributed = -1
		}
		if contributed >= 0 {
			a.Attribution = Attribution{Kind: AttributionContributed, Source: r.frame[contributed].source}
		}
		r.keepTrailer(contributed)
		if a.Attribution.Kind == AttributionSyndicated {
			a.Wire.Agency = a.Attribution.OriginalPublisher
		}
		r.keepRelatedHeading()
		return
	}
	publisher := ""
	candidates := []string{a.Dateline.Credit, r.bylineOutlet}
	if f != nil {
		if f.template && f.kind == AttributionSyndicated {
			candidates = append(candidates, f.publisher)
		}
		candidates = append(candidates, f.agency.Name, f.distributor, f.copyright.Holder)
	}
	candidates = append(candidates, r.patternAgency)
	for _, c := range candidates {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		ag, own, ok := r.agencies.Lookup(c)
		if !ok {
			ag, own, ok = r.agencies.Mentioned(c)
		}
		switch {
		case ok && own:
		case ok:
			publisher = ag.Name
		default:
			publisher = c
		}
		if publisher != "" {
			break
		}
	}
	switch {
	case publisher != "":
		a.Attribution = Attribution{Kind: AttributionSyndicated, OriginalPublisher: publisher}
		if a.Copyright.Holder == "" {
			a.Copyright.Holder = publisher
			if ag, _, ok := r.agencies.Lookup(publisher); ok {
				a.Copyright.Holder = ag.AgencyHolder()
			}
		}
		a.Wire.Agency = publisher
		contributed = -1
	case contributed >= 0:
		source := r.frame[contributed].source
		if ag, _, ok := r.agencies.Lookup(source); ok && !r.frame[contributed].tagline {
			source = ag.Name
		}
		a.Attribution = Attribution{Kind: AttributionContributed, Source: source}
		a.Wire.Agency = source
	}
	r.keepTrailer(contributed)
	r.keepRelatedHeading()
}

// keepTrailer puts the trailer lines, and the contributed lines but the
// one at index contributed that became the attribution, into
// Article.Trailer in their order.
func (r *wireReader) keepTrailer(contributed int) {
	for i, l := range r.frame {
		if i == contributed {
			continue
		}
		r.a.Trailer = append(r.a.Trailer, l.text)
	}
	if f := r.footer; f != nil && !f.template && f.distributor != "" {
		// The distribution sentence is no copyright: it stays as sent.
		r.a.Trailer = append(r.a.Trailer, "Distributed by "+f.distributor+".")
	}
}

// keepRelatedHeading keeps the copy's own "More …" heading when the
// profile's template would write another one for this article.
func (r *wireReader) keepRelatedHeading() {
	h := r.w.RelatedHeading
	if h == "" {
		return
	}
	if want, err := ExecuteTemplate("related heading", r.p.RelatedHeading, CopyrightData(r.a, r.p)); err != nil || want != h {
		r.a.RelatedHeading = h
	}
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
	digits := true // every rune before i is a digit
	for i, r := range rs {
		if i > 0 {
			digits = digits && rs[i-1] >= '0' && rs[i-1] <= '9'
		}
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
			} else if i > 0 && digits {
				b.WriteByte('\\')
			}
		case ')':
			if i > 0 && digits {
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
