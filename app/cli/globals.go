package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// Globals are the flags that come before the command.
type Globals struct {
	// Library is --library PATH, "" when not given.
	Library string
	// Help and Version are --help (-h) and --version.
	Help, Version bool
}

// ParseGlobals reads --library, --help and --version up to the first word
// that is not a flag (the command), with the standard flag package: both
// -flag and --flag, and --library=PATH or --library PATH. It returns the
// rest of the arguments, the command first.
func ParseGlobals(args []string) (Globals, []string, error) {
	var g Globals
	fs := flag.NewFlagSet("dateline", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the caller prints one line of its own
	fs.StringVar(&g.Library, "library", "", "the library file")
	fs.BoolVar(&g.Help, "help", false, "help")
	fs.BoolVar(&g.Help, "h", false, "help")
	fs.BoolVar(&g.Version, "version", false, "print the version")
	if err := fs.Parse(args); err != nil {
		if msg := err.Error(); strings.HasPrefix(msg, "flag needs an argument: ") {
			return g, nil, fmt.Errorf("--%s needs a file path", strings.TrimLeft(strings.TrimPrefix(msg, "flag needs an argument: "), "-"))
		} else if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
			return g, nil, fmt.Errorf("unknown flag %s", name)
		}
		return g, nil, err
	}
	libSet := false
	fs.Visit(func(f *flag.Flag) { libSet = libSet || f.Name == "library" })
	if libSet && strings.TrimSpace(g.Library) == "" {
		return g, nil, fmt.Errorf("--library needs a file path")
	}
	return g, fs.Args(), nil
}
