package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/dateline-news/dateline/editor"
)

// runList implements "dateline list".
func runList(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	lf := addListFlags(fs)
	af := addAssignFlags(fs) // share.go
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return usage(env, c.name, "unexpected argument %q; to search, use 'dateline search'", fs.Arg(0))
	}
	opt, err := lf.options()
	if err != nil {
		return usage(env, c.name, "%s", editor.ErrorMessage(err))
	}
	return listAssigned(ctx, env, opt, *lf.asJSON, af)
}

// listDrafts prints the drafts opt selects, with a count line on stderr.
// An empty result is not a failure.
func listDrafts(ctx context.Context, env Env, opt editor.ListOptions, asJSON bool) int {
	store, ok := openReader(env)
	if !ok {
		return ExitFailure
	}
	defer store.Close()

	rows, err := store.List(ctx, opt)
	if err != nil {
		return fail(env, err)
	}
	if asJSON {
		return writeJSON(env, rows)
	}
	if len(rows) == 0 {
		if opt.Query != "" {
			fmt.Fprintf(env.Stderr, "No drafts match %q.\n", opt.Query)
		} else {
			fmt.Fprintln(env.Stderr, "No drafts.")
		}
		return ExitOK
	}
	for _, s := range rows {
		printSummary(env.Stdout, s)
		if s.Snippet != "" {
			fmt.Fprintf(env.Stdout, "    %s\n", highlightSnippet(s.Snippet, isTerminal(env.Stdout)))
		}
	}
	return ExitOK
}

// highlightSnippet shows the matched terms of a snippet: in bold on a
// terminal, between [ and ] otherwise.
func highlightSnippet(s string, tty bool) string {
	open, close := "[", "]"
	if tty {
		open, close = "\033[1m", "\033[0m"
	}
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer(editor.SnippetOpen, open, editor.SnippetClose, close).Replace(s)
}

// printSummary writes one draft in the list form: ID, status, updated time,
// headline and byline, separated by two spaces.
func printSummary(w io.Writer, s editor.Summary) {
	headline := s.Headline
	if strings.TrimSpace(headline) == "" {
		headline = "(no headline)"
	}
	line := fmt.Sprintf("%s  %-9s  %s  %s", s.ID, s.Status, s.Updated.Local().Format("2006-01-02 15:04"), headline)
	if by := editor.FormatByline(editor.Byline{Authors: s.Authors}); by != "" {
		line += "  — " + by
	}
	fmt.Fprintln(w, line)
}

func parseStatuses(s string) ([]editor.Status, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []editor.Status
	for _, part := range strings.Split(s, ",") {
		st := editor.Status(strings.ToLower(strings.TrimSpace(part)))
		if !st.Valid() {
			names := make([]string, len(editor.Statuses))
			for i, v := range editor.Statuses {
				names[i] = string(v)
			}
			return nil, editor.Errorf(editor.EINVALID, "unknown status %q (valid: %s)", part, strings.Join(names, ", "))
		}
		out = append(out, st)
	}
	return out, nil
}

func writeJSON(env Env, v any) int {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fail(env, fmt.Errorf("write json: %w", err))
	}
	return ExitOK
}
