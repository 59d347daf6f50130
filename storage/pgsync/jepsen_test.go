//go:build sqlite_fts5

package pgsync

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"sync"
	"syscall"
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
// (50 by default; make soak runs 1,000), DATELINE_SYNC_PARALLEL how many
// at once (4 by default), each on a database of its own in the one
// cluster.
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
	parallel := 4
	if v, err := strconv.Atoi(os.Getenv("DATELINE_SYNC_PARALLEL")); err == nil && v > 0 {
		parallel = v
	}
	var stats jepsenStats
	start := time.Now()
	// Histories run side by side (t.Run from several goroutines), not as
	// t.Parallel subtests, so that -test.parallel (GOMAXPROCS) does not
	// bound them: they mostly wait on disks and the server.
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	for h := 0; h < histories && !t.Failed(); h++ {
		seed := base + int64(h)
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			ok := t.Run(fmt.Sprintf("history-%d-seed-%d", h, seed), func(t *testing.T) {
				runHistory(t, seed, seed%10 == 3, &stats)
			})
			if !ok {
				t.Errorf("history %d failed; replay it with DATELINE_SYNC_SEED=%d DATELINE_SYNC_HISTORIES=1", h, seed)
			}
		}()
	}
	wg.Wait()
	t.Logf("%d histories in %v: %d saves (%d conflicting), %d syncs ok, %d failed or cancelled, %d sync processes (%d SIGKILLed, %d of them mid-push), %d replayed pushes, %d killed connections, %d server outages, %d drafts with several heads at the end",
		histories, time.Since(start).Round(time.Millisecond), stats.saves, stats.conflicts, stats.syncs, stats.failed,
		stats.procs, stats.sigkills, stats.midPush, stats.replays, stats.kills, stats.outages, stats.diverged)
	t.Logf("moves: %d to Trash, %d back, %d deleted for good; %d saves into drafts deleted for good refused; %d texts a purge had not seen kept as new drafts",
		stats.trashes, stats.restores, stats.purges, stats.refused, stats.kept)
	if histories >= 20 && (stats.sigkills == 0 || stats.midPush == 0) {
		t.Errorf("%d histories killed %d sync processes, %d mid-push: the kills never happened", histories, stats.sigkills, stats.midPush)
	}
}

type jepsenStats struct {
	mu                                                                 sync.Mutex
	saves, conflicts, syncs, failed, replays, kills, outages, diverged int
	procs, sigkills, midPush                                           int
	trashes, restores, purges, refused, kept                           int
}

func (s *jepsenStats) add(f func(*jepsenStats)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s)
}

// outageMu keeps a history's server outage (which stops the one cluster
// every history shares) out of the other histories' setup and final
// check; their random phases live through it, as laptops would.
var outageMu sync.RWMutex

