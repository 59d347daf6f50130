package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// maintainer is what the SQLite library offers beyond editor.Store.
type maintainer interface {
	Backup(ctx context.Context, path string) (string, error)
	Check(ctx context.Context) ([]string, error)
	ReadOnlyReason() string
}

var _ maintainer = (*storage.DB)(nil)

// openMaintainer opens the library as a maintainer.
func openMaintainer(env Env) (editor.Store, maintainer, bool) {
	store, ok := openStore(env)
	if !ok {
		return nil, nil, false
	}
	m, ok := store.(maintainer)
	if !ok {
		store.Close()
		fail(env, editor.Errorf(editor.EINTERNAL, "this library does not support maintenance commands"))
		return nil, nil, false
	}
	return store, m, true
}

// runSearch implements "dateline search".
func runSearch(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	lf := addListFlags(fs)
	af := addAssignFlags(fs) // share.go
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		return usage(env, c.name, "give the words to search for")
	}
	opt, err := lf.options()
	if err != nil {
		return usage(env, c.name, "%s", editor.ErrorMessage(err))
	}
	opt.Query = strings.Join(fs.Args(), " ")
	return listAssigned(ctx, env, opt, *lf.asJSON, af)
}

// runHistory implements "dateline history".
func runHistory(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	asJSON := fs.Bool("json", false, "print a JSON array instead of lines")
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		return usage(env, c.name, "name exactly one draft by ID or slug")
	}
	store, a, ok := readDraft(ctx, env, fs.Arg(0))
	if !ok {
		return ExitFailure
	}
	defer store.Close()
	revs, err := store.Revisions(ctx, a.ID)
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		return writeJSON(env, revs)
	}
	marks := headMarks(ctx, store, a.ID)
	for _, r := range revs {
		line := fmt.Sprintf("%s  %s  %-7s  %5d words", r.ID, r.Created.Local().Format("2006-01-02 15:04:05"), r.Kind, r.Words)
		if r.Author != "" || r.Device != "" {
			line += "  " + strings.TrimSpace(r.Author+" @ "+r.Device)
		}
		if r.Note != "" {
			line += "  " + r.Note
		}
		if r.MergeParentID != "" {
			line += "  [merge of " + r.ParentID + " and " + r.MergeParentID + "]"
		}
		if m := marks[r.ID]; m != "" {
			line += "  " + m
		}
		fmt.Fprintln(env.Stdout, line)
	}
	return ExitOK
}

// runStatus implements "dateline status": a checked workflow transition.
func runStatus(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	note := fs.String("note", "", "a note for the history; for corrected, the public correction")
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if fs.NArg() != 2 {
		return usage(env, c.name, "name a draft and the new status")
	}
	to := editor.Status(strings.ToLower(fs.Arg(1)))
	if _, err := parseStatuses(string(to)); err != nil {
		return usage(env, c.name, "%s", editor.ErrorMessage(err))
	}
	store, a, ok := openDraft(ctx, env, fs.Arg(0))
	if !ok {
		return ExitFailure
	}
	defer store.Close()
	if _, err := store.Transition(ctx, a.ID, to, *note); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stderr, "%s: %s → %s\n", a.Slug, a.Status, to)
	return ExitOK
}

// runTrash implements "dateline trash": move to Trash, take back out, or
// empty it.
func runTrash(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	restore := fs.Bool("restore", false, "take the named drafts out of Trash")
	empty := fs.Bool("empty", false, "delete every draft in Trash for good (asks first)")
	yes := fs.Bool("yes", false, "do not ask for confirmation")
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if *empty == (fs.NArg() > 0) {
		return usage(env, c.name, "name drafts to move to (or, with --restore, out of) Trash, or pass --empty alone")
	}
	store, ok := openStore(env)
	if !ok {
		return ExitFailure
	}
	defer store.Close()
	if *empty {
		n, err := store.Count(ctx, editor.ListOptions{Trashed: true})
		if err != nil {
			return fail(env, err)
		}
		if n == 0 {
			fmt.Fprintln(env.Stderr, "Trash is empty.")
			return ExitOK
		}
		if !*yes && !confirm(env, fmt.Sprintf("Delete the %d drafts in Trash for good? They leave every list and search; their revisions stay in the library file.", n)) {
			fmt.Fprintln(env.Stderr, "Trash left as it was.")
			return ExitFailure
		}
		if n, err = store.EmptyTrash(ctx); err != nil {
			return fail(env, err)
		}
		fmt.Fprintf(env.Stderr, "Deleted %d drafts from Trash.\n", n)
		return ExitOK
	}
	for _, ref := range fs.Args() {
		var a *editor.Article
		var err error
		if *restore {
			a, err = lookupTrashed(ctx, store, ref)
			if err == nil {
				err = store.Untrash(ctx, a.ID)
			}
		} else if a, err = store.Lookup(ctx, ref); err == nil {
			err = store.Trash(ctx, a.ID)
		}
		if err != nil {
			return fail(env, err)
		}
		if *restore {
			fmt.Fprintf(env.Stderr, "Took %s out of Trash.\n", a.Slug)
		} else {
			fmt.Fprintf(env.Stderr, "Moved %s to Trash; 'dateline trash --restore %s' takes it back.\n", a.Slug, a.Slug)
		}
	}
	return ExitOK
}

