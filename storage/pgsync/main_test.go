//go:build sqlite_fts5

package pgsync

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
	"github.com/dateline-news/dateline/storage/pgsync/pgtest"
)

// cluster is the throwaway PostgreSQL cluster every test of the package
// shares; TestMain starts it and stops it at the end. Each test gets a
// database of its own, copied from the template "tmpl" that Init set up
// once.
var (
	cluster    *pgtest.Cluster
	clusterErr error
	dbSeq      atomic.Int64
	templateMu sync.Mutex
)

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) != "" {
		// A sync process of TestJepsen (TestHelperSyncProcess): no
		// cluster of its own.
		os.Exit(m.Run())
	}
	cluster, clusterErr = pgtest.Start()
	if clusterErr == nil {
		clusterErr = prepareTemplate()
	}
	code := m.Run()
	if cluster != nil {
		if err := cluster.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "stop the test cluster:", err)
			if code == 0 {
				code = 1
			}
		}
	}
	os.Exit(code)
}

func prepareTemplate() error {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, cluster.DSN("postgres", "postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE DATABASE tmpl`); err != nil {
		return err
	}
	_, _, err = Init(ctx, cluster.DSN("tmpl", "postgres"))
	return err
}

// needCluster skips the test when PostgreSQL is not installed, except in
// CI (CI=true), where that is a failure.
func needCluster(tb testing.TB) {
	tb.Helper()
	if clusterErr == nil {
		return
	}
	if errors.Is(clusterErr, pgtest.ErrNoPostgres) && !pgtest.Required() {
		tb.Skipf("no PostgreSQL here: %v", clusterErr)
	}
	tb.Fatalf("test cluster: %v", clusterErr)
}

// newServer returns the admin DSN of a fresh database with the schema.
func newServer(tb testing.TB) string {
	tb.Helper()
	needCluster(tb)
	ctx := context.Background()
	name := fmt.Sprintf("t%d", dbSeq.Add(1))
	conn, err := pgx.Connect(ctx, cluster.DSN("postgres", "postgres"))
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	templateMu.Lock()
	_, err = conn.Exec(ctx, `CREATE DATABASE `+name+` TEMPLATE tmpl STRATEGY FILE_COPY`)
	templateMu.Unlock()
	if err != nil {
		tb.Fatal(err)
	}
	return cluster.DSN(name, "postgres")
}

// dsnAs is dsn with another user.
func dsnAs(dsn, user string) string {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		panic(err)
	}
	return cluster.DSN(cfg.Database, user)
}

// laptop is one simulated laptop: its own library file, device name and
// clock (which may be skewed).
type laptop struct {
	name string
	path string
	lib  *storage.DB
	skew time.Duration
}

func newLaptop(tb testing.TB, dir, name string, skew time.Duration) *laptop {
	tb.Helper()
	l := &laptop{name: name, path: filepath.Join(dir, name+".db"), skew: skew}
	lib, err := openLaptop(l.path, name, skew)
	if err != nil {
		tb.Fatal(err)
	}
	l.lib = lib
	tb.Cleanup(func() { _ = l.lib.Close() })
	return l
}

// openLaptop opens a laptop's library as the laptop's own process does:
// its device name and its clock, skewed.
func openLaptop(path, name string, skew time.Duration) (*storage.DB, error) {
	return storage.Open(path, storage.WithDevice(name), storage.WithAuthor("Writer "+name),
		storage.WithNow(func() time.Time { return time.Now().Add(skew) }))
}

// newStory creates a draft on the laptop and returns it.
func (l *laptop) newStory(tb testing.TB, slug string) *editor.Article {
	tb.Helper()
	a := editor.NewArticle(time.Now())
	a.Slug = slug
	a.Headline = "Story " + slug
	a.Body = "First line of " + slug + "."
	a.Byline.Authors = []string{"Writer " + l.name}
	if _, err := l.lib.Create(context.Background(), a, editor.SaveOptions{}); err != nil {
		tb.Fatal(err)
	}
	return a
}

func mustSync(tb testing.TB, l *laptop, dsn string) Result {
	tb.Helper()
	res, err := Sync(context.Background(), l.lib, dsn)
	if err != nil {
		tb.Fatalf("%s: sync: %v", l.name, err)
	}
	return res
}

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }
