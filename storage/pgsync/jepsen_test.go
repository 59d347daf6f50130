//go:build sqlite_fts5

package pgsync

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// TestJepsen runs randomized histories of offline-first sync. In each, a
// few simulated laptops (each its own SQLite library, goroutine and skewed
// clock) edit drafts offline, some from stale copies, and sync at random
// moments; some syncs are cancelled midway, some connections are killed
// by the server, some pushes are replayed, and in some histories the
// server is stopped for a while and started again. After a final sync the
// checker verifies that no revision any laptop saved is missing anywhere,
// that every replica holds every revision byte for byte as the server
// does, and that every replica has the same heads, winner first, and shows
// the winner's text. DATELINE_SYNC_HISTORIES sets how many histories run
// (50 by default; make soak runs 1,000).
func TestJepsen(t *testing.T) {
	needCluster(t)
	histories := 50
	if v, err := strconv.Atoi(os.Getenv("DATELINE_SYNC_HISTORIES")); err == nil && v > 0 {
		histories = v
	}
	base := time.Now().UnixNano()
	if v, err := strconv.ParseInt(os.Getenv("DATELINE_SYNC_SEED"), 10, 64); err == nil {
		base = v
	}
	var stats jepsenStats
	start := time.Now()
	for h := 0; h < histories; h++ {
		seed := base + int64(h)
		ok := t.Run(fmt.Sprintf("history-%d-seed-%d", h, seed), func(t *testing.T) {
			runHistory(t, seed, h%10 == 3, &stats)
		})
		if !ok {
			t.Fatalf("history %d failed; replay it with DATELINE_SYNC_SEED=%d DATELINE_SYNC_HISTORIES=1", h, seed)
		}
	}
	t.Logf("%d histories in %v: %d saves (%d conflicting), %d syncs ok, %d failed or cancelled, %d replayed pushes, %d killed connections, %d server outages, %d drafts with several heads at the end",
		histories, time.Since(start).Round(time.Millisecond), stats.saves, stats.conflicts, stats.syncs, stats.failed, stats.replays, stats.kills, stats.outages, stats.diverged)
}

type jepsenStats struct {
	mu                                                                 sync.Mutex
	saves, conflicts, syncs, failed, replays, kills, outages, diverged int
}

func (s *jepsenStats) add(f func(*jepsenStats)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s)
}

