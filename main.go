// Command dateline is a desktop newsroom editor: write, preview, review and
// export news articles, with a library of drafts kept in SQLite.
//
// main only wires the parts together: it parses the global flags, then
// either runs a command-line verb (app/cli) or opens the library and starts
// the Fyne window (app).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	// localefix must initialise before Fyne reads the locale.
	_ "github.com/dateline-news/dateline/app/localefix"

	"github.com/dateline-news/dateline/app"
	"github.com/dateline-news/dateline/app/cli"
	"github.com/dateline-news/dateline/assets"
	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// version is the release; `make build` may set it with -ldflags.
var version = "0.1.0"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// globals are the flags that come before the command.
type globals struct {
	library string
	help    bool
	version bool
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	g, rest, err := parseGlobals(args)
	if err != nil {
		fmt.Fprintf(stderr, "dateline: %v; run 'dateline --help'\n", err)
		return cli.ExitUsage
	}
	switch {
	case g.help:
		cli.Usage(stdout)
		return cli.ExitOK
	case g.version:
		fmt.Fprintf(stdout, "dateline %s\n", version)
		return cli.ExitOK
	}
	path, err := cli.ResolveLibrary(g.library)
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

// parseGlobals reads --library, --help and --version up to the first word
// that is not one of them.
func parseGlobals(args []string) (globals, []string, error) {
	var g globals
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--library" || a == "-library":
			if i+1 >= len(args) || args[i+1] == "" {
				return g, nil, fmt.Errorf("--library needs a file path")
			}
			g.library = args[i+1]
			i++
		case strings.HasPrefix(a, "--library=") || strings.HasPrefix(a, "-library="):
			g.library = a[strings.Index(a, "=")+1:]
			if g.library == "" {
				return g, nil, fmt.Errorf("--library needs a file path")
			}
		case a == "-h" || a == "--help" || a == "-help":
			g.help = true
		case a == "--version" || a == "-version":
			g.version = true
		case strings.HasPrefix(a, "-"):
			return g, nil, fmt.Errorf("unknown flag %s", a)
		default:
			return g, args[i:], nil
		}
	}
	return g, nil, nil
}

// runGUI opens the library and runs the window until it closes.
func runGUI(path string, stderr io.Writer) int {
	// Checked before the library is opened, so that no display leaves no
	// new library file behind; app.Run checks again for other callers.
	if err := app.CheckDisplay(); err != nil {
		fmt.Fprintf(stderr, "dateline: %s\n", editor.ErrorMessage(err))
		return cli.ExitUsage
	}
	store, err := storage.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "dateline: %s\n", editor.ErrorMessage(err))
		app.ShowStartError(path, err)
		return cli.ExitFailure
	}
	defer store.Close()
	// The daily backup runs beside the window; VACUUM INTO only reads, so
	// it does not hold up typing or autosave.
	go func() {
		if _, err := store.AutoBackup(context.Background()); err != nil {
			fmt.Fprintf(stderr, "dateline: automatic backup failed: %s\n", editor.ErrorMessage(err))
		}
	}()
	err = app.Run(store, app.Options{LibraryPath: path, Sample: assets.SampleArticle, Version: version})
	if err != nil {
		fmt.Fprintf(stderr, "dateline: %s\n", editor.ErrorMessage(err))
		return cli.ExitFailure
	}
	return cli.ExitOK
}
