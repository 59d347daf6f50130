//go:build sqlite_fts5

package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// Benchmarks run on a generated library of 10,000 drafts, or as many as
// DATELINE_BENCH_DRAFTS says (100000 for the newsroom-scale figures). The
// library is generated once under testdata/gen, which git ignores. Each
// benchmark has a "dateline" case (the Store method) and a "raw" case: the
// plainest SQLite doing the same job on the same file in the same run, as
// the baseline. Besides ns/op they report p50, p95 and p99 in milliseconds.

// benchDrafts is the size of the benchmark library.
func benchDrafts(tb testing.TB) int {
	if s := os.Getenv("DATELINE_BENCH_DRAFTS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			tb.Fatalf("DATELINE_BENCH_DRAFTS=%q is not a positive number", s)
		}
		return n
	}
	return 10000
}

// openBench opens the benchmark library.
func openBench(b *testing.B) *DB {
	b.Helper()
	path := benchLibraryPath(b, benchDrafts(b))
	db, err := Open(path, WithDevice("bench"), WithAuthor("Bench"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = db.Close() })
	return db
}

// openRaw opens the benchmark library with go-sqlite3's defaults and no
// Dateline code on top.
func openRaw(b *testing.B, db *DB) *sql.DB {
	b.Helper()
	raw, err := sql.Open("sqlite3", db.Path()+"?_query_only=1")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = raw.Close() })
	return raw
}

// timings collects per-operation durations and reports percentiles.
type timings []time.Duration

func (t *timings) time(f func()) {
	start := time.Now()
	f()
	*t = append(*t, time.Since(start))
}

