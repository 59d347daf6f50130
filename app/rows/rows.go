// Package rows is the library list's paged row cache, without Fyne: the
// list never holds the whole library; it shows the rows of the pages it
// fetched, asks for a page when a row of it comes into view, keeps the most
// recently shown pages and forgets the rest.
//
// Map: rows.go holds Pager (pages by number, least-recently-shown
// eviction, fetch generations so that a fetch started before the rows
// moved is dropped, in-place patching of a saved row). The library pane
// (app/library.go, app/search.go) runs the fetches on a worker and hands
// their rows back here on the UI goroutine; Pager itself is not safe for
// concurrent use.
package rows

import "github.com/dateline-news/dateline/editor"

// Pager caches pages of Size rows, at most Keep of them.
type Pager struct {
	// Size is the number of rows in a page; Keep how many pages stay.
	Size, Keep int

	pages   map[int][]editor.Summary
	used    map[int]uint64
	loading map[int]bool
	gen     uint64
	tick    uint64
}

// New returns an empty pager of pages of size rows keeping keep pages.
func New(size, keep int) *Pager {
	p := &Pager{Size: size, Keep: keep}
	p.Clear()
	return p
}

// Clear forgets every page, whose rows may have moved; fetches under way
// are dropped when they finish.
func (p *Pager) Clear() {
	p.pages = map[int][]editor.Summary{}
	p.used = map[int]uint64{}
	p.loading = map[int]bool{}
	p.gen++
}

// Row returns row i when its page is fetched. Otherwise it returns
// need = true and the page to fetch, unless that page is being fetched
// already (then need is false, too).
func (p *Pager) Row(i int) (s editor.Summary, ok bool, page int, need bool) {
	page = i / p.Size
	if rows, have := p.pages[page]; have {
		p.tick++
		p.used[page] = p.tick
		if j := i - page*p.Size; j < len(rows) {
			return rows[j], true, page, false
		}
		return editor.Summary{}, false, page, false
	}
	return editor.Summary{}, false, page, !p.loading[page]
}

// Start marks page as being fetched and returns the generation to hand
// back to Done, and the offset and limit of the rows to fetch. It returns
// ok = false when the page is being fetched already.
func (p *Pager) Start(page int) (gen uint64, offset, limit int, ok bool) {
	if p.loading[page] {
		return 0, 0, 0, false
	}
	p.loading[page] = true
	return p.gen, page * p.Size, p.Size, true
}

// Done stores the rows of a fetch of page started at generation gen, and
// evicts the least recently shown pages beyond Keep. It reports false, and
// stores nothing, when the rows moved since the fetch started.
func (p *Pager) Done(page int, gen uint64, rows []editor.Summary) bool {
	if gen != p.gen {
		return false
	}
	delete(p.loading, page)
	p.tick++
	p.pages[page], p.used[page] = rows, p.tick
	for len(p.pages) > p.Keep {
		oldest, at := -1, uint64(0)
		for q, u := range p.used {
			if oldest < 0 || u < at {
				oldest, at = q, u
			}
		}
		delete(p.pages, oldest)
		delete(p.used, oldest)
	}
	return true
}

// Refetch starts a new generation for the cached pages, keeping their old
// rows on show until the new ones arrive, and returns the pages to fetch
// again.
func (p *Pager) Refetch() []int {
	p.gen++
	p.loading = map[int]bool{}
	pages := make([]int, 0, len(p.pages))
	for q := range p.pages {
		pages = append(pages, q)
	}
	return pages
}

// IndexOf returns the row of the draft with this ID among the cached
// pages, or -1.
func (p *Pager) IndexOf(id string) int {
	for q, rows := range p.pages {
		for j := range rows {
			if rows[j].ID == id {
				return q*p.Size + j
			}
		}
	}
	return -1
}

// Patch replaces the cached rows of the draft s.ID with s, keeping each
// row's search snippet, and returns the row numbers it changed.
func (p *Pager) Patch(s editor.Summary) []int {
	var changed []int
	for q, rows := range p.pages {
		for j := range rows {
			if rows[j].ID == s.ID {
				saved := s
				saved.Snippet = rows[j].Snippet
				rows[j] = saved
				changed = append(changed, q*p.Size+j)
			}
		}
	}
	return changed
}

// Cached is the number of pages held.
func (p *Pager) Cached() int { return len(p.pages) }
