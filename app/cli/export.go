package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// runExport implements "dateline export".
func runExport(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	format := fs.String("format", "", "output format: "+formatNames()+" (html is the standalone page), or a feed of the selection: atom, rss")
	out := fs.String("out", "", "write to this file instead of standard output (a feed too); with --all or --status and a single-article format, the directory to write into")
	force := fs.Bool("force", false, "export even a killed story")
	all := fs.Bool("all", false, "export every draft in the library, one file each, into the --out directory")
	status := fs.String("status", "", "export every draft in this status (comma-separated list allowed) into the --out directory")
	sel := addSelectionFlags(fs)
	accept := fs.Bool("accept-suggestions", false, "write the text with every open suggestion accepted (by default suggestions are left out, and Markdown carries them as CriticMarkup)")
	jekyll := fs.Bool("jekyll", false, "with --all or --status and --format md, name the files YYYY-MM-DD-slug.md for a Jekyll _posts folder")
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if *format == "" {
		return usage(env, c.name, "--format is required")
	}
	if feed, ok := editor.ParseFeedFormat(*format); ok {
		if fs.NArg() > 0 {
			return usage(env, c.name, "a feed holds the drafts the filters select (--status, --since, --until, --tag, --author, --limit); name no draft")
		}
		list, err := sel.options(*status)
		if err != nil {
			return usage(env, c.name, "%s", editor.ErrorMessage(err))
		}
		return exportFeed(ctx, env, feed, list, *force, *out)
	}
	if sel.used() {
		return usage(env, c.name, "--since, --until, --tag, --author and --limit select the drafts of a feed (--format atom or rss)")
	}
	f, err := editor.ParseFormat(*format)
	if err != nil {
		return usage(env, c.name, "%s", editor.ErrorMessage(err))
	}
	if *all || *status != "" {
		if fs.NArg() > 0 {
			return usage(env, c.name, "name no draft with --all or --status")
		}
		if *out == "" {
			return usage(env, c.name, "--all and --status need --out DIR")
		}
		statuses, err := parseStatuses(*status)
		if err != nil {
			return usage(env, c.name, "%s", editor.ErrorMessage(err))
		}
		if *jekyll && f != editor.FormatMarkdown {
			return usage(env, c.name, "--jekyll names Markdown files; use it with --format %s", editor.FormatMarkdown)
		}
		return exportBatch(ctx, env, editor.BatchOptions{List: editor.ListOptions{Statuses: statuses}, Format: f, Force: *force, Jekyll: *jekyll, AcceptSuggestions: *accept}, *out)
	}
	if fs.NArg() != 1 {
		return usage(env, c.name, "name exactly one draft by ID or slug")
	}
	if *jekyll {
		return usage(env, c.name, "--jekyll names the files of a batch export; use it with --all or --status")
	}
	store, a, ok := readDraft(ctx, env, fs.Arg(0))
	if !ok {
		return ExitFailure
	}
	defer store.Close()
	if a.Status == editor.StatusKilled && !*force {
		return fail(env, editor.Errorf(editor.ECONFLICT, "%q is killed and must not be used; pass --force to export it anyway", a.Slug))
	}
	p, err := store.Profile(ctx)
	if err != nil {
		return fail(env, err)
	}
	data, err := editor.Export(f, a, p, editor.RenderOptions{Resolve: editor.StoreResolver(ctx, store), AcceptSuggestions: *accept})
	if err != nil {
		return fail(env, fmt.Errorf("export %s: %w", a.Slug, err))
	}
	for _, w := range editor.ExportWarnings(f, a) {
		fmt.Fprintf(env.Stderr, "dateline export: warning: %s: %s\n", a.Slug, w)
	}
	if *out == "" {
		if _, err := env.Stdout.Write(data); err != nil {
			return fail(env, fmt.Errorf("write: %w", err))
		}
		return ExitOK
	}
	if err := editor.WriteFileAtomic(*out, data); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stderr, "Exported %s to %s\n", a.Slug, *out)
	return ExitOK
}