func runHistory(t *testing.T, seed int64, outage bool, stats *jepsenStats) {
	dsn := newServer(t)
	dir := t.TempDir()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(uint64(seed), 7))
	nLaptops := 3 + rng.IntN(2)
	laptops := make([]*laptop, nLaptops)
	for i := range laptops {
		skew := time.Duration(rng.IntN(4*3600)-2*3600) * time.Second
		laptops[i] = newLaptop(t, dir, fmt.Sprintf("laptop%d", i), skew)
	}
	var (
		savedMu sync.Mutex
		saved   = map[string]string{} // revision ID → laptop that saved it
	)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	if outage {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(10+rng.IntN(40)) * time.Millisecond)
			if err := cluster.StopServer(); err != nil {
				t.Error(err)
				return
			}
			time.Sleep(200 * time.Millisecond)
			if err := cluster.Restart(); err != nil {
				t.Error(err)
			}
			stats.add(func(s *jepsenStats) { s.outages++ })
		}()
	}
	for i, l := range laptops {
		wg.Add(1)
		lseed := rng.Uint64()
		go func() {
			defer wg.Done()
			if err := chaosLaptop(ctx, l, i, dsn, rand.New(rand.NewPCG(lseed, 11)), stats, func(id string) {
				savedMu.Lock()
				saved[id] = l.name
				savedMu.Unlock()
			}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	close(stop)
	if t.Failed() {
		return
	}

	// The final sync: everyone pushes, then everyone pulls what the
	// others pushed.
	for round := 0; round < 2; round++ {
		for _, l := range laptops {
			mustSync(t, l, dsn)
		}
	}
	samePictures(t, dsn, laptops...)
	// Every revision any laptop saved is on the server, and every replica
	// holds each revision exactly as the server does.
	conn, err := Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	server := map[string]storage.SyncRevision{}
	rows, err := conn.Query(ctx, `SELECT id, draft_id, parents, kind, created, hlc, device, author, words, note, conflict, doc FROM dateline.revisions`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var r storage.SyncRevision
		if err := rows.Scan(&r.ID, &r.DraftID, &r.Parents, &r.Kind, &r.Created, &r.HLC, &r.Device, &r.Author, &r.Words, &r.Note, &r.Conflict, &r.Doc); err != nil {
			t.Fatal(err)
		}
		server[r.ID] = r
	}
	rows.Close()
	for id, who := range saved {
		if _, ok := server[id]; !ok {
			t.Fatalf("revision %s saved on %s never reached the server", id, who)
		}
	}
	for _, l := range laptops {
		if problems, err := l.lib.Check(ctx); err != nil || len(problems) > 0 {
			t.Fatalf("%s: library check: %v %v", l.name, problems, err)
		}
		all, err := l.lib.SyncAll(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != len(server) {
			t.Fatalf("%s holds %d revisions, the server %d", l.name, len(all), len(server))
		}
		for _, r := range all {
			if !reflect.DeepEqual(r, server[r.ID]) {
				t.Fatalf("%s holds revision %s as\n%+v\nthe server as\n%+v", l.name, r.ID, r, server[r.ID])
			}
		}
	}
	heads, err := ServerHeads(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range heads {
		if len(h) > 1 {
			stats.add(func(s *jepsenStats) { s.diverged++ })
		}
	}
}

// chaosLaptop runs one laptop's random history.
func chaosLaptop(ctx context.Context, l *laptop, idx int, dsn string, rng *rand.Rand, stats *jepsenStats, record func(string)) error {
	var (
		known  []string                       // draft IDs this laptop has seen
		stale  = map[string]*editor.Article{} // old copies, as a window left open
		nStory int
	)
	refresh := func() error {
		sums, err := l.lib.List(ctx, editor.ListOptions{Limit: 1000})
		if err != nil {
			return err
		}
		known = known[:0]
		for _, s := range sums {
			known = append(known, s.ID)
		}
		return nil
	}
	ops := 15 + rng.IntN(20)
	for op := 0; op < ops; op++ {
		switch p := rng.IntN(100); {
		case p < 12 || len(known) == 0: // a new story
			a := editor.NewArticle(time.Now())
			nStory++
			a.Slug = fmt.Sprintf("story-%d-%d", idx, nStory)
			a.Headline = fmt.Sprintf("Story %d of %s", nStory, l.name)
			a.Body = fmt.Sprintf("Written on %s.", l.name)
			rev, err := l.lib.Create(ctx, a, editor.SaveOptions{})
			if err != nil {
				return fmt.Errorf("%s: create: %w", l.name, err)
			}
			record(rev.ID)
			known = append(known, a.ID)
			stats.add(func(s *jepsenStats) { s.saves++ })
		case p < 55: // an edit, sometimes from a stale copy
			id := known[rng.IntN(len(known))]
			a, err := l.lib.Get(ctx, id)
			if err != nil {
				return fmt.Errorf("%s: get: %w", l.name, err)
			}
			if old, ok := stale[id]; ok && rng.IntN(3) == 0 {
				a = old
				delete(stale, id)
			} else if rng.IntN(4) == 0 {
				stale[id] = a.Clone()
			}
			a.Body += fmt.Sprintf("\n\n%s edit %d.", l.name, op)
			opt := editor.SaveOptions{}
			if rng.IntN(2) == 0 {
				opt.Session = fmt.Sprintf("%s-window", l.name) // may coalesce
			}
			rev, err := l.lib.Save(ctx, a, opt)
			conflict := editor.ErrorCode(err) == editor.ESTALE
			if err != nil && !conflict {
				return fmt.Errorf("%s: save: %w", l.name, err)
			}
			record(rev.ID)
			stats.add(func(s *jepsenStats) {
				s.saves++
				if conflict {
					s.conflicts++
				}
			})
		case p < 80: // a sync
			if _, err := Sync(ctx, l.lib, dsn); err != nil {
				stats.add(func(s *jepsenStats) { s.failed++ })
			} else {
				stats.add(func(s *jepsenStats) { s.syncs++ })
			}
			if err := refresh(); err != nil {
				return err
			}
		case p < 90: // a sync cancelled midway
			cctx, cancel := context.WithTimeout(ctx, time.Duration(rng.IntN(15000))*time.Microsecond)
			_, err := Sync(cctx, l.lib, dsn)
			cancel()
			stats.add(func(s *jepsenStats) {
				if err != nil {
					s.failed++
				} else {
					s.syncs++
				}
			})
		case p < 95: // a replayed push: everything this laptop ever sealed
			all, err := l.lib.SyncAll(ctx)
			if err != nil {
				return err
			}
			if conn, err := Connect(ctx, dsn); err == nil {
				_, _ = PushRevisions(ctx, conn, all)
				_ = conn.Close(ctx)
				stats.add(func(s *jepsenStats) { s.replays++ })
			}
		default: // the server kills every other session
			if conn, err := Connect(ctx, dsn); err == nil {
				_, _ = conn.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
					WHERE pid <> pg_backend_pid() AND datname = current_database()`)
				_ = conn.Close(ctx)
				stats.add(func(s *jepsenStats) { s.kills++ })
			}
		}
		time.Sleep(time.Duration(rng.IntN(3000)) * time.Microsecond)
	}
	return nil
}
