package editor

import (
	_ "embed"
	"encoding/json"
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// This file holds the agency table: the wire agencies and syndicates whose
// copy the wire importer recognises, as data (agencies.json), extended by a
// profile's own entries (Profile.Agencies) and by the library's own
// publisher. The importer asks it who a credit, byline title or copyright
// holder names, and which lines are an agency's end marks, trailers and
// footers.

//go:embed agencies.json
var agenciesJSON []byte

// Agency is one wire agency or syndicate.
type Agency struct {
	// Name is the agency's full name, as an attribution names it:
	// "Associated Press".
	Name string `json:"name"`
	// Credits are the other names copy credits it by, short or long: "AP",
	// "The Associated Press". Credits of three letters or fewer match only
	// in the case written here.
	Credits []string `json:"credits,omitempty"`
	// Holder is the copyright holder of its copy when the copy names none;
	// "" means Name.
	Holder string `json:"holder,omitempty"`
	// Dash is the dateline dash the agency uses ("—", "--", "-", "_").
	Dash string `json:"dash,omitempty"`
	// DateStyle says how its datelines write the date: "ap" ("Nov. 14"),
	// "ap-no-period" ("Nov 14") or "none".
	DateStyle string `json:"date_style,omitempty"`
	// EndMarks, Trailers and Footers are regular expressions that match a
	// whole trimmed line: the agency's end-of-copy marks, its trailer
	// lines (reporting credits, contacts) and its copyright lines.
	EndMarks []string `json:"end_marks,omitempty"`
	Trailers []string `json:"trailers,omitempty"`
	Footers  []string `json:"footers,omitempty"`
}

// agencyFile is the layout of agencies.json.
type agencyFile struct {
	Comment  string   `json:"comment"`
	Agencies []Agency `json:"agencies"`
}

// builtinAgencies is the embedded table.
var builtinAgencies = func() []Agency {
	var f agencyFile
	if err := json.Unmarshal(agenciesJSON, &f); err != nil {
		panic("agencies.json: " + err.Error())
	}
	return f.Agencies
}()

// BuiltinAgencies returns a copy of the embedded agency table.
func BuiltinAgencies() []Agency {
	out := make([]Agency, len(builtinAgencies))
	copy(out, builtinAgencies)
	return out
}

// AgencyHolder is the copyright holder of a's copy.
func (a Agency) AgencyHolder() string {
	if a.Holder != "" {
		return a.Holder
	}
	return a.Name
}

// compiledAgency is an agency with its patterns compiled.
type compiledAgency struct {
	Agency
	own                         bool
	endMarks, trailers, footers []*regexp.Regexp
}

// AgencyTable answers the importer's questions about agencies.
type AgencyTable struct {
	agencies []compiledAgency
}

// NewAgencyTable builds the table for p: the profile's own agencies first
// (so that they can redefine a built-in one), then the built-in ones, then
// the library's own publisher. Patterns that do not compile are left out;
// Profile.Validate reports them.
func NewAgencyTable(p Profile) *AgencyTable {
	t := &AgencyTable{}
	if pub := strings.TrimSpace(p.Publisher); pub != "" {
		own := Agency{Name: pub}
		if h := strings.TrimSpace(p.Holder); h != "" && h != pub {
			own.Credits = []string{h}
			own.Holder = h
		}
		t.agencies = append(t.agencies, compileAgency(own, true))
	}
	for _, a := range p.Agencies {
		if strings.TrimSpace(a.Name) != "" {
			t.agencies = append(t.agencies, compileAgency(a, false))
		}
	}
	t.agencies = append(t.agencies, builtinCompiled()...)
	return t
}

// compileAgency compiles a's patterns.
func compileAgency(a Agency, own bool) compiledAgency {
	a.Name = strings.TrimSpace(a.Name)
	return compiledAgency{Agency: a, own: own, endMarks: compilePatterns(a.EndMarks),
		trailers: compilePatterns(a.Trailers), footers: compilePatterns(a.Footers)}
}

// builtinCompiled is the embedded table compiled, once.
var builtinCompiled = sync.OnceValue(func() []compiledAgency {
	out := make([]compiledAgency, len(builtinAgencies))
	for i, a := range builtinAgencies {
		out[i] = compileAgency(a, false)
	}
	return out
})

// compilePatterns compiles the patterns that compile.
func compilePatterns(srcs []string) []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, s := range srcs {
		if re, err := regexp.Compile(s); err == nil {
			out = append(out, re)
		}
	}
	return out
}

// CheckAgencies reports, as an *Error with code EINVALID, the first agency
// of list with no name or with a pattern that does not compile.
func CheckAgencies(list []Agency) error {
	for i, a := range list {
		if strings.TrimSpace(a.Name) == "" {
			return Errorf(EINVALID, "agency %d has no name", i+1)
		}
		for _, group := range [][]string{a.EndMarks, a.Trailers, a.Footers} {
			for _, src := range group {
				if _, err := regexp.Compile(src); err != nil {
					return Errorf(EINVALID, "agency %s: the pattern %q does not compile: %v", a.Name, src, err)
				}
			}
		}
	}
	return nil
}

