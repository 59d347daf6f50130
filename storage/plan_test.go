//go:build sqlite_fts5

package storage

import (
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// queryPlan returns EXPLAIN QUERY PLAN's detail lines, one per loop or
// step, indented by depth.
func queryPlan(t *testing.T, db *DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.read.Query(`EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		t.Fatalf("explain: %v\n%s", err, query)
	}
	defer rows.Close()
	depth := map[int]int{}
	var lines []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		depth[id] = depth[parent] + 1
		lines = append(lines, strings.Repeat("  ", depth[id]-1)+detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// TestSearchQueryPlans proves that MATCH drives the search queries: the
// FTS5 index is the outer loop and drafts are looked up by primary key,
// whatever the filters; FTS5 delivers rank and rowid order itself, so
// nothing sorts every hit. The one planned exception is the many-hits walk, where the
// drafts are read in date order through an index and the FTS5 index is
// probed by rowid for each.
func TestSearchQueryPlans(t *testing.T) {
	db, _ := mustOpen(t)
	filterSets := map[string]editor.ListOptions{
		"none":   {},
		"status": {Statuses: []editor.Status{editor.StatusFiled}},
		"all": {Statuses: []editor.Status{editor.StatusFiled, editor.StatusEditing}, Author: "Dana", Tag: "kenya",
			UpdatedFrom: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), UpdatedTo: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)},
		"trash": {Trashed: true, Tag: "kenya"},
	}
	for name, opt := range filterSets {
		opt.Query = "tea harv"
		q, err := buildListQuery(opt)
		if err != nil {
			t.Fatal(err)
		}
		args := append(append([]any{q.expr}, q.args...), 50, 0)

		t.Run("Ranked/"+name, func(t *testing.T) {
			plan := queryPlan(t, db, matchSQL(q, ""), args...)
			wantMatchDriven(t, plan)
			if got := strings.Join(plan, "\n"); strings.Contains(got, "TEMP B-TREE") {
				t.Fatalf("ranked search sorts every hit:\n%s", got)
			}
		})
		t.Run("RankedWindow/"+name, func(t *testing.T) {
			wargs := append(append([]any{q.expr, 1000}, q.args...), 50, 0)
			plan := queryPlan(t, db, matchSQL(q, `AND drafts_fts.rowid > ?`), wargs...)
			wantMatchDriven(t, plan)
			if got := strings.Join(plan, "\n"); strings.Contains(got, "TEMP B-TREE") {
				t.Fatalf("ranked window sorts every hit:\n%s", got)
			}
		})
		t.Run("Older/"+name, func(t *testing.T) {
			wargs := append(append([]any{q.expr, 1000}, q.args...), 50, 0)
			plan := queryPlan(t, db, olderSQL(q), wargs...)
			wantMatchDriven(t, plan)
			if got := strings.Join(plan, "\n"); strings.Contains(got, "TEMP B-TREE") {
				t.Fatalf("older hits are sorted instead of read in index order:\n%s", got)
			}
		})
		t.Run("Ordered/"+name, func(t *testing.T) {
			plan := queryPlan(t, db, orderedSQL(q, q.expr, dateOrder(editor.SortUpdated), false), args...)
			wantMatchDriven(t, plan)
		})
		t.Run("Count/"+name, func(t *testing.T) {
			o := opt
			o.Limit = 0
			// Count's query, as Count builds it.
			query := `SELECT count(*) FROM drafts_fts CROSS JOIN drafts d ON d.seq = drafts_fts.rowid
				WHERE drafts_fts MATCH ? AND ` + q.hitFilters()
			wantMatchDriven(t, queryPlan(t, db, query, append([]any{q.expr}, q.args...)...))
		})
		t.Run("ManyHits/"+name, func(t *testing.T) {
			plan := queryPlan(t, db, orderedSQL(q, `"tea"`, dateOrder(editor.SortUpdated), true), args...)
			got := strings.Join(plan, "\n")
			if !strings.HasPrefix(plan[0], "SCAN d ") && !strings.HasPrefix(plan[0], "SEARCH d ") {
				t.Fatalf("many-hits walk does not read the drafts first:\n%s", got)
			}
			// The index is probed by rowid ("=") with MATCH ("M").
			if !strings.Contains(got, "SCAN drafts_fts VIRTUAL TABLE INDEX 0:=M") {
				t.Fatalf("many-hits walk does not probe the index by rowid:\n%s", got)
			}
			// Without a selective filter the walk follows an index in
			// date order and stops when the page is full.
			if (name == "none" || name == "status") && strings.Contains(got, "TEMP B-TREE FOR ORDER BY") {
				t.Fatalf("many-hits walk sorts:\n%s", got)
			}
		})
	}
}

// wantMatchDriven fails unless the plan's outer loop is an FTS5 MATCH scan
// and drafts are found by primary key.
func wantMatchDriven(t *testing.T, plan []string) {
	t.Helper()
	got := strings.Join(plan, "\n")
	// FTS5's index string for MATCH is "M" plus the column filter.
	if !strings.HasPrefix(plan[0], "SCAN drafts_fts VIRTUAL TABLE INDEX") || !strings.Contains(plan[0], ":M") {
		t.Fatalf("MATCH does not drive the query:\n%s", got)
	}
	if !strings.Contains(got, "SEARCH d USING INTEGER PRIMARY KEY (rowid=?)") {
		t.Fatalf("drafts are not looked up by primary key:\n%s", got)
	}
}

// TestCountTrashedHitsPlan proves that counting a search's hits in Trash
// reads only the drafts_trash index, never a draft row with its body.
func TestCountTrashedHitsPlan(t *testing.T) {
	db, _ := mustOpen(t)
	plan := strings.Join(queryPlan(t, db, countTrashedHitsSQL, MatchExpression("tea ")), "\n")
	if !strings.Contains(plan, "USING COVERING INDEX drafts_trash") {
		t.Errorf("the Trash count does not stay in the drafts_trash index:\n%s", plan)
	}
}
