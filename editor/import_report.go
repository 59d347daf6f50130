package editor

import (
	"strconv"
	"strings"
)

// ImportReport says what an import recognised in a file, one part a line
// ("agency: Associated Press (syndicated)", "byline: …", "dateline: …",
// "footer: …", "trailer: …", "body: 3 paragraphs, 52 words"), so that a
// desk editor can check at a glance what went where. The command line
// and the Import dialog show it for each file.
func ImportReport(a *Article) []string {
	var out []string
	add := func(part, text string) { out = append(out, part+": "+text) }
	switch a.Attribution.Kind {
	case AttributionSyndicated:
		add("agency", firstNonEmpty(a.Attribution.OriginalPublisher, a.Wire.Agency, "unnamed outlet")+" (syndicated)")
	case AttributionContributed:
		add("agency", firstNonEmpty(a.Attribution.Source, "unnamed outlet")+" (contributed material)")
	default:
		add("agency", "none; own copy")
	}
	if a.Wire.Layout != "" {
		s := a.Wire.Layout
		if a.Wire.Slug != "" {
			s += ", slug " + a.Wire.Slug
		}
		if a.Wire.WordCount > 0 {
			s += ", " + strconv.Itoa(a.Wire.WordCount) + " words by its header"
		}
		add("layout", s)
	}
	for _, adv := range a.Advisories {
		add("advisory", adv)
	}
	if a.EditorsNote != "" {
		add("editor's note", oneLine(a.EditorsNote))
	}
	add("headline", reportText(a.Headline))
	add("byline", reportText(FormatByline(a.Byline)))
	if a.Wire.Byline != "" {
		add("byline as received", strings.ReplaceAll(a.Wire.Byline, "\n", " / "))
	}
	dl := strings.TrimSpace(FormatDateline(a.Dateline, DashEn))
	add("dateline", reportText(strings.TrimSpace(strings.TrimSuffix(dl, DashEn))))
	if c := a.Copyright; c.Holder != "" || c.Year != 0 {
		add("footer", strings.Join(strings.Fields("© "+FormatCopyrightYears(c)+" "+c.Holder), " "))
	} else {
		add("footer", "none; exports use the profile's")
	}
	if a.Status == StatusCorrected && a.CorrectionNote != "" {
		add("correction", a.CorrectionNote)
	}
	switch n := len(a.Trailer); n {
	case 0:
		add("trailer", "none")
	case 1:
		add("trailer", a.Trailer[0])
	default:
		add("trailer", strconv.Itoa(n)+" lines: "+strings.Join(a.Trailer, " | "))
	}
	if n := len(a.Related); n > 0 {
		add("related", firstNonEmpty(a.RelatedHeading, "More …")+", "+countOf(n, "teaser"))
	}
	paras := 0
	for _, p := range strings.Split(a.Body, "\n\n") {
		if strings.TrimSpace(p) != "" {
			paras++
		}
	}
	add("body", countOf(paras, "paragraph")+", "+countOf(CountWords(a.Body), "word"))
	return out
}

// reportText is s, or "none".
func reportText(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return "none"
	}
	return s
}

// countOf writes "1 word" or "3 words".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