// lookupTrashed finds a draft in Trash by ID, ID prefix or slug.
func lookupTrashed(ctx context.Context, store editor.Store, ref string) (*editor.Article, error) {
	rows, err := store.List(ctx, editor.ListOptions{Trashed: true})
	if err != nil {
		return nil, err
	}
	for _, s := range rows {
		if s.ID == ref || s.Slug == ref || (len(ref) >= 8 && strings.HasPrefix(s.ID, ref)) {
			return store.Get(ctx, s.ID)
		}
	}
	return nil, editor.Errorf(editor.ENOTFOUND, "no draft in Trash with ID or slug %q", ref)
}

// runBackup implements "dateline backup".
func runBackup(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if fs.NArg() > 1 {
		return usage(env, c.name, "give at most one backup path")
	}
	store, m, ok := openMaintainer(env)
	if !ok {
		return ExitFailure
	}
	defer store.Close()
	path, err := m.Backup(ctx, fs.Arg(0))
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "%s\n", path)
	return ExitOK
}

// runRestore implements "dateline restore".
func runRestore(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	yes := fs.Bool("yes", false, "do not ask for confirmation")
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		return usage(env, c.name, "name the backup file to restore")
	}
	backup := fs.Arg(0)
	// Refuse before asking when a window has the library open; the
	// restore itself holds the lock while it works.
	lock, err := storage.LockLibrary(env.Library, "restore")
	if err != nil {
		var locked *storage.LockedError
		if errors.As(err, &locked) {
			err = editor.Errorf(editor.ECONFLICT, "restore: %s; close it first, then restore (nothing was changed)", locked.Error())
		}
		return fail(env, err)
	}
	_ = lock.Release()
	if !*yes && !confirm(env, fmt.Sprintf("Replace the library %s with the backup %s? The current library is kept as %s.before-restore.", env.Library, backup, filepath.Base(env.Library))) {
		fmt.Fprintln(env.Stderr, "Library left as it was.")
		return ExitFailure
	}
	if err := storage.RestoreBackup(ctx, backup, env.Library); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stderr, "Restored %s from %s.\n", env.Library, backup)
	return ExitOK
}

// runCheck implements "dateline check".
func runCheck(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return usage(env, c.name, "unexpected argument %q", fs.Arg(0))
	}
	store, m, ok := openMaintainer(env)
	if !ok {
		return ExitFailure
	}
	defer store.Close()
	problems, err := m.Check(ctx)
	if err != nil {
		return fail(env, err)
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintf(env.Stdout, "problem: %s\n", p)
		}
		return fail(env, editor.Errorf(editor.EINVALID, "the library %s has %d problems; restore a backup with 'dateline restore'", env.Library, len(problems)))
	}
	n, _ := store.Count(ctx, editor.ListOptions{})
	fmt.Fprintf(env.Stdout, "ok: %s is healthy (%d drafts)\n", env.Library, n)
	if why := m.ReadOnlyReason(); why != "" {
		fmt.Fprintf(env.Stderr, "The library is read-only: %s.\n", why)
	}
	return ExitOK
}

// confirm asks a yes/no question on stderr and reads the answer from stdin.
// No answer (end of input) is no.
func confirm(env Env, question string) bool {
	if env.Stdin == nil {
		return false
	}
	fmt.Fprintf(env.Stderr, "%s [y/N] ", question)
	line, _ := bufio.NewReader(env.Stdin).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return true
	}
	return false
}
