package editor

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

var reviewTime = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

func TestParseMarks(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		kinds []MarkKind
		old   []string
		new   []string
		who   []string
	}{
		{"none", "plain {text} with {+ braces", nil, nil, nil, nil},
		{"insertion", "a {++big ++}dog", []MarkKind{MarkInsertion}, []string{""}, []string{"big "}, []string{""}},
		{"deletion with author", "a {--big --}{>>@Ana Díaz 2026-12-01T10:00Z<<}dog",
			[]MarkKind{MarkDeletion}, []string{"big "}, []string{""}, []string{"Ana Díaz"}},
		{"substitution", "{~~cat~>dog~~}{>>@Bo 2026-12-01T10:00:30Z<<}", []MarkKind{MarkSubstitution}, []string{"cat"}, []string{"dog"}, []string{"Bo"}},
		{"substitution without arrow is text", "{~~cat~~}", nil, nil, nil, nil},
		{"unclosed is text", "{++open and {--closed--}", []MarkKind{MarkDeletion}, []string{"closed"}, []string{""}, []string{""}},
		{"highlight and comment", "{==Mayor==}{>>@Ed 2026-12-01T10:00Z: Which mayor?<<}{>>@Al 2026-12-01T11:00Z: Fixed.<<}",
			[]MarkKind{MarkComment}, []string{"Mayor"}, []string{""}, []string{"Ed"}},
		{"point comment", "x{>>check this<<}y", []MarkKind{MarkComment}, []string{""}, []string{""}, []string{""}},
		{"several", "{++a++} b {--c--} {~~d~>e~~} {==f==}", []MarkKind{MarkInsertion, MarkDeletion, MarkSubstitution, MarkComment},
			[]string{"", "c", "d", "f"}, []string{"a", "", "e", ""}, []string{"", "", "", ""}},
		{"across paragraphs", "{--one\n\ntwo--}", []MarkKind{MarkDeletion}, []string{"one\n\ntwo"}, []string{""}, []string{""}},
		{"no nesting", "{++a {--b--} c++}", []MarkKind{MarkInsertion}, []string{""}, []string{"a {--b--} c"}, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			marks := ParseMarks(tt.body)
			if got, want := len(marks), len(tt.kinds); got != want {
				t.Fatalf("got %d marks %+v, want %d", got, marks, want)
			}
			for i, m := range marks {
				if m.Kind != tt.kinds[i] || m.Old != tt.old[i] || m.New != tt.new[i] || m.Author != tt.who[i] || m.ID != i {
					t.Errorf("mark %d = %+v, want %s old %q new %q by %q", i, m, tt.kinds[i], tt.old[i], tt.new[i], tt.who[i])
				}
				if m.Old != tt.body[m.OldStart:m.OldEnd] || m.New != tt.body[m.NewStart:m.NewEnd] {
					t.Errorf("mark %d ranges do not hold its text: %+v", i, m)
				}
			}
		})
	}
}

func TestParseMarksNotes(t *testing.T) {
	body := "{==Mayor==}{>>@Ed Lee 2026-12-01T10:00Z: Which mayor?<<}{>>@Al 2026-12-01T11:05Z: The new one.<<}{>>@Ed Lee 2026-12-01T11:10Z resolved:<<}"
	marks := ParseMarks(body)
	if len(marks) != 1 {
		t.Fatalf("got %d marks, want 1", len(marks))
	}
	m := marks[0]
	if len(m.Notes) != 3 || m.Notes[0].Text != "Which mayor?" || m.Notes[1].Author != "Al" || m.Notes[1].Text != "The new one." {
		t.Fatalf("notes = %+v", m.Notes)
	}
	if !m.Resolved() || m.Notes[0].Resolved {
		t.Errorf("resolved = %v, first note resolved = %v", m.Resolved(), m.Notes[0].Resolved)
	}
	if got, want := m.Notes[1].Time, time.Date(2026, 12, 1, 11, 5, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("time = %v, want %v", got, want)
	}
	if m.End != len(body) {
		t.Errorf("end = %d, want %d", m.End, len(body))
	}
}

func TestRejectedAccepted(t *testing.T) {
	tests := []struct{ body, rejected, accepted string }{
		{"plain", "plain", "plain"},
		{"a {++big ++}dog", "a dog", "a big dog"},
		{"a {--big --}{>>@Ana 2026-12-01T10:00Z<<}dog", "a big dog", "a dog"},
		{"the {~~cat~>dog~~}{>>@Bo 2026-12-01T10:00Z<<} ran", "the cat ran", "the dog ran"},
		{"the {==mayor==}{>>who?<<} said{>>source<<}.", "the mayor said.", "the mayor said."},
		{"{++open", "{++open", "{++open"},
	}
	for _, tt := range tests {
		if got := Rejected(tt.body); got != tt.rejected {
			t.Errorf("Rejected(%q) = %q, want %q", tt.body, got, tt.rejected)
		}
		if got := Accepted(tt.body); got != tt.accepted {
			t.Errorf("Accepted(%q) = %q, want %q", tt.body, got, tt.accepted)
		}
	}
}

