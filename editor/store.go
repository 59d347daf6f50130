package editor

import (
	"context"
	"time"
)

// RevisionKind says what made a revision.
type RevisionKind string

// The revision kinds.
const (
	// RevisionEdit is a save of edited text (autosave or explicit save).
	RevisionEdit RevisionKind = "edit"
	// RevisionStatus is a workflow transition.
	RevisionStatus RevisionKind = "status"
	// RevisionImport is text brought in from a file.
	RevisionImport RevisionKind = "import"
	// RevisionRestore is an older revision restored as the newest.
	RevisionRestore RevisionKind = "restore"
)

// SortOrder orders List results.
type SortOrder string

// The list sort orders.
const (
	// SortUpdated lists the most recently updated first (the default).
	SortUpdated SortOrder = "updated"
	// SortCreated lists the most recently created first.
	SortCreated SortOrder = "created"
	// SortHeadline lists alphabetically by headline.
	SortHeadline SortOrder = "headline"
	// SortRelevance orders search hits by rank; it needs a Query.
	SortRelevance SortOrder = "relevance"
)

// ListOptions filters and pages Store.List. The zero value lists every
// draft not in Trash, newest first.
type ListOptions struct {
	// Query is user search text; it goes through the store's sanitiser.
	Query       string
	Statuses    []Status
	Author      string
	Tag         string
	UpdatedFrom time.Time
	UpdatedTo   time.Time
	Sort        SortOrder
	Limit       int
	Offset      int
	// Trashed lists the drafts in Trash instead of the live ones.
	Trashed bool
	// AssignedTo keeps only the drafts assigned to this newsroom user
	// (Article.AssignedTo); "" does not filter.
	AssignedTo string
}

// Summary is one row of the library list.
type Summary struct {
	ID       string    `json:"id"`
	Slug     string    `json:"slug"`
	Headline string    `json:"headline"`
	Authors  []string  `json:"authors,omitempty"`
	Status   Status    `json:"status"`
	Created  time.Time `json:"created"`
	Updated  time.Time `json:"updated"`
	Words    int       `json:"words"`
	// Snippet is set for search hits: body text around the match, with the
	// matched terms between SnippetOpen and SnippetClose.
	Snippet string `json:"snippet,omitempty"`
}

// SummaryOf is the list row of a, with its word count: the one summary the
// library, the GUI and the command line show of an article.
func SummaryOf(a *Article) Summary {
	return Summary{
		ID:       a.ID,
		Slug:     a.Slug,
		Headline: a.Headline,
		Authors:  append([]string(nil), a.Byline.Authors...),
		Status:   a.Status,
		Created:  a.Created,
		Updated:  a.Updated,
		Words:    CountWords(a.PublicBody()),
	}
}

// Markers around matched terms in Summary.Snippet.
const (
	SnippetOpen  = "\x02"
	SnippetClose = "\x03"
)

// Revision is one immutable saved state of an article.
type Revision struct {
	ID        string       `json:"id"`
	ArticleID string       `json:"article_id"`
	ParentID  string       `json:"parent_id,omitempty"`
	Kind      RevisionKind `json:"kind"`
	Created   time.Time    `json:"created"`
	Device    string       `json:"device,omitempty"`
	Author    string       `json:"author,omitempty"`
	Words     int          `json:"words"`
	Note      string       `json:"note,omitempty"`
	// Conflict marks a save whose base was no longer the draft's head
	// (ESTALE): the revision sits beside the head, on a branch of its own
	// that starts at its parent, until a person resolves it. The draft's
	// current text is never a conflicting revision.
	Conflict bool `json:"conflict,omitempty"`
	// MergeParentID is a merge revision's second parent (ParentID is its
	// first): the other head it resolved (three-way merge, issue 14).
	MergeParentID string `json:"merge_parent_id,omitempty"`
	// Article is the full state; Store.Revisions leaves it nil,
	// Store.Revision fills it.
	Article *Article `json:"article,omitempty"`
}

// SaveOptions describes a save.
type SaveOptions struct {
	// Kind defaults to RevisionEdit.
	Kind RevisionKind
	// Session identifies one editing session (one window's run on one
	// draft). Autosaves of the same session within a minute may coalesce
	// into its own newest revision.
	Session string
	// Note is an optional note kept on the revision, e.g. for a transition.
	Note string
	// Author names who made the save when it is not the library's user,
	// for example the reviewer that accepts a suggestion in a window
	// whose "Your name" setting differs; empty means the library's user.
	Author string
}