// Lookup finds the agency that s names exactly (its name or a credit,
// with an optional leading "The"), and reports whether it is the
// library's own publisher.
func (t *AgencyTable) Lookup(s string) (a Agency, own, ok bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if s == "" {
		return Agency{}, false, false
	}
	bare := strings.TrimPrefix(s, "The ")
	for _, c := range t.agencies {
		for _, n := range c.names() {
			if creditEqual(n, s) || creditEqual(strings.TrimPrefix(n, "The "), bare) {
				return c.Agency, c.own, true
			}
		}
	}
	return Agency{}, false, false
}

// Mentioned finds the first agency whose name or credit s contains as
// whole words ("AP Business Writer", "Christian Post Reporter").
func (t *AgencyTable) Mentioned(s string) (a Agency, own, ok bool) {
	for _, c := range t.agencies {
		for _, n := range c.names() {
			if containsWords(s, n) {
				return c.Agency, c.own, true
			}
		}
	}
	return Agency{}, false, false
}

// names are the name and the credits of c.
func (c compiledAgency) names() []string {
	return append([]string{c.Name}, c.Credits...)
}

// creditEqual compares a table name with a text: short credits ("AP",
// "dpa") in their case, longer names without regard to case.
func creditEqual(name, s string) bool {
	if len(name) <= 3 {
		return name == s
	}
	return strings.EqualFold(name, s)
}

// containsWords reports whether s holds name as whole words; short names
// must match in case.
func containsWords(s, name string) bool {
	if name == "" {
		return false
	}
	hay, needle := s, name
	if len(name) > 3 {
		hay, needle = strings.ToLower(s), strings.ToLower(name)
	}
	for i := 0; ; {
		j := strings.Index(hay[i:], needle)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(needle)
		if (start == 0 || !isWordByte(hay[start-1])) && (end == len(hay) || !isWordByte(hay[end])) {
			return true
		}
		i = start + 1
	}
}

// isWordByte reports whether b continues a word.
func isWordByte(b byte) bool {
	return b >= 0x80 || b == '_' || b == '-' || unicode.IsLetter(rune(b)) || unicode.IsDigit(rune(b))
}

// matchLine reports which agency's pattern of the given kind matches
// line.
func (t *AgencyTable) matchLine(line string, kind func(compiledAgency) []*regexp.Regexp) (Agency, bool) {
	for _, c := range t.agencies {
		for _, re := range kind(c) {
			if re.MatchString(line) {
				return c.Agency, true
			}
		}
	}
	return Agency{}, false
}

// EndMark reports whether line is an agency's end-of-copy mark.
func (t *AgencyTable) EndMark(line string) (Agency, bool) {
	return t.matchLine(line, func(c compiledAgency) []*regexp.Regexp { return c.endMarks })
}

// Trailer reports whether line is an agency's trailer line.
func (t *AgencyTable) Trailer(line string) (Agency, bool) {
	return t.matchLine(line, func(c compiledAgency) []*regexp.Regexp { return c.trailers })
}

// Footer reports whether line is an agency's own copyright line.
func (t *AgencyTable) Footer(line string) (Agency, bool) {
	return t.matchLine(line, func(c compiledAgency) []*regexp.Regexp { return c.footers })
}

// FormatAgencyLines writes agencies for the settings editor, one a line:
// "Name: credit, credit". Patterns are not shown.
func FormatAgencyLines(list []Agency) string {
	var b strings.Builder
	for _, a := range list {
		b.WriteString(a.Name)
		if len(a.Credits) > 0 {
			b.WriteString(": " + strings.Join(a.Credits, ", "))
		}
		b.WriteByte('\n')
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// ParseAgencyLines reads the settings editor's agency lines (see
// FormatAgencyLines). An agency keeps the patterns prev gives it under
// the same name. A line with no name, or a name given twice, is an
// *Error with code EINVALID.
func ParseAgencyLines(text string, prev []Agency) ([]Agency, error) {
	var out []Agency
	seen := map[string]bool{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		name, credits, _ := strings.Cut(line, ":")
		name = strings.TrimSpace(name)
		if name == "" {
			return nil, Errorf(EINVALID, "line %d: write the agency as Name: credit, credit", i+1)
		}
		if seen[strings.ToLower(name)] {
			return nil, Errorf(EINVALID, "line %d: %s is named twice", i+1, name)
		}
		seen[strings.ToLower(name)] = true
		a := Agency{Name: name}
		for _, p := range prev {
			if p.Name == name {
				a = p
				a.Credits = nil
			}
		}
		for _, c := range strings.Split(credits, ",") {
			if c = strings.TrimSpace(c); c != "" {
				a.Credits = append(a.Credits, c)
			}
		}
		out = append(out, a)
	}
	return out, nil
}
