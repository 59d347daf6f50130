package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/editor/spell"
	"github.com/dateline-news/dateline/editor/style"
)

// lintFinding is one finding as `dateline lint --json` writes it: lines
// and columns count from 1, columns in characters.
type lintFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Field    string `json:"field"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Text     string `json:"text"`
	Want     string `json:"want,omitempty"`
	Message  string `json:"message"`
}

// lintReport is the whole --json output.
type lintReport struct {
	Draft    string        `json:"draft"`
	Language string        `json:"language"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Info     int           `json:"info"`
	Findings []lintFinding `json:"findings"`
}

// runLint implements "dateline lint": spelling and AP style of one draft
// (by ID or slug) or of a file (any importable format), linted with the
// library's settings (its publisher, disabled rules, sentence limit and
// dictionary; the defaults when the file is linted without a library).
// It exits 1 when there is an error-level finding.
func runLint(ctx context.Context, env Env, c command, args []string) int {
	fs := newFlagSet(env, c.name, c.args, c.summary)
	asJSON := fs.Bool("json", false, "print the findings as JSON")
	noSpell := fs.Bool("no-spelling", false, "leave spelling out")
	if code, ok := parseFlags(fs, env, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		return usage(env, c.name, "name exactly one draft by ID or slug, or one file")
	}
	ref := fs.Arg(0)
	var a *editor.Article
	p := editor.DefaultProfile()
	if st, err := os.Stat(ref); err == nil && !st.IsDir() {
		if _, err := os.Stat(env.Library); err == nil {
			if store, ok := openStore(env); ok {
				if lp, err := store.Profile(ctx); err == nil {
					p = lp
				}
				store.Close()
			}
		}
		if a, err = readArticleFile(ref, "", p); err != nil {
			return fail(env, fmt.Errorf("%s: %w", ref, err))
		}
	} else {
		store, draft, ok := openDraft(ctx, env, ref)
		if !ok {
			return ExitFailure
		}
		defer store.Close()
		if p, err = store.Profile(ctx); err != nil {
			return fail(env, err)
		}
		a = draft
		ref = a.Slug
	}
	lang := a.Language
	if lang == "" {
		lang = p.Language
	}
	var checker *spell.Checker
	if !*noSpell {
		d, err := spell.Builtin(lang)
		if err != nil {
			fmt.Fprintf(env.Stderr, "dateline lint: warning: %v; spelling is not checked\n", err)
		} else {
			checker = spell.NewChecker(d, style.KnownWords(p, a)...)
		}
	}
	findings := style.Lint(a, style.ConfigFor(p, a, checker))
	rep := lintReport{Draft: ref, Language: lang, Findings: []lintFinding{}}
	for _, f := range findings {
		line, col := f.Position()
		rep.Findings = append(rep.Findings, lintFinding{f.Rule, string(f.Severity), f.Field, line, col, f.Text, f.Want, f.Message})
		switch f.Severity {
		case style.SeverityError:
			rep.Errors++
		case style.SeverityWarning:
			rep.Warnings++
		default:
			rep.Info++
		}
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return fail(env, fmt.Errorf("write: %w", err))
		}
	} else {
		for _, f := range findings {
			fmt.Fprintf(env.Stdout, "%s: %s\n", ref, f)
		}
		fmt.Fprintf(env.Stderr, "%s: %d errors, %d warnings, %d suggestions\n", ref, rep.Errors, rep.Warnings, rep.Info)
	}
	if style.HasErrors(findings) {
		return ExitFailure
	}
	return ExitOK
}
