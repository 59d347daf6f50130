package editor

import (
	"strings"
	"time"
)

// This file reads and writes the review marks a draft's body carries as
// CriticMarkup (criticmarkup.com), the convention other Markdown tools
// already read:
//
//	{++inserted++}   {--deleted--}   {~~old~>new~~}
//	{==highlighted==}{>>comment<<}   {>>comment on a point<<}
//
// Dateline adds who and when in a way those tools tolerate: a comment
// written right after a mark whose text starts with a note header,
//
//	@Author Name 2026-12-01T10:00Z: the text
//	@Author Name 2026-12-01T10:00Z resolved: the text
//	@Author Name 2026-12-01T10:00Z
//
// (time in UTC, minutes; seconds are read too). A header-only comment
// right after a change is the change's attribution, so a suggestion reads
// {++text++}{>>@Ana Díaz 2026-12-01T10:00Z<<}. Every further comment
// that follows without a gap belongs to the same mark: on a highlight or a
// point comment the first is the comment and the rest are replies; a
// reply header marked "resolved" resolves the thread. Other tools show the
// headers as comment text, which is what they are.
//
// Marks do not nest: the first closing delimiter ends a mark, and an
// opener without its closer is plain text. Marks are read across the whole
// body, code included, before Markdown sees it, as MultiMarkdown does.

// MarkKind says what a review mark is.
type MarkKind string

// The mark kinds.
const (
	// MarkInsertion is suggested text to add: {++new++}.
	MarkInsertion MarkKind = "insertion"
	// MarkDeletion is suggested text to remove: {--old--}.
	MarkDeletion MarkKind = "deletion"
	// MarkSubstitution is suggested text to replace: {~~old~>new~~}.
	MarkSubstitution MarkKind = "substitution"
	// MarkComment is a comment thread on a highlighted range
	// ({==text==}{>>…<<}) or on a point ({>>…<<}).
	MarkComment MarkKind = "comment"
)

// Note is one comment or reply of a mark, or a change's attribution.
type Note struct {
	// Author is the name in the header; "" for a comment without one.
	Author string
	// Time is the header's time; zero without a header.
	Time time.Time
	// Text is the comment text after the header.
	Text string
	// Resolved is set on a note that resolves its thread.
	Resolved bool
}

// Mark is one suggestion or comment thread of a body, with byte offsets
// into the body it was read from.
type Mark struct {
	// ID is the mark's place in the body, from 0; Accept, Reject and the
	// comment operations take it.
	ID   int
	Kind MarkKind
	// Start and End delimit the whole markup, attribution and replies
	// included.
	Start, End int
	// OldStart, OldEnd delimit the text a deletion or substitution
	// removes, or a comment highlights, inside the markup; NewStart,
	// NewEnd the text an insertion or substitution adds. Unused ranges
	// are empty at the mark's start.
	OldStart, OldEnd int
	NewStart, NewEnd int
	// Old is the text removed or highlighted; New the text added.
	Old, New string
	// Author and Time say who made a change (its attribution) or who
	// opened a comment thread (its first note).
	Author string
	Time   time.Time
	// Notes are the comment thread: for a comment the comment and its
	// replies, for a change any discussion after its attribution.
	Notes []Note
	// NotesStart is where the mark's trailing comments begin.
	NotesStart int
}

// IsChange reports whether m is a suggestion (insertion, deletion or
// substitution) rather than a comment.
func (m Mark) IsChange() bool { return m.Kind != MarkComment }

// Resolved reports whether a note of the mark resolves it.
func (m Mark) Resolved() bool {
	for _, n := range m.Notes {
		if n.Resolved {
			return true
		}
	}
	return false
}

// The delimiters.
const (
	openInsert  = "{++"
	closeInsert = "++}"
	openDelete  = "{--"
	closeDelete = "--}"
	openSubst   = "{~~"
	substArrow  = "~>"
	closeSubst  = "~~}"
	openComment = "{>>"
	closeCommnt = "<<}"
	openHilite  = "{=="
	closeHilite = "==}"
)

// noteTimeLayout is the time format of note headers.
const noteTimeLayout = "2006-01-02T15:04Z"

// HasMarks reports quickly whether body may hold CriticMarkup: whether an
// opening delimiter occurs in it.
func HasMarks(body string) bool {
	for i := 0; i < len(body); {
		j := strings.IndexByte(body[i:], '{')
		if j < 0 {
			return false
		}
		i += j
		if opener(body, i) != "" {
			return true
		}
		i++
	}
	return false
}

