package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// suggestionRow is one mark as "dateline suggestions --json" prints it.
type suggestionRow struct {
	ID       int           `json:"id"`
	Kind     string        `json:"kind"`
	Author   string        `json:"author,omitempty"`
	Time     *time.Time    `json:"time,omitempty"`
	Old      string        `json:"old,omitempty"`
	New      string        `json:"new,omitempty"`
	Resolved bool          `json:"resolved,omitempty"`
	Notes    []editor.Note `json:"notes,omitempty"`
	Start    int           `json:"start"`
	End      int           `json:"end"`
}

// runSuggestions implements "dateline suggestions": list a draft's
// suggestions and comment threads, or decide on suggestions; each
// decision is saved as a revision of its own, by --as (default: the
// library's user).
func runSuggestions(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	acceptAll := fs.Bool("accept-all", false, "accept every suggestion")
	rejectAll := fs.Bool("reject-all", false, "reject every suggestion")
	accept := fs.Int("accept", -1, "accept the suggestion with this number")
	reject := fs.Int("reject", -1, "reject the suggestion with this number")
	as := fs.String("as", "", "who decides, for the history (default: the library's user)")
	asJSON := fs.Bool("json", false, "print a JSON array instead of lines")
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		return usage(env, c.name, "name one draft")
	}
	decisions := 0
	for _, on := range []bool{*acceptAll, *rejectAll, *accept >= 0, *reject >= 0} {
		if on {
			decisions++
		}
	}
	if decisions > 1 {
		return usage(env, c.name, "pass one of --accept-all, --reject-all, --accept N, --reject N")
	}
	store, a, ok := openDraft(ctx, env, fs.Arg(0))
	if !ok {
		return ExitFailure
	}
	defer store.Close()
	if decisions == 0 {
		return listSuggestions(env, a, *asJSON)
	}
	open := editor.OpenSuggestions(a.Body)
	var note string
	var err error
	body := a.Body
	switch {
	case *acceptAll:
		body, note = editor.AcceptAll(body), fmt.Sprintf("Accepted all suggestions (%d)", open)
	case *rejectAll:
		body, note = editor.RejectAll(body), fmt.Sprintf("Rejected all suggestions (%d)", open)
	case *accept >= 0:
		body, err = editor.Accept(body, *accept)
		note = fmt.Sprintf("Accepted suggestion %d", *accept)
	default:
		body, err = editor.Reject(body, *reject)
		note = fmt.Sprintf("Rejected suggestion %d", *reject)
	}
	if err != nil {
		return fail(env, err)
	}
	if body == a.Body {
		fmt.Fprintf(env.Stderr, "%s: no suggestions to decide\n", a.Slug)
		return ExitOK
	}
	a.Body = body
	if _, err := store.Save(ctx, a, editor.SaveOptions{Kind: editor.RevisionEdit, Note: note, Author: strings.TrimSpace(*as)}); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stderr, "%s: %s; %d open suggestions left\n", a.Slug, strings.ToLower(note[:1])+note[1:], editor.OpenSuggestions(body))
	return ExitOK
}

// listSuggestions prints the marks of a's body, one a line, or as JSON.
func listSuggestions(env Env, a *editor.Article, asJSON bool) int {
	marks := editor.ParseMarks(a.Body)
	if asJSON {
		rows := make([]suggestionRow, 0, len(marks))
		for _, m := range marks {
			r := suggestionRow{ID: m.ID, Kind: string(m.Kind), Author: m.Author, Old: m.Old, New: m.New, Resolved: m.Resolved(), Notes: m.Notes, Start: m.Start, End: m.End}
			if !m.Time.IsZero() {
				t := m.Time
				r.Time = &t
			}
			rows = append(rows, r)
		}
		return writeJSON(env, rows)
	}
	for _, m := range marks {
		who := m.Author
		if who == "" {
			who = "-"
		}
		var what string
		switch m.Kind {
		case editor.MarkInsertion:
			what = fmt.Sprintf("+ %q", m.New)
		case editor.MarkDeletion:
			what = fmt.Sprintf("- %q", m.Old)
		case editor.MarkSubstitution:
			what = fmt.Sprintf("%q -> %q", m.Old, m.New)
		default:
			what = fmt.Sprintf("on %q", m.Old)
			if len(m.Notes) > 0 {
				what += fmt.Sprintf(": %q", m.Notes[0].Text)
			}
			if n := len(m.Notes) - 1; n > 0 {
				what += fmt.Sprintf(" (+%d replies)", n)
			}
			if m.Resolved() {
				what += " [resolved]"
			}
		}
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\n", m.ID, m.Kind, who, what)
	}
	fmt.Fprintf(env.Stderr, "%s: %d open suggestions, %d marks in all\n", a.Slug, editor.OpenSuggestions(a.Body), len(marks))
	return ExitOK
}
