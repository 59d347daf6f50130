package app

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
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
	// reveal opens the folder of the last export (showExported) through
	// openURL, the app's OpenURL (tests replace it).
	reveal  *widget.Button
	openURL func(*url.URL) error
	// chooser is the desktop's file chooser (filechooser.go), nil for
	// Fyne's own file dialogs.
	chooser systemChooser
	// banner shows a failed save or a save conflict without a dialog;
	// storyBanner says that the open story is killed or corrected.
	banner, storyBanner *banner

	// article is the open draft, nil when none is open.
	article *editor.Article
	// saver saves the open draft as it is edited (autosave.go).
	saver autosaver
	// fresh is set while article is a new draft that no save has stored
	// yet (see NewArticle).
	fresh bool
	// pendingCursor is the draft whose remembered cursor the next
	// setArticle restores (geometry.go).
	pendingCursor string

	previewDebounce debounce

	// jobs counts worker goroutines and their UI callbacks; tests wait on it.
	jobs sync.WaitGroup

	// browser and history are the library's search, Trash and history
	// tools (search.go, trash.go, history.go).
	browser *libraryBrowser
	history *historyPanel
	// review is the Review tab: spelling and style (review.go).
	review *reviewPanel
	// suggestions is the Suggestions tab: suggestions and comments
	// (suggestions.go).
	suggestions *suggestionsPanel
	// importer is File › Import… and files dropped on the window
	// (importer.go).
	importer *importer
	// exporter is File → Export library… and Export feed…
	// (batchexport.go, feedexport.go).
	exporter *libraryExporter
	// stats is the length and statistics part of the status bar (stats.go).
	stats *statsBar
	// compare is the last Compare with filed view shown (compare.go).
	compare *compareView
	// presence announces the open draft to the newsroom (presence.go).
	presence *presence
	// conflicts is the conflict banner's actions and the merge views
	// (conflict.go, merge3.go).
	conflicts *conflictPanel
	// sync is the newsroom sync: the background loop and its status
	// (sync.go).
	sync *newsroomSync

	// mainSplit divides the library from the rest; rightSplit the form
	// from the preview. Their positions are remembered (geometry.go).
	mainSplit, rightSplit *container.Split
	// stopHook is Fyne's stop work (the preferences flush), which Run
	// takes from the lifecycle for RequestClose to run (quit.go).
	stopHook func()
	// middle holds what the window shows between the menu and the status
	// bar, arranged for panes (view.go); viewItems are the View menu's
	// check items.
	middle    *fyne.Container
	panes     panes
	viewItems []*fyne.MenuItem
}

// NewMainWindow builds the main window on a and store and loads the
// library. It does not show the window.
func NewMainWindow(a fyne.App, store editor.Store, opt Options) *MainWindow {
	w := newMainWindow(a, store, opt, realClock{})
	w.chooser = newSystemChooser()
	return w
}

func newMainWindow(a fyne.App, store editor.Store, opt Options, clk clock) *MainWindow {
	w := &MainWindow{app: a, opt: opt, clock: clk, openURL: a.OpenURL}
	w.sync, store = newNewsroomSync(opt.Newsroom, opt.syncTimings, store) // writes tell the background sync, sync.go
	w.store = store
	w.saver = autosaver{
		store: store, clock: clk, delay: opt.autosaveDelay(), maxWait: opt.autosaveMaxWait(),
		current: func() *editor.Article { return w.article },
		goJob:   w.goJob,
		saving:  func() { w.setStatus("Saving…", false) },
		done:    w.saveDone,
	}
	w.render = editor.RenderOptions{Resolve: editor.StoreResolver(context.Background(), store)}
	w.profile = editor.DefaultProfile()

	w.Window = a.NewWindow(windowTitle(opt.LibraryPath))
	w.newViews()
	statusBar := w.newStatusBar()
	w.attachPanels()
	w.layOut(statusBar)
	w.wire()
	w.start()
	return w
}

