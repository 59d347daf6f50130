//go:build sqlite_fts5

package pgsync

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// Benchmark sizes, modest by default; the environment makes them the
// issue's: DATELINE_SYNC_BENCH_LAPTOPS=100 DATELINE_SYNC_BENCH_DRAFTS=1000
// DATELINE_SYNC_BENCH_PULL=10000.
func benchSize(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// fillLaptop creates n drafts on a laptop, one revision each.
func fillLaptop(tb testing.TB, l *laptop, n int) {
	tb.Helper()
	ctx := context.Background()
	for i := 0; i < n; i++ {
		a := editor.NewArticle(time.Now())
		a.Slug = fmt.Sprintf("story-%d", i)
		a.Headline = fmt.Sprintf("Story %d from %s about the harbour", i, l.name)
		a.Body = "Dock workers returned to the cranes on Wednesday after union leaders accepted a pay rise.\n\n" +
			"The port authority said traffic would be back to normal by the weekend."
		if _, err := l.lib.Create(ctx, a, editor.SaveOptions{}); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkFullSync: L laptops, each a correspondent of its own with D
// drafts, all sync at once until every draft is on the server and every
// laptop has pulled what it may see (its own drafts come back as already
// held). Reported: the wall time of the whole round and revisions pushed
// per second.
func BenchmarkFullSync(b *testing.B) {
	nl := benchSize("DATELINE_SYNC_BENCH_LAPTOPS", 10)
	nd := benchSize("DATELINE_SYNC_BENCH_DRAFTS", 100)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dsn := newServer(b)
		dir := b.TempDir()
		laptops := make([]*laptop, nl)
		for j := range laptops {
			user := fmt.Sprintf("bench_c%d", j)
			if err := AddUser(ctx, dsn, user, "correspondent", ""); err != nil {
				b.Fatal(err)
			}
			laptops[j] = newLaptop(b, dir, user, 0)
			fillLaptop(b, laptops[j], nd)
		}
		b.StartTimer()
		start := time.Now()
		var wg sync.WaitGroup
		errs := make(chan error, nl)
		for _, l := range laptops {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := Sync(ctx, l.lib, dsnAs(dsn, l.name)); err != nil {
					errs <- err
				}
			}()
		}
		wg.Wait()
		elapsed := time.Since(start)
		b.StopTimer()
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		b.ReportMetric(elapsed.Seconds(), "s/full-sync")
		b.ReportMetric(float64(nl*nd)/elapsed.Seconds(), "revisions/s")
		for _, l := range laptops {
			_ = l.lib.Close()
		}
		b.StartTimer()
	}
}

// benchRevisions makes n revisions on one laptop and seals them.
func benchRevisions(b *testing.B, n int) (*laptop, []storage.SyncRevision) {
	b.Helper()
	l := newLaptop(b, b.TempDir(), "source", 0)
	fillLaptop(b, l, n)
	all, err := l.lib.SyncAll(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	return l, all
}

// BenchmarkPush measures pushing N revisions (N drafts) through the
// server's push function, in the engine's batches.
// BenchmarkPushBaselineRawInsert inserts the same rows, as the same JSON,
// into a plain table with one INSERT … SELECT FROM jsonb_to_recordset: the
// floor the push function's locking, heads and security stand on.
func BenchmarkPush(b *testing.B) {
	n := benchSize("DATELINE_SYNC_BENCH_PUSH", 2000)
	ctx := context.Background()
	_, revs := benchRevisions(b, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dsn := newServer(b)
		conn, err := Connect(ctx, dsn)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for k := 0; k < len(revs); k += pushBatch {
			if _, err := PushRevisions(ctx, conn, revs[k:min(k+pushBatch, len(revs))]); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		_ = conn.Close(ctx)
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "revisions/s")
}

func BenchmarkPushBaselineRawInsert(b *testing.B) {
	n := benchSize("DATELINE_SYNC_BENCH_PUSH", 2000)
	ctx := context.Background()
	_, revs := benchRevisions(b, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dsn := newServer(b)
		conn, err := Connect(ctx, dsn)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := conn.Exec(ctx, `CREATE TABLE raw (id text PRIMARY KEY, draft_id text, parents text[], kind text, created bigint,
			hlc bigint, device text, author text, words int, note text, conflict bool, doc text)`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for k := 0; k < len(revs); k += pushBatch {
			batch, _ := json.Marshal(revs[k:min(k+pushBatch, len(revs))])
			if _, err := conn.Exec(ctx, `INSERT INTO raw SELECT * FROM jsonb_to_recordset($1::jsonb) AS x (id text, draft_id text,
				parents text[], kind text, created bigint, hlc bigint, device text, author text, words int, note text, conflict bool, doc text)`,
				string(batch)); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		_ = conn.Close(ctx)
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "revisions/s")
}

// BenchmarkPull measures one laptop pulling N new revisions (10,000 with
// DATELINE_SYNC_BENCH_PULL=10000) into its library: the snapshot read and
// SyncApply with its heads and winners. BenchmarkPullBaselineRawRead
// reads the same rows from the server without applying them, and
// BenchmarkPullBaselineRawSQLite writes the same revision rows into a
// plain SQLite table: the two floors a pull stands on.
func BenchmarkPull(b *testing.B) {
	n := benchSize("DATELINE_SYNC_BENCH_PULL", 2000)
	src, _ := benchRevisions(b, n)
	dsn := newServer(b)
	mustSync(b, src, dsn)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		l := newLaptop(b, b.TempDir(), fmt.Sprintf("reader%d", i), 0)
		b.StartTimer()
		res := mustSync(b, l, dsn)
		if res.Applied != n {
			b.Fatalf("applied %d, want %d", res.Applied, n)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "revisions/s")
}

func BenchmarkPullBaselineRawRead(b *testing.B) {
	n := benchSize("DATELINE_SYNC_BENCH_PULL", 2000)
	ctx := context.Background()
	src, _ := benchRevisions(b, n)
	dsn := newServer(b)
	mustSync(b, src, dsn)
	conn, err := Connect(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, err := conn.Query(ctx, `SELECT id, draft_id, parents, kind, created, hlc, device, author, words, note, conflict, doc FROM dateline.revisions`)
		if err != nil {
			b.Fatal(err)
		}
		got := 0
		for rows.Next() {
			var r storage.SyncRevision
			if err := rows.Scan(&r.ID, &r.DraftID, &r.Parents, &r.Kind, &r.Created, &r.HLC, &r.Device, &r.Author, &r.Words, &r.Note, &r.Conflict, &r.Doc); err != nil {
				b.Fatal(err)
			}
			got++
		}
		rows.Close()
		if got != n {
			b.Fatalf("read %d, want %d", got, n)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "revisions/s")
}

func BenchmarkPullBaselineRawSQLite(b *testing.B) {
	n := benchSize("DATELINE_SYNC_BENCH_PULL", 2000)
	_, revs := benchRevisions(b, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := rawSQLite(b)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		tx, err := db.Begin()
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range revs {
			if _, err := tx.Exec(`INSERT INTO revisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				r.ID, r.DraftID, r.Kind, r.Created, r.HLC, r.Device, r.Author, r.Words, r.Note, r.Conflict, r.Doc); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		_ = db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "revisions/s")
}
