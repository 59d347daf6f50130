package editor

import (
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// This file is suggestion mode ("track changes"): an edit made while
// suggesting does not change the text but records what the editor wants
// changed, as CriticMarkup (criticmarkup.go). Every edit of the body
// widget is a replacement of a range by a text, so one function
// translates any of them: typing, Backspace, Delete, paste, cut.

// SuggestEdit translates the replacement of body[start:end] by text, made
// by author at now in suggestion mode, into marks, and returns the new
// body and where the caret goes in it. The rules:
//   - An edit inside the author's own suggested insertion (or a
//     substitution's new text) edits it directly: that text is not the
//     writer's yet. An insertion edited down to nothing disappears.
//   - Text typed or pasted elsewhere becomes an insertion {++…++} with the
//     author's attribution; typed over a plain selection, a substitution
//     {~~old~>new~~}. The caret lands inside it, so typing goes on there.
//   - Deleted plain text becomes a deletion {--…--}; a deletion that
//     touches one of the author's own deletions joins it, so a run of
//     Backspace makes one mark. Text already deleted, other people's
//     suggestions and comments are left as they are.
//   - Deleting into a mark's delimiters skips over the mark, so Backspace
//     and Delete walk past suggestions instead of breaking them.
//
// Text that holds CriticMarkup delimiters cannot be suggested (it would
// change how the marks read): that gives an EINVALID error and the body
// unchanged.
func SuggestEdit(body string, start, end int, text string, author string, now time.Time) (string, int, error) {
	out, caret, err := suggestEdit(body, start, end, text, author, now)
	if err != nil || out == body {
		return out, caret, err
	}
	// Plain text that holds a delimiter of unfinished markup ("{++" with
	// no closer) could pair up with a new mark and swallow text. Where
	// there is such text, check that the text readers get is unchanged.
	if strayDelimiters(body) && Rejected(out) != Rejected(body) {
		return body, start, Errorf(EINVALID, "cannot suggest a change here: the text nearby holds unfinished review markup (such as a lone {++); switch off suggestion mode to mend it")
	}
	return out, caret, nil
}

// strayDelimiters reports whether the plain text of body, outside its
// marks, holds a CriticMarkup delimiter.
func strayDelimiters(body string) bool {
	if !HasMarks(body) && markupFree(body) {
		return false
	}
	at := 0
	for _, m := range ParseMarks(body) {
		if !markupFree(body[at:m.Start]) {
			return true
		}
		at = m.End
	}
	return !markupFree(body[at:])
}

func suggestEdit(body string, start, end int, text string, author string, now time.Time) (string, int, error) {
	if start < 0 || end < start || end > len(body) {
		return body, start, Errorf(EINVALID, "edit range %d–%d is outside the body", start, end)
	}
	if text != "" && !markupFree(text) {
		return body, start, Errorf(EINVALID, "text with review markup ({++, ++}, ~>, <<} …) cannot be suggested; switch off suggestion mode to paste it")
	}
	author = CleanAuthor(author)
	attr := FormatNote(Note{Author: author, Time: now})
	marks := ParseMarks(body)
	own := func(m Mark) bool { return m.Author == author }

	// Inside the author's own new text: edit it directly.
	for _, m := range marks {
		if (m.Kind == MarkInsertion || m.Kind == MarkSubstitution) && own(m) && m.NewStart <= start && end <= m.NewEnd {
			if content := body[m.NewStart:start] + text + body[end:m.NewEnd]; strings.Contains(content, closeInsert) || strings.Contains(content, closeSubst) {
				return body, start, Errorf(EINVALID, "this edit would end your suggestion early; switch off suggestion mode to make it")
			}
			out := body[:start] + text + body[end:]
			if m.Kind == MarkInsertion && m.NewEnd-m.NewStart == end-start && text == "" {
				out = body[:m.Start] + body[m.End:]
				return out, m.Start, nil
			}
			return out, start + len(text), nil
		}
	}

	if start == end {
		if text == "" {
			return body, start, nil
		}
		p := start
		for _, m := range marks {
			if m.Start < p && p < m.End {
				p = m.End
			}
		}
		out := body[:p] + openInsert + text + closeInsert + attr + body[p:]
		return out, p + len(openInsert) + len(text), nil
	}

	pieces := editPieces(marks, start, end, own)
	if len(pieces) == 0 {
		if text != "" {
			return suggestEdit(body, start, start, text, author, now)
		}
		// The range is all markup: Backspace or Delete ran into a mark.
		for _, m := range marks {
			if m.Start == start && end <= m.End && m.End < len(body) {
				_, size := utf8.DecodeRuneInString(body[m.End:])
				return suggestEdit(body, m.End, m.End+size, "", author, now)
			}
			if m.End == end && start >= m.Start && m.Start > 0 {
				_, size := utf8.DecodeLastRuneInString(body[:m.Start])
				return suggestEdit(body, m.Start-size, m.Start, "", author, now)
			}
		}
		return body, start, nil
	}
	for _, pc := range pieces {
		if pc.plain && !deletable(body[pc.start:pc.end]) {
			return body, start, Errorf(EINVALID, "this text holds review delimiters and cannot be marked for deletion")
		}
	}

	// One plain piece: a substitution, or a deletion that may join one of
	// the author's own next to it.
	if len(pieces) == 1 && pieces[0].plain {
		pc := pieces[0]
		old := body[pc.start:pc.end]
		if text != "" && pc.start == start && pc.end == end {
			mark := openSubst + old + substArrow + text + closeSubst + attr
			return body[:start] + mark + body[end:], start + len(openSubst) + len(old) + len(substArrow) + len(text), nil
		}
		if text == "" {
			for _, m := range marks {
				if m.Kind != MarkDeletion || !own(m) || len(m.Notes) > 0 {
					continue
				}
				if strings.Contains(old+m.Old, closeDelete) || strings.Contains(m.Old+old, closeDelete) {
					continue // joined, the two would end the mark early
				}
				if m.Start == pc.end {
					mark := openDelete + old + m.Old + closeDelete + attr
					return body[:pc.start] + mark + body[m.End:], pc.start, nil
				}
				if m.End == pc.start {
					mark := openDelete + m.Old + old + closeDelete + attr
					return body[:m.Start] + mark + body[pc.end:], m.Start + len(mark), nil
				}
			}
		}
	}

	// General case, right to left so that earlier offsets hold.
	out := body
	for i := len(pieces) - 1; i >= 0; i-- {
		pc := pieces[i]
		if pc.plain {
			out = out[:pc.start] + openDelete + out[pc.start:pc.end] + closeDelete + attr + out[pc.end:]
		} else {
			out = out[:pc.start] + out[pc.end:]
		}
	}
	if text == "" {
		return out, start, nil
	}
	// The new text goes where the range began, or after the mark the
	// range began inside (it must not land between a mark's delimiters),
	// less the author's own text removed before that point.
	p := start
	for _, m := range marks {
		if m.Start < p && p < m.End {
			p = m.End
		}
	}
	for _, pc := range pieces {
		if !pc.plain && pc.end <= p {
			p -= pc.end - pc.start
		}
	}
	out = out[:p] + openInsert + text + closeInsert + attr + out[p:]
	return out, p + len(openInsert) + len(text), nil
}

// editPiece is a part of a suggested deletion: plain text to mark, or the
// author's own suggested text to remove.
type editPiece struct {
	start, end int
	plain      bool
}

// editPieces splits [start, end) into the plain text outside every mark
// and the author's own new text; everything else is left alone.
func editPieces(marks []Mark, start, end int, own func(Mark) bool) []editPiece {
	var out []editPiece
	add := func(s, e int, plain bool) {
		s, e = max(s, start), min(e, end)
		if s < e {
			out = append(out, editPiece{s, e, plain})
		}
	}
	at := start
	for _, m := range marks {
		if m.End <= start {
			continue
		}
		if m.Start >= end {
			break
		}
		add(at, m.Start, true)
		if (m.Kind == MarkInsertion || m.Kind == MarkSubstitution) && own(m) {
			add(m.NewStart, m.NewEnd, false)
		}
		at = m.End
	}
	add(at, end, true)
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// deletable reports whether s can be wrapped in a deletion mark as it is.
func deletable(s string) bool { return markupFree(s) }
