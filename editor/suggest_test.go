package editor

import (
	"strings"
	"testing"
	"unicode/utf8"
)

const ana = "{>>@Ana 2026-12-01T10:00Z<<}"

func TestSuggestEdit(t *testing.T) {
	tests := []struct {
		name             string
		body             string
		start, end       int
		text             string
		want             string
		caretAfterPrefix string // the new body up to the caret
	}{
		{"insert", "the dog", 4, 4, "big ", "the {++big ++}" + ana + "dog", "the {++big "},
		{"type inside own insertion", "the {++bi++}" + ana + "dog", 9, 9, "g", "the {++big++}" + ana + "dog", "the {++big"},
		{"delete inside own insertion", "the {++big++}" + ana + "dog", 8, 9, "", "the {++bg++}" + ana + "dog", "the {++b"},
		{"own insertion emptied disappears", "the {++b++}" + ana + "dog", 7, 8, "", "the dog", "the "},
		{"delete plain", "the big dog", 4, 8, "", "the {--big --}" + ana + "dog", "the "},
		{"replace plain", "the big dog", 4, 7, "small", "the {~~big~>small~~}" + ana + " dog", "the {~~big~>small"},
		{"backspace joins own deletion", "the b{--ig--}" + ana + " dog", 4, 5, "", "the {--big--}" + ana + " dog", "the "},
		{"delete forward joins own deletion", "the {--bi--}" + ana + "g dog", 4 + len("{--bi--}"+ana), 5 + len("{--bi--}"+ana), "", "the {--big--}" + ana + " dog", "the {--big--}" + ana},
		{"delete into a mark skips it", "the {--bi--}" + ana + "g dog", 4, 5, "", "the {--big--}" + ana + " dog", "the {--big--}" + ana},
		{"backspace after a mark skips it", "ab{++x++}{>>@Bo 2026-12-01T10:00Z<<}c", len("ab{++x++}{>>@Bo 2026-12-01T10:00Z<<}") - 1, len("ab{++x++}{>>@Bo 2026-12-01T10:00Z<<}"), "", "a{--b--}" + ana + "{++x++}{>>@Bo 2026-12-01T10:00Z<<}c", "a"},
		{"typing inside another's mark goes after it", "a{--bc--}{>>@Bo 2026-12-01T10:00Z<<}d", 5, 5, "X", "a{--bc--}{>>@Bo 2026-12-01T10:00Z<<}{++X++}" + ana + "d", "a{--bc--}{>>@Bo 2026-12-01T10:00Z<<}{++X"},
		{"delete across a deletion", "one {--two--}{>>@Bo 2026-12-01T10:00Z<<} three", 0, len("one {--two--}{>>@Bo 2026-12-01T10:00Z<<} three"), "",
			"{--one --}" + ana + "{--two--}{>>@Bo 2026-12-01T10:00Z<<}{-- three--}" + ana, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, caret, err := SuggestEdit(tt.body, tt.start, tt.end, tt.text, "Ana", reviewTime)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("body = %q\nwant   %q", got, tt.want)
			}
			if caret < 0 || caret > len(got) || got[:caret] != tt.caretAfterPrefix {
				t.Errorf("caret %d: body up to it %q, want %q", caret, got[:min(max(caret, 0), len(got))], tt.caretAfterPrefix)
			}
			if Rejected(got) != Rejected(tt.body) {
				t.Errorf("a suggestion changed the text: rejected %q, was %q", Rejected(got), Rejected(tt.body))
			}
		})
	}
}

