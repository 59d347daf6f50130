package editor

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file is the wire importer's first step, the layout pre-pass: it
// recognises how the copy was transmitted (ANPA-1312, IPTC 7901,
// indented, hard-wrapped, blank-line or one-line-per-paragraph text),
// reads the transmission header into a WireHeader, and turns the text into
// one paragraph a line, which the top and bottom passes read.

// Transmission layouts a WireHeader names.
const (
	LayoutANPA     = "anpa-1312"
	LayoutIPTC     = "iptc-7901"
	LayoutIndented = "indented"
	LayoutWrapped  = "hard-wrapped"
	LayoutBlank    = "blank-line"
	LayoutLines    = "line-per-paragraph"
)

// wireLayout is the copy after the pre-pass.
type wireLayout struct {
	// lines are the paragraphs, one a line, trimmed, none empty.
	lines []string
	// header is the transmission header read; its Layout is always set.
	header WireHeader
}

var (
	// anpaHeaderRE is an ANPA-1312 header line: selector and story
	// number, priority, category, keyword slug, optional date and word
	// count ("a0482 r f BC-Port-Strike 11-14 0612").
	anpaHeaderRE = regexp.MustCompile(`^([a-z]\d{4}) ([a-z]) ([a-z]) (\S+?),?(?: (\d{1,2}-\d{1,2}))?(?: (\d{2,5}))?$`)
	// iptcHeaderRE is an IPTC 7901 header line: source and message
	// number, priority digit, category and word count ("HTS0417 4 pol 412").
	iptcHeaderRE = regexp.MustCompile(`^([A-Z]{2,6}\d{3,5}) (\d) ([a-z]{3}) (\d{1,5})$`)
)

// readWireLayout runs the pre-pass on text (LF line ends, no BOM). keep
// asks for the lines as they are, with no joining of hard-wrapped lines:
// the text is Dateline's own export.
func readWireLayout(text string, keep bool) wireLayout {
	var l wireLayout
	transmission := strings.ContainsAny(text, "\x01\x02\x03\x04\x16")
	// STX opens the text after the header; the other control characters
	// only frame the message.
	text = strings.Map(func(r rune) rune {
		switch {
		case r == '\x02':
			return '\n'
		case r == '\t' || r == '\n':
			return r
		case r < 0x20 || r == 0x7f:
			return -1
		}
		return r
	}, text)
	raw := strings.Split(text, "\n")
	for i := range raw {
		raw[i] = strings.TrimRight(raw[i], " ")
	}
	first := firstNonBlank(raw)
	switch {
	case first >= 0 && anpaHeaderRE.MatchString(strings.TrimSpace(raw[first])):
		l.header = anpaHeader(strings.TrimSpace(raw[first]))
		raw = raw[first+1:]
	case first >= 0 && strings.TrimSpace(raw[first]) == "ZCZC" || first >= 0 && iptcHeaderRE.MatchString(strings.TrimSpace(raw[first])):
		raw = raw[first:]
		if strings.TrimSpace(raw[0]) == "ZCZC" {
			raw = raw[1:]
		}
		if f := firstNonBlank(raw); f >= 0 && iptcHeaderRE.MatchString(strings.TrimSpace(raw[f])) {
			l.header = iptcHeader(strings.TrimSpace(raw[f]))
			raw = raw[f+1:]
			if s := firstNonBlank(raw); s >= 0 && isIPTCSlug(strings.TrimSpace(raw[s])) {
				l.header.Slug = strings.TrimSpace(raw[s])
				raw = raw[s+1:]
			}
		} else {
			l.header.Layout = LayoutIPTC
		}
	}
	if l.header.Layout == "" && transmission {
		l.header.Layout = LayoutANPA
	}
	l.lines = paragraphs(raw, keep, &l.header)
	return l
}

// looksLikeAgencyCopy reports whether text, of no known extension, reads
// as agency wire copy: it has transmission control characters or an
// ANPA-1312 or IPTC 7901 header, or one of its first lines opens with a
// dateline naming a known agency.
func looksLikeAgencyCopy(text []byte) bool {
	s := string(text[:min(len(text), 1<<16)])
	if strings.ContainsAny(s, "\x01\x16") {
		return true
	}
	lines := splitWireLines([]byte(s))
	if len(lines) > 0 && (lines[0] == "ZCZC" || anpaHeaderRE.MatchString(lines[0]) || iptcHeaderRE.MatchString(lines[0])) {
		return true
	}
	r := &wireReader{year: 2000, agencies: NewAgencyTable(Profile{})}
	for _, l := range lines[:min(len(lines), 6)] {
		if d, _, _, ok := r.readDateline(l); ok && d.Credit != "" {
			if _, _, known := r.agencies.Lookup(d.Credit); known {
				return true
			}
		}
	}
	return false
}

// firstNonBlank is the index of the first line with text, or -1.
func firstNonBlank(lines []string) int {
	for i, s := range lines {
		if strings.TrimSpace(s) != "" {
			return i
		}
	}
	return -1
}

// anpaHeader reads an ANPA-1312 header line.
func anpaHeader(line string) WireHeader {
	m := anpaHeaderRE.FindStringSubmatch(line)
	h := WireHeader{Layout: LayoutANPA, Header: line, Priority: m[2], Category: m[3], Slug: m[4]}
	h.WordCount, _ = strconv.Atoi(m[6])
	return h
}

