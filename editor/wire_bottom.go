package editor

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file is the wire importer's bottom-up pass: from the last line up,
// it takes off the "More …" list, the copyright footer (in the profile's
// wording, an agency's, or any "Copyright/© YEAR HOLDER" line), end marks,
// trailers, the public correction and the contributed-material lines,
// until it meets story text.

// frameKind says what a line at the end of the copy is.
type frameKind int

const (
	frameTrailer     frameKind = iota // a trailer line or end mark, kept in Article.Trailer
	frameContributed                  // "X contributed to this report" naming an outlet
)

// frameLine is a line the bottom pass took off, in its place.
type frameLine struct {
	kind frameKind
	text string
	// source is the outlet a contributed line names; tagline is set when
	// the line is in the tagline's own wording.
	source  string
	tagline bool
}

// footerFound is what the bottom pass read from the footer.
type footerFound struct {
	line      string
	copyright Copyright
	// template is set when one of the profile's templates wrote the line;
	// kind and publisher then say what it said.
	template  bool
	kind      AttributionKind
	publisher string
	// agency is the agency whose footer pattern matched, if any;
	// distributor the outlet of a "Distributed by …" part.
	agency      Agency
	distributor string
}

var (
	// endMarkRE are the end marks of any outlet.
	endMarkRE = regexp.MustCompile(`^(?:ends|Ends|ENDS?|Enditem|ENDITEM|End item|-30-|#{3}|# # #|NNNN|\(END\)|-0-)$`)
	// trailerRE are the trailer lines of any outlet.
	trailerRE = regexp.MustCompile(`^(?:\(?(?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Pp]roduction) by .+|To contact .+|This (?:report|story|article) (?:by .+ )?was (?:first )?published .+|—? ?With files from .+|.+ contributed (?:reporting )?to this (?:report|story)\.?)$`)
	// contributedRE is a line crediting an outlet's material.
	contributedRE = regexp.MustCompile(`^(?:—\s*)?(?:(?:Material from|With files from) (.+?)|(.+?) contributed to this (?:report|story))\.?$`)
	// distributedRE is a syndicate's distribution line.
	distributedRE = regexp.MustCompile(`(?:^|\.\s+)Distributed by (.+?)\.?$`)
	// copyrightOpenRE opens a copyright line of any wording.
	copyrightOpenRE = regexp.MustCompile(`^(?i:copyright|©|\(c\))(?:\s*(?:©|\(c\)))?\s*`)
	// yearsRE finds the years of a copyright line.
	yearsRE = regexp.MustCompile(`\b(1[89]\d\d|2\d\d\d)(?:\s*[-–]\s*(1[89]\d\d|2\d\d\d))?\b`)
	// rightsRE is the rights sentence after the holder.
	rightsRE = regexp.MustCompile(`(?i)\s*all rights reserved\.?$`)
)

// readBottom takes the frame off the end of lines and returns the lines
// before it.
func (r *wireReader) readBottom(lines []string) []string {
	// End marks after a More list close the copy; the list comes first.
	var tail []frameLine
	end := len(lines)
	for end > 0 && r.isEndMark(lines[end-1]) {
		tail = append([]frameLine{{kind: frameTrailer, text: lines[end-1]}}, tail...)
		end--
	}
	end = r.readRelated(lines[:end])
	var frame []frameLine
	correction, tagline := false, false
	for end > 0 {
		l := lines[end-1]
		if f, ok := r.readFooterLine(l); ok && r.footer == nil {
			r.footer = &f
			end--
			continue
		}
		if source, ok := ParseTagline(l); ok && !tagline {
			frame = append(frame, frameLine{kind: frameContributed, text: l, source: source, tagline: true})
			tagline = true
			end--
			continue
		}
		if r.isEndMark(l) || r.isTrailer(l) && !r.isContributed(l) {
			frame = append(frame, frameLine{kind: frameTrailer, text: l})
			end--
			continue
		}
		if !correction && isCorrectionLine(l) {
			r.a.CorrectionNote, r.a.Status = l, StatusCorrected
			correction = true
			end--
			continue
		}
		if m := contributedRE.FindStringSubmatch(l); m != nil && r.isContributed(l) {
			frame = append(frame, frameLine{kind: frameContributed, text: l, source: firstNonEmpty(m[1], m[2])})
			end--
			continue
		}
		if r.isTrailer(l) {
			frame = append(frame, frameLine{kind: frameTrailer, text: l})
			end--
			continue
		}
		break
	}
	for i := len(frame) - 1; i >= 0; i-- {
		r.frame = append(r.frame, frame[i])
	}
	r.frame = append(r.frame, tail...)
	return lines[:end]
}

// readRelated finds a footer followed by a related heading among the
// last lines, reads the heading and its teasers, and returns where they
// start.
func (r *wireReader) readRelated(lines []string) int {
	for i := len(lines) - 2; i >= 0 && i >= len(lines)-40; i-- {
		if _, ok := r.readFooterLine(lines[i]); !ok || !r.fr.IsRelatedHeading(lines[i+1]) {
			continue
		}
		r.w.RelatedHeading = lines[i+1]
		for _, t := range lines[i+2:] {
			r.a.Related = append(r.a.Related, Teaser{Text: t})
		}
		return i + 1
	}
	return len(lines)
}

