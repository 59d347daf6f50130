package style

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dateline-news/dateline/editor"
)

// FuzzLint lints arbitrary bodies and datelines: no panic, and every
// finding's range is inside its field and reads its text.
func FuzzLint(f *testing.F) {
	f.Add("“Open quote 3 percent on Sept 3rd at 9am, the the end.", "Chicago, IL")
	f.Add("15 growers.\n\n| 1 | 2 |\n\n```\n3 percent\n```", "NEW YORK, N.Y.")
	f.Add("\"x\" Jan. 2027. Twenty-five. said that. ", "")
	f.Fuzz(func(t *testing.T, body, place string) {
		if !utf8.ValidString(body) || !utf8.ValidString(place) {
			return
		}
		a := &editor.Article{Body: body, Headline: body, Dateline: editor.Dateline{Place: place, Credit: "X"}}
		fields := map[string]string{FieldBody: body, FieldHeadline: body, FieldDateline: datelineText(editor.Dateline{Place: oneLine(place), Credit: "X"})}
		for _, fd := range Lint(a, Config{Publisher: "Harbor Times"}) {
			src, ok := fields[fd.Field]
			if !ok {
				continue
			}
			lines := strings.Split(src, "\n")
			if fd.Line > fd.EndLine || fd.EndLine >= len(lines) || fd.Start > len(lines[fd.Line]) || fd.End > len(lines[fd.EndLine]) {
				t.Fatalf("finding %+v outside its field %q", fd, src)
			}
			if fd.Line == fd.EndLine && fd.Rule != "dateline-standalone-city" && lines[fd.Line][fd.Start:fd.End] != fd.Text {
				t.Fatalf("finding %+v reads %q", fd, lines[fd.Line][fd.Start:fd.End])
			}
		}
	})
}