// opener returns the opening delimiter at byte i of s, or "".
func opener(s string, i int) string {
	if i+3 > len(s) || s[i] != '{' {
		return ""
	}
	switch d := s[i : i+3]; d {
	case openInsert, openDelete, openSubst, openComment, openHilite:
		return d
	}
	return ""
}

// ParseMarks reads the review marks of body in order. It never fails:
// what is not well-formed markup is text.
func ParseMarks(body string) []Mark {
	var marks []Mark
	for i := 0; i < len(body); {
		j := strings.IndexByte(body[i:], '{')
		if j < 0 {
			break
		}
		i += j
		m, ok := parseMark(body, i)
		if !ok {
			i++
			continue
		}
		m.ID = len(marks)
		marks = append(marks, m)
		i = m.End
	}
	return marks
}

// parseMark reads the mark that opens at byte i of s.
func parseMark(s string, i int) (Mark, bool) {
	m := Mark{Start: i, OldStart: i, OldEnd: i, NewStart: i, NewEnd: i}
	open := opener(s, i)
	inner := i + 3
	var end int
	switch open {
	case "":
		return m, false
	case openComment:
		m.Kind = MarkComment
		end = i
		m.NotesStart = i
	default:
		closer := map[string]string{openInsert: closeInsert, openDelete: closeDelete, openSubst: closeSubst, openHilite: closeHilite}[open]
		k := strings.Index(s[inner:], closer)
		if k < 0 {
			return m, false
		}
		content := s[inner : inner+k]
		end = inner + k + 3
		switch open {
		case openInsert:
			m.Kind = MarkInsertion
			m.NewStart, m.NewEnd, m.New = inner, inner+k, content
		case openDelete:
			m.Kind = MarkDeletion
			m.OldStart, m.OldEnd, m.Old = inner, inner+k, content
		case openHilite:
			m.Kind = MarkComment
			m.OldStart, m.OldEnd, m.Old = inner, inner+k, content
		case openSubst:
			a := strings.Index(content, substArrow)
			if a < 0 {
				return m, false
			}
			m.Kind = MarkSubstitution
			m.OldStart, m.OldEnd, m.Old = inner, inner+a, content[:a]
			m.NewStart, m.NewEnd, m.New = inner+a+2, inner+k, content[a+2:]
		}
		m.NotesStart = end
	}
	// The comments that follow without a gap.
	for strings.HasPrefix(s[end:], openComment) {
		k := strings.Index(s[end+3:], closeCommnt)
		if k < 0 {
			break
		}
		m.Notes = append(m.Notes, parseNote(s[end+3:end+3+k]))
		end += 3 + k + 3
	}
	if m.Kind == MarkComment && open == openComment && len(m.Notes) == 0 {
		return m, false
	}
	m.End = end
	if m.IsChange() && len(m.Notes) > 0 && m.Notes[0].Author != "" && m.Notes[0].Text == "" && !m.Notes[0].Resolved {
		m.Author, m.Time = m.Notes[0].Author, m.Notes[0].Time
		m.Notes = m.Notes[1:]
	} else if m.Kind == MarkComment && len(m.Notes) > 0 {
		m.Author, m.Time = m.Notes[0].Author, m.Notes[0].Time
	}
	if len(m.Notes) == 0 {
		m.Notes = nil
	}
	return m, true
}

// parseNote reads the text of one {>>…<<} comment: a header
// "@Name 2026-12-01T10:00Z[ resolved]" followed by ": text" or nothing,
// or, without one, text alone. The name is the shortest that a time
// follows; it has no line break.
func parseNote(text string) Note {
	if !strings.HasPrefix(text, "@") {
		return Note{Text: text}
	}
	line := text
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	for k := 2; k < len(line); k++ {
		if line[k] != ' ' {
			continue
		}
		stamp, n := noteStamp(line[k+1:])
		if n == 0 {
			continue
		}
		t, err := time.Parse(noteTimeLayout, stamp)
		if err != nil {
			if t, err = time.Parse("2006-01-02T15:04:05Z", stamp); err != nil {
				continue
			}
		}
		rest := text[k+1+n:]
		note := Note{Author: line[1:k], Time: t}
		if strings.HasPrefix(rest, " resolved") {
			note.Resolved = true
			rest = rest[len(" resolved"):]
		}
		switch {
		case rest == "":
		case rest[0] == ':':
			note.Text = strings.TrimPrefix(rest[1:], " ")
		default:
			continue
		}
		return note
	}
	return Note{Text: text}
}

