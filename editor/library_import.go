package editor

import (
	"context"
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
// stored article (ID and slug as stored).
func AddImported(ctx context.Context, s Store, a *Article, clash Clash, now time.Time) (*Article, error) {
	a = a.Clone()
	opt := SaveOptions{Kind: RevisionImport}
	existing, err := s.Get(ctx, a.ID)
	switch {
	case err == nil && clash == ClashReplace:
		a.Created = existing.Created
		a.Updated = now
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
	a.Updated = now
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
