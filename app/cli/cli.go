// Package cli is Dateline's command line: batch work on the same library and
// the same editor renderers the GUI uses. main.go hands it the arguments
// after the global flags; every command prints to the writers it is given
// and returns an exit status: 0 on success, 1 on failure (with a one-line
// message on stderr) and 2 on usage errors.
package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// Exit statuses.
const (
	// ExitOK means the command succeeded.
	ExitOK = 0
	// ExitFailure means the command failed; stderr says why in one line.
	ExitFailure = 1
	// ExitUsage means the command line was wrong.
	ExitUsage = 2
)

// Env is what a command runs with: the library location and the streams.
type Env struct {
	// Library is the library file path, already resolved by ResolveLibrary.
	Library string
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	// Open opens the library; nil means storage.Open.
	Open func(path string) (editor.Store, error)
}

// command is one CLI verb.
type command struct {
	name    string
	args    string
	summary string
	run     func(ctx context.Context, env Env, c command, args []string) int
}

// commands lists every verb, in the order --help shows them.
var commands = []command{
	{"list", "[--status S] [--author A] [--tag T] [--since DATE] [--until DATE] [--sort ORDER] [--limit N] [--trash] [--filed-to-me | --assigned-to USER] [--json]", "list drafts, newest first, one per line", runList},
	{"search", "[filters as for list] QUERY...", "full-text search: words, prefixes (harv*), \"quoted phrases\", -excluded words", runSearch},
	{"import", "[--format F] [--replace | --as-new] FILE...", "import files as drafts: wire copy (.txt), Markdown (.md), ninjs (.json), HTML (.html), NITF or NewsML-G2 (.xml)", runImport},
	{"export", "--format F [--out FILE] [--force] ID|SLUG  or  --format F (--all | --status S) --out DIR  or  --format atom|rss [--status S] [--since D] [--until D] [--tag T] [--author A] [--limit N] [--out FILE]", "export one draft, many into a directory (formats: " + formatNames() + "), or an Atom or RSS feed of a selection", runExport},
	{"lint", "[--json] [--no-spelling] ID|SLUG|FILE", "check spelling and AP style; prints field:line:column findings, exits 1 on errors", runLint},
	{"status", "[--note TEXT] ID|SLUG STATUS", "move a draft through the workflow (draft, filed, editing, approved, published, corrected, killed)", runStatus},
	shareCommand, assignCommand, // share.go
	{"suggestions", "[--accept-all | --reject-all | --accept N | --reject N] [--as NAME] [--json] ID|SLUG", "list a draft's suggestions and comments, or accept or reject suggestions (each decision a revision)", runSuggestions},
	{"history", "[--json] ID|SLUG", "list a draft's revisions, newest first, marking its heads (the one shown, any conflict tips)", runHistory},
	{"trash", "ID|SLUG...  or  --restore ID|SLUG...  or  --empty [--yes]", "move drafts to Trash, take them back, or empty it", runTrash},
	{"backup", "[PATH]", "write a consistent copy of the library (default: the backups folder beside it)", runBackup},
	{"restore", "[--yes] BACKUP", "replace the library with a backup, keeping the current one aside (asks first)", runRestore},
	{"check", "", "verify the library: SQLite integrity and the search index", runCheck},
	{"sync", "[--server DSN] [--json]", "push this library's new revisions to the newsroom server and pull everyone else's", runSync},
	{"server", "init --dsn DSN  or  adduser NAME --role correspondent|editor|admin [--desk D] --dsn DSN", "set up the newsroom's PostgreSQL database, or add a user", runServer},
}

// Usage writes the top-level help to w.
func Usage(w io.Writer) {
	fmt.Fprintln(w, "Dateline — a newsroom editor for writing, reviewing and exporting news articles.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  dateline [--library PATH]                 open the editor window")
	fmt.Fprintln(w, "  dateline [--library PATH] COMMAND [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Global flags:")
	fmt.Fprintln(w, "  --library PATH   the library file (default: $DATELINE_LIBRARY, else "+defaultPathHint()+")")
	fmt.Fprintln(w, "  --help           this help; 'dateline COMMAND --help' explains a command")
	fmt.Fprintln(w, "  --version        print the version")
}

func defaultPathHint() string {
	if p, err := storage.DefaultPath(); err == nil {
		return p
	}
	return "the user data directory"
}

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// Run executes args[0] with the rest of args and returns the exit status.
func Run(ctx context.Context, env Env, args []string) int {
	if len(args) == 0 {
		Usage(env.Stderr)
		return ExitUsage
	}
	if args[0] == "help" {
		if len(args) > 1 {
			if c, ok := lookup(args[1]); ok {
				return c.run(ctx, env, c, []string{"--help"})
			}
		}
		Usage(env.Stdout)
		return ExitOK
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(env.Stderr, "dateline: unknown command %q; run 'dateline --help' for the list\n", args[0])
		return ExitUsage
	}
	return c.run(ctx, env, c, args[1:])
}