func TestAcceptReject(t *testing.T) {
	body := "A {++very ++}{>>@Ana 2026-12-01T10:00Z<<}big {--old --}dog {==ran==}{>>@Ed 2026-12-01T10:00Z: fast?<<} {~~home~>away~~}."
	if got := OpenSuggestions(body); got != 3 {
		t.Fatalf("OpenSuggestions = %d, want 3", got)
	}
	got, err := Accept(body, 0)
	if err != nil || got != "A very big {--old --}dog {==ran==}{>>@Ed 2026-12-01T10:00Z: fast?<<} {~~home~>away~~}." {
		t.Errorf("Accept(0) = %q, %v", got, err)
	}
	got, err = Reject(body, 1)
	if err != nil || got != "A {++very ++}{>>@Ana 2026-12-01T10:00Z<<}big old dog {==ran==}{>>@Ed 2026-12-01T10:00Z: fast?<<} {~~home~>away~~}." {
		t.Errorf("Reject(1) = %q, %v", got, err)
	}
	if _, err := Accept(body, 2); ErrorCode(err) != EINVALID {
		t.Errorf("Accept(comment) error = %v, want EINVALID", err)
	}
	if _, err := Reject(body, 9); ErrorCode(err) != EINVALID {
		t.Errorf("Reject(9) error = %v, want EINVALID", err)
	}
	if got, want := AcceptAll(body), "A very big dog {==ran==}{>>@Ed 2026-12-01T10:00Z: fast?<<} away."; got != want {
		t.Errorf("AcceptAll = %q, want %q", got, want)
	}
	if got, want := RejectAll(body), "A big old dog {==ran==}{>>@Ed 2026-12-01T10:00Z: fast?<<} home."; got != want {
		t.Errorf("RejectAll = %q, want %q", got, want)
	}
	if OpenSuggestions(AcceptAll(body)) != 0 || len(ParseMarks(AcceptAll(body))) != 1 {
		t.Errorf("AcceptAll left suggestions or lost the comment")
	}
}

func TestComments(t *testing.T) {
	body := "The mayor said so."
	got, err := AddComment(body, 4, 9, "Ed Lee", reviewTime, "Which mayor?")
	if err != nil {
		t.Fatal(err)
	}
	if want := "The {==mayor==}{>>@Ed Lee 2026-12-01T10:00Z: Which mayor?<<} said so."; got != want {
		t.Fatalf("AddComment = %q, want %q", got, want)
	}
	if Rejected(got) != body {
		t.Errorf("Rejected after a comment = %q", Rejected(got))
	}
	got, err = Reply(got, 0, "Al", reviewTime.Add(time.Hour), "The new one; <<} fixed")
	if err != nil {
		t.Fatal(err)
	}
	got, err = Resolve(got, 0, "Ed Lee", reviewTime.Add(2*time.Hour), "")
	if err != nil {
		t.Fatal(err)
	}
	m := ParseMarks(got)
	if len(m) != 1 || len(m[0].Notes) != 3 || !m[0].Resolved() || m[0].Notes[1].Text != "The new one; << } fixed" {
		t.Fatalf("thread = %+v", m)
	}
	if _, err := AddComment(got, 5, 20, "x", reviewTime, "overlap"); ErrorCode(err) != EINVALID {
		t.Errorf("overlapping comment error = %v, want EINVALID", err)
	}
	if _, err := AddComment(body, 0, 3, "x", reviewTime, "  "); ErrorCode(err) != EINVALID {
		t.Errorf("empty comment error = %v, want EINVALID", err)
	}
	back, err := RemoveComment(got, 0)
	if err != nil || back != body {
		t.Errorf("RemoveComment = %q, %v", back, err)
	}
	point, err := AddComment(body, 3, 3, "Ed", reviewTime, "add a first name")
	if err != nil || ParseMarks(point)[0].Kind != MarkComment || Rejected(point) != body {
		t.Errorf("point comment = %q, %v", point, err)
	}
}

func TestFormatNoteCleansAuthor(t *testing.T) {
	n := FormatNote(Note{Author: " Ana {x}\n<b> ", Time: reviewTime, Text: "hi"})
	if want := "{>>@Ana x b 2026-12-01T10:00Z: hi<<}"; n != want {
		t.Errorf("FormatNote = %q, want %q", n, want)
	}
	m := ParseMarks("{==a==}" + n)
	if len(m) != 1 || m[0].Author != "Ana x b" || m[0].Notes[0].Text != "hi" {
		t.Errorf("read back %+v", m)
	}
}

