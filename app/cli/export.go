package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/dateline-news/dateline/editor"
)

// runExport implements "dateline export".
func runExport(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	format := fs.String("format", "", "output format: "+formatNames()+" (html is the standalone page)")
	out := fs.String("out", "", "write to this file instead of standard output; with --all or --status, the directory to write into")
	force := fs.Bool("force", false, "export even a killed story")
	all := fs.Bool("all", false, "export every draft in the library, one file each, into the --out directory")
	status := fs.String("status", "", "export every draft in this status (comma-separated list allowed) into the --out directory")
	jekyll := fs.Bool("jekyll", false, "with --all or --status and --format md, name the files YYYY-MM-DD-slug.md for a Jekyll _posts folder")
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if *format == "" {
		return usage(env, c.name, "--format is required")
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
		return exportBatch(ctx, env, editor.BatchOptions{List: editor.ListOptions{Statuses: statuses}, Format: f, Force: *force, Jekyll: *jekyll}, *out)
	}
	if fs.NArg() != 1 {
		return usage(env, c.name, "name exactly one draft by ID or slug")
	}
	if *jekyll {
		return usage(env, c.name, "--jekyll names the files of a batch export; use it with --all or --status")
	}
	store, a, ok := openDraft(ctx, env, fs.Arg(0))
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
	data, err := editor.Export(f, a, p, editor.RenderOptions{Resolve: editor.StoreResolver(ctx, store)})
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
	store, ok := openStore(env)
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