// noteStamp returns the time stamp "2006-01-02T15:04Z" or
// "2006-01-02T15:04:05Z" that s starts with, and its length; 0 if none.
func noteStamp(s string) (string, int) {
	const pattern = "dddd-dd-ddTdd:dd"
	if len(s) < len(pattern)+1 {
		return "", 0
	}
	for i := 0; i < len(pattern); i++ {
		if c := s[i]; pattern[i] == 'd' && (c < '0' || c > '9') || pattern[i] != 'd' && c != pattern[i] {
			return "", 0
		}
	}
	n := len(pattern)
	if len(s) >= n+4 && s[n] == ':' && isDigit(s[n+1]) && isDigit(s[n+2]) {
		n += 3
	}
	if s[n] != 'Z' {
		return "", 0
	}
	return s[:n+1], n + 1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// FormatNote writes n as a {>>…<<} comment. The author's name loses the
// characters that would end the comment or the header; the text keeps
// everything but the closing delimiter, which gets a space: "<< }".
func FormatNote(n Note) string {
	var b strings.Builder
	b.WriteString(openComment)
	if a := CleanAuthor(n.Author); a != "" {
		b.WriteString("@" + a + " " + n.Time.UTC().Format(noteTimeLayout))
		if n.Resolved {
			b.WriteString(" resolved")
		}
		if n.Text != "" {
			b.WriteString(": ")
		}
	}
	b.WriteString(escapeCloser(n.Text, closeCommnt))
	b.WriteString(closeCommnt)
	return b.String()
}

// CleanAuthor makes a name fit a note header: one line, without braces or
// angle brackets, trimmed; "" becomes "unknown".
func CleanAuthor(name string) string {
	name = strings.Map(func(r rune) rune {
		switch r {
		case '{', '}', '<', '>', '\n', '\r', '\t':
			return ' '
		}
		return r
	}, name)
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return "unknown"
	}
	return name
}

// escapeCloser breaks every occurrence of a closing delimiter in s.
func escapeCloser(s, closer string) string {
	return strings.ReplaceAll(s, closer, closer[:2]+" "+closer[2:])
}

// markupFree reports whether s can go inside a mark as it is: it holds no
// delimiter a parser would read.
func markupFree(s string) bool {
	if HasMarks(s) {
		return false
	}
	for _, d := range []string{closeInsert, closeDelete, closeSubst, closeCommnt, closeHilite, substArrow} {
		if strings.Contains(s, d) {
			return false
		}
	}
	return true
}

// Rejected returns body as it reads with every suggestion rejected and
// every comment removed: the text every export but Markdown, the preview
// and the word counts use.
func Rejected(body string) string {
	return resolveMarks(body, false)
}

// Accepted returns body as it reads with every suggestion accepted and
// every comment removed.
func Accepted(body string) string {
	return resolveMarks(body, true)
}

// resolveMarks writes body's text with every mark accepted or rejected
// and comments dropped.
func resolveMarks(body string, accept bool) string {
	if !HasMarks(body) {
		return body
	}
	marks := ParseMarks(body)
	if len(marks) == 0 {
		return body
	}
	var b strings.Builder
	b.Grow(len(body))
	at := 0
	for _, m := range marks {
		b.WriteString(body[at:m.Start])
		b.WriteString(markText(m, accept))
		at = m.End
	}
	b.WriteString(body[at:])
	return b.String()
}

// markText is the text a mark leaves when accepted or rejected.
func markText(m Mark, accept bool) string {
	switch {
	case m.Kind == MarkComment:
		return m.Old
	case accept:
		return m.New
	}
	return m.Old
}

// OpenSuggestions counts the suggestions (changes) in body.
func OpenSuggestions(body string) int {
	if !HasMarks(body) {
		return 0
	}
	n := 0
	for _, m := range ParseMarks(body) {
		if m.IsChange() {
			n++
		}
	}
	return n
}

// markByID returns the mark with the given ID, or an EINVALID error.
func markByID(body string, id int) (Mark, error) {
	marks := ParseMarks(body)
	if id < 0 || id >= len(marks) {
		return Mark{}, Errorf(EINVALID, "no suggestion or comment %d in this draft (it has %d)", id, len(marks))
	}
	return marks[id], nil
}

// Accept applies the suggestion id to body: its new text replaces the
// whole markup, attribution and discussion included.
func Accept(body string, id int) (string, error) {
	return decide(body, id, true)
}

// Reject drops the suggestion id from body: its old text replaces the
// whole markup.
func Reject(body string, id int) (string, error) {
	return decide(body, id, false)
}

