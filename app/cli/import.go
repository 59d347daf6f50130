package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// runImport implements "dateline import".
func runImport(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	format := fs.String("format", "", "read every file in this format instead of guessing from its name and content")
	replace := fs.Bool("replace", false, "a file whose UUID is already in the library becomes a new revision of that draft")
	asNew := fs.Bool("as-new", false, "a file whose UUID or content is already in the library becomes a new draft with a new UUID")
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		return usage(env, c.name, "name at least one file")
	}
	if *replace && *asNew {
		return usage(env, c.name, "--replace and --as-new exclude each other")
	}
	var forced editor.Format
	if *format != "" {
		f, err := editor.ParseFormat(*format)
		if err != nil {
			return usage(env, c.name, "%s", editor.ErrorMessage(err))
		}
		forced = f
	}
	clash := editor.ClashRefuse
	if *replace {
		clash = editor.ClashReplace
	} else if *asNew {
		clash = editor.ClashAsNew
	}
	store, ok := openOrCreateStore(env)
	if !ok {
		return ExitFailure
	}
	defer store.Close()

	prof, err := store.Profile(ctx)
	if err != nil {
		return fail(env, err)
	}
	failed, skipped := 0, 0
	for _, path := range fs.Args() {
		a, err := readArticleFile(path, forced, prof)
		if err == nil {
			a, err = editor.AddImported(ctx, store, a, clash, time.Now())
		}
		if editor.IsDuplicate(err) {
			skipped++
			fmt.Fprintf(env.Stderr, "dateline import: %s: skipped: %s; --as-new imports it again\n", path, editor.ErrorMessage(err))
			continue
		}
		if editor.ErrorCode(err) == editor.ECONFLICT && clash == editor.ClashRefuse {
			err = fmt.Errorf("%s; use --replace to add this file as a new revision of it, or --as-new to import it as a separate draft", editor.ErrorMessage(err))
		}
		if err != nil {
			failed++
			fmt.Fprintf(env.Stderr, "dateline import: %s: %s\n", path, editor.ErrorMessage(err))
			continue
		}
		printSummary(env.Stdout, editor.SummaryOf(a))
		printImportReport(env.Stderr, path, a)
	}
	if skipped > 0 && fs.NArg() > 1 {
		fmt.Fprintf(env.Stderr, "dateline import: %d of %d files were already in the library and were skipped\n", skipped, fs.NArg())
	}
	if failed > 0 {
		if n := fs.NArg(); n > 1 {
			fmt.Fprintf(env.Stderr, "dateline import: %d of %d files failed; the others were imported or skipped\n", failed, n)
		}
		return ExitFailure
	}
	return ExitOK
}

// printImportReport writes what the import recognised in the file at
// path (editor.ImportReport) to w, the standard error, so that the
// standard output keeps the list rows.
func printImportReport(w io.Writer, path string, a *editor.Article) {
	fmt.Fprintf(w, "%s:\n", path)
	for _, l := range editor.ImportReport(a) {
		fmt.Fprintf(w, "  %s\n", l)
	}
}

// readArticleFile reads and parses one file. The whole file is parsed before
// anything is stored, so a malformed file leaves nothing behind.
func readArticleFile(path string, forced editor.Format, p editor.Profile) (*editor.Article, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, editor.Errorf(editor.ENOTFOUND, "cannot read the file: %s", editor.PathErrorText(err))
	}
	if st.IsDir() {
		return nil, editor.Errorf(editor.EINVALID, "is a directory, not a file")
	}
	if st.Size() > editor.MaxImportBytes {
		return nil, editor.Errorf(editor.EINVALID, "the file is %.1f MB; imports are limited to %d MB", float64(st.Size())/(1<<20), editor.MaxImportBytes>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, editor.Errorf(editor.EUNAVAILABLE, "cannot read the file: %s", editor.PathErrorText(err))
	}
	f := forced
	if f == "" {
		if f, err = editor.DetectFormat(path, data, p); err != nil {
			return nil, err
		}
	}
	return editor.Import(f, data, p)
}