func runHistory(t *testing.T, seed int64, outage bool, stats *jepsenStats) {
	var dsn string
	func() {
		outageMu.RLock()
		defer outageMu.RUnlock()
		dsn = newServer(t)
	}()
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
		delay := time.Duration(10+rng.IntN(40)) * time.Millisecond
		go func() {
			defer wg.Done()
			time.Sleep(delay)
			outageMu.Lock()
			defer outageMu.Unlock()
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
	outageMu.RLock()
	defer outageMu.RUnlock()

	// The final sync: everyone pushes, then everyone pulls what the
	// others pushed, until a round in which nothing moved (a pulled purge
	// can give a laptop back its own text as a new draft, which the
	// others pull in the next round).
	for round := 0; ; round++ {
		moved := 0
		for _, l := range laptops {
			res := mustSync(t, l, dsn)
			moved += res.Pushed + res.MovesPushed + res.Applied + res.MovesApplied
		}
		if round >= 1 && moved == 0 {
			break
		}
		if round == 6 {
			t.Fatalf("the final sync still pushes after %d rounds", round+1)
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
	var kept int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM dateline.revisions WHERE note LIKE 'kept from %'`).Scan(&kept); err != nil {
		t.Fatal(err)
	}
	stats.add(func(s *jepsenStats) { s.kept += kept })
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
		case p < 50: // an edit, sometimes from a stale copy, sometimes of a draft in Trash
			id := known[rng.IntN(len(known))]
			if rng.IntN(8) == 0 {
				if trashed, err := l.lib.List(ctx, editor.ListOptions{Trashed: true, Limit: 100}); err == nil && len(trashed) > 0 {
					id = trashed[rng.IntN(len(trashed))].ID
				}
			}
			a, err := l.lib.Get(ctx, id)
			if editor.ErrorCode(err) == editor.ENOTFOUND {
				break // deleted for good since this laptop listed it
			} else if err != nil {
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
			if editor.ErrorCode(err) == editor.ECONFLICT {
				if _, gerr := l.lib.Get(ctx, id); editor.ErrorCode(gerr) == editor.ENOTFOUND {
					// A window's save into a draft deleted for good
					// meanwhile: refused, and the user is told.
					stats.add(func(s *jepsenStats) { s.refused++ })
					break
				}
			}
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
		case p < 55: // to Trash
			if err := l.lib.Trash(ctx, known[rng.IntN(len(known))]); err != nil && editor.ErrorCode(err) != editor.ENOTFOUND {
				return fmt.Errorf("%s: trash: %w", l.name, err)
			}
			stats.add(func(s *jepsenStats) { s.trashes++ })
		case p < 58: // back from Trash
			trashed, err := l.lib.List(ctx, editor.ListOptions{Trashed: true, Limit: 100})
			if err != nil {
				return err
			}
			if len(trashed) > 0 {
				if err := l.lib.Untrash(ctx, trashed[rng.IntN(len(trashed))].ID); err != nil {
					return fmt.Errorf("%s: untrash: %w", l.name, err)
				}
				stats.add(func(s *jepsenStats) { s.restores++ })
			}
		case p < 60: // deleted for good: one draft, or Trash emptied
			if rng.IntN(2) == 0 {
				err := l.lib.Delete(ctx, known[rng.IntN(len(known))])
				if err != nil && editor.ErrorCode(err) != editor.ENOTFOUND {
					return fmt.Errorf("%s: delete: %w", l.name, err)
				}
			} else if _, err := l.lib.EmptyTrash(ctx); err != nil {
				return fmt.Errorf("%s: empty Trash: %w", l.name, err)
			}
			stats.add(func(s *jepsenStats) { s.purges++ })
			if err := refresh(); err != nil {
				return err
			}
		case p < 80: // a sync
			if _, err := Sync(ctx, l.lib, dsn); err != nil {
				stats.add(func(s *jepsenStats) { s.failed++ })
			} else {
				stats.add(func(s *jepsenStats) { s.syncs++ })
			}
			if err := refresh(); err != nil {
				return err
			}
		case p < 85: // a sync cancelled midway
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
		case p < 91: // a sync in a process of its own, SIGKILLed
			killed, mid, err := killedSync(l, dsn, rng)
			if err != nil {
				return err
			}
			stats.add(func(s *jepsenStats) {
				s.procs++
				if killed {
					s.sigkills++
				}
				if mid {
					s.midPush++
				}
			})
		case p < 95: // a replayed push: everything this laptop ever sealed
			all, err := l.lib.SyncAll(ctx)
			if err != nil {
				return err
			}
			evs, err := l.lib.SyncAllEvents(ctx)
			if err != nil {
				return err
			}
			if conn, err := Connect(ctx, dsn); err == nil {
				_, _ = PushRevisions(ctx, conn, all)
				_, _ = PushEvents(ctx, conn, evs)
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

// The sync process: TestJepsen runs some laptops' syncs as processes of
// this test binary (the pattern of Go's own os/exec tests) and SIGKILLs
// them at random moments, mid-push among them.
const (
	helperEnv     = "DATELINE_SYNC_HELPER" // "1" in a sync process
	helperLibrary = "DATELINE_SYNC_HELPER_LIBRARY"
	helperDevice  = "DATELINE_SYNC_HELPER_DEVICE"
	helperSkew    = "DATELINE_SYNC_HELPER_SKEW" // nanoseconds
	helperDSN     = "DATELINE_SYNC_HELPER_DSN"
)

// TestHelperSyncProcess is not a test: it is the body of a sync process
// that TestJepsen starts (and kills). It opens the library the environment
// names, as that laptop, announces each push call on stdout ("pushing",
// "pushed") and syncs once.
func TestHelperSyncProcess(t *testing.T) {
	if os.Getenv(helperEnv) != "1" {
		t.Skip("the body of TestJepsen's sync processes; runs only in one")
	}
	skew, _ := strconv.ParseInt(os.Getenv(helperSkew), 10, 64)
	lib, err := openLaptop(os.Getenv(helperLibrary), os.Getenv(helperDevice), time.Duration(skew))
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	pushHook = func(stage string) { fmt.Println(stage) }
	fmt.Println("syncing")
	_, err = Sync(context.Background(), lib, os.Getenv(helperDSN))
	_ = lib.Close()
	if err != nil {
		fmt.Println("sync:", err)
		os.Exit(4)
	}
	fmt.Println("synced")
	os.Exit(0)
}

// killedSync runs one sync of the laptop in a process of its own and
// SIGKILLs it: after a random delay, or at once when it announces a push.
// The laptop's library is closed meanwhile (the laptop is that process
// now) and opened again afterwards, as a laptop restarted after a crash
// would; it must open and pass its check. It returns whether the process
// was killed, and whether it was killed inside a push call.
func killedSync(l *laptop, dsn string, rng *rand.Rand) (killed, midPush bool, err error) {
	if err := l.lib.Close(); err != nil {
		return false, false, err
	}
	defer func() {
		lib, oerr := openLaptop(l.path, l.name, l.skew)
		if oerr != nil {
			err = fmt.Errorf("%s: open after the sync process died: %w", l.name, oerr)
			l.lib = nil
			return
		}
		l.lib = lib
		if problems, cerr := lib.Check(context.Background()); cerr != nil || len(problems) > 0 {
			err = fmt.Errorf("%s: library check after the sync process died: %v %v", l.name, problems, cerr)
		}
	}()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSyncProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"=1", helperLibrary+"="+l.path, helperDevice+"="+l.name,
		helperSkew+"="+strconv.FormatInt(int64(l.skew), 10), helperDSN+"="+dsn)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return false, false, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return false, false, err
	}
	atPush := rng.IntN(2) == 0
	delay := time.Duration(rng.IntN(60000)) * time.Microsecond
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	timer := time.NewTimer(delay)
	defer timer.Stop()
	last := ""
	kill := func() { killed = cmd.Process.Signal(syscall.SIGKILL) == nil }
wait:
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				break wait // the process ended before its moment came
			}
			last = line
			if line == "pushing" && atPush {
				time.Sleep(time.Duration(rng.IntN(1500)) * time.Microsecond)
				kill()
				break wait
			}
		case <-timer.C:
			if !atPush {
				kill()
				break wait
			}
		}
	}
	for line := range lines { // what it said before it died
		last = line
	}
	midPush = last == "pushing"
	werr := cmd.Wait()
	if !killed {
		var exit *exec.ExitError
		if errors.As(werr, &exit) && exit.ExitCode() == 3 {
			return false, false, fmt.Errorf("%s: sync process: %v (last said %q)", l.name, werr, last)
		}
	}
	// A process killed before it had a chance to end is killed; one that
	// ended first (the signal found it gone or the wait says it exited)
	// is not.
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && !(ws.Signaled() && ws.Signal() == syscall.SIGKILL) {
		killed, midPush = false, false
	}
	return killed, midPush, nil
}
