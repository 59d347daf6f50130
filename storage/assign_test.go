//go:build sqlite_fts5

package storage

import (
	"context"
	"testing"

	"github.com/dateline-news/dateline/editor"
)

// TestListAssignedTo: the assignee filter (and "Filed to me", which adds
// the filed status) keeps exactly the drafts assigned to the user, in a
// plain list, a search and a count; the assignment is part of the draft's
// revision.
func TestListAssignedTo(t *testing.T) {
	ctx := context.Background()
	db, c := mustOpen(t)
	as := seed(t, db, c, "Harbor strike filed", "Harbor budget draft", "Harbor fire filed to ben", "Harbor vote unassigned")
	assign := func(a *editor.Article, user string, status editor.Status) {
		t.Helper()
		a.AssignedTo = user
		if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		if status != a.Status {
			if _, err := db.Transition(ctx, a.ID, status, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	assign(as[0], "ed_ana", editor.StatusFiled)
	assign(as[1], "ed_ana", editor.StatusDraft)
	assign(as[2], "ben", editor.StatusFiled)
	if _, err := db.Transition(ctx, as[3].ID, editor.StatusFiled, ""); err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		name string
		opt  editor.ListOptions
		want string
	}{
		{"Assigned", editor.ListOptions{AssignedTo: "ed_ana", Sort: editor.SortHeadline}, "Harbor budget draft | Harbor strike filed"},
		{"FiledToMe", editor.FiledTo(editor.ListOptions{}, "ed_ana"), "Harbor strike filed"},
		{"FiledToOther", editor.FiledTo(editor.ListOptions{}, "ben"), "Harbor fire filed to ben"},
		{"FiledToNobodyKnown", editor.FiledTo(editor.ListOptions{}, "cara"), ""},
		{"Search", editor.FiledTo(editor.ListOptions{Query: "harbor"}, "ed_ana"), "Harbor strike filed"},
		{"NoFilter", editor.ListOptions{Statuses: []editor.Status{editor.StatusFiled}, Sort: editor.SortHeadline},
			"Harbor fire filed to ben | Harbor strike filed | Harbor vote unassigned"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			list, err := db.List(ctx, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := headlines(list); got != tt.want {
				t.Fatalf("List = %q, want %q", got, tt.want)
			}
			n, err := db.Count(ctx, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(list) {
				t.Fatalf("Count = %d, List has %d", n, len(list))
			}
		})
	}

	got, err := db.Get(ctx, as[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.AssignedTo != "ed_ana" {
		t.Fatalf("AssignedTo after Get = %q", got.AssignedTo)
	}
}
