package rows

import (
	"fmt"
	"slices"
	"testing"

	"github.com/dateline-news/dateline/editor"
)

// library is a fake list of n drafts, d0 … d(n-1).
func library(n int) []editor.Summary {
	s := make([]editor.Summary, n)
	for i := range s {
		s[i] = editor.Summary{ID: fmt.Sprintf("d%d", i), Headline: fmt.Sprintf("Draft %d", i)}
	}
	return s
}

// fetch plays the worker: the rows of page as the store lists them.
func fetch(lib []editor.Summary, offset, limit int) []editor.Summary {
	end := min(offset+limit, len(lib))
	return slices.Clone(lib[offset:end])
}

func TestPagerFetchesOnceAndServesRows(t *testing.T) {
	lib := library(25)
	p := New(10, 2)
	_, ok, page, need := p.Row(13)
	if ok || page != 1 || !need {
		t.Fatalf("Row(13) before fetching = ok %v page %d need %v", ok, page, need)
	}
	gen, off, lim, started := p.Start(1)
	if !started || off != 10 || lim != 10 {
		t.Fatalf("Start(1) = %v %d %d", started, off, lim)
	}
	if _, _, _, again := p.Start(1); again {
		t.Error("a page being fetched was started twice")
	}
	if _, _, _, need := p.Row(14); need {
		t.Error("a row of a page being fetched asked for another fetch")
	}
	if !p.Done(1, gen, fetch(lib, off, lim)) {
		t.Fatal("Done dropped a current fetch")
	}
	s, ok, _, _ := p.Row(13)
	if !ok || s.ID != "d13" {
		t.Errorf("Row(13) = %q, %v", s.ID, ok)
	}
	// The last, short page: rows past the end are not there.
	gen, off, lim, _ = p.Start(2)
	p.Done(2, gen, fetch(lib, off, lim))
	if _, ok, _, need := p.Row(27); ok || need {
		t.Errorf("Row(27) past the end: ok %v need %v", ok, need)
	}
}

func TestPagerEvictsTheLeastRecentlyShown(t *testing.T) {
	lib := library(100)
	p := New(10, 2)
	load := func(page int) {
		gen, off, lim, _ := p.Start(page)
		p.Done(page, gen, fetch(lib, off, lim))
	}
	load(0)
	load(1)
	p.Row(5) // page 0 shown again: page 1 is now the oldest
	load(2)
	if p.Cached() != 2 {
		t.Fatalf("%d pages cached, want 2", p.Cached())
	}
	if _, ok, _, _ := p.Row(15); ok {
		t.Error("page 1 was kept though it was the least recently shown")
	}
	for _, i := range []int{5, 25} {
		if _, ok, _, _ := p.Row(i); !ok {
			t.Errorf("row %d was evicted", i)
		}
	}
}

func TestPagerDropsFetchesFromBeforeTheRowsMoved(t *testing.T) {
	lib := library(30)
	p := New(10, 4)
	gen, off, lim, _ := p.Start(1)
	p.Clear() // a new query
	if p.Done(1, gen, fetch(lib, off, lim)) {
		t.Fatal("a fetch of the old query was stored")
	}
	if _, ok, _, need := p.Row(12); ok || !need {
		t.Errorf("after the stale fetch Row(12) = ok %v need %v", ok, need)
	}

	// Refetch keeps the old rows on show until the new ones arrive.
	gen, off, lim, _ = p.Start(1)
	p.Done(1, gen, fetch(lib, off, lim))
	again := p.Refetch()
	if !slices.Equal(again, []int{1}) {
		t.Fatalf("Refetch = %v, want [1]", again)
	}
	if s, ok, _, _ := p.Row(12); !ok || s.ID != "d12" {
		t.Error("the old rows are gone while refetching")
	}
	moved := append([]editor.Summary{{ID: "new"}}, lib...)
	if p.Done(1, gen, fetch(moved, off, lim)) {
		t.Error("a fetch from before Refetch was stored")
	}
	gen, off, lim, _ = p.Start(1)
	p.Done(1, gen, fetch(moved, off, lim))
	if s, _, _, _ := p.Row(12); s.ID != "d11" {
		t.Errorf("after refetching Row(12) = %q, want d11", s.ID)
	}
}

func TestPagerPatchAndIndexOf(t *testing.T) {
	lib := library(30)
	lib[17].Snippet = "the «match»"
	p := New(10, 4)
	gen, off, lim, _ := p.Start(1)
	p.Done(1, gen, fetch(lib, off, lim))
	if i := p.IndexOf("d17"); i != 17 {
		t.Errorf("IndexOf(d17) = %d", i)
	}
	if i := p.IndexOf("d3"); i != -1 {
		t.Errorf("IndexOf of an uncached row = %d, want -1", i)
	}
	changed := p.Patch(editor.Summary{ID: "d17", Headline: "Saved"})
	if !slices.Equal(changed, []int{17}) {
		t.Fatalf("Patch changed rows %v", changed)
	}
	s, _, _, _ := p.Row(17)
	if s.Headline != "Saved" || s.Snippet != "the «match»" {
		t.Errorf("patched row = %+v; want the new headline and the old snippet", s)
	}
}
