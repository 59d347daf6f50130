package cli

import (
	"flag"
	"strings"

	"github.com/dateline-news/dateline/editor"
)

// listFlags are the filters list and search share.
type listFlags struct {
	status, author, tag, since, until, sort *string
	limit                                   *int
	trashed, asJSON                         *bool
}

// addListFlags registers the shared filter flags on fs.
func addListFlags(fs *flag.FlagSet) listFlags {
	return listFlags{
		status:  fs.String("status", "", "only drafts in this status (comma-separated list allowed)"),
		author:  fs.String("author", "", "only drafts with an author whose name contains this text"),
		tag:     fs.String("tag", "", "only drafts with this tag"),
		since:   fs.String("since", "", "only drafts updated on or after this date (YYYY-MM-DD)"),
		until:   fs.String("until", "", "only drafts updated on or before this date (YYYY-MM-DD)"),
		sort:    fs.String("sort", "", "order: updated (default), created, headline, or relevance for a search"),
		limit:   fs.Int("limit", 0, "at most this many drafts (0 means all)"),
		trashed: fs.Bool("trash", false, "list the drafts in Trash instead"),
		asJSON:  fs.Bool("json", false, "print a JSON array instead of lines"),
	}
}

// options turns the flags into ListOptions, or an EINVALID *Error.
func (f listFlags) options() (editor.ListOptions, error) {
	var opt editor.ListOptions
	var err error
	if opt.Statuses, err = parseStatuses(*f.status); err != nil {
		return opt, err
	}
	opt.Author = strings.TrimSpace(*f.author)
	opt.Tag = strings.TrimSpace(*f.tag)
	if opt.UpdatedFrom, err = editor.ParseFilterDay(*f.since, "--since"); err != nil {
		return opt, err
	}
	until, err := editor.ParseFilterDay(*f.until, "--until")
	if err != nil {
		return opt, err
	}
	opt.UpdatedTo = editor.EndOfDay(until)
	switch s := editor.SortOrder(strings.ToLower(*f.sort)); s {
	case "", editor.SortUpdated, editor.SortCreated, editor.SortHeadline, editor.SortRelevance:
		opt.Sort = s
	default:
		return opt, editor.Errorf(editor.EINVALID, "unknown sort order %q (valid: updated, created, headline, relevance)", *f.sort)
	}
	if *f.limit < 0 {
		return opt, editor.Errorf(editor.EINVALID, "--limit must not be negative")
	}
	opt.Limit = *f.limit
	opt.Trashed = *f.trashed
	return opt, nil
}