// newViews builds the library pane, the form and the preview, and lets F6
// move between them (view.go).
func (w *MainWindow) newViews() {
	clk := w.clock
	w.library = newLibraryPane(w.NewArticle, w.OpenDraft, clk.Now)
	w.form = newArticleForm(w.edit, func() fyne.Canvas { return w.Window.Canvas() })
	w.preview = NewPreviewView()
	w.renderer = NewPreviewRenderer(w.preview, nil, w.render)
	w.renderer.Post = func(f func()) { w.onUI(f, false) }
	w.form.onF6 = w.cycleFocus // F6 moves between the panes, view.go
	w.library.list.onF6 = w.cycleFocus
	w.preview.focus.onF6 = w.cycleFocus
	w.form.body.OnOtherKey = func(k *fyne.KeyEvent) bool {
		if k.Name == fyne.KeyF6 {
			w.cycleFocus()
			return true
		}
		return false
	}
	w.renderer.FollowLine = func() int { // the preview follows the edited paragraph, in the text readers get
		return editor.PublicLine(w.form.body.Text(), w.form.body.CursorPosition().Para)
	}
}

// newStatusBar builds the status line, the banners, Show in folder, the
// sync state and the statistics, and returns the bar.
func (w *MainWindow) newStatusBar() *fyne.Container {
	w.status = widget.NewLabel("")
	w.banner = newBanner()
	w.storyBanner = newBanner() // killed and corrected stories, storystate.go
	w.status.Truncation = fyne.TextTruncateEllipsis

	// The library's file is named in the window title; its full path was
	// here, but beside the statistics a laptop's status bar has no room
	// for it and it showed as a bare "…".
	w.reveal = widget.NewButtonWithIcon("Show in folder", theme.FolderOpenIcon(), nil)
	w.reveal.Importance = widget.LowImportance
	w.reveal.Hide()
	w.stats = newStatsBar(w.panelEnv())
	statusBar := container.NewBorder(nil, nil, nil, container.NewHBox(w.sync.status, w.stats.object, w.reveal), w.status)
	w.stats.parent = statusBar
	return statusBar
}

// attachPanels builds the panels, each on a panelEnv and the few hooks
// only it uses.
func (w *MainWindow) attachPanels() {
	opt, clk := w.opt, w.clock
	w.browser, w.history = w.attachBrowser(), w.attachHistory()
	w.review = w.attachReview()
	w.suggestions = w.attachSuggestions()
	w.form.onStatus = w.requestTransition // checked transitions, workflow.go
	w.presence = &presence{src: opt.Colleagues, clock: clk, run: w.goJob, post: func(f func()) { w.onUI(f, false) }, line: w.form.presenceLine}
	w.form.assignee.onAssign = func() { w.assignToEditor(nil) } // assign.go
	w.importer = &importer{env: w.panelEnv(), added: w.library.upsert, systemImport: w.showSystemImport, fileDialog: w.showFileDialog,
		busy: func() bool { return w.saver.dirty || w.saver.inFlight },
		open: func(a *editor.Article) { w.setArticle(a, editor.NewID()) }}
	w.conflicts = &conflictPanel{env: w.panelEnv(), banner: w.banner,
		busy:    func() bool { return w.saver.dirty || w.saver.inFlight },
		changed: func() { w.saver.changed() },
		open:    func(a *editor.Article) { w.setArticle(a, editor.NewID()) },
		load:    func(a *editor.Article) { w.form.load(a) }}
	w.exporter = &libraryExporter{env: w.panelEnv(), exported: w.showExported, post: func(f func()) { w.onUI(f, false) },
		fileDialog: w.showFileDialog, saveDialog: w.showSaveDialog}
}

// layOut puts the panes between the banners and the status bar, with the
// split positions and hidden panes the user left.
func (w *MainWindow) layOut(statusBar *fyne.Container) {
	a := w.app
	prefs := a.Preferences()
	w.rightSplit = container.NewHSplit(w.form.object, w.history.side)
	w.rightSplit.Offset = rememberedOffset(prefs, prefSplitPreview, 0.52)
	w.mainSplit = container.NewHSplit(w.library.object, w.rightSplit)
	w.mainSplit.Offset = rememberedOffset(prefs, prefSplitLibrary, 0.22)
	w.form.split.Offset = rememberedOffset(prefs, prefSplitForm, defaultFormSplit)
	w.panes = panes{hideLibrary: prefs.Bool(prefHideLibrary), hidePreview: prefs.Bool(prefHidePreview)}
	w.middle = container.NewStack(w.arrange(w.panes))
	banners := container.NewVBox(w.banner.object, w.storyBanner.object)
	banners.Hide()
	w.banner.shown = func() { showIf(banners, w.banner.object.Visible() || w.storyBanner.object.Visible()) }
	w.storyBanner.shown = w.banner.shown
	bottom := container.NewVBox(widget.NewSeparator(), statusBar)
	w.Window.SetContent(container.New(&windowLayout{banners: banners, status: bottom, middle: w.middle}, w.middle, banners, bottom))
	w.Window.Resize(defaultWindowSize) // Run fits it to the screen (geometry.go)
	w.Window.SetMaster()
}

