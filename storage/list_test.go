//go:build sqlite_fts5

package storage

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// seed creates articles with the given headlines, one minute apart, and
// returns them in creation order.
func seed(t *testing.T, db *DB, c *clock, headlines ...string) []*editor.Article {
	t.Helper()
	var out []*editor.Article
	for _, h := range headlines {
		c.Advance(time.Minute)
		a := editor.NewArticle(c.Now())
		a.Headline = h
		a.Slug = editor.Slugify(h)
		if _, err := db.Create(context.Background(), a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

func headlines(list []editor.Summary) string {
	var hs []string
	for _, s := range list {
		hs = append(hs, s.Headline)
	}
	return strings.Join(hs, " | ")
}

func TestList(t *testing.T) {
	ctx := context.Background()

	t.Run("Empty", func(t *testing.T) {
		db, _ := mustOpen(t)
		list, err := db.List(ctx, editor.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if list == nil || len(list) != 0 {
			t.Fatalf("List = %#v, want an empty non-nil slice", list)
		}
	})

	t.Run("Order", func(t *testing.T) {
		db, c := mustOpen(t)
		as := seed(t, db, c, "Bravo", "alpha", "Charlie")
		for _, tt := range []struct {
			name string
			opt  editor.ListOptions
			want string
		}{
			{"Default", editor.ListOptions{}, "Charlie | alpha | Bravo"},
			{"Updated", editor.ListOptions{Sort: editor.SortUpdated}, "Charlie | alpha | Bravo"},
			{"Created", editor.ListOptions{Sort: editor.SortCreated}, "Charlie | alpha | Bravo"},
			{"Headline", editor.ListOptions{Sort: editor.SortHeadline}, "alpha | Bravo | Charlie"},
			{"RelevanceWithoutQuery", editor.ListOptions{Sort: editor.SortRelevance}, "Charlie | alpha | Bravo"},
			{"Limit", editor.ListOptions{Limit: 2}, "Charlie | alpha"},
			{"Offset", editor.ListOptions{Limit: 2, Offset: 2}, "Bravo"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				list, err := db.List(ctx, tt.opt)
				if err != nil {
					t.Fatal(err)
				}
				if got := headlines(list); got != tt.want {
					t.Fatalf("List = %q, want %q", got, tt.want)
				}
			})
		}

		// Saving the oldest moves it to the top of the default order only.
		c.Advance(time.Minute)
		as[0].Body = "Updated text."
		if _, err := db.Save(ctx, as[0], editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		list, err := db.List(ctx, editor.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := headlines(list), "Bravo | Charlie | alpha"; got != want {
			t.Fatalf("after save, List = %q, want %q", got, want)
		}
		if got, want := list[0].Words, 2; got != want {
			t.Fatalf("Words = %d, want %d", got, want)
		}
		if got, want := list[0].Updated, c.Now(); !got.Equal(want) {
			t.Fatalf("Updated = %v, want %v", got, want)
		}
		list, err = db.List(ctx, editor.ListOptions{Sort: editor.SortCreated})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := headlines(list), "Charlie | alpha | Bravo"; got != want {
			t.Fatalf("after save, created order = %q, want %q", got, want)
		}
		n, err := db.Count(ctx, editor.ListOptions{Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := n, 3; got != want {
			t.Fatalf("Count = %d, want %d", got, want)
		}
	})

	t.Run("Summary", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		list, err := db.List(ctx, editor.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 {
			t.Fatalf("%d summaries, want 1", len(list))
		}
		s := list[0]
		if s.ID != a.ID || s.Slug != a.Slug || s.Headline != a.Headline || s.Status != a.Status ||
			strings.Join(s.Authors, ";") != "Dana Whitfield;Omar Haddad" || !s.Created.Equal(a.Created) ||
			s.Words != editor.CountWords(a.Body) || s.Snippet != "" {
			t.Fatalf("summary = %+v, does not match %s", s, jsonOf(t, a))
		}
	})

	t.Run("Filters", func(t *testing.T) {
		db, c := mustOpen(t)
		start := c.Now()
		as := seed(t, db, c, "Tea harvest", "Port strike", "Election count", "Tea prices")
		// Status moves by transition, without touching Updated's order below.
		for _, mv := range []struct {
			a  *editor.Article
			to editor.Status
		}{{as[0], editor.StatusFiled}, {as[1], editor.StatusFiled}, {as[1], editor.StatusEditing}} {
			if _, err := db.Transition(ctx, mv.a.ID, mv.to, ""); err != nil {
				t.Fatal(err)
			}
		}
		as[0].Tags, as[0].Byline.Authors = []string{"Kenya", "agriculture"}, []string{"Dana Whitfield"}
		as[1].Tags, as[1].Byline.Authors = []string{"labour"}, []string{"Omar Haddad", "Dana Whitfield"}
		as[3].Tags, as[3].Byline.Authors = []string{"agriculture"}, []string{"Omar Haddad"}
		for _, a := range []*editor.Article{as[0], as[1], as[3]} {
			c.Advance(time.Minute)
			if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
				t.Fatal(err)
			}
		}
		// Updated order is now: Tea prices, Port strike, Tea harvest, Election count.
		for _, common := range []int{defaultCommonTag, 0} {
			// 0 makes every tag common, so the tag filter probes each draft.
			db.commonTag = common
			for _, tt := range []struct {
				name string
				opt  editor.ListOptions
				want string
			}{
				{"Status", editor.ListOptions{Statuses: []editor.Status{editor.StatusFiled}}, "Tea harvest"},
				{"Statuses", editor.ListOptions{Statuses: []editor.Status{editor.StatusFiled, editor.StatusEditing}}, "Port strike | Tea harvest"},
				{"Author", editor.ListOptions{Author: "dana whitfield"}, "Port strike | Tea harvest"},
				{"AuthorPart", editor.ListOptions{Author: "Haddad"}, "Tea prices | Port strike"},
				{"AuthorWildcard", editor.ListOptions{Author: "%"}, ""},
				{"Tag", editor.ListOptions{Tag: "AGRICULTURE"}, "Tea prices | Tea harvest"},
				{"TagAndStatus", editor.ListOptions{Tag: "agriculture", Statuses: []editor.Status{editor.StatusDraft}}, "Tea prices"},
				{"UpdatedRange", editor.ListOptions{UpdatedFrom: start.Add(3 * time.Minute), UpdatedTo: start.Add(6 * time.Minute)}, "Port strike | Tea harvest | Election count"},
				{"QueryAndTag", editor.ListOptions{Query: "tea", Tag: "kenya"}, "Tea harvest"},
				{"QueryAndAuthor", editor.ListOptions{Query: "tea", Author: "Omar", Sort: editor.SortHeadline}, "Tea prices"},
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
					if got, want := n, len(list); got != want {
						t.Fatalf("Count = %d, List has %d", got, want)
					}
				})
			}
		}
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		db, _ := mustOpen(t)
		for _, opt := range []editor.ListOptions{
			{Sort: "random"},
			{Statuses: []editor.Status{"lost"}},
			{Limit: -1},
		} {
			_, err := db.List(ctx, opt)
			wantCode(t, err, editor.EINVALID)
		}
	})
}

func TestSearch(t *testing.T) {
	ctx := context.Background()

	t.Run("FollowsSave", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		find := func(q string) string {
			t.Helper()
			list, err := db.List(ctx, editor.ListOptions{Query: q + " "})
			if err != nil {
				t.Fatal(err)
			}
			return headlines(list)
		}
		if got, want := find("growers"), a.Headline; got != want {
			t.Fatalf("search growers = %q, want %q", got, want)
		}
		a.Headline = "Monsoon rescues the coffee crop"
		a.Body = "Farmers are relieved."
		if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct{ q, want string }{
			{"monsoon", a.Headline},
			{"growers", ""},
			{"relieved", a.Headline},
			{"dry", ""},
			{"whitfield", a.Headline},              // byline
			{"agriculture", a.Headline},            // tags
			{"kenya-tea-harvest", a.Headline},      // slug
			{"central highlands lose", a.Headline}, // deck
		} {
			if got := find(tt.q); got != tt.want {
				t.Errorf("search %q = %q, want %q", tt.q, got, tt.want)
			}
		}
		checkFTS(t, db)
	})

	t.Run("Snippet", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		list, err := db.List(ctx, editor.ListOptions{Query: "bushes"})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 {
			t.Fatalf("%d hits, want 1", len(list))
		}
		if got, want := list[0].Snippet, editor.SnippetOpen+"bushes"+editor.SnippetClose; !strings.Contains(got, want) {
			t.Fatalf("snippet = %q, want it to contain %q", got, want)
		}
	})

	t.Run("Relevance", func(t *testing.T) {
		db, c := mustOpen(t)
		as := seed(t, db, c, "Strike ends at the port", "Council budget")
		as[1].Body = "The council said a strike was possible. Nobody mentioned a strike at the port again."
		c.Advance(time.Minute)
		if _, err := db.Save(ctx, as[1], editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		list, err := db.List(ctx, editor.ListOptions{Query: "strike"})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := headlines(list), "Strike ends at the port | Council budget"; got != want {
			t.Fatalf("ranked = %q, want the headline hit first: %q", got, want)
		}
		list, err = db.List(ctx, editor.ListOptions{Query: "strike", Sort: editor.SortUpdated})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := headlines(list), "Council budget | Strike ends at the port"; got != want {
			t.Fatalf("by updated = %q, want %q", got, want)
		}
	})
}

// checkFTS runs FTS5's own integrity check, which compares the index with
// the drafts it was built from.
func checkFTS(t *testing.T, db *DB) {
	t.Helper()
	if _, err := db.write.Exec(`INSERT INTO drafts_fts (drafts_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Fatalf("FTS index out of step with drafts: %v", err)
	}
}

func TestSearchManyHits(t *testing.T) {
	ctx := context.Background()
	db, c := mustOpen(t)
	db.manyHits = 3 // as if the library were huge: rank only the newest 3 hits
	as := seed(t, db, c, "Port strike ends", "Budget one", "Budget two", "Budget three", "Budget four")
	for i, k := range []int{1, 2, 3, 1} {
		a := as[i+1]
		a.Body = "Dockers said the " + strings.Repeat("strike ", k) + "cost millions."
		c.Advance(time.Minute)
		if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		name string
		opt  editor.ListOptions
		want string
	}{
		// The newest three hits (four, three, two) ranked, then the older
		// ones newest first.
		{"Relevance", editor.ListOptions{Query: "strike "}, "Budget three | Budget two | Budget four | Budget one | Port strike ends"},
		{"RelevanceFirst", editor.ListOptions{Query: "strike ", Limit: 1}, "Budget three"},
		{"RelevancePage", editor.ListOptions{Query: "strike ", Limit: 2, Offset: 1}, "Budget two | Budget four"},
		{"RelevanceAcrossWindow", editor.ListOptions{Query: "strike ", Limit: 2, Offset: 2}, "Budget four | Budget one"},
		{"RelevanceOlder", editor.ListOptions{Query: "strike ", Limit: 5, Offset: 4}, "Port strike ends"},
		{"Headline", editor.ListOptions{Query: "strike ", Sort: editor.SortHeadline}, "Budget four | Budget one | Budget three | Budget two | Port strike ends"},
		{"HeadlinePage", editor.ListOptions{Query: "strike ", Sort: editor.SortHeadline, Limit: 2, Offset: 3}, "Budget two | Port strike ends"},
		{"Updated", editor.ListOptions{Query: "strike ", Sort: editor.SortUpdated, Limit: 3}, "Budget four | Budget three | Budget two"},
		{"Filtered", editor.ListOptions{Query: "strike ", Statuses: []editor.Status{editor.StatusDraft}, Limit: 3}, "Budget three | Budget two | Budget four"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			list, err := db.List(ctx, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := headlines(list); got != tt.want {
				t.Fatalf("List = %q, want %q", got, tt.want)
			}
			for _, s := range list[min(1, len(list)-1):] {
				if s.Headline != "Port strike ends" && !strings.Contains(s.Snippet, editor.SnippetOpen+"strike"+editor.SnippetClose) {
					t.Fatalf("hit %q has snippet %q", s.Headline, s.Snippet)
				}
			}
		})
	}
}

func TestCountManyHits(t *testing.T) {
	ctx := context.Background()
	for _, many := range []int{defaultManyHits, 1} {
		db, c := mustOpen(t)
		db.manyHits = many
		as := seed(t, db, c, "Strike one", "Strike two", "Strike three", "Calm day")
		if _, err := db.Transition(ctx, as[0].ID, editor.StatusFiled, ""); err != nil {
			t.Fatal(err)
		}
		if err := db.Trash(ctx, as[2].ID); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			opt  editor.ListOptions
			want int
		}{
			{editor.ListOptions{Query: "strike "}, 2},
			{editor.ListOptions{Query: "strike ", Trashed: true}, 1},
			{editor.ListOptions{Query: "strike ", Statuses: []editor.Status{editor.StatusFiled}}, 1},
			{editor.ListOptions{Query: "strike ", Statuses: []editor.Status{editor.StatusKilled}}, 0},
			{editor.ListOptions{Query: "calm "}, 1},
		} {
			n, err := db.Count(ctx, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if n != tt.want {
				t.Errorf("manyHits %d: Count(%+v) = %d, want %d", many, tt.opt, n, tt.want)
			}
		}
		counts, err := db.StatusCounts(ctx, editor.ListOptions{Query: "strike "})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := fmt.Sprint(counts), "map[draft:1 filed:1]"; got != want {
			t.Errorf("manyHits %d: StatusCounts = %s, want %s", many, got, want)
		}
	}
}

func TestStatusCounts(t *testing.T) {
	ctx := context.Background()
	db, c := mustOpen(t)
	as := seed(t, db, c, "Tea harvest", "Tea prices", "Port strike", "Binned tea")
	for _, a := range as[:2] {
		if _, err := db.Transition(ctx, a.ID, editor.StatusFiled, ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Trash(ctx, as[3].ID); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		opt  editor.ListOptions
		want string
	}{
		{"All", editor.ListOptions{}, "map[draft:1 filed:2]"},
		{"IgnoresStatuses", editor.ListOptions{Statuses: []editor.Status{editor.StatusDraft}}, "map[draft:1 filed:2]"},
		{"Search", editor.ListOptions{Query: "tea "}, "map[filed:2]"},
		{"Trash", editor.ListOptions{Trashed: true}, "map[draft:1]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			counts, err := db.StatusCounts(ctx, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(counts); got != tt.want {
				t.Fatalf("StatusCounts = %s, want %s", got, tt.want)
			}
		})
	}
}
