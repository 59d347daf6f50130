package app

import (
	"context"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// libraryPageSize is how many rows the library list loads at start: one
// page; the list fetches the others as it scrolls (search.go).
const libraryPageSize = libraryPageRows

// MainWindow is Dateline's main window: the library list, the article form
// and the live preview side by side, with a status bar underneath.
//
// All its fields are owned by the UI goroutine. Saving, loading and
// rendering run on worker goroutines, which hand their results back with
// fyne.DoAndWait.
type MainWindow struct {
	// Window is the Fyne window; Run shows it.
	Window fyne.Window

	app     fyne.App
	store   editor.Store
	opt     Options
	profile editor.Profile
	render  editor.RenderOptions
	clock   clock

	library  *libraryPane
	form     *articleForm
	preview  *PreviewView
	renderer *PreviewRenderer
	status   *widget.Label

	// article is the open draft, nil when none is open.
	article *editor.Article
	// session identifies this window's editing run on article.
	session string
	// dirty is set when article has edits not yet saved.
	dirty bool
	// edits counts edits, so that a save knows whether it saved the latest.
	edits uint64
	// saving is set while a save runs on a worker.
	saving bool
	// saveErr is the error of the last save, nil after a good one.
	saveErr error
	// waiting are the actions that wait for the draft to be saved: switching
	// drafts, creating one, closing. Each is told whether the save worked.
	waiting []func(saved bool)

	autosaveDebounce, previewDebounce debounce

	// jobs counts worker goroutines and their UI callbacks; tests wait on it.
	jobs sync.WaitGroup

	// browser and history are the library's search, Trash and history
	// tools (search.go, trash.go, history.go).
	browser *libraryBrowser
	history *historyPanel
}

// NewMainWindow builds the main window on a and store and loads the
// library. It does not show the window.
func NewMainWindow(a fyne.App, store editor.Store, opt Options) *MainWindow {
	return newMainWindow(a, store, opt, realClock{})
}

func newMainWindow(a fyne.App, store editor.Store, opt Options, clk clock) *MainWindow {
	w := &MainWindow{app: a, store: store, opt: opt, clock: clk}
	w.render = editor.RenderOptions{Resolve: editor.StoreResolver(context.Background(), store)}
	w.profile = editor.DefaultProfile()

	w.Window = a.NewWindow(windowTitle(opt.LibraryPath))
	w.library = newLibraryPane(w.NewArticle, w.OpenDraft, clk.Now)
	w.form = newArticleForm(w.edit, func() fyne.Canvas { return w.Window.Canvas() })
	w.preview = NewPreviewView()
	w.renderer = NewPreviewRenderer(w.preview, nil, w.render)
	w.status = widget.NewLabel("")
	w.status.Truncation = fyne.TextTruncateEllipsis

	path := widget.NewLabel(opt.LibraryPath)
	path.Importance = widget.LowImportance
	path.Truncation = fyne.TextTruncateEllipsis
	statusBar := container.NewBorder(nil, nil, nil, path, w.status)

	w.browser, w.history = w.attachBrowser(), w.attachHistory()
	w.form.onStatus = w.requestTransition // checked transitions, workflow.go
	right := container.NewHSplit(w.form.object, w.history.side)
	right.Offset = 0.52
	main := container.NewHSplit(w.library.object, right)
	main.Offset = 0.22
	w.Window.SetContent(container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), statusBar), nil, nil, main))
	w.Window.Resize(fyne.NewSize(1400, 860))
	w.Window.SetMaster()
	w.Window.SetMainMenu(w.mainMenu())
	w.addShortcuts()
	w.Window.SetOnDropped(w.importDropped) // files dropped on the window are imported
	w.form.related.pick = func(done func(editor.Summary)) { w.pickTeaserDraft(done) }
	w.Window.SetCloseIntercept(w.RequestClose)

	w.start()
	return w
}

// windowTitle names the library file after the app name.
func windowTitle(path string) string {
	if path == "" {
		return "Dateline"
	}
	return "Dateline — " + filepath.Base(path)
}

// start loads the profile and the library, adds the sample on a first run
// and opens the newest draft.
func (w *MainWindow) start() {
	sample := w.opt.Sample
	w.goJob(func() func() {
		ctx := context.Background()
		prof, profErr := w.store.Profile(ctx)
		total, err := w.store.Count(ctx, editor.ListOptions{})
		var sampleErr error
		if err == nil && total == 0 && len(sample) > 0 {
			var s *editor.Article
			if s, sampleErr = editor.ParseMarkdownArticle(sample); sampleErr == nil {
				_, sampleErr = w.store.Save(ctx, s, editor.SaveOptions{Kind: editor.RevisionImport})
			}
			if sampleErr == nil {
				total = 1
			}
		}
		var items []editor.Summary
		if err == nil {
			items, err = w.store.List(ctx, editor.ListOptions{Sort: editor.SortUpdated, Limit: libraryPageSize})
		}
		return func() {
			if profErr == nil {
				w.profile = prof
			}
			switch {
			case err != nil:
				w.showError("Could not read the library", err)
				return
			case profErr != nil:
				w.showError("Could not read the publication profile; using the defaults", profErr)
			case sampleErr != nil:
				w.showError("Could not add the sample article", sampleErr)
			}
			w.library.setItems(items, total)
			if len(items) > 0 && w.article == nil {
				w.load(items[0].ID)
			} else if len(items) == 0 {
				w.setStatus("The library is empty: choose New article to start.", false)
			}
		}
	})
}