// wire installs the menus, the shortcuts, newsroom sync, the dialog keys,
// dropping files and the close intercept.
func (w *MainWindow) wire() {
	w.Window.SetMainMenu(w.mainMenu())
	w.addShortcuts()
	w.sync.attach(w.panelEnv(), syncHost{ // newsroom sync, sync.go
		post:           func(f func()) { w.onUI(f, false) },
		relayout:       func() { w.stats.relayout() },
		refreshLibrary: func() { w.browser.refresh() },
		stored: func() *editor.Article {
			if w.article == nil || w.fresh {
				return nil
			}
			return w.article
		},
		busy:     func() bool { return w.saver.dirty || w.saver.inFlight },
		conflict: func() { w.history.refresh(); w.conflicts.showConflict() },
		adopt:    w.adoptPulled,
		synced: func() { // presence for the draft already open, presence.go
			if w.article != nil && !w.fresh {
				w.presence.Start(w.article.ID)
			}
		},
	})
	installDialogKeys(w.Window.Canvas())
	w.Window.SetOnDropped(w.importer.importDropped) // files dropped on the window are imported
	w.form.related.pick = func(done func(editor.Summary)) { showTeaserPicker(w.panelEnv(), done) }
	w.Window.SetCloseIntercept(w.RequestClose)

}

// showExported says in the status bar where an export went, with a
// button that opens its folder in the desktop's file manager.
func (w *MainWindow) showExported(u fyne.URI) {
	where := u.Name()
	if u.Scheme() == "file" {
		where = u.Path()
	}
	w.setStatus("Exported to "+where, false)
	parent, err := storage.Parent(u)
	if err != nil {
		return
	}
	folder, err := url.Parse(parent.String())
	if err != nil {
		return
	}
	w.reveal.OnTapped = func() {
		if err := w.openURL(folder); err != nil {
			w.setStatus("Could not open the folder: "+err.Error(), true)
		}
	}
	w.reveal.Show()
}

// showIf shows o when show holds and hides it otherwise.
func showIf(o fyne.CanvasObject, show bool) {
	if show {
		o.Show()
	} else {
		o.Hide()
	}
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
	last := w.lastDraft()
	w.goJob(func() func() {
		ctx := context.Background()
		if last != "" {
			if _, err := w.store.Get(ctx, last); err != nil {
				last = "" // trashed or gone since: open the newest instead
			}
		}
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
			if last != "" && w.article == nil {
				w.pendingCursor = last
				w.loadAtStart(last) // where the last session left off, cursor and all
			} else if len(items) > 0 && w.article == nil {
				w.loadAtStart(items[0].ID)
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
	if w.saver.err != nil {
		w.setStatus("Unsaved changes — the last save failed: "+editor.ErrorMessage(w.saver.err), true)
	} else {
		w.setStatus("Unsaved changes", false)
	}
	w.saver.changed()
	w.schedulePreview()
}

// schedulePreview restarts the preview debounce.
func (w *MainWindow) schedulePreview() {
	w.previewDebounce.schedule(w.clock, w.opt.previewDelay(), w.renderPreview)
}

// stopTimers cancels pending autosave and preview runs.
func (w *MainWindow) stopTimers() {
	w.saver.stop()
	w.previewDebounce.stop()
}

// renderPreview hands a snapshot of the draft to the preview.
func (w *MainWindow) renderPreview() {
	if w.article != nil {
		w.renderer.RenderWith(w.article.Clone(), w.profile)
	}
	w.stats.update() // stats.go, on the same pause in typing
}

// save writes the draft if it has unsaved edits and then calls then, if
// not nil, with whether the draft is now saved. A failed save keeps the
// draft dirty: the text stays in the form and the next edit tries again.
func (w *MainWindow) save(then func(saved bool)) { w.saver.save(then) }

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

// saveDone shows a save's result, on the UI goroutine. A failure or a
// conflict never opens a modal dialog, which would take the keystrokes:
// the status bar and the banner say it (conflict.go).
func (w *MainWindow) saveDone(snap *editor.Article, rev *editor.Revision, err error, current bool) {
	w.conflicts.showSaveResult(err, current)
	switch {
	case editor.ErrorCode(err) == editor.ESTALE:
		w.history.refresh()
		w.setStatus("Kept beside a newer version: this draft was changed elsewhere — compare, keep yours or keep theirs.", true)
		return
	case err != nil:
		w.setStatus("Not saved: "+editor.ErrorMessage(err)+" — your text is kept; the next edit tries again.", true)
		return
	}
	saved := snap.Updated
	if rev != nil && !rev.Created.IsZero() {
		saved = rev.Created
	}
	w.library.upsert(summaryOf(snap))
	w.history.refresh()
	if current {
		w.fresh = false
		w.article.Updated = snap.Updated
		if w.article.Slug != snap.Slug && w.article.Slug == editor.Slugify(snap.Headline) {
			w.article.Slug = snap.Slug
			w.form.adoptSlug(snap.Slug)
		}
	}
	if w.saver.dirty {
		w.setStatus("Unsaved changes", false)
		return
	}
	w.setStatus("Saved "+saved.In(w.clock.Now().Location()).Format("15:04:05")+" · "+wordCount(snap), false)
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
			if w.saver.dirty || w.saver.inFlight {
				// Typing went on while the draft was read: keep it and try
				// the switch again once it is saved.
				w.OpenDraft(id)
				return
			}
			w.setArticle(a, editor.NewID())
		}
	})
}

