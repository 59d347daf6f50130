package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
	"github.com/dateline-news/dateline/storage/pgsync"
)

// runServer implements "dateline server init|adduser": setting up the
// newsroom's PostgreSQL database.
func runServer(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	dsn := fs.String("dsn", "", "the database to set up, as a libpq connection string or URL (default: PGHOST, PGDATABASE, PGUSER…); the password comes from ~/.pgpass or PGPASSFILE")
	role := fs.String("role", "", "adduser: the user's role: "+strings.Join(pgsync.Roles, ", "))
	desk := fs.String("desk", "", "adduser: the user's desk (editors see their desk's drafts)")
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		return usage(env, c.name, "name what to do: init or adduser")
	}
	if *dsn != "" {
		if err := pgsync.CheckDSN(*dsn); err != nil {
			return fail(env, err)
		}
	}
	switch fs.Arg(0) {
	case "init":
		if fs.NArg() != 1 {
			return usage(env, c.name, "init takes no arguments")
		}
		from, to, err := pgsync.Init(ctx, *dsn)
		if err != nil {
			return fail(env, err)
		}
		if from == to {
			fmt.Fprintf(env.Stderr, "server %s: schema %d is up to date\n", pgsync.Redact(*dsn), to)
		} else {
			fmt.Fprintf(env.Stderr, "server %s: schema %d → %d\n", pgsync.Redact(*dsn), from, to)
		}
		return ExitOK
	case "adduser":
		if fs.NArg() != 2 {
			return usage(env, c.name, "adduser takes one user name")
		}
		if *role == "" {
			return usage(env, c.name, "give the user a --role: %s", strings.Join(pgsync.Roles, ", "))
		}
		if err := pgsync.AddUser(ctx, *dsn, fs.Arg(1), *role, *desk); err != nil {
			return fail(env, err)
		}
		fmt.Fprintf(env.Stderr, "user %s (%s) added; set a password with psql: \\password %s\n", fs.Arg(1), *role, fs.Arg(1))
		return ExitOK
	}
	return usage(env, c.name, "unknown server action %q: use init or adduser", fs.Arg(0))
}

// runSync implements "dateline sync": push this library's new revisions to
// the newsroom server and pull everyone else's.
func runSync(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	server := fs.String("server", "", "the newsroom server as a libpq connection string or URL, without password (remembered in the library)")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if fs.NArg() != 0 {
		return usage(env, c.name, "sync takes no arguments")
	}
	if *server != "" {
		if err := pgsync.CheckDSN(*server); err != nil {
			return fail(env, err)
		}
	}
	// A first sync with a server fills a new laptop's library; without
	// one there is no server to remember, so the library must exist.
	open := openStore
	if *server != "" {
		open = openOrCreateStore
	}
	store, ok := open(env)
	if !ok {
		return ExitFailure
	}
	defer store.Close()
	lib, isLib := store.(*storage.DB)
	if !isLib {
		return fail(env, editor.Errorf(editor.EINTERNAL, "this library cannot sync"))
	}
	saved, err := lib.SyncSetting(ctx, storage.SyncServer)
	if err != nil {
		return fail(env, err)
	}
	dsn := *server
	switch {
	case dsn == "" && saved == "":
		return usage(env, c.name, "no newsroom server known yet; give one with --server DSN")
	case dsn == "":
		dsn = saved
	case saved != "" && dsn != saved:
		// Another server: what the old one holds says nothing of it.
		if err := lib.SyncForget(ctx); err != nil {
			return fail(env, err)
		}
	}
	res, err := pgsync.Sync(ctx, lib, dsn)
	if err != nil {
		return fail(env, err)
	}
	if *server != "" {
		if err := lib.SetSyncSetting(ctx, storage.SyncServer, *server); err != nil {
			return fail(env, err)
		}
	}
	if *asJSON {
		return writeJSON(env, res)
	}
	fmt.Fprintf(env.Stdout, "Synced %s with %s: pushed %d revisions (%d new to the server), pulled %d (%d new here)\n",
		res.At.Local().Format("15:04"), res.Server, res.Pushed, res.New, res.Pulled, res.Applied)
	switch res.Profile {
	case "pushed", "pulled":
		fmt.Fprintf(env.Stdout, "Publication profile %s.\n", res.Profile)
	case "kept":
		fmt.Fprintln(env.Stdout, "Publication profile changed here: kept on this laptop; only an admin can share it.")
	}
	return ExitOK
}

// headMarks returns, for a draft's revisions, a mark for each head: the
// one shown, and the conflict tips beside it. Stores that do not track
// heads give none.
func headMarks(ctx context.Context, store editor.Store, id string) map[string]string {
	lib, ok := store.(*storage.DB)
	if !ok {
		return nil
	}
	heads, err := lib.Heads(ctx, id)
	if err != nil || len(heads) < 1 {
		return nil
	}
	marks := map[string]string{}
	for _, h := range heads {
		if h.Winner {
			marks[h.ID] = "[head, shown]"
		} else {
			marks[h.ID] = "[head, conflict tip]"
		}
	}
	return marks
}