// goJob runs work on a worker goroutine and then the function it returns
// on the UI goroutine.
func (w *MainWindow) goJob(work func() func()) {
	w.jobs.Add(1)
	go func() {
		defer w.jobs.Done()
		if done := work(); done != nil {
			w.onUI(done, true)
		}
	}()
}

// onUI runs f on the UI goroutine, waiting for it when wait is set: that is
// fyne.DoAndWait or fyne.Do, unless Options replaced them for a test.
func (w *MainWindow) onUI(f func(), wait bool) {
	switch {
	case w.opt.onUI != nil:
		w.opt.onUI(f, wait)
	case wait:
		fyne.DoAndWait(f)
	default:
		fyne.Do(f)
	}
}

// edit applies a change from the form to the open draft: the draft becomes
// dirty, the preview is scheduled and the autosave timer restarts.
func (w *MainWindow) edit(change func(a *editor.Article)) {
	if w.article == nil {
		return
	}
	change(w.article)
	w.dirty = true
	w.edits++
	if w.saveErr != nil {
		w.setStatus("Unsaved changes — the last save failed: "+editor.ErrorMessage(w.saveErr), true)
	} else {
		w.setStatus("Unsaved changes", false)
	}
	w.scheduleAutosave()
	w.schedulePreview()
}

// scheduleAutosave restarts the autosave debounce.
func (w *MainWindow) scheduleAutosave() {
	w.autosaveDebounce.schedule(w.clock, w.opt.autosaveDelay(), func() { w.save(nil) })
}

// schedulePreview restarts the preview debounce.
func (w *MainWindow) schedulePreview() {
	w.previewDebounce.schedule(w.clock, w.opt.previewDelay(), w.renderPreview)
}

// stopTimers cancels pending autosave and preview runs.
func (w *MainWindow) stopTimers() {
	w.autosaveDebounce.stop()
	w.previewDebounce.stop()
}

// renderPreview hands a snapshot of the draft to the preview.
func (w *MainWindow) renderPreview() {
	if w.article != nil {
		w.renderer.RenderWith(w.article.Clone(), w.profile)
	}
}

// save writes the draft if it has unsaved edits and then calls then, if
// not nil, with whether the draft is now saved. A failed save keeps the
// draft dirty: the text stays in the form and the next edit tries again.
func (w *MainWindow) save(then func(saved bool)) {
	if !w.dirty && !w.saving {
		if then != nil {
			then(true)
		}
		return
	}
	if then != nil {
		w.waiting = append(w.waiting, then)
	}
	if w.saving {
		return // saveDone starts the next save if edits came in meanwhile
	}
	w.startSave()
}

func (w *MainWindow) startSave() {
	w.autosaveDebounce.stop()
	snap := w.article.Clone()
	snap.Updated = w.clock.Now()
	edits := w.edits
	opt := editor.SaveOptions{Kind: editor.RevisionEdit, Session: w.session}
	w.saving = true
	w.setStatus("Saving…", false)
	w.goJob(func() func() {
		rev, err := saveWithUniqueSlug(context.Background(), w.store, snap, opt)
		return func() { w.saveDone(snap, edits, rev, err) }
	})
}

// saveWithUniqueSlug saves a, and when its automatic slug (see autoSlug) is
// taken by another draft, tries "slug-2", "slug-3" … instead of failing
// every autosave of a story whose headline happens to match another's. A
// slug the user typed is never changed. a.Slug holds the slug saved.
func saveWithUniqueSlug(ctx context.Context, store editor.Store, a *editor.Article, opt editor.SaveOptions) (*editor.Revision, error) {
	rev, err := store.Save(ctx, a, opt)
	if editor.ErrorCode(err) != editor.ECONFLICT || !autoSlug(a) || strings.HasPrefix(a.Slug, "untitled-") {
		return rev, err
	}
	tried := a.Slug
	a.Slug, err = editor.TryUniqueSlug(editor.Slugify(a.Headline), func(slug string) (bool, error) {
		if slug != tried {
			a.Slug = slug
			rev, err = store.Save(ctx, a, opt)
		}
		return true, err
	})
	return rev, err
}