// exportBatch writes one file per selected draft into dir, with a progress
// line when stderr is a terminal and a summary at the end.
func exportBatch(ctx context.Context, env Env, opt editor.BatchOptions, dir string) int {
	store, ok := openReader(env)
	if !ok {
		return ExitFailure
	}
	defer store.Close()

	tty := isTerminal(env.Stderr)
	progress := func(done, total int) {
		if tty {
			fmt.Fprintf(env.Stderr, "\rExporting %d of %d…", done, total)
		}
	}
	res, err := editor.ExportToFolder(ctx, store, opt, dir, progress)
	if tty {
		fmt.Fprint(env.Stderr, "\r\033[K")
	}
	if err != nil {
		return fail(env, err)
	}
	for _, item := range res.Written {
		for _, w := range item.Warnings {
			fmt.Fprintf(env.Stderr, "dateline export: warning: %s: %s\n", item.Slug, w)
		}
	}
	for _, item := range res.Failed {
		fmt.Fprintf(env.Stderr, "dateline export: %s: %s\n", item.Slug, editor.ErrorMessage(item.Err))
	}
	for _, item := range res.Skipped {
		fmt.Fprintf(env.Stderr, "dateline export: skipped %s: killed (use --force to export it)\n", item.Slug)
	}
	fmt.Fprintf(env.Stderr, "%s Files are in %s\n", res.Summary(), dir)
	if len(res.Failed) > 0 {
		return ExitFailure
	}
	return ExitOK
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// selectionFlags are the filters that pick the drafts of a feed, beside
// --status.
type selectionFlags struct {
	since, until, tag, author *string
	limit                     *int
}

// addSelectionFlags registers the feed filters on fs.
func addSelectionFlags(fs *flag.FlagSet) selectionFlags {
	return selectionFlags{
		since:  fs.String("since", "", "feeds: only drafts updated on or after this date (YYYY-MM-DD)"),
		until:  fs.String("until", "", "feeds: only drafts updated on or before this date (YYYY-MM-DD)"),
		tag:    fs.String("tag", "", "feeds: only drafts with this tag"),
		author: fs.String("author", "", "feeds: only drafts with an author whose name contains this text"),
		limit:  fs.Int("limit", 0, "feeds: at most this many drafts, newest first (0 means all)"),
	}
}

// used reports whether any of the filters was given.
func (s selectionFlags) used() bool {
	return *s.since != "" || *s.until != "" || *s.tag != "" || *s.author != "" || *s.limit != 0
}

// options turns the filters and --status into ListOptions: the same
// rules as list's filters (listFlags.options).
func (s selectionFlags) options(status string) (editor.ListOptions, error) {
	lf := listFlags{status: &status, author: s.author, tag: s.tag, since: s.since, until: s.until,
		sort: new(string), limit: s.limit, trashed: new(bool), asJSON: new(bool)}
	return lf.options()
}

// exportFeed writes one Atom or RSS feed of the drafts list selects to
// out, or to standard output.
func exportFeed(ctx context.Context, env Env, f editor.FeedFormat, list editor.ListOptions, force bool, out string) int {
	store, ok := openStore(env)
	if !ok {
		return ExitFailure
	}
	defer store.Close()
	res, err := editor.ExportFeedFrom(ctx, store, f, list, force, time.Now())
	if err != nil {
		return fail(env, err)
	}
	for _, slug := range res.Skipped {
		fmt.Fprintf(env.Stderr, "dateline export: skipped %s: killed (use --force to export it)\n", slug)
	}
	if out == "" {
		if _, err := env.Stdout.Write(res.Data); err != nil {
			return fail(env, fmt.Errorf("write: %w", err))
		}
		return ExitOK
	}
	if err := editor.WriteFileAtomic(out, res.Data); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stderr, "Exported the %s feed of %s to %s\n", map[editor.FeedFormat]string{editor.FeedAtom: "Atom", editor.FeedRSS: "RSS"}[f], plural(res.Entries, "article"), out)
	return ExitOK
}

// plural is "1 article" or "N articles".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