// iptcHeader reads an IPTC 7901 header line.
func iptcHeader(line string) WireHeader {
	m := iptcHeaderRE.FindStringSubmatch(line)
	h := WireHeader{Layout: LayoutIPTC, Header: line, Priority: m[2], Category: m[3]}
	h.WordCount, _ = strconv.Atoi(m[4])
	return h
}

// isIPTCSlug: one keyword or a few joined by hyphens, no spaces.
func isIPTCSlug(s string) bool {
	return s != "" && !strings.ContainsAny(s, " =") && utf8.RuneCountInString(s) <= 40
}

// headerLine reads a line that marks itself as a header line in
// transmitted copy: "^Headline<", "^By NAME=" (ANPA-1312) or "Headline ="
// (IPTC 7901). It returns the text without the marks.
func headerLine(s string) (string, bool) {
	t := strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(t, "^") && (strings.HasSuffix(t, "<") || strings.HasSuffix(t, "=")):
		return strings.TrimSpace(t[1 : len(t)-1]), true
	case strings.HasSuffix(t, " =") && len(t) > 2:
		return strings.TrimSpace(t[:len(t)-2]), true
	case strings.HasSuffix(t, "<") && strings.Count(t, "<") == 1 && !strings.Contains(t, ">"):
		return strings.TrimSpace(t[:len(t)-1]), true
	}
	return "", false
}

// isIndented reports whether a raw line opens with a tab or two spaces.
func isIndented(s string) bool {
	return strings.HasPrefix(s, "\t") || strings.HasPrefix(s, "  ")
}

// paragraphs turns raw lines into paragraphs and sets h.Layout when the
// header did not. Header lines are paragraphs of their own. In indented
// copy (ANPA-1312, IPTC 7901 and typed copy alike) an indented line opens
// a paragraph and the lines after it continue it; otherwise lines are
// joined only when the text is hard-wrapped (see wrapWidth).
func paragraphs(raw []string, keep bool, h *WireHeader) []string {
	var out []string
	blank, indented, plain := false, 0, 0
	seen, gap := false, false // a line with text was seen; a blank line followed it
	for _, s := range raw {
		if strings.TrimSpace(s) != "" {
			blank = blank || gap
		}
		switch {
		case strings.TrimSpace(s) == "":
			gap = seen
		case isIndented(s):
			indented++
		default:
			if _, ok := headerLine(s); !ok {
				plain++
			}
		}
		seen = seen || strings.TrimSpace(s) != ""
	}
	byIndent := !keep && indented >= 2 && plain > 0 || (h.Layout == LayoutANPA || h.Layout == LayoutIPTC) && indented > 0
	width := 0
	if !keep && !byIndent {
		width = wrapWidth(raw)
	}
	switch {
	case h.Layout != "":
	case keep:
		h.Layout = ""
	case byIndent:
		h.Layout = LayoutIndented
	case width > 0:
		h.Layout = LayoutWrapped
	case blank:
		h.Layout = LayoutBlank
	default:
		h.Layout = LayoutLines
	}
	var paras [][]string
	open := false // the last paragraph may be continued
	for i, s := range raw {
		t := strings.TrimSpace(s)
		if t == "" {
			open = false
			continue
		}
		if text, ok := headerLine(s); ok && !keep {
			if text != "" {
				paras = append(paras, []string{text})
			}
			open = false
			continue
		}
		switch {
		case byIndent && !isIndented(s) && open && !endMarkRE.MatchString(t):
			paras[len(paras)-1] = append(paras[len(paras)-1], t)
		case !byIndent && width > 0 && open && joinsWrapped(strings.TrimSpace(raw[i-1]), t, width):
			paras[len(paras)-1] = append(paras[len(paras)-1], t)
		default:
			paras = append(paras, []string{t})
		}
		open = byIndent && isIndented(s) || byIndent && open || width > 0
	}
	for _, p := range paras {
		out = append(out, strings.Join(p, " "))
	}
	return out
}

// wrapWidth returns the column text was hard-wrapped at, or 0 when it
// was not: every line is at most 80 characters, at least three lines and
// two in five reach within ten characters of the longest, and most of
// those end inside a sentence.
func wrapWidth(raw []string) int {
	width, n := 0, 0
	for _, s := range raw {
		if t := strings.TrimSpace(s); t != "" {
			width = max(width, utf8.RuneCountInString(t))
			n++
		}
	}
	if width > 80 || width < 40 {
		return 0
	}
	near, open := 0, 0
	for _, s := range raw {
		if t := strings.TrimSpace(s); t != "" && utf8.RuneCountInString(t) >= width-10 {
			near++
			if last, _ := utf8.DecodeLastRuneInString(t); !strings.ContainsRune(".!?:\"”’'", last) {
				open++
			}
		}
	}
	// Wrapped lines mostly break inside a sentence; paragraphs end one.
	if near < 3 || near*5 < n*2 || open*2 < near {
		return 0
	}
	return width
}

// joinsWrapped reports whether next continues prev in text wrapped at
// width: the first word of next would have fitted on prev.
func joinsWrapped(prev, next string, width int) bool {
	word, _, _ := strings.Cut(next, " ")
	return utf8.RuneCountInString(prev)+1+utf8.RuneCountInString(word) > width
}