// loadAtStart opens the draft start-up chose, unless a draft was opened
// or started while it was read: a Ctrl+N pressed as soon as the window
// shows must not be replaced by it (the typing would go into the older
// draft).
func (w *MainWindow) loadAtStart(id string) {
	w.goJob(func() func() {
		a, err := w.store.Get(context.Background(), id)
		return func() {
			if w.article != nil {
				return
			}
			if err != nil {
				w.library.reselect()
				w.showError("Could not open the draft", err)
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
	w.saver.reset(session)
	w.banner.hide()
	w.fresh = false
	w.form.load(a)
	w.restoreCursor(a) // geometry.go, at start
	w.showStoryState()
	w.library.selectID(a.ID)
	w.history.refresh()
	w.renderPreview()
	w.review.reset()
	w.presence.Start(a.ID) // presence.go
	w.setStatus("Opened "+articleHeadline(a), false)
	w.conflicts.checkHeads() // a draft with several heads offers a merge (merge3.go)
}

// NewArticle saves the open draft, then opens an empty one with the cursor
// in the headline. The new draft is not stored until something is typed
// into it (the first autosave inserts it), so a Ctrl+N that changes its
// mind leaves nothing behind. When the open draft is already saved, the
// switch happens at once, before the next key is handled, so that typing
// straight after Ctrl+N lands in the new headline.
func (w *MainWindow) NewArticle() {
	w.save(func(saved bool) {
		if !saved {
			return
		}
		if !w.browser.isDefault() {
			w.browser.showAll() // a new story is written against the whole library
		}
		w.setArticle(editor.NewArticle(w.clock.Now()), editor.NewID())
		w.fresh = true
		w.Window.Canvas().Focus(w.form.headline)
	})
}

// RequestClose saves the open draft and closes the window. When the save
// fails the window stays open and the user decides whether to close anyway.
func (w *MainWindow) RequestClose() {
	w.save(func(saved bool) {
		if saved {
			w.stopTimers()
			w.sync.stop()
			w.rememberGeometry()
			w.runStopHook()
			w.Window.Close()
			return
		}
		dialog.ShowConfirm("Close without saving?",
			"The latest changes could not be saved:\n"+editor.ErrorMessage(w.saver.err)+"\n\nClose anyway and lose them?",
			func(ok bool) {
				if ok {
					w.stopTimers()
					w.sync.stop()
					w.rememberGeometry()
					w.runStopHook()
					w.Window.Close()
				}
			}, w.Window)
	})
}

// runStopHook runs the stop hook Run took from the lifecycle (quit.go),
// once, just before the window closes.
func (w *MainWindow) runStopHook() {
	if f := w.stopHook; f != nil {
		w.stopHook = nil
		f()
	}
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
	w.reveal.Hide() // it belongs to the message that showExported set
}

// wordCount says how long the body is: "812 words".
func wordCount(a *editor.Article) string {
	n := editor.CountWords(a.PublicBody())
	if n == 1 {
		return "1 word"
	}
	return formatThousands(n) + " words"
}

// showError puts err in the status bar and in a dialog.
func (w *MainWindow) showError(what string, err error) { w.panelEnv().showError(what, err) }

// StatusText returns the status bar's text.
func (w *MainWindow) StatusText() string { return w.status.Text }