// isEndMark reports whether line is an end mark.
func (r *wireReader) isEndMark(line string) bool {
	if endMarkRE.MatchString(line) {
		return true
	}
	a, ok := r.agencies.EndMark(line)
	if ok {
		r.note(a)
	}
	return ok
}

// isTrailer reports whether line is a trailer line.
func (r *wireReader) isTrailer(line string) bool {
	if a, ok := r.agencies.Trailer(line); ok {
		r.note(a)
		return true
	}
	return trailerRE.MatchString(line)
}

// isContributed reports whether line credits an outlet's material to the
// story: the tagline's own wording always, other wordings when they name
// an outlet of the agency table, not a writer. Own exports use only the
// tagline.
func (r *wireReader) isContributed(line string) bool {
	m := contributedRE.FindStringSubmatch(line)
	if m == nil || r.strict {
		return false
	}
	_, own, ok := r.agencies.Lookup(firstNonEmpty(m[1], m[2]))
	return ok && !own
}

// note remembers an agency that one of its own patterns recognised.
func (r *wireReader) note(a Agency) {
	if r.patternAgency == "" {
		r.patternAgency = a.Name
	}
}

// readFooterLine reads a copyright footer: in the wording of the
// profile's templates (and the default ones), of an agency's footer
// patterns, or of any line that opens with "Copyright", "©" or "(c)" and
// names a year and a holder.
func (r *wireReader) readFooterLine(line string) (footerFound, bool) {
	if f, ok := r.fr.ReadFooter(line); ok {
		return footerFound{line: line, copyright: f.Copyright, template: true, kind: f.Kind, publisher: f.Publisher}, true
	}
	if r.strict {
		return footerFound{}, false
	}
	f := footerFound{line: line}
	if m := distributedRE.FindStringSubmatchIndex(line); m != nil {
		f.distributor = strings.TrimSpace(line[m[2]:m[3]])
		line = strings.TrimSpace(line[:m[0]])
	}
	if a, ok := r.agencies.Footer(f.line); ok {
		f.agency = a
		f.copyright = Copyright{Holder: a.AgencyHolder()}
		if y := yearsRE.FindStringSubmatch(line); y != nil {
			f.copyright.Since, f.copyright.Year = readYears(y)
		}
		return f, true
	}
	loc := copyrightOpenRE.FindStringIndex(line)
	if loc == nil {
		return f, f.distributor != "" && line == ""
	}
	rest := line[loc[1]:]
	y := yearsRE.FindStringSubmatchIndex(rest)
	var since, year int
	if y != nil {
		since, year = readYears(submatches(rest, y))
		rest = rest[:y[0]] + " " + rest[y[1]:]
	}
	holder := holderText(rightsRE.ReplaceAllString(strings.TrimSpace(rest), ""))
	if holder == "" || utf8.RuneCountInString(holder) > 80 || since > year {
		return footerFound{}, false
	}
	if y == nil {
		if _, _, ok := r.agencies.Lookup(holder); !ok {
			return footerFound{}, false // neither a year nor a known holder
		}
	}
	f.copyright = Copyright{Holder: holder, Since: since, Year: year}
	return f, true
}

// submatches returns the texts of the groups of m in s.
func submatches(s string, m []int) []string {
	out := make([]string, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return out
}

// readYears reads a match of yearsRE into start year and year.
func readYears(m []string) (since, year int) {
	since, _ = strconv.Atoi(m[1])
	year = since
	if m[2] != "" {
		year, _ = strconv.Atoi(m[2])
	}
	return since, year
}

// holderText trims a copyright holder: white space and the commas and
// full stops around it, keeping the full stop of "Inc." and "L.P.".
func holderText(s string) string {
	s = strings.Trim(oneLine(s), " ,")
	if !strings.HasSuffix(s, ".") {
		return s
	}
	last := s[strings.LastIndex(s, " ")+1:]
	if strings.Count(last, ".") > 1 || last == "Inc." || last == "Co." || last == "Corp." || last == "Ltd." {
		return s
	}
	return strings.TrimSuffix(s, ".")
}

// yearOfCopy is the year the copy itself gives, read from the footer, the
// trailer and end marks ("was first published Nov. 14, 2026",
// "AP-WF-11-14-26"), or 0.
func (r *wireReader) yearOfCopy() int {
	if r.footer != nil && r.footer.copyright.Year != 0 {
		return r.footer.copyright.Year
	}
	for _, f := range r.frame {
		if y := yearsRE.FindStringSubmatch(f.text); y != nil {
			_, year := readYears(y)
			return year
		}
		if m := twoDigitYearRE.FindStringSubmatch(f.text); m != nil {
			y, _ := strconv.Atoi(m[1])
			return 2000 + y
		}
	}
	return 0
}

// twoDigitYearRE is the date of an AP end mark, "AP-WF-11-14-26".
var twoDigitYearRE = regexp.MustCompile(`^[A-Z]{2}-[A-Z]{2}-\d{2}-\d{2}-(\d{2})\b`)
