package editor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Clash says what to do when an imported article's UUID is already in the
// library. An import never overwrites silently.
type Clash int

// The clash policies.
const (
	// ClashRefuse fails with ECONFLICT and leaves the library unchanged; the
	// GUI then asks the user, the CLI names --replace and --as-new.
	ClashRefuse Clash = iota
	// ClashReplace adds the imported text as a new revision of the existing
	// draft, so its earlier text stays in the history.
	ClashReplace
	// ClashAsNew gives the import a new UUID and keeps both drafts.
	ClashAsNew
)

// AddImported stores an article read by Import. A new UUID is created with
// an import revision, and its slug gets a numeric suffix if another draft
// already uses it. A known UUID is handled as clash says. It returns the
// stored article (ID and slug as stored). The copy keeps its own dates:
// its modified date (now only when it has none) and its publication date,
// which is never the import time (PublishedAt).
//
// Unless clash is ClashAsNew, a file whose content is already in the
// library (the draft with its UUID, or the drafts holding its slug and the
// numbered slugs after it, have the same text; see SameContent) is not
// stored again: AddImported returns that draft and a *DuplicateError. So
// re-running an interrupted batch import adds only what it had not added.
func AddImported(ctx context.Context, s Store, a *Article, clash Clash, now time.Time) (*Article, error) {
	a = a.Clone()
	opt := SaveOptions{Kind: RevisionImport}
	if clash != ClashAsNew {
		if dup, err := findDuplicate(ctx, s, a); err != nil {
			return nil, err
		} else if dup != nil {
			return dup, newDuplicateError(dup)
		}
	}
	existing, err := s.Get(ctx, a.ID)
	switch {
	case err == nil && clash == ClashReplace:
		a.Created = existing.Created
		if a.Updated.IsZero() {
			a.Updated = now
		}
		_, err = s.Save(ctx, a, opt)
		return a, err
	case err == nil && clash == ClashAsNew:
		a.ID = NewID()
	case err == nil:
		return nil, Errorf(ECONFLICT, "draft %s (%q) is already in the library", a.ID, existing.Headline)
	case ErrorCode(err) != ENOTFOUND:
		return nil, err
	}
	if a.Created.IsZero() {
		a.Created = now
	}
	if a.Updated.IsZero() {
		a.Updated = now // the copy carries no modified date of its own
	}
	a.Slug, err = TryUniqueSlug(a.Slug, func(slug string) (bool, error) {
		a.Slug = slug
		_, err := s.Create(ctx, a, opt)
		if ErrorCode(err) != ECONFLICT {
			return false, err
		}
		_, gerr := s.Get(ctx, a.ID)
		return gerr != nil, err // a taken ID, not slug, is no reason to go on
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// DuplicateError is the error AddImported returns for a file whose content
// is already in the library. Its code is ECONFLICT.
type DuplicateError struct {
	// Existing is the draft that already holds the content.
	Existing *Article
	err      *Error
}

func newDuplicateError(existing *Article) *DuplicateError {
	return &DuplicateError{Existing: existing, err: Errorf(ECONFLICT,
		"already in the library with the same content, as %s (%q)", existing.Slug, existing.Headline)}
}

// Error says which draft holds the content.
func (e *DuplicateError) Error() string { return e.err.Message }

// Unwrap returns the *Error, for ErrorCode and ErrorMessage.
func (e *DuplicateError) Unwrap() error { return e.err }

// IsDuplicate reports whether err says that an imported file's content is
// already in the library.
func IsDuplicate(err error) bool {
	var d *DuplicateError
	return errors.As(err, &d)
}

// findDuplicate returns the draft that already holds a's content, if any:
// the draft with a's ID, or one of the drafts at a's slug and the numbered
// slugs AddImported would try after it.
func findDuplicate(ctx context.Context, s Store, a *Article) (*Article, error) {
	existing, err := s.Get(ctx, a.ID)
	switch {
	case err == nil:
		if SameContent(existing, a) {
			return existing, nil
		}
		return nil, nil // a UUID clash with other text: clash decides
	case ErrorCode(err) != ENOTFOUND:
		return nil, err
	}
	base := a.Slug
	for i := 1; i <= 999; i++ {
		slug := base
		if i > 1 {
			suffix := "-" + strconv.Itoa(i)
			slug = base[:min(len(base), 100-len(suffix))] + suffix
		}
		other, err := s.Lookup(ctx, slug)
		switch {
		case ErrorCode(err) == ENOTFOUND:
			return nil, nil
		case err != nil && ErrorCode(err) != ECONFLICT:
			return nil, err
		case err == nil && other.Slug == slug && SameContent(other, a):
			return other, nil
		}
	}
	return nil, nil
}

// SameContent reports whether two articles carry the same story: every
// field but those the library or the workflow set (ID, slug, status and
// the times) is equal. An imported file and the draft it became have the
// same content until someone edits the draft.
func SameContent(a, b *Article) bool {
	return contentKey(a) == contentKey(b)
}

func contentKey(a *Article) string {
	c := a.Clone()
	c.ID, c.Slug, c.Status = "", "", ""
	c.Created, c.Updated, c.Published = time.Time{}, time.Time{}, time.Time{}
	b, err := json.Marshal(c)
	if err != nil {
		return fmt.Sprintf("unencodable %p", a) // equal only to itself
	}
	return string(b)
}