func (t timings) report(b *testing.B) {
	if len(t) == 0 {
		return
	}
	sort.Slice(t, func(i, j int) bool { return t[i] < t[j] })
	pct := func(p float64) float64 {
		i := int(p * float64(len(t)-1))
		return float64(t[i]) / float64(time.Millisecond)
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

// benchQueries are the searches of issue 4: a rare, a mid-frequency and a
// very common term, a prefix as typed, and a phrase.
var benchQueries = []struct{ name, q string }{
	{"rare", genRare + " "},
	{"mid", genMid + " "},
	{"common", genCommon + " "},
	{"prefix", genPrefix},
	{"phrase", `"` + genPhrase + `"`},
}

// BenchmarkSearch is the first page (50 hits, ranked, with snippets) of a
// search, against raw FTS5 ordering every hit by rank.
func BenchmarkSearch(b *testing.B) {
	db := openBench(b)
	raw := openRaw(b, db)
	ctx := context.Background()
	b.Run("common-filtered/dateline", func(b *testing.B) {
		var t timings
		for b.Loop() {
			t.time(func() {
				if _, err := db.List(ctx, editor.ListOptions{Query: genCommon + " ", Author: "Dana Whitfield", Limit: 50}); err != nil {
					b.Fatal(err)
				}
			})
		}
		t.report(b)
	})
	b.Run("common-filtered/raw", func(b *testing.B) {
		var t timings
		for b.Loop() {
			t.time(func() {
				rows, err := raw.QueryContext(ctx, `
					SELECT d.id, d.headline, snippet(drafts_fts, 3, char(2), char(3), '…', 24)
					FROM drafts_fts JOIN drafts d ON d.seq = drafts_fts.rowid
					WHERE drafts_fts MATCH ? AND d.seq IN (SELECT draft FROM draft_authors WHERE author = ?)
					ORDER BY rank LIMIT 50`, MatchExpression(genCommon+" "), "Dana Whitfield")
				if err != nil {
					b.Fatal(err)
				}
				drain(b, rows)
			})
		}
		t.report(b)
	})
	for _, q := range benchQueries[1:3] {
		b.Run(q.name+"-by-date/dateline", func(b *testing.B) {
			var t timings
			for b.Loop() {
				t.time(func() {
					if _, err := db.List(ctx, editor.ListOptions{Query: q.q, Sort: editor.SortUpdated, Limit: 50}); err != nil {
						b.Fatal(err)
					}
				})
			}
			t.report(b)
		})
		if q.name == "common" {
			continue // raw makes a snippet for every hit before sorting: 12 s per search at 100,000 drafts
		}
		b.Run(q.name+"-by-date/raw", func(b *testing.B) {
			var t timings
			for b.Loop() {
				t.time(func() {
					rows, err := raw.QueryContext(ctx, `
						SELECT d.id, d.headline, snippet(drafts_fts, 3, char(2), char(3), '…', 24)
						FROM drafts_fts JOIN drafts d ON d.seq = drafts_fts.rowid
						WHERE drafts_fts MATCH ? AND d.trashed_at IS NULL ORDER BY d.updated DESC LIMIT 50`, MatchExpression(q.q))
					if err != nil {
						b.Fatal(err)
					}
					drain(b, rows)
				})
			}
			t.report(b)
		})
	}
	for _, q := range benchQueries {
		b.Run(q.name+"/dateline", func(b *testing.B) {
			var t timings
			for b.Loop() {
				t.time(func() {
					if _, err := db.List(ctx, editor.ListOptions{Query: q.q, Limit: 50}); err != nil {
						b.Fatal(err)
					}
				})
			}
			t.report(b)
		})
		b.Run(q.name+"/raw", func(b *testing.B) {
			expr := MatchExpression(q.q)
			var t timings
			for b.Loop() {
				t.time(func() {
					rows, err := raw.QueryContext(ctx, `
						SELECT d.id, d.headline, snippet(drafts_fts, 3, char(2), char(3), '…', 24)
						FROM drafts_fts JOIN drafts d ON d.seq = drafts_fts.rowid
						WHERE drafts_fts MATCH ? ORDER BY rank LIMIT 50`, expr)
					if err != nil {
						b.Fatal(err)
					}
					drain(b, rows)
				})
			}
			t.report(b)
		})
	}
}

// drain reads and closes rows.
func drain(b *testing.B, rows *sql.Rows) int {
	n := 0
	for rows.Next() {
		n++
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
	_ = rows.Close()
	return n
}

// BenchmarkFirstPage is the library list's first page, unfiltered and
// filtered by status and tag.
func BenchmarkFirstPage(b *testing.B) {
	db := openBench(b)
	raw := openRaw(b, db)
	ctx := context.Background()
	for _, tt := range []struct {
		name string
		opt  editor.ListOptions
		raw  string
		args []any
	}{
		{"unfiltered", editor.ListOptions{Limit: 100},
			`SELECT id, slug, headline, authors, status, created, updated, words FROM drafts
			 WHERE trashed_at IS NULL ORDER BY updated DESC LIMIT 100`, nil},
		{"deep", editor.ListOptions{Limit: 100, Offset: benchDrafts(b) * 9 / 10},
			`SELECT id, slug, headline, authors, status, created, updated, words FROM drafts
			 WHERE trashed_at IS NULL ORDER BY updated DESC LIMIT 100 OFFSET ?`, []any{benchDrafts(b) * 9 / 10}},
		{"filtered", editor.ListOptions{Limit: 100, Statuses: []editor.Status{editor.StatusFiled}, Tag: "economy"},
			`SELECT id, slug, headline, authors, status, created, updated, words FROM drafts
			 WHERE trashed_at IS NULL AND status = ? AND seq IN (SELECT draft FROM draft_tags WHERE tag = ?)
			 ORDER BY updated DESC LIMIT 100`, []any{"filed", "economy"}},
	} {
		b.Run(tt.name+"/dateline", func(b *testing.B) {
			var t timings
			for b.Loop() {
				t.time(func() {
					if _, err := db.List(ctx, tt.opt); err != nil {
						b.Fatal(err)
					}
				})
			}
			t.report(b)
		})
		b.Run(tt.name+"/raw", func(b *testing.B) {
			var t timings
			for b.Loop() {
				t.time(func() {
					rows, err := raw.QueryContext(ctx, tt.raw, tt.args...)
					if err != nil {
						b.Fatal(err)
					}
					drain(b, rows)
				})
			}
			t.report(b)
		})
	}
	b.Run("count-search/dateline", func(b *testing.B) {
		var t timings
		for b.Loop() {
			t.time(func() {
				if _, err := db.Count(ctx, editor.ListOptions{Query: genCommon + " "}); err != nil {
					b.Fatal(err)
				}
			})
		}
		t.report(b)
	})
	b.Run("count-search/raw", func(b *testing.B) {
		var t timings
		for b.Loop() {
			t.time(func() {
				var n int
				if err := raw.QueryRowContext(ctx, `SELECT count(*) FROM drafts_fts WHERE drafts_fts MATCH ?`, MatchExpression(genCommon+" ")).Scan(&n); err != nil {
					b.Fatal(err)
				}
			})
		}
		t.report(b)
	})
	b.Run("count/dateline", func(b *testing.B) {
		var t timings
		for b.Loop() {
			t.time(func() {
				if _, err := db.Count(ctx, editor.ListOptions{}); err != nil {
					b.Fatal(err)
				}
			})
		}
		t.report(b)
	})
}

// BenchmarkSave is one Save of typed text with a new revision under
// synchronous=FULL, against the same writes in plain SQL.
func BenchmarkSave(b *testing.B) {
	db := openBench(b)
	ctx := context.Background()
	list, err := db.List(ctx, editor.ListOptions{Limit: 1})
	if err != nil || len(list) == 0 {
		b.Fatalf("no draft to save: %v", err)
	}
	a, err := db.Get(ctx, list[0].ID)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("dateline", func(b *testing.B) {
		var t timings
		i := 0
		for b.Loop() {
			i++
			a.Body += " More" + strconv.Itoa(i) // typing, as autosave sees it
			t.time(func() {
				if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
					b.Fatal(err)
				}
			})
		}
		t.report(b)
	})
	b.Run("autosave", func(b *testing.B) {
		// What the window's autosave does: one editing session, so that
		// its saves coalesce into one revision for a minute, each naming
		// the revision it was based on.
		cur, err := db.Get(ctx, a.ID)
		if err != nil {
			b.Fatal(err)
		}
		opt := editor.SaveOptions{Session: editor.NewID()}
		var t timings
		i := 0
		for b.Loop() {
			i++
			cur.Body += " Typed" + strconv.Itoa(i)
			t.time(func() {
				if _, err := db.Save(ctx, cur, opt); err != nil {
					b.Fatal(err)
				}
			})
		}
		t.report(b)
	})
	b.Run("raw", func(b *testing.B) {
		// The same writes in plain SQL on a connection with the same
		// settings: the row (whose triggers update the index), a revision,
		// one fsync'd commit.
		raw, err := sql.Open("sqlite3", db.Path()+"?"+fmt.Sprintf(dsnParams, 5000))
		if err != nil {
			b.Fatal(err)
		}
		defer raw.Close()
		raw.SetMaxOpenConns(1)
		var t timings
		i := 0
		for b.Loop() {
			i++
			t.time(func() {
				tx, err := raw.BeginTx(ctx, nil)
				if err != nil {
					b.Fatal(err)
				}
				defer tx.Rollback()
				rev := editor.NewRevisionID()
				if _, err := tx.ExecContext(ctx, `UPDATE drafts SET body = body || ?, head_revision = ? WHERE id = ?`, " raw"+strconv.Itoa(i), rev, a.ID); err != nil {
					b.Fatal(err)
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO revisions (id, draft_id, kind, started, created, doc)
					SELECT ?, id, 'edit', ?, ?, doc FROM drafts WHERE id = ?`, rev, i, i, a.ID); err != nil {
					b.Fatal(err)
				}
				if err := tx.Commit(); err != nil {
					b.Fatal(err)
				}
			})
		}
		t.report(b)
	})
}

// BenchmarkOpen opens the library (checks, migrations up to date, both
// pools) and closes it, against a raw open and first query.
func BenchmarkOpen(b *testing.B) {
	path := benchLibraryPath(b, benchDrafts(b))
	b.Run("dateline", func(b *testing.B) {
		var t timings
		for b.Loop() {
			t.time(func() {
				db, err := Open(path)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := db.List(context.Background(), editor.ListOptions{Limit: 100}); err != nil {
					b.Fatal(err)
				}
				_ = db.Close()
			})
		}
		t.report(b)
	})
	b.Run("raw", func(b *testing.B) {
		var t timings
		for b.Loop() {
			t.time(func() {
				raw, err := sql.Open("sqlite3", filepath.Clean(path))
				if err != nil {
					b.Fatal(err)
				}
				rows, err := raw.Query(`SELECT id, headline FROM drafts WHERE trashed_at IS NULL ORDER BY updated DESC LIMIT 100`)
				if err != nil {
					b.Fatal(err)
				}
				drain(b, rows)
				_ = raw.Close()
			})
		}
		t.report(b)
	})
}

// BenchmarkStartupSearchCheck is what the window adds to its start: the
// quick check of the search index (SearchIndexDamaged), against FTS5's
// full integrity-check on a plain connection (the thorough job, which
// Check runs) and a raw open with the first page of the list, which the
// start pays anyway.
func BenchmarkStartupSearchCheck(b *testing.B) {
	db := openBench(b)
	ctx := context.Background()
	b.Run("dateline", func(b *testing.B) {
		var t timings
		for b.Loop() {
			t.time(func() {
				if damaged, err := db.SearchIndexDamaged(ctx); err != nil || damaged {
					b.Fatalf("damaged = %v, %v", damaged, err)
				}
			})
		}
		t.report(b)
	})
	b.Run("raw-integrity-check", func(b *testing.B) {
		raw, err := sql.Open("sqlite3", db.Path())
		if err != nil {
			b.Fatal(err)
		}
		defer raw.Close()
		var t timings
		for b.Loop() {
			t.time(func() {
				if _, err := raw.Exec(`INSERT INTO drafts_fts (drafts_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
					b.Fatal(err)
				}
			})
		}
		t.report(b)
	})
	b.Run("raw-open-first-page", func(b *testing.B) {
		var t timings
		for b.Loop() {
			t.time(func() {
				raw, err := sql.Open("sqlite3", db.Path())
				if err != nil {
					b.Fatal(err)
				}
				rows, err := raw.Query(`SELECT id, headline FROM drafts WHERE trashed_at IS NULL ORDER BY updated DESC LIMIT 100`)
				if err != nil {
					b.Fatal(err)
				}
				drain(b, rows)
				_ = raw.Close()
			})
		}
		t.report(b)
	})
}