func decide(body string, id int, accept bool) (string, error) {
	m, err := markByID(body, id)
	if err != nil {
		return body, err
	}
	if !m.IsChange() {
		return body, Errorf(EINVALID, "mark %d is a comment, not a suggestion: resolve or remove it instead", id)
	}
	return body[:m.Start] + markText(m, accept) + body[m.End:], nil
}

// AcceptAll applies every suggestion of body and keeps its comments.
func AcceptAll(body string) string { return decideAll(body, true) }

// RejectAll drops every suggestion of body and keeps its comments.
func RejectAll(body string) string { return decideAll(body, false) }

func decideAll(body string, accept bool) string {
	if !HasMarks(body) {
		return body
	}
	var b strings.Builder
	at := 0
	for _, m := range ParseMarks(body) {
		if !m.IsChange() {
			continue
		}
		b.WriteString(body[at:m.Start])
		b.WriteString(markText(m, accept))
		at = m.End
	}
	b.WriteString(body[at:])
	return b.String()
}

// AddComment puts a comment by author at time now on body[start:end]: the
// range is highlighted, or, when empty, the comment marks a point. The
// range must not cut through a mark.
func AddComment(body string, start, end int, author string, now time.Time, text string) (string, error) {
	if start < 0 || end < start || end > len(body) {
		return body, Errorf(EINVALID, "comment range %d–%d is outside the body", start, end)
	}
	if strings.TrimSpace(text) == "" {
		return body, Errorf(EINVALID, "a comment needs some text")
	}
	for _, m := range ParseMarks(body) {
		if start < m.End && end > m.Start || start > m.Start && start < m.End {
			return body, Errorf(EINVALID, "a comment cannot overlap a suggestion or another comment; select plain text")
		}
	}
	sel := body[start:end]
	if !markupFree(sel) {
		return body, Errorf(EINVALID, "the selection holds review markup; select plain text")
	}
	note := FormatNote(Note{Author: author, Time: now, Text: text})
	if start == end {
		return body[:start] + note + body[end:], nil
	}
	return body[:start] + openHilite + sel + closeHilite + note + body[end:], nil
}

// Reply adds a reply by author to the thread of mark id.
func Reply(body string, id int, author string, now time.Time, text string) (string, error) {
	if strings.TrimSpace(text) == "" {
		return body, Errorf(EINVALID, "a reply needs some text")
	}
	m, err := markByID(body, id)
	if err != nil {
		return body, err
	}
	return body[:m.End] + FormatNote(Note{Author: author, Time: now, Text: text}) + body[m.End:], nil
}

// Resolve marks the thread of mark id resolved by author, with an
// optional closing text.
func Resolve(body string, id int, author string, now time.Time, text string) (string, error) {
	m, err := markByID(body, id)
	if err != nil {
		return body, err
	}
	if m.Resolved() {
		return body, nil
	}
	return body[:m.End] + FormatNote(Note{Author: author, Time: now, Text: text, Resolved: true}) + body[m.End:], nil
}

// RemoveComment drops the comment thread id and keeps the text it
// highlighted.
func RemoveComment(body string, id int) (string, error) {
	m, err := markByID(body, id)
	if err != nil {
		return body, err
	}
	if m.IsChange() {
		return body, Errorf(EINVALID, "mark %d is a suggestion: accept or reject it instead", id)
	}
	return body[:m.Start] + m.Old + body[m.End:], nil
}

// PublicBody is a's body as readers get it: every suggestion rejected and
// every comment removed (Rejected). It is the one place where review marks
// leave the text: the pipeline (ParseArticleBody), the preview, every
// export but Markdown, and every word count read it. The Markdown export
// alone writes a.Body as it is, marks and all, so that a draft under
// review can travel as a file.
func (a *Article) PublicBody() string { return Rejected(a.Body) }

// PublicLine maps line (from 0) of body to the line of Rejected(body)
// that holds the same text, so that a view of the body can find its place
// in the preview, which shows the public text: marks before the line that
// add or drop line breaks move it; a line inside a mark goes to where the
// mark's text starts.
func PublicLine(body string, line int) int {
	if line <= 0 || !HasMarks(body) {
		return line
	}
	off := 0
	for i := 0; i < line; i++ {
		j := strings.IndexByte(body[off:], '\n')
		if j < 0 {
			return line
		}
		off += j + 1
	}
	shift := 0
	for _, m := range ParseMarks(body) {
		if m.Start >= off {
			break
		}
		if m.End > off {
			// Inside the mark: its first line.
			return strings.Count(body[:m.Start], "\n") - shift
		}
		shift += strings.Count(body[m.Start:m.End], "\n") - strings.Count(markText(m, false), "\n")
	}
	return line - shift
}
