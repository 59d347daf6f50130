package editor

import (
	"context"
	"sort"
	"sync"
)

// memStore is an in-memory Store for unit tests of the code that drives a
// Store (batch export, import). It implements what that code calls:
// Create, Save, Get, List (statuses, newest first, paged) and Profile,
// with the ECONFLICT and ENOTFOUND codes of the interface. The embedded
// nil Store makes any other method panic, so a test that needs more says
// so at once.
type memStore struct {
	Store

	mu       sync.Mutex
	articles map[string]*Article
	profile  Profile
	// getErr, when set, fails Get for these IDs.
	getErr map[string]error
}

func newMemStore() *memStore {
	return &memStore{articles: map[string]*Article{}, profile: DefaultProfile(), getErr: map[string]error{}}
}

func (m *memStore) put(a *Article, create bool) (*Revision, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.articles[a.ID]; ok && create {
		return nil, Errorf(ECONFLICT, "article %s exists", a.ID)
	}
	for id, b := range m.articles {
		if b.Slug == a.Slug && id != a.ID {
			return nil, Errorf(ECONFLICT, "slug %q is taken", a.Slug)
		}
	}
	m.articles[a.ID] = a.Clone()
	return &Revision{ID: NewRevisionID(), ArticleID: a.ID, Created: a.Updated, Words: CountWords(a.Body)}, nil
}

func (m *memStore) Create(_ context.Context, a *Article, _ SaveOptions) (*Revision, error) {
	return m.put(a, true)
}

func (m *memStore) Save(_ context.Context, a *Article, _ SaveOptions) (*Revision, error) {
	return m.put(a, false)
}

func (m *memStore) Get(ctx context.Context, id string) (*Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.getErr[id]; err != nil {
		return nil, err
	}
	a, ok := m.articles[id]
	if !ok {
		return nil, Errorf(ENOTFOUND, "no draft %s", id)
	}
	return a.Clone(), nil
}

// Lookup finds an article by ID or slug (no prefixes: the tests that use
// the memory store name drafts whole).
func (m *memStore) Lookup(ctx context.Context, ref string) (*Article, error) {
	if a, err := m.Get(ctx, ref); err == nil || ErrorCode(err) != ENOTFOUND {
		return a, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, a := range m.articles {
		if a.Slug == ref {
			return a.Clone(), nil
		}
	}
	return nil, Errorf(ENOTFOUND, "no draft %s", ref)
}

func (m *memStore) List(_ context.Context, opt ListOptions) ([]Summary, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Summary
	for _, a := range m.articles {
		if len(opt.Statuses) > 0 {
			ok := false
			for _, s := range opt.Statuses {
				ok = ok || a.Status == s
			}
			if !ok {
				continue
			}
		}
		out = append(out, SummaryOf(a))
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Updated.Equal(out[j].Updated) {
			return out[i].Updated.After(out[j].Updated)
		}
		return out[i].ID < out[j].ID
	})
	out = out[min(opt.Offset, len(out)):]
	if opt.Limit > 0 {
		out = out[:min(opt.Limit, len(out))]
	}
	return out, nil
}

func (m *memStore) Profile(context.Context) (Profile, error) { return m.profile, nil }