// FuzzParseMarks checks the parser's invariants on any input: marks are in
// order and inside the body, their texts are the body's at their ranges,
// accepting or rejecting everything leaves no suggestion, and a body
// without suggestions stays as it is under RejectAll.
func FuzzParseMarks(f *testing.F) {
	for _, s := range []string{
		"a {++b++} c", "{--x--}{>>@A 2026-12-01T10:00Z<<}", "{~~a~>b~~}", "{==h==}{>>c<<}{>>d<<}",
		"{++", "{~~~>~~}", "{>><<}", "{++{--++}--}", "{==x==}{>>@A B 2026-12-01T10:00Z resolved: ok<<}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		marks := ParseMarks(body)
		at := 0
		for i, m := range marks {
			if m.ID != i || m.Start < at || m.End <= m.Start || m.End > len(body) {
				t.Fatalf("mark %d out of order or range: %+v (body %d bytes)", i, m, len(body))
			}
			if body[m.OldStart:m.OldEnd] != m.Old || body[m.NewStart:m.NewEnd] != m.New {
				t.Fatalf("mark %d texts disagree with its ranges: %+v", i, m)
			}
			at = m.End
		}
		if !HasMarks(body) && len(marks) > 0 {
			t.Fatalf("HasMarks false but %d marks", len(marks))
		}
		for _, out := range []string{AcceptAll(body), RejectAll(body)} {
			if len(out) > len(body) {
				t.Fatalf("deciding grew the body: %q from %q", out, body)
			}
		}
		if OpenSuggestions(body) == 0 && RejectAll(body) != body {
			t.Fatalf("RejectAll changed a body without suggestions")
		}
		if got := Rejected(body); len(got) > len(body) {
			t.Fatalf("Rejected grew the body")
		}
		if len(marks) > 0 {
			if _, err := Reply(body, 0, "Fuzz", reviewTime, "a reply"); err != nil {
				t.Fatalf("Reply: %v", err)
			}
			out, _ := Reply(body, 0, "Fuzz", reviewTime, "a reply")
			if got := len(ParseMarks(out)); got != len(marks) {
				t.Fatalf("a reply changed the number of marks from %d to %d: %q", len(marks), got, out)
			}
		}
	})
}

// reviewedDraft is a 20,000-word body with a suggestion or comment in
// every sentence or so.
func reviewedDraft(words int) string {
	var b strings.Builder
	kinds := []string{
		"{++new words ++}{>>@Ana Díaz 2026-12-01T10:00Z<<}",
		"{--old words --}{>>@Ed Lee 2026-12-01T10:05Z<<}",
		"{~~harbor~>port~~}{>>@Ana Díaz 2026-12-01T10:00Z<<} ",
		"{==the mayor==}{>>@Ed Lee 2026-12-01T10:05Z: Which mayor?<<} ",
	}
	for i := 0; i < words; i++ {
		if i > 0 && i%120 == 0 {
			b.WriteString(".\n\n")
		} else if i > 0 {
			b.WriteByte(' ')
		}
		if i%12 == 0 {
			b.WriteString(kinds[(i/12)%len(kinds)])
		}
		fmt.Fprintf(&b, "word%d", i%97)
	}
	return b.String()
}

// BenchmarkParseMarks reads the marks of a 20,000-word draft with about
// 1,700 suggestions and comments; the baseline is goldmark parsing the same
// text with the one pipeline.
func BenchmarkParseMarks(b *testing.B) {
	body := reviewedDraft(20000)
	b.Run("ParseMarks", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			if len(ParseMarks(body)) == 0 {
				b.Fatal("no marks")
			}
		}
	})
	b.Run("Rejected", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			_ = Rejected(body)
		}
	})
	b.Run("baseline-goldmark-parse", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			_, _ = ParseBody(body)
		}
	})
}

func TestPublicLine(t *testing.T) {
	body := "one\n\n{--two\n\nthree--}{>>@A 2026-12-01T10:00Z<<}\n\nfour {++and\n\nmore++}\n\nfive"
	pub := Rejected(body)
	for _, tt := range []struct {
		line int
		text string // the public line it maps to starts with this
	}{
		{0, "one"}, {2, "two"}, {3, "two"}, {4, "two"}, {6, "four"}, {7, "four"}, {8, "four"}, {10, "five"},
	} {
		got := PublicLine(body, tt.line)
		lines := strings.Split(pub, "\n")
		if got < 0 || got >= len(lines) || !strings.HasPrefix(lines[got], tt.text) {
			t.Errorf("PublicLine(%d) = %d, want the line starting %q in %q", tt.line, got, tt.text, pub)
		}
	}
	if got := PublicLine("no marks\nhere", 1); got != 1 {
		t.Errorf("PublicLine without marks = %d", got)
	}
}