// TestSuggestEditTyping types, backspaces and replaces the way the widget
// sends edits, and checks that accepting everything gives what direct
// editing would, and rejecting everything gives the original.
func TestSuggestEditTyping(t *testing.T) {
	orig := "The mayor said the harbor would close."
	body, caret := orig, strings.Index(orig, "mayor")
	var err error
	for _, r := range "new " {
		body, caret, err = SuggestEdit(body, caret, caret, string(r), "Ana", reviewTime)
		if err != nil {
			t.Fatal(err)
		}
	}
	// Backspace the last three words' letters of "would".
	i := strings.Index(body, "would") + len("would")
	caret = i
	for range 5 {
		body, caret, err = SuggestEdit(body, caret-1, caret, "", "Ana", reviewTime)
		if err != nil {
			t.Fatal(err)
		}
	}
	body, _, err = SuggestEdit(body, caret, caret, "will", "Ana", reviewTime)
	if err != nil {
		t.Fatal(err)
	}
	j := strings.Index(body, "harbor")
	body, _, err = SuggestEdit(body, j, j+len("harbor"), "port", "Ana", reviewTime)
	if err != nil {
		t.Fatal(err)
	}
	if got := Rejected(body); got != orig {
		t.Errorf("Rejected = %q, want %q", got, orig)
	}
	if got, want := Accepted(body), "The new mayor said the port will close."; got != want {
		t.Errorf("Accepted = %q, want %q\nbody %q", got, want, body)
	}
	if n := OpenSuggestions(body); n != 4 {
		t.Errorf("OpenSuggestions = %d, want 4 (one insertion, one deletion, one insertion, one substitution): %q", n, body)
	}
	for _, m := range ParseMarks(body) {
		if m.Author != "Ana" || !m.Time.Equal(reviewTime) {
			t.Errorf("mark %+v lacks its attribution", m)
		}
	}
}

func TestSuggestEditRefusesMarkup(t *testing.T) {
	for _, text := range []string{"a{++b", "x++}", "a~>b", "c<<}"} {
		body, _, err := SuggestEdit("plain", 0, 0, text, "Ana", reviewTime)
		if ErrorCode(err) != EINVALID || body != "plain" {
			t.Errorf("SuggestEdit(%q) = %q, %v; want EINVALID and the body unchanged", text, body, err)
		}
	}
}

// BenchmarkSuggestEdit is one keystroke in suggestion mode on a 20,000-word
// draft with about 1,700 marks; the baseline is the same keystroke as a
// plain string edit, which is what the body editor does without
// suggestion mode.
func BenchmarkSuggestEdit(b *testing.B) {
	body := reviewedDraft(20000)
	at := len(body) / 2
	for body[at] != ' ' {
		at++
	}
	b.Run("SuggestEdit", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := SuggestEdit(body, at, at, "x", "Ana", reviewTime); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline-string-edit", func(b *testing.B) {
		for b.Loop() {
			_ = body[:at] + "x" + body[at:]
		}
	})
}

// FuzzSuggestEdit checks suggestion mode on any body and edit: it never
// changes the text readers get, and the caret stays inside the body.
func FuzzSuggestEdit(f *testing.F) {
	f.Add("the big dog", 4, 8, "")
	f.Add("the big dog", 4, 7, "small")
	f.Add("{++a", 4, 4, "b")
	f.Add("a{--bc--}{>>@Bo 2026-12-01T10:00Z<<}d", 5, 5, "X")
	f.Add("x ~~} y {~~ z", 2, 6, "")
	f.Fuzz(func(t *testing.T, body string, start, end int, text string) {
		if start < 0 || end < start || end > len(body) || !utf8.ValidString(body) || !utf8.ValidString(text) {
			return
		}
		out, caret, err := SuggestEdit(body, start, end, text, "Fuzz", reviewTime)
		if err != nil {
			if out != body {
				t.Fatalf("a refused edit changed the body")
			}
			return
		}
		if caret < 0 || caret > len(out) {
			t.Fatalf("caret %d outside the body of %d bytes", caret, len(out))
		}
		if Rejected(out) != Rejected(body) {
			t.Fatalf("suggesting changed the text readers get:\nbody %q\nedit [%d,%d) %q\nout  %q", body, start, end, text, out)
		}
	})
}

// TestSuggestEditKeepsMarksWhole: an edit that would end a mark early or
// pair with unfinished markup is refused, and the text is kept.
func TestSuggestEditKeepsMarksWhole(t *testing.T) {
	for _, tt := range []struct {
		name       string
		body       string
		start, end int
		text       string
	}{
		{"a closer typed together inside own insertion", "x{++a+ +}b++}" + ana, 6, 7, ""},
		{"unfinished markup before", "{++a", 4, 4, "b"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := SuggestEdit(tt.body, tt.start, tt.end, tt.text, "Ana", reviewTime)
			if ErrorCode(err) != EINVALID || out != tt.body {
				t.Errorf("SuggestEdit = %q, %v; want EINVALID and the body kept", out, err)
			}
		})
	}
}
