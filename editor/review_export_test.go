package editor

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// reviewedArticle is a draft under review: a suggestion of every kind, a
// comment thread with a reply and a resolution, and a point comment.
func reviewedArticle() (*Article, string) {
	a := NewArticle(time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	a.Headline = "Harbor to close for repairs"
	a.Byline.Authors = []string{"Ana Díaz"}
	a.Dateline = Dateline{Place: "PORTLAND, Maine"}
	a.Body = "The {==harbor==}{>>@Ed Lee 2026-12-01T10:00Z: Which one?<<}{>>@Ana Díaz 2026-12-01T10:30Z: The inner harbor.<<}{>>@Ed Lee 2026-12-01T10:40Z resolved:<<} will close{++ next week++}{>>@Ed Lee 2026-12-01T10:00Z<<}.\n\n" +
		"Officials {~~said~>announced~~}{>>@Ed Lee 2026-12-01T10:01Z<<} the {--very --}{>>@Ed Lee 2026-12-01T10:02Z<<}old piers need work.{>>@Ed Lee 2026-12-01T10:03Z: Get a quote from the port.<<}\n\n" +
		"{--A whole paragraph\n\ngoes away.--}{>>@Ed Lee 2026-12-01T10:04Z<<}\n"
	clean := "The harbor will close.\n\nOfficials said the very old piers need work.\n\nA whole paragraph\n\ngoes away.\n"
	return a, clean
}

// TestExportsShowRejectedText: every export but Markdown, the preview,
// the export warnings and the word count read the body with every
// suggestion rejected and every comment removed, and agree with the
// same article written without marks.
func TestExportsShowRejectedText(t *testing.T) {
	a, clean := reviewedArticle()
	if got := a.PublicBody(); got != clean {
		t.Fatalf("PublicBody = %q, want %q", got, clean)
	}
	b := a.Clone()
	b.Body = clean
	p := DefaultProfile()
	opt := RenderOptions{Now: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)}
	for _, f := range Formats {
		if f == FormatMarkdown {
			continue
		}
		got, err := Export(f, a, p, opt)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		want, err := Export(f, b, p, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s export of the reviewed draft differs from the clean one", f)
		}
		for _, leak := range []string{"{++", "{--", "{~~", "{>>", "{==", "Which one", "next week", "announced", "Ed Lee"} {
			if bytes.Contains(got, []byte(leak)) {
				t.Errorf("%s export leaks %q", f, leak)
			}
		}
	}
	pa, err := BuildPreview(a, p, opt)
	if err != nil {
		t.Fatal(err)
	}
	pb, _ := BuildPreview(b, p, opt)
	if pa.PlainText() != pb.PlainText() {
		t.Errorf("preview text differs:\n%s\nwant\n%s", pa.PlainText(), pb.PlainText())
	}
	var cache PreviewCache
	pc, err := cache.Build(context.Background(), a, p, opt)
	if err != nil {
		t.Fatal(err)
	}
	if pc.PlainText() != pb.PlainText() {
		t.Errorf("incremental preview text differs:\n%s\nwant\n%s", pc.PlainText(), pb.PlainText())
	}
	if got, want := SummaryOf(a).Words, CountWords(clean); got != want {
		t.Errorf("SummaryOf words = %d, want %d", got, want)
	}
}

// TestMarkdownCarriesReviewMarks: the Markdown export writes suggestions
// and comments as they are, and importing it gives the same body back.
func TestMarkdownCarriesReviewMarks(t *testing.T) {
	a, _ := reviewedArticle()
	out, err := Export(FormatMarkdown, a, DefaultProfile(), RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "{~~said~>announced~~}{>>@Ed Lee 2026-12-01T10:01Z<<}") {
		t.Fatalf("the Markdown export lost the marks:\n%s", out)
	}
	back, err := Import(FormatMarkdown, out, DefaultProfile())
	if err != nil {
		t.Fatal(err)
	}
	if back.Body != a.Body {
		t.Errorf("round trip body:\n%q\nwant\n%q", back.Body, a.Body)
	}
	before, after := ParseMarks(a.Body), ParseMarks(back.Body)
	if len(after) != len(before) || len(after) != 6 {
		t.Fatalf("marks after the round trip: %d, before %d, want 6", len(after), len(before))
	}
	for i := range before {
		if before[i].Kind != after[i].Kind || before[i].Author != after[i].Author || len(before[i].Notes) != len(after[i].Notes) || before[i].Resolved() != after[i].Resolved() {
			t.Errorf("mark %d changed: %+v became %+v", i, before[i], after[i])
		}
	}
}

// TestExportsWithSuggestionsAccepted: asked to (RenderOptions.
// AcceptSuggestions, the CLI's --accept-suggestions), every format, the
// Markdown one included, writes the text with every suggestion accepted
// and still no comment.
func TestExportsWithSuggestionsAccepted(t *testing.T) {
	a, _ := reviewedArticle()
	accepted := "The harbor will close next week.\n\nOfficials announced the old piers need work.\n\n\n"
	if got := Accepted(a.Body); got != accepted {
		t.Fatalf("Accepted = %q, want %q", got, accepted)
	}
	b := a.Clone()
	b.Body = accepted
	p := DefaultProfile()
	opt := RenderOptions{Now: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC), AcceptSuggestions: true}
	for _, f := range Formats {
		got, err := Export(f, a, p, opt)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		want, err := Export(f, b, p, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s export with suggestions accepted differs from the accepted text", f)
		}
		if f != FormatMarkdown && !bytes.Contains(got, []byte("next week")) {
			t.Errorf("%s export lacks the accepted insertion", f)
		}
		for _, leak := range []string{"{++", "{>>", "Which one", "Ed Lee", "A whole paragraph"} {
			if bytes.Contains(got, []byte(leak)) {
				t.Errorf("%s export leaks %q", f, leak)
			}
		}
	}
	if a.Body == accepted {
		t.Error("exporting changed the draft")
	}
}