// ResolveLibrary picks the library file: the --library flag, then the
// DATELINE_LIBRARY environment variable, then storage.DefaultPath.
func ResolveLibrary(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if v := os.Getenv("DATELINE_LIBRARY"); v != "" {
		return v, nil
	}
	return storage.DefaultPath()
}

// newFlagSet returns a flag set for c that writes its usage to env.Stderr
// (or Stdout for an explicit --help).
func newFlagSet(env Env, name, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: dateline %s %s\n\n%s.\n", name, args, capitalise(summary))
		var hasFlags bool
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(fs.Output(), "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args and maps --help to exit 0 and bad flags to exit 2.
// ok is false when the command must return code at once.
func parseFlags(fs *flag.FlagSet, env Env, args []string) (code int, ok bool) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(env.Stdout)
			fs.Usage()
			return ExitOK, false
		}
	}
	if err := fs.Parse(interleave(fs, args)); err != nil {
		return ExitUsage, false
	}
	return ExitOK, true
}

// interleave moves flags that follow positional arguments to the front, so
// "export my-slug --format md" works as well as the canonical order.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if f := fs.Lookup(name); f != nil {
				if bf, isBool := f.Value.(interface{ IsBoolFlag() bool }); isBool && bf.IsBoolFlag() {
					continue
				}
				if i+1 < len(args) {
					flags = append(flags, args[i+1])
					i++
				}
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(append(flags, "--"), pos...)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// openStore opens the existing library env.Library, printing a one-line
// error on failure: a path where there is no library is refused ("no
// library at PATH") rather than turned into an empty one, since only
// import, and a first sync with a server, have anything to put in a new
// library.
func openStore(env Env) (editor.Store, bool) {
	return openLibrary(env, storage.Existing())
}

// openReader opens the existing library env.Library for a command that
// only reads it (list, search, export, history): read-only, so that such a
// command can change nothing, and does not wait for the write lock.
func openReader(env Env) (editor.Store, bool) {
	return openLibrary(env, storage.ForReading())
}

// openOrCreateStore opens env.Library, creating it if there is none.
func openOrCreateStore(env Env) (editor.Store, bool) {
	return openLibrary(env)
}

func openLibrary(env Env, opts ...storage.Option) (editor.Store, bool) {
	open := env.Open
	if open == nil {
		open = func(path string) (editor.Store, error) { return storage.Open(path, opts...) }
	}
	s, err := open(env.Library)
	if err != nil {
		if storage.IsDamaged(err) {
			if b, n, berr := storage.NewestUsableBackup(context.Background(), env.Library); berr == nil {
				err = editor.Errorf(editor.ErrorCode(err), "%s; the newest usable backup is from %s (%d drafts): dateline restore %s",
					strings.TrimSuffix(editor.ErrorMessage(err), "; restore a backup"), b.Time.Local().Format("2 Jan 2006 15:04"), n, b.Path)
			}
		}
		fail(env, err)
		return nil, false
	}
	return s, true
}

// openDraft opens env.Library and looks up the draft ref names by ID, ID
// prefix or slug. On failure it prints the error and leaves nothing open;
// otherwise the caller closes the store.
func openDraft(ctx context.Context, env Env, ref string) (editor.Store, *editor.Article, bool) {
	return lookupDraft(ctx, env, ref, openStore)
}

// readDraft is openDraft for commands that only read: the library is
// opened with openReader.
func readDraft(ctx context.Context, env Env, ref string) (editor.Store, *editor.Article, bool) {
	return lookupDraft(ctx, env, ref, openReader)
}

func lookupDraft(ctx context.Context, env Env, ref string, open func(Env) (editor.Store, bool)) (editor.Store, *editor.Article, bool) {
	store, ok := open(env)
	if !ok {
		return nil, nil, false
	}
	a, err := store.Lookup(ctx, ref)
	if err != nil {
		store.Close()
		fail(env, err)
		return nil, nil, false
	}
	return store, a, true
}

// fail prints err as one line on stderr and returns ExitFailure.
func fail(env Env, err error) int {
	msg := strings.ReplaceAll(editor.ErrorMessage(err), "\n", " ")
	fmt.Fprintf(env.Stderr, "dateline: %s\n", msg)
	return ExitFailure
}

// usage prints a usage error for a command and returns ExitUsage.
func usage(env Env, name, format string, args ...any) int {
	fmt.Fprintf(env.Stderr, "dateline %s: %s; run 'dateline %s --help'\n", name, fmt.Sprintf(format, args...), name)
	return ExitUsage
}

func formatNames() string {
	var names []string
	for _, f := range editor.Formats {
		names = append(names, string(f))
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
