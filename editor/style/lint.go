package style

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/editor/spell"
)

// The fields a finding can be in. Body positions are lines of the Markdown
// source; the other fields are one line each.
const (
	FieldBody     = "body"
	FieldHeadline = "headline"
	FieldDeck     = "deck"
	FieldByline   = "byline"
	FieldDateline = "dateline"
)

func validField(f string) bool {
	switch f {
	case FieldBody, FieldHeadline, FieldDeck, FieldByline, FieldDateline:
		return true
	}
	return false
}

// DefaultMaxSentenceWords is the long-sentence limit when a profile sets
// none.
const DefaultMaxSentenceWords = 35

// Finding is one spelling or style problem: which rule, how serious, where
// (a field, and in it a range from line Line byte Start to line EndLine
// byte End, lines counted from 0), the text found and what AP style wants
// there, if one thing.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Field    string   `json:"field"`
	Line     int      `json:"-"`
	Start    int      `json:"-"`
	EndLine  int      `json:"-"`
	End      int      `json:"-"`
	// Column is the 1-based column, in characters, of Start.
	Column int    `json:"column"`
	Text   string `json:"text"`
	Want   string `json:"want,omitempty"`
}

// Key names a finding for "Ignore in this draft": its rule, field and
// text, so that it stays ignored when the text around it moves.
func (f Finding) Key() string {
	return f.Rule + ":" + f.Field + ":" + f.Text
}

// Position is the finding's 1-based line and column, as `dateline lint`
// prints them.
func (f Finding) Position() (line, col int) { return f.Line + 1, f.Column }

// String formats a finding as `dateline lint` prints it:
// "field:line:col: severity: message [rule]".
func (f Finding) String() string {
	l, c := f.Position()
	return f.Field + ":" + strconv.Itoa(l) + ":" + strconv.Itoa(c) + ": " + string(f.Severity) + ": " + f.Message + " [" + f.Rule + "]"
}

// Config is what a lint runs with, mostly from the library's Profile and
// the draft.
type Config struct {
	// Disabled lists the rule ids the desk switched off.
	Disabled []string
	// MaxSentenceWords is the long-sentence limit; 0 means the default.
	MaxSentenceWords int
	// Publisher is the library's publisher, the credit original copy
	// carries in its dateline.
	Publisher string
	// Spell checks the spelling; nil leaves spelling out.
	Spell *spell.Checker
	// Ignore lists the finding keys (Finding.Key) the draft ignores.
	Ignore []string
}

// ConfigFor returns the configuration a library's profile gives a draft,
// with spelling by checker (nil for none).
func ConfigFor(p editor.Profile, a *editor.Article, checker *spell.Checker) Config {
	return Config{
		Disabled:         p.DisabledRules,
		MaxSentenceWords: p.MaxSentenceWords,
		Publisher:        p.Publisher,
		Spell:            checker,
		Ignore:           a.IgnoreFindings,
	}
}

// KnownWords lists the words a draft's spelling accepts besides the
// dictionary: the names in its byline, dateline, attribution and
// copyright, the library's publisher and holder and its own dictionary,
// and the words the draft ignores.
func KnownWords(p editor.Profile, a *editor.Article) []string {
	var ws []string
	ws = append(ws, a.Byline.Authors...)
	ws = append(ws, a.Byline.Title, a.Dateline.Place, a.Dateline.Credit, a.Attribution.Source,
		a.Attribution.OriginalPublisher, a.Copyright.Holder, p.Publisher, p.Holder)
	ws = append(ws, p.Dictionary...)
	ws = append(ws, a.IgnoreWords...)
	// The agency table's names and credits, built in and the library's own
	// (Profile.Agencies): "Xinhua", "Kyodo", "dpa" are never misspellings.
	for _, ag := range append(editor.BuiltinAgencies(), p.Agencies...) {
		ws = append(ws, ag.Name, ag.Holder)
		ws = append(ws, ag.Credits...)
	}
	return ws
}

// Lint runs every enabled rule on an article and returns the findings in
// field order (headline, deck, byline, dateline, body), then by position.
func Lint(a *editor.Article, cfg Config) []Finding {
	t, err := rulesTable()
	if err != nil {
		panic(err)
	}
	if cfg.MaxSentenceWords <= 0 {
		cfg.MaxSentenceWords = DefaultMaxSentenceWords
	}
	l := &linter{t: t, cfg: cfg, a: a, disabled: map[string]bool{}, ignored: map[string]bool{}}
	for _, id := range cfg.Disabled {
		l.disabled[id] = true
	}
	for _, k := range cfg.Ignore {
		l.ignored[k] = true
	}
	l.doc(FieldHeadline, a.Headline)
	l.doc(FieldDeck, a.Deck)
	// The byline and dateline are one line each, whatever was pasted in.
	for _, name := range a.Byline.Authors {
		l.authors = append(l.authors, oneLine(name))
	}
	l.place = oneLine(a.Dateline.Place)
	l.doc(FieldByline, strings.Join(l.authors, "; "))
	l.doc(FieldDateline, datelineText(editor.Dateline{Place: l.place, Credit: oneLine(a.Dateline.Credit)}))
	l.doc(FieldBody, a.Body)
	order := map[string]int{FieldHeadline: 0, FieldDeck: 1, FieldByline: 2, FieldDateline: 3, FieldBody: 4}
	sort.SliceStable(l.out, func(i, j int) bool {
		a, b := l.out[i], l.out[j]
		if a.Field != b.Field {
			return order[a.Field] < order[b.Field]
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Start < b.Start
	})
	return l.out
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == SeverityError {
			return true
		}
	}
	return false
}