// saveDone takes a save's result on the UI goroutine.
func (w *MainWindow) saveDone(snap *editor.Article, edits uint64, rev *editor.Revision, err error) {
	w.saving = false
	current := w.article != nil && w.article.ID == snap.ID
	if err != nil {
		first := w.saveErr == nil
		w.saveErr = err
		w.setStatus("Not saved: "+editor.ErrorMessage(err)+" — your text is kept; the next edit tries again.", true)
		if first {
			dialog.ShowError(editor.Errorf(editor.ErrorCode(err), "The draft could not be saved: %s\n\nYour text is kept in the window and saving is retried with your next edit.", editor.ErrorMessage(err)), w.Window)
		}
		w.finishWaiting(false)
		return
	}
	w.saveErr = nil
	saved := snap.Updated
	if rev != nil && !rev.Created.IsZero() {
		saved = rev.Created
	}
	w.library.upsert(summaryOf(snap))
	w.history.refresh()
	if current {
		w.article.Updated = snap.Updated
		if w.article.Slug != snap.Slug && w.article.Slug == editor.Slugify(snap.Headline) {
			w.article.Slug = snap.Slug
			w.form.adoptSlug(snap.Slug)
		}
		if edits == w.edits {
			w.dirty = false
		}
	}
	if w.dirty {
		if len(w.waiting) > 0 {
			w.startSave() // someone waits for the newest text, not this one
		} else {
			w.setStatus("Unsaved changes", false)
		}
		return
	}
	w.setStatus("Saved "+saved.In(w.clock.Now().Location()).Format("15:04:05")+" · "+wordCount(snap), false)
	w.finishWaiting(true)
}

func (w *MainWindow) finishWaiting(saved bool) {
	waiting := w.waiting
	w.waiting = nil
	for _, f := range waiting {
		f(saved)
	}
}

// OpenDraft saves the open draft and then opens the draft with this ID. If
// the save fails, the open draft stays open.
func (w *MainWindow) OpenDraft(id string) {
	if w.article != nil && w.article.ID == id {
		return
	}
	w.save(func(saved bool) {
		if !saved {
			w.library.reselect()
			return
		}
		w.load(id)
	})
}

// load reads a draft on a worker and opens it.
func (w *MainWindow) load(id string) {
	w.goJob(func() func() {
		a, err := w.store.Get(context.Background(), id)
		return func() {
			if err != nil {
				w.library.reselect()
				w.showError("Could not open the draft", err)
				return
			}
			if w.dirty || w.saving {
				// Typing went on while the draft was read: keep it and try
				// the switch again once it is saved.
				w.OpenDraft(id)
				return
			}
			w.setArticle(a, editor.NewID())
		}
	})
}

// setArticle puts a into the form and preview as a fresh editing session.
func (w *MainWindow) setArticle(a *editor.Article, session string) {
	w.stopTimers()
	w.article = a
	w.session = session
	w.dirty = false
	w.saveErr = nil
	w.form.load(a)
	w.library.selectID(a.ID)
	w.history.refresh()
	w.renderPreview()
	w.setStatus("Opened "+articleHeadline(a), false)
}

// NewArticle saves the open draft, then creates an empty one, adds it to
// the library and opens it.
func (w *MainWindow) NewArticle() {
	w.save(func(saved bool) {
		if !saved {
			return
		}
		a := editor.NewArticle(w.clock.Now())
		session := editor.NewID()
		w.goJob(func() func() {
			_, err := w.store.Create(context.Background(), a, editor.SaveOptions{Kind: editor.RevisionEdit, Session: session})
			return func() {
				if err != nil {
					w.showError("Could not create a draft", err)
					return
				}
				w.library.upsert(summaryOf(a))
				w.setArticle(a, session)
				w.Window.Canvas().Focus(w.form.headline)
			}
		})
	})
}

// RequestClose saves the open draft and closes the window. When the save
// fails the window stays open and the user decides whether to close anyway.
func (w *MainWindow) RequestClose() {
	w.save(func(saved bool) {
		if saved {
			w.stopTimers()
			w.Window.Close()
			return
		}
		dialog.ShowConfirm("Close without saving?",
			"The latest changes could not be saved:\n"+editor.ErrorMessage(w.saveErr)+"\n\nClose anyway and lose them?",
			func(ok bool) {
				if ok {
					w.stopTimers()
					w.Window.Close()
				}
			}, w.Window)
	})
}

// setStatus shows msg in the status bar, in the error colour if bad.
func (w *MainWindow) setStatus(msg string, bad bool) {
	imp := widget.MediumImportance
	if bad {
		imp = widget.DangerImportance
	}
	if w.status.Text == msg && w.status.Importance == imp {
		return // typing sets the same status on every keystroke
	}
	w.status.Text = msg
	w.status.Importance = imp
	w.status.Refresh()
}

// wordCount says how long the body is: "812 words".
func wordCount(a *editor.Article) string {
	n := editor.CountWords(a.Body)
	if n == 1 {
		return "1 word"
	}
	return formatThousands(n) + " words"
}

// showError puts err in the status bar and in a dialog.
func (w *MainWindow) showError(what string, err error) {
	msg := what + ": " + editor.ErrorMessage(err)
	w.setStatus(msg, true)
	dialog.ShowError(editor.Errorf(editor.ErrorCode(err), "%s", msg), w.Window)
}

// StatusText returns the status bar's text.
func (w *MainWindow) StatusText() string { return w.status.Text }
