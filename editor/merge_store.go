package editor

import "context"

// MergeStore is a Store that keeps several heads per draft, as a sync
// between laptops or a stale window leaves them, and merges two of them
// into one revision with both as parents. storage.DB implements it.
type MergeStore interface {
	// HeadRevisions returns the draft's heads with their Articles, the
	// one the draft shows first; one when its history is linear.
	// ENOTFOUND.
	HeadRevisions(ctx context.Context, draftID string) ([]Revision, error)
	// MergeBase returns the common ancestor of two revisions of one
	// draft, with its Article: the base of a three-way merge. nil, and no
	// error, when they share none.
	MergeBase(ctx context.Context, a, b string) (*Revision, error)
	// SaveMerge stores a as one merge revision whose parents are the two
	// heads (ESTALE, storing nothing, when either is no longer a head),
	// makes it the draft's text, and sets a.BaseRevision to it. After it,
	// the draft has one head fewer: one when it had two.
	SaveMerge(ctx context.Context, a *Article, heads [2]string, opt SaveOptions) (*Revision, error)
}