// linter is one run of Lint.
type linter struct {
	t        *table
	cfg      Config
	a        *editor.Article
	disabled map[string]bool
	ignored  map[string]bool
	out      []Finding

	// authors and place are the byline's names and the dateline place
	// on one line.
	authors []string
	place   string

	// The document being checked.
	field  string
	lines  []string // source lines
	masked []string // prose only (spell.MaskLine)
}

// para is a paragraph of a field: its masked text (lines joined by "\n")
// and where each of its lines starts.
type para struct {
	text  string
	first int   // the index of its first line
	start []int // byte offset of each line in text
	ws    [][2]int
	wsOK  bool
}

// words returns the paragraph's words (see words), computed once.
func (p *para) words() [][2]int {
	if !p.wsOK {
		p.ws, p.wsOK = words(p.text), true
	}
	return p.ws
}

// doc checks one field.
func (l *linter) doc(field, text string) {
	l.field = field
	l.lines = strings.Split(text, "\n")
	code := make([]bool, len(l.lines))
	if field == FieldBody {
		code = spell.LineKinds(l.lines)
	}
	l.masked = make([]string, len(l.lines))
	for i, ln := range l.lines {
		if !code[i] {
			l.masked[i] = spell.MaskLine(ln)
		} else {
			l.masked[i] = strings.Repeat(" ", len(ln))
		}
	}
	switch field {
	case FieldByline, FieldDateline:
		for _, r := range l.t.rules {
			if l.enabled(&r) {
				checks[r.ID](l, &r, nil, 0)
			}
		}
		return
	}
	if l.enabled(l.t.byID["spelling"]) && l.cfg.Spell != nil {
		var ms []spell.Miss
		if field == FieldBody {
			ms = l.cfg.Spell.CheckText(text)
		} else {
			ms = l.cfg.Spell.CheckLine(strings.ReplaceAll(text, "\n", " "))
		}
		r := l.t.byID["spelling"]
		for _, m := range ms {
			l.addAt(r, m.Line, m.Start, m.Line, m.End, "")
		}
	}
	paras := l.paragraphs()
	for i := range l.t.rules {
		r := &l.t.rules[i]
		if r.ID == "spelling" || !l.enabled(r) {
			continue
		}
		for k := range paras {
			checks[r.ID](l, r, paras, k)
		}
	}
}

// oneLine replaces the line breaks of a one-line field by spaces.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", "  ", "\n", " ", "\r", " ").Replace(s)
}

// datelineText is the dateline field as findings count its columns: the
// place, then the credit in parentheses.
func datelineText(d editor.Dateline) string {
	s := d.Place
	if c := strings.TrimSpace(d.Credit); c != "" {
		if s != "" {
			s += " "
		}
		s += "(" + c + ")"
	}
	return s
}

// enabled reports whether a rule runs on the current field.
func (l *linter) enabled(r *Rule) bool {
	if r == nil || l.disabled[r.ID] {
		return false
	}
	for _, f := range r.Fields {
		if f == l.field {
			return true
		}
	}
	return false
}

// paragraphs groups the masked lines into paragraphs: runs of non-blank
// lines, with a heading, list item or quote starting a new one.
func (l *linter) paragraphs() []para {
	var out []para
	var cur *para
	for i, m := range l.masked {
		src := strings.TrimSpace(l.lines[i])
		if strings.TrimSpace(m) == "" || strings.HasPrefix(src, "|") {
			cur = nil // blank, or a table row: figures in tables are data
			continue
		}
		if cur == nil || strings.HasPrefix(src, "#") || strings.HasPrefix(src, ">") || isListStart(src) {
			out = append(out, para{first: i})
			cur = &out[len(out)-1]
		} else {
			cur.text += "\n"
		}
		cur.start = append(cur.start, len(cur.text))
		cur.text += m
	}
	return out
}

func isListStart(s string) bool {
	if len(s) >= 2 && strings.ContainsRune("-*+", rune(s[0])) && s[1] == ' ' {
		return true
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

// pos maps a byte offset in a paragraph to a line and an offset in it.
func (p *para) pos(off int) (line, at int) {
	k := sort.Search(len(p.start), func(i int) bool { return p.start[i] > off }) - 1
	if k < 0 {
		k = 0
	}
	return p.first + k, off - p.start[k]
}

// add reports a finding over bytes [from, to) of a paragraph.
func (l *linter) add(r *Rule, p *para, from, to int, want string) {
	l1, s := p.pos(from)
	l2, e := p.pos(to)
	l.addAt(r, l1, s, l2, e, want)
}

// addAt reports a finding over a range of the current field's lines.
func (l *linter) addAt(r *Rule, line, start, endLine, end int, want string) {
	text := ""
	if line == endLine {
		text = l.lines[line][start:end]
	} else {
		text = l.lines[line][start:]
		for i := line + 1; i < endLine; i++ {
			text += "\n" + l.lines[i]
		}
		text += "\n" + l.lines[endLine][:end]
	}
	l.addText(r, line, start, endLine, end, text, want, "")
}

// addText reports a finding with its own text and a number for the
// message's {n}.
func (l *linter) addText(r *Rule, line, start, endLine, end int, text, want, n string) {
	f := Finding{
		Rule: r.ID, Severity: r.Severity, Field: l.field,
		Line: line, Start: start, EndLine: endLine, End: end,
		Column: utf8.RuneCountInString(l.lines[line][:start]) + 1,
		Text:   text, Want: want,
	}
	f.Message = r.Message
	if strings.Contains(f.Message, "{") {
		f.Message = strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(f.Message, "{text}", text), "{want}", want), "{n}", n)
	}
	if l.ignored[f.Key()] {
		return
	}
	l.out = append(l.out, f)
}