// SaveAuthor returns who a save with these options is by: opt.Author,
// or fallback when it is empty.
func (opt SaveOptions) SaveAuthor(fallback string) string {
	if opt.Author != "" {
		return opt.Author
	}
	return fallback
}

// Store is the draft library. storage implements it with SQLite. Methods
// return *Error values with the codes named in their comments.
type Store interface {
	// Create inserts a new article and its first revision.
	// ECONFLICT if the ID or slug is taken, EINVALID if it fails Validate.
	Create(ctx context.Context, a *Article, opt SaveOptions) (*Revision, error)
	// Save writes the article (inserting it if new), adds or coalesces a
	// revision and updates the search index in one transaction, and sets
	// a.BaseRevision to the revision written. A stored article's status
	// changes only through Transition: an edit save keeps the stored
	// status and sets a.Status to it, so a stale copy in an editor window
	// cannot undo a transition; an import brings its own.
	//
	// Optimistic concurrency: a.BaseRevision names the revision the text
	// is based on. When the draft's head has moved on since (another
	// window, the command line, an import with --replace, a restore, later
	// a sync), nothing is overwritten: the text is stored as a conflicting
	// revision (Revision.Conflict) whose parent is the base, the head stays
	// the draft's text, and Save returns that revision together with an
	// ESTALE error. A save without a base replaces the head.
	// ECONFLICT if the slug belongs to another article, EINVALID.
	Save(ctx context.Context, a *Article, opt SaveOptions) (*Revision, error)
	// Get returns the article with this ID. ENOTFOUND.
	Get(ctx context.Context, id string) (*Article, error)
	// Lookup finds an article by full ID, unique ID prefix of at least
	// 8 characters, or slug. ENOTFOUND, ECONFLICT for an ambiguous prefix.
	Lookup(ctx context.Context, ref string) (*Article, error)
	// Delete deletes the article for good, in Trash or not. Its
	// revisions are kept, whole (revisions only ever grow, as a later sync
	// between devices needs), but Get, Lookup, List, Count, Revisions and
	// Revision no longer find the article or its history; its slug is free
	// for a new article and its ID is never used again (Save and Create
	// refuse it with ECONFLICT). ENOTFOUND, also for an article already
	// deleted for good.
	Delete(ctx context.Context, id string) error
	// Trash moves the article to Trash: List leaves it out unless
	// ListOptions.Trashed is set, and Get and Lookup still find it.
	// ENOTFOUND.
	Trash(ctx context.Context, id string) error
	// Untrash brings the article back from Trash. ENOTFOUND.
	Untrash(ctx context.Context, id string) error
	// EmptyTrash deletes every article in Trash for good, as Delete does,
	// keeping every revision, and returns how many it deleted.
	EmptyTrash(ctx context.Context) (int, error)
	// Transition moves the article to another workflow status, checked
	// with CheckTransition, and records a status revision carrying the
	// note. Moving to corrected makes note the public CorrectionNote and
	// requires one. ENOTFOUND, ECONFLICT for an illegal move, EINVALID.
	Transition(ctx context.Context, id string, to Status, note string) (*Revision, error)
	// Restore makes an older revision's text the article's newest revision,
	// keeping the article's current workflow status. ENOTFOUND.
	Restore(ctx context.Context, revisionID string) (*Revision, error)
	// List returns summaries matching opt.
	List(ctx context.Context, opt ListOptions) ([]Summary, error)
	// Count returns how many articles match opt, ignoring Limit and Offset.
	Count(ctx context.Context, opt ListOptions) (int, error)
	// Revisions lists an article's revisions, newest first, without their
	// Article. ENOTFOUND.
	Revisions(ctx context.Context, articleID string) ([]Revision, error)
	// Revision returns one revision with its Article. ENOTFOUND.
	Revision(ctx context.Context, id string) (*Revision, error)
	// Profile returns the library's publication profile.
	Profile(ctx context.Context) (Profile, error)
	// SaveProfile validates and stores the profile. EINVALID.
	SaveProfile(ctx context.Context, p Profile) error
	// Close releases the library.
	Close() error
}

// StoreResolver returns a TeaserResolver that looks picked teasers up in s,
// so that a teaser follows its draft's current headline.
func StoreResolver(ctx context.Context, s Store) TeaserResolver {
	return func(draftID string) (string, string, bool) {
		a, err := s.Get(ctx, draftID)
		if err != nil || a.Status == StatusKilled {
			return "", "", false
		}
		return a.Headline, "", true
	}
}
