// Command dateline is a desktop newsroom editor: write, preview, review and
// export news articles, with a library of drafts kept in SQLite.
//
// main only wires the parts together: it parses the global flags, then
// either runs a command-line verb (app/cli) or opens the library and starts
// the Fyne window (app).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	// localefix must initialise before Fyne reads the locale.
	_ "github.com/dateline-news/dateline/app/localefix"

	"github.com/dateline-news/dateline/app"
	"github.com/dateline-news/dateline/app/cli"
	"github.com/dateline-news/dateline/assets"
	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
	"github.com/dateline-news/dateline/storage/pgsync"
)

// version is the release; `make build` may set it with -ldflags.
var version = "0.1.0"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	g, rest, err := cli.ParseGlobals(args)
	if err != nil {
		fmt.Fprintf(stderr, "dateline: %v; run 'dateline --help'\n", err)
		return cli.ExitUsage
	}
	switch {
	case g.Help:
		cli.Usage(stdout)
		return cli.ExitOK
	case g.Version:
		fmt.Fprintf(stdout, "dateline %s\n", version)
		return cli.ExitOK
	}
	path, err := cli.ResolveLibrary(g.Library)
	if err != nil {
		fmt.Fprintf(stderr, "dateline: cannot find a place for the library: %s; pass --library PATH\n", editor.ErrorMessage(err))
		return cli.ExitFailure
	}
	if len(rest) > 0 {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		return cli.Run(ctx, cli.Env{Library: path, Stdin: stdin, Stdout: stdout, Stderr: stderr}, rest)
	}
	return runGUI(path, stderr)
}

// runGUI opens the library and runs the window until it closes. One window
// per library: a second start on a library that a window has open brings
// that window to the front, or says which process has it.
func runGUI(path string, stderr io.Writer) int {
	// Checked before the library is opened, so that no display leaves no
	// new library file behind; app.Run checks again for other callers.
	if err := app.CheckDisplay(); err != nil {
		fmt.Fprintf(stderr, "dateline: %s\n", editor.ErrorMessage(err))
		return cli.ExitUsage
	}
	lock, err := storage.LockLibrary(path, "window")
	var locked *storage.LockedError
	if errors.As(err, &locked) {
		if locked.What == "window" && raiseWindow(locked.Library+storage.LockSuffix) {
			fmt.Fprintf(stderr, "dateline: %s; brought that window to the front\n", locked.Error())
			return cli.ExitOK
		}
		err = editor.Errorf(editor.EUNAVAILABLE, "%s; use that window, or close it and start Dateline again", locked.Error())
	}
	if err != nil {
		fmt.Fprintf(stderr, "dateline: %s\n", editor.ErrorMessage(err))
		app.ShowStartError(path, err, nil)
		return cli.ExitFailure
	}
	defer func() { _ = lock.Release() }()
	opt := app.Options{LibraryPath: path, Sample: assets.SampleArticle, RaiseKey: lock.Path(), Version: version}

	store, notice, err := openForWindow(path)
	if err != nil {
		fmt.Fprintf(stderr, "dateline: %s\n", editor.ErrorMessage(err))
		rec := recoveryFor(path, err, &lock, opt)
		if s := app.ShowStartError(path, err, rec); s != nil {
			_ = s.Close()
			return cli.ExitOK
		}
		return cli.ExitFailure
	}
	defer store.Close()
	// The daily backup runs beside the window; VACUUM INTO only reads, so
	// it does not hold up typing or autosave. A read-only library cannot
	// change, and its folder (or disk) has no room for a backup.
	if !store.IsReadOnly() {
		go func() {
			if _, err := store.AutoBackup(context.Background()); err != nil {
				fmt.Fprintf(stderr, "dateline: automatic backup failed: %s\n", editor.ErrorMessage(err))
			}
		}()
	}
	opt.Notice = notice
	news := pgsync.NewNewsroom(store, "") // assignment and presence; idle while the library has no server
	defer func() { _ = news.Close() }()
	opt.Colleagues = news
	if !store.IsReadOnly() {
		opt.Newsroom = pgsync.NewClient(store) // File › Connect to newsroom…, background sync
	}
	if notice != "" {
		fmt.Fprintf(stderr, "dateline: %s\n", strings.ReplaceAll(notice, "\n\n", " "))
	}
	if err := app.Run(store, opt); err != nil {
		fmt.Fprintf(stderr, "dateline: %s\n", editor.ErrorMessage(err))
		return cli.ExitFailure
	}
	return cli.ExitOK
}

// raiseWindow asks the window holding the library's lock (key) to come to
// the front. A window that took the lock a moment ago is still opening the
// library and does not answer yet, so it asks again for a few seconds.
func raiseWindow(key string) bool {
	deadline := time.Now().Add(5 * time.Second)
	for {
		if app.RaiseRunning(key) == nil {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// openForWindow opens the library for the window and returns what the
// window should tell the user about it: that it is read-only, or that its
// search index was damaged and has been rebuilt.
func openForWindow(path string) (*storage.DB, string, error) {
	store, err := storage.Open(path)
	if err != nil {
		return nil, "", err
	}
	var notices []string
	if why := store.ReadOnlyReason(); why != "" {
		notices = append(notices, "This library is read-only: "+why+". You can read, search and export its drafts, but changes cannot be saved.")
	}
	ctx := context.Background()
	damaged, err := store.SearchIndexDamaged(ctx)
	switch {
	case err != nil:
		notices = append(notices, "The search index could not be checked: "+editor.ErrorMessage(err))
	case damaged && store.IsReadOnly():
		notices = append(notices, "The search index of this library is damaged, so search may miss drafts; the drafts themselves are intact. It is rebuilt when the library is next opened with write access.")
	case damaged:
		if err := store.RepairSearch(ctx); err != nil {
			notices = append(notices, "The search index of this library is damaged and could not be rebuilt ("+editor.ErrorMessage(err)+"); search may miss drafts.")
		} else {
			notices = append(notices, "The search index of this library was damaged and has been rebuilt from the drafts; no draft was changed.")
		}
	}
	return store, strings.Join(notices, "\n\n"), nil
}

// recoveryFor returns the start-up window's offer to restore the newest
// usable backup of a damaged library, or nil when the library is not
// damaged or has no such backup. Restoring lets go of the window's lock
// for the restore, which takes it itself, and takes it again after.
func recoveryFor(path string, openErr error, lock **storage.LibraryLock, opt app.Options) *app.StartRecovery {
	if !storage.IsDamaged(openErr) {
		return nil
	}
	ctx := context.Background()
	backup, drafts, err := storage.NewestUsableBackup(ctx, path)
	if err != nil {
		return nil
	}
	when := backup.Time.Local().Format("2 Jan 2006 15:04")
	return &app.StartRecovery{
		Label:  fmt.Sprintf("Restore the newest backup (%s, %d drafts)", when, drafts),
		Window: opt,
		Recover: func() (editor.Store, string, error) {
			_ = (*lock).Release()
			aside, err := storage.RestoreDamaged(ctx, backup.Path, path)
			l, lerr := storage.LockLibrary(path, "window")
			if lerr == nil {
				*lock = l
			}
			if err != nil {
				return nil, "", err
			}
			store, notice, err := openForWindow(path)
			if err != nil {
				return nil, "", err
			}
			restored := fmt.Sprintf("The library was restored from the backup of %s (%d drafts). The damaged library is kept as %s.", when, drafts, aside)
			return store, strings.TrimSpace(restored + "\n\n" + notice), nil
		},
	}
}
