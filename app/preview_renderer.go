package app

import (
	"context"
	"errors"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/dateline-news/dateline/editor"
)

// PausedNotice is what the preview says while a build takes longer than
// PreviewRenderer.Patience.
const PausedNotice = "Preview paused: this body is too complex to render live. It catches up when the build finishes."

// GaveUpNotice is what the preview says when a build ran out of time.
const GaveUpNotice = "Preview paused: this body is too complex to render live. The preview shows an earlier version."

// maxPreviewBuilds is how many builds may run at once: the newest and one
// superseded build that has not noticed its cancellation yet.
const maxPreviewBuilds = 2

// PreviewRenderer renders article snapshots into a PreviewView off the UI
// goroutine, incrementally: only the chunks of the body an edit changed are
// parsed again (editor.PreviewCache), and only the rows whose text changed
// are laid out again. Render never blocks. Each request cancels the build before it
// (editor.BuildPreviewContext) and starts at once on a goroutine of its
// own, so a newer edit never waits for a stale build; only when
// maxPreviewBuilds builds are still running does it wait as the one pending
// request, superseding any older one waiting. A finished build whose
// generation is no longer the newest is dropped, so the view always ends
// on the newest article. A build that runs longer than Patience shows
// PausedNotice above the preview, and one that runs longer than Limit is
// given up with GaveUpNotice. Results reach the view through fyne.Do.
type PreviewRenderer struct {
	view    *PreviewView
	profile func() editor.Profile
	opt     editor.RenderOptions

	// OnRendered, when set before the first Render, is called on the UI
	// goroutine after the view shows a new result (p is nil on error).
	OnRendered func(p *editor.Preview, err error)
	// Post hands a result to the UI goroutine; nil means fyne.Do. The
	// window sets its one seam (MainWindow.onUI), which tests replace.
	Post func(func())
	// FollowLine, when set, is called on the UI goroutine after a new
	// result is shown and returns the body line being edited, which the
	// view scrolls into sight (PreviewView.ScrollToSourceLine).
	FollowLine func() int
	// Patience is how long a build runs before the view says the preview
	// is paused; Limit is how long before the build is given up.
	Patience, Limit time.Duration

	// cache keeps the body's chunks between builds, so an edit parses
	// only the chunk it changed.
	cache editor.PreviewCache

	mu        sync.Mutex
	cond      *sync.Cond
	gen       uint64 // newest requested generation
	delivered uint64 // newest generation shown or settled
	pending   *previewRequest
	running   int
	cancel    context.CancelFunc // of the newest build
	shownID   string             // the article shown, to reset the scroll
}

// previewRequest is one snapshot to render.
type previewRequest struct {
	a   *editor.Article
	p   editor.Profile
	gen uint64
}

// NewPreviewRenderer returns a renderer that feeds view. Render calls
// profile on the caller's goroutine to snapshot the publication profile
// with the article; a nil profile means editor.DefaultProfile. opt is
// passed to editor.BuildPreview (its Resolve runs on the worker goroutine).
func NewPreviewRenderer(view *PreviewView, profile func() editor.Profile, opt editor.RenderOptions) *PreviewRenderer {
	if profile == nil {
		profile = editor.DefaultProfile
	}
	r := &PreviewRenderer{view: view, profile: profile, opt: opt, Patience: 250 * time.Millisecond, Limit: 5 * time.Second}
	r.cond = sync.NewCond(&r.mu)
	th := view.Theme()
	warmOnce.Do(func() { go measurer.warm(th) })
	return r
}

// Render asks for the preview of a under the current profile. a must be a
// snapshot (a Clone) that the caller no longer mutates. It returns at once
// with the request's generation number.
func (r *PreviewRenderer) Render(a *editor.Article) uint64 {
	return r.RenderWith(a, r.profile())
}

// RenderWith is Render with an explicit profile.
func (r *PreviewRenderer) RenderWith(a *editor.Article, p editor.Profile) uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.gen++
	if r.cancel != nil {
		r.cancel()
		r.cancel = nil
	}
	req := &previewRequest{a: a, p: p, gen: r.gen}
	if r.running < maxPreviewBuilds {
		r.start(req)
	} else {
		r.pending = req
	}
	return r.gen
}

// start runs req on a goroutine of its own; r.mu is held.
func (r *PreviewRenderer) start(req *previewRequest) {
	ctx, cancel := context.WithTimeout(context.Background(), r.Limit)
	r.cancel = cancel
	r.running++
	go r.build(ctx, cancel, req)
}

// post runs f on the UI goroutine through Post, or fyne.Do.
func (r *PreviewRenderer) post(f func()) {
	if r.Post != nil {
		r.Post(f)
		return
	}
	fyne.Do(f)
}

// build renders one request and hands the result to the UI goroutine.
func (r *PreviewRenderer) build(ctx context.Context, cancel context.CancelFunc, req *previewRequest) {
	paused := time.AfterFunc(r.Patience, func() {
		if r.newest(req.gen) {
			r.post(func() {
				if r.newest(req.gen) {
					r.view.SetPaused(PausedNotice)
				}
			})
		}
	})
	pv, err := r.cache.Build(ctx, req.a, req.p, r.opt)
	var rows []*previewRow
	if err == nil {
		rows = previewRows(pv)
		err = r.view.prelayout(ctx, rows)
	}
	paused.Stop()
	timedOut := errors.Is(err, context.DeadlineExceeded)
	cancel()
	if !errors.Is(err, context.Canceled) {
		id := req.a.ID
		r.post(func() { r.deliver(req.gen, id, pv, rows, err, timedOut) })
	}
	r.mu.Lock()
	r.running--
	if next := r.pending; next != nil && r.running < maxPreviewBuilds {
		r.pending = nil
		r.start(next)
	}
	r.mu.Unlock()
}

func (r *PreviewRenderer) newest(gen uint64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return gen == r.gen
}

// deliver shows a finished build unless a newer one was requested.
func (r *PreviewRenderer) deliver(gen uint64, id string, pv *editor.Preview, rows []*previewRow, err error, timedOut bool) {
	if !r.newest(gen) {
		return
	}
	switch {
	case timedOut:
		r.view.SetPaused(GaveUpNotice)
	case err != nil:
		r.view.SetError(err)
	default:
		r.view.setRows(pv, rows)
	}
	if !timedOut {
		if id != r.shownID {
			r.shownID = id
			r.view.ScrollToTop()
		} else if r.FollowLine != nil {
			r.view.ScrollToSourceLine(r.FollowLine())
		}
		if r.OnRendered != nil {
			r.OnRendered(pv, err)
		}
	}
	r.mu.Lock()
	r.delivered = max(r.delivered, gen)
	r.cond.Broadcast()
	r.mu.Unlock()
}

// Wait blocks until the newest requested render is shown or given up. It
// is meant for tests and must not be called on the UI goroutine, which
// delivers results.
func (r *PreviewRenderer) Wait() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for r.delivered < r.gen {
		r.cond.Wait()
	}
}
