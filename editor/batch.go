package editor

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// BatchOptions selects the drafts of a batch export and its format.
type BatchOptions struct {
	// List selects the drafts; its Limit and Offset are ignored.
	List ListOptions
	// Format is the export format of every file.
	Format Format
	// Force exports killed stories too; otherwise they are skipped.
	Force bool
	// Jekyll names the files as Jekyll's _posts folder wants them,
	// YYYY-MM-DD-slug.md (JekyllFileName); only for the Markdown format.
	Jekyll bool
	// AcceptSuggestions writes each draft with its open suggestions
	// accepted (RenderOptions.AcceptSuggestions).
	AcceptSuggestions bool
}

// BatchItem is one draft of a batch export and what became of it.
type BatchItem struct {
	ID   string
	Slug string
	// File is the file name written (no directory), or "".
	File string
	// Err is why the draft was skipped or failed, or nil.
	Err error
	// Warnings are what ExportWarnings says of a draft written (a body
	// nested deeper than MaxNesting, flattened in the file).
	Warnings []string
	// skipped marks a killed draft left out.
	skipped bool
}

// BatchResult sums up a batch export.
type BatchResult struct {
	Written []BatchItem
	Skipped []BatchItem
	Failed  []BatchItem
}

// Summary is the one-line account of the batch shown at its end.
func (r BatchResult) Summary() string {
	s := "Exported " + plural(len(r.Written), "article")
	if n := len(r.Skipped); n > 0 {
		s += ", skipped " + strconv.Itoa(n) + " killed"
	}
	if n := len(r.Failed); n > 0 {
		s += ", " + strconv.Itoa(n) + " failed"
	}
	return s + "."
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// batchPage is how many summaries a batch export reads at a time.
const batchPage = 500

// ExportBatch renders every draft opt selects and hands each file to write,
// named by ExportFileName. progress, if not nil, is called after each draft
// with the number done and the total. A draft that fails to load, render or
// write is recorded in Failed and the batch goes on; the returned error is
// only for failures of the batch itself (the list query, a cancelled ctx:
// a draft the cancel interrupted counts neither as written nor as failed).
func ExportBatch(ctx context.Context, s Store, opt BatchOptions, write func(name string, data []byte) error, progress func(done, total int)) (BatchResult, error) {
	var res BatchResult
	if _, err := ParseFormat(string(opt.Format)); err != nil {
		return res, err
	}
	if opt.Jekyll && opt.Format != FormatMarkdown {
		return res, Errorf(EINVALID, "Jekyll file names are for Markdown; export as %s instead of %s", FormatMarkdown, opt.Format)
	}
	p, err := s.Profile(ctx)
	if err != nil {
		return res, err
	}
	// Collect the IDs first so that saves during the export cannot shift
	// the pages; their number is the total the progress counts to.
	ids, err := listAll(ctx, s, opt.List)
	if err != nil {
		return res, err
	}
	b := batchRun{opt: opt, store: s, profile: p, write: write, taken: map[string]bool{}, resolve: StoreResolver(ctx, s)}
	for i, sum := range ids {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		item := b.export(ctx, sum)
		if errors.Is(item.Err, context.Canceled) && ctx.Err() != nil {
			return res, ctx.Err() // interrupted by the cancel, not failed
		}
		switch {
		case item.Err == nil:
			res.Written = append(res.Written, item)
		case item.skipped:
			res.Skipped = append(res.Skipped, item)
		default:
			res.Failed = append(res.Failed, item)
		}
		if progress != nil {
			progress(i+1, len(ids))
		}
	}
	return res, nil
}

// listAll reads every summary list selects, page by page.
func listAll(ctx context.Context, s Store, list ListOptions) ([]Summary, error) {
	var all []Summary
	for list.Offset = 0; ; list.Offset += batchPage {
		list.Limit = batchPage
		page, err := s.List(ctx, list)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if len(page) < batchPage {
			return all, nil
		}
	}
}

// batchRun is what every draft of one ExportBatch needs.
type batchRun struct {
	opt     BatchOptions
	store   Store
	profile Profile
	write   func(name string, data []byte) error
	taken   map[string]bool
	resolve TeaserResolver
}

// export loads, renders and writes one draft; a killed draft without
// opt.Force is skipped.
func (b *batchRun) export(ctx context.Context, sum Summary) BatchItem {
	item := BatchItem{ID: sum.ID, Slug: sum.Slug}
	a, err := b.store.Get(ctx, sum.ID)
	if err != nil {
		item.Err = err
		return item
	}
	if a.Status == StatusKilled && !b.opt.Force {
		item.Err, item.skipped = Errorf(ECONFLICT, "%s is killed", a.Slug), true
		return item
	}
	data, err := Export(b.opt.Format, a, b.profile, RenderOptions{Resolve: b.resolve, AcceptSuggestions: b.opt.AcceptSuggestions})
	if err != nil {
		item.Err = err
		return item
	}
	if b.opt.Jekyll {
		item.File = JekyllFileName(a, b.opt.Format, b.taken)
	} else {
		item.File = ExportFileName(a.Slug, a.ID, b.opt.Format, b.taken)
	}
	item.Err = b.write(item.File, data)
	if item.Err == nil {
		item.Warnings = ExportWarnings(b.opt.Format, a)
	}
	return item
}

// ExportToFolder is the batch export to a folder that the GUI and the
// command line run: it creates dir when missing and writes each draft's
// file there with WriteFileAtomic, as ExportBatch describes (progress and
// cancel through ctx included). A folder that cannot be created is an
// *Error with code EUNAVAILABLE.
func ExportToFolder(ctx context.Context, s Store, opt BatchOptions, dir string, progress func(done, total int)) (BatchResult, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return BatchResult{}, Errorf(EUNAVAILABLE, "cannot create the folder %s: %s", dir, PathErrorText(err))
	}
	return ExportBatch(ctx, s, opt, func(name string, data []byte) error {
		return WriteFileAtomic(filepath.Join(dir, name), data)
	}, progress)
}

// ExportFileName names the export file of a draft: its slug reduced to
// lowercase letters, digits and hyphens (so no path separator, dot-dot or
// control character can reach the file system), falling back to the ID,
// plus the format's extension. Names already in taken get "-2", "-3" …;
// the chosen name is added to taken.
func ExportFileName(slug, id string, f Format, taken map[string]bool) string {
	base := Slugify(slug)
	if base == "" {
		base = "article-" + Slugify(strings.SplitN(id, "-", 2)[0])
	}
	if base == "article-" {
		base = "article"
	}
	name := base + f.Ext()
	for i := 2; taken[name]; i++ {
		name = base + "-" + strconv.Itoa(i) + f.Ext()
	}
	taken[name] = true
	return name
}

// JekyllFileName names the export file of a for a Jekyll _posts folder:
// the date the site files it under (SiteDate: the publication date, else
// the creation date; the last change when it has neither) as YYYY-MM-DD,
// a hyphen, then the name ExportFileName gives. Jekyll skips a post whose
// name lacks the date, and reads the date from it.
func JekyllFileName(a *Article, f Format, taken map[string]bool) string {
	d := a.SiteDate()
	if d.IsZero() {
		d = a.Updated
	}
	prefix := d.Format("2006-01-02") + "-"
	dated := map[string]bool{}
	for name := range taken {
		if rest, ok := strings.CutPrefix(name, prefix); ok {
			dated[rest] = true
		}
	}
	name := prefix + ExportFileName(a.Slug, a.ID, f, dated)
	taken[name] = true
	return name
}
