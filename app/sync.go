package app

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/app/syncloop"
	"github.com/dateline-news/dateline/editor"
)

// This file is the window's side of newsroom sync (issue 14): the
// background loop (app/syncloop) runs while the library has a server,
// the status bar says how sync stands, and what a pull brings shows in
// the window: the library list, the open draft's newer text when nothing
// typed waits to be saved, and the conflict banner when the draft now
// has several heads. Typing is never interrupted: a draft with unsaved
// edits keeps them, and their save, based on the older text, is kept as
// a conflicting revision beside the newer one (the store's rule).
// syncdialog.go holds File › Connect to newsroom….

// Shortcuts of the newsroom items of the File menu.
var (
	// shortcutConnect is Ctrl+Alt+N: File › Connect to newsroom….
	shortcutConnect = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt}
	// shortcutSyncNow is Ctrl+Alt+S: File › Sync now.
	shortcutSyncNow = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt}
)

// newsroomSync is the window's side of newsroom sync: the loop, the
// status bar's sync state, File › Connect to newsroom… and what a pull
// changes. It takes a panelEnv and a syncHost instead of the window. It
// belongs to the UI goroutine, except loop, which store writes read from
// workers.
type newsroomSync struct {
	env  panelEnv
	host syncHost
	// link is the library's newsroom link, nil when the library cannot
	// sync.
	link editor.Newsroom
	loop atomic.Pointer[syncloop.Loop]
	// status is the status bar's sync state; tapping it shows the
	// details. Hidden while no server is set.
	status *widget.Button
	state  syncloop.State
	// dsn is the server's connection string, server its name for
	// people (user@host:port/database); "" while none is set.
	dsn, server string
	// timings, when set, replaces the loop's default timings (tests).
	timings syncloop.Config
	// firstSync is set from start until the first sync completes.
	firstSync bool
}

// syncHost is what newsroom sync needs of the window beyond panelEnv.
type syncHost struct {
	// post runs f on the UI goroutine without waiting (MainWindow.onUI).
	post func(f func())
	// relayout lays the status bar out again after the sync state shows
	// or hides.
	relayout func()
	// refreshLibrary shows what a pull brought in the library list.
	refreshLibrary func()
	// stored returns the open draft when it is stored, nil for none or
	// a fresh draft not yet saved.
	stored func() *editor.Article
	// busy says whether edits of the open draft wait to be saved.
	busy func() bool
	// conflict shows the open draft's heads in the history and the
	// conflict banner.
	conflict func()
	// adopt shows a newer text of the open draft in the form.
	adopt func(a *editor.Article)
	// synced is told when the first sync with a server completes (at
	// start or after Connect), so that presence can begin for the draft
	// already open, which is on the server now.
	synced func()
}

// newNewsroomSync builds the status bar's sync state for the library's
// link (nil when it cannot sync) and returns the store the window should
// use: when the library can sync, writes through it tell the background
// sync that one is due. attach gives it the window's services.
func newNewsroomSync(link editor.Newsroom, timings syncloop.Config, store editor.Store) (*newsroomSync, editor.Store) {
	s := &newsroomSync{link: link, timings: timings}
	s.status = widget.NewButton("", s.showDetails)
	s.status.Importance = widget.LowImportance
	s.status.Hide()
	if s.link == nil {
		return s, store
	}
	return s, syncStore(store, func() {
		if l := s.loop.Load(); l != nil {
			l.Saved()
		}
	})
}

// syncStore wraps store so that its writes call changed. A store that
// merges heads (editor.MergeStore) stays one: the conflict panel finds
// the three-way merge by that interface, and a wrapper without it would
// leave a syncing window with only the two-way "Merge by hand".
func syncStore(store editor.Store, changed func()) editor.Store {
	s := syncedStore{Store: store, changed: changed}
	if ms, ok := store.(editor.MergeStore); ok {
		return syncedMergeStore{syncedStore: s, merges: ms}
	}
	return s
}

// attach takes the window's services, adds the File menu's newsroom
// shortcuts and starts the background sync when the library has a server.
func (s *newsroomSync) attach(env panelEnv, host syncHost) {
	s.env, s.host = env, host
	c := env.parent.Canvas()
	c.AddShortcut(shortcutConnect, func(fyne.Shortcut) { s.ShowConnectDialog() })
	c.AddShortcut(shortcutSyncNow, func(fyne.Shortcut) { s.SyncNow() })
	if s.link == nil {
		return
	}
	env.run(func() func() {
		dsn, err := s.link.Server(context.Background())
		return func() {
			if err == nil && dsn != "" {
				s.start(dsn)
			}
		}
	})
}

// menuItems are the File menu's newsroom rows.
func (s *newsroomSync) menuItems() []*fyne.MenuItem {
	connect := fyne.NewMenuItem("Connect to newsroom…", func() { s.ShowConnectDialog() })
	connect.Shortcut = shortcutConnect
	now := fyne.NewMenuItem("Sync now", s.SyncNow)
	now.Shortcut = shortcutSyncNow
	disconnect := fyne.NewMenuItem("Disconnect from newsroom…", s.askDisconnect)
	return []*fyne.MenuItem{connect, now, disconnect}
}

// syncedStore is the window's store when the library syncs: every write
// that adds a revision, moves a draft to or from Trash, deletes one or
// changes the publication profile tells the loop, which syncs once
// writing pauses.
type syncedStore struct {
	editor.Store
	changed func()
}

func (s syncedStore) Create(ctx context.Context, a *editor.Article, opt editor.SaveOptions) (*editor.Revision, error) {
	rev, err := s.Store.Create(ctx, a, opt)
	s.after(err)
	return rev, err
}

func (s syncedStore) Save(ctx context.Context, a *editor.Article, opt editor.SaveOptions) (*editor.Revision, error) {
	rev, err := s.Store.Save(ctx, a, opt)
	s.after(err)
	return rev, err
}

func (s syncedStore) Transition(ctx context.Context, id string, to editor.Status, note string) (*editor.Revision, error) {
	rev, err := s.Store.Transition(ctx, id, to, note)
	s.after(err)
	return rev, err
}

func (s syncedStore) Restore(ctx context.Context, revisionID string) (*editor.Revision, error) {
	rev, err := s.Store.Restore(ctx, revisionID)
	s.after(err)
	return rev, err
}

func (s syncedStore) SaveProfile(ctx context.Context, p editor.Profile) error {
	err := s.Store.SaveProfile(ctx, p)
	s.after(err)
	return err
}

func (s syncedStore) Trash(ctx context.Context, id string) error {
	err := s.Store.Trash(ctx, id)
	s.after(err)
	return err
}

func (s syncedStore) Untrash(ctx context.Context, id string) error {
	err := s.Store.Untrash(ctx, id)
	s.after(err)
	return err
}

func (s syncedStore) Delete(ctx context.Context, id string) error {
	err := s.Store.Delete(ctx, id)
	s.after(err)
	return err
}

func (s syncedStore) EmptyTrash(ctx context.Context) (int, error) {
	n, err := s.Store.EmptyTrash(ctx)
	s.after(err)
	return n, err
}

// syncedMergeStore is a syncedStore over a store that merges heads.
type syncedMergeStore struct {
	syncedStore
	merges editor.MergeStore
}

func (s syncedMergeStore) HeadRevisions(ctx context.Context, draftID string) ([]editor.Revision, error) {
	return s.merges.HeadRevisions(ctx, draftID)
}

func (s syncedMergeStore) MergeBase(ctx context.Context, a, b string) (*editor.Revision, error) {
	return s.merges.MergeBase(ctx, a, b)
}

func (s syncedMergeStore) SaveMerge(ctx context.Context, a *editor.Article, heads [2]string, opt editor.SaveOptions) (*editor.Revision, error) {
	rev, err := s.merges.SaveMerge(ctx, a, heads, opt)
	s.after(err)
	return rev, err
}

// after tells the loop about a write that stored something: a conflicting
// save (ESTALE) stores its text too.
func (s syncedStore) after(err error) {
	if err == nil || editor.ErrorCode(err) == editor.ESTALE {
		s.changed()
	}
}

// start (re)starts the background sync with the server dsn.
func (s *newsroomSync) start(dsn string) {
	s.stop()
	s.dsn, s.server = dsn, serverLabel(dsn)
	cfg := s.timings
	cfg.Server = s.link
	cfg.OnState = func(st syncloop.State) { s.host.post(func() { s.showState(st) }) }
	cfg.OnPulled = func(editor.SyncReport) { s.host.post(s.pulled) }
	s.firstSync = true
	s.loop.Store(syncloop.Start(cfg))
}

// stop ends the background sync, if it runs, cancelling a sync in
// flight; unsynced revisions stay in the library's outbox. The window
// calls it when it closes.
func (s *newsroomSync) stop() {
	if l := s.loop.Swap(nil); l != nil {
		l.Stop()
	}
}

// SyncNow syncs at once, or offers to connect when the library has no
// server.
func (s *newsroomSync) SyncNow() {
	if l := s.loop.Load(); l != nil {
		l.SyncNow()
		return
	}
	s.ShowConnectDialog()
}

// showState puts the loop's state in the status bar.
func (s *newsroomSync) showState(st syncloop.State) {
	if s.loop.Load() == nil {
		return // a state posted just before the loop stopped
	}
	s.state = st
	s.status.SetText(syncStatusText(st, s.env.clock.Now().Location()))
	s.status.Importance = widget.LowImportance
	if st.Phase == syncloop.Failed {
		s.status.Importance = widget.DangerImportance
	}
	s.status.Show()
	s.status.Refresh()
	s.host.relayout()
	if st.Phase == syncloop.Synced && s.firstSync {
		s.firstSync = false
		if s.host.synced != nil {
			s.host.synced()
		}
	}
}

// hideState takes the sync state out of the status bar.
func (s *newsroomSync) hideState() {
	s.state = syncloop.State{}
	s.status.Hide()
	s.host.relayout()
}

// syncStatusText is the status bar's words for st: "Synced 14:02",
// "Syncing…", "3 revisions waiting — offline", "Sync failed: …".
func syncStatusText(st syncloop.State, loc *time.Location) string {
	switch st.Phase {
	case syncloop.Syncing:
		return "Syncing…"
	case syncloop.Synced:
		if st.Waiting > 0 {
			return "Synced " + st.Last.In(loc).Format("15:04") + " · " + countOf(st.Waiting, "revision") + " waiting"
		}
		return "Synced " + st.Last.In(loc).Format("15:04")
	case syncloop.Offline:
		if st.Waiting == 0 {
			return "Offline"
		}
		return countOf(st.Waiting, "revision") + " waiting — offline"
	case syncloop.Failed:
		var refused *editor.ServerRefusal
		if errors.As(st.Err, &refused) {
			return "Sync failed: " + refused.Outcome.Short()
		}
		return "Sync failed: " + shortReason(editor.ErrorMessage(st.Err))
	}
	return ""
}

// shortReasonRunes is how long the status bar's reason for a failed sync
// may be; the details (a tap on it) show the whole message.
const shortReasonRunes = 20

// shortReason is the first clause of msg, at most shortReasonRunes long
// (cut at a word, with "…"), starting in lower case after "Sync failed:".
func shortReason(msg string) string {
	msg = strings.TrimSpace(msg)
	for _, sep := range []string{". ", ": ", " ("} {
		if i := strings.Index(msg, sep); i >= 12 {
			msg = msg[:i]
		}
	}
	msg = strings.TrimSuffix(msg, ".")
	if r, n := utf8.DecodeRuneInString(msg); n > 0 && len(msg) > n {
		if next, _ := utf8.DecodeRuneInString(msg[n:]); !unicode.IsUpper(next) {
			msg = string(unicode.ToLower(r)) + msg[n:]
		}
	}
	if utf8.RuneCountInString(msg) <= shortReasonRunes {
		return msg
	}
	cut := string([]rune(msg)[:shortReasonRunes])
	if i := strings.LastIndex(cut, " "); i > shortReasonRunes/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// serverLabel names a server for people: user@host:port/database, read
// from its connection string (see parseServerAddress).
func serverLabel(dsn string) string {
	a, err := parseServerAddress(dsn)
	if err != nil {
		return "the newsroom server"
	}
	return a.label()
}

// syncDetails is the full story behind the status bar's sync state.
func syncDetails(st syncloop.State, server string, loc *time.Location) string {
	var b strings.Builder
	b.WriteString("Newsroom server: " + server + "\n\n")
	switch st.Phase {
	case syncloop.Syncing:
		b.WriteString("Syncing now.")
	case syncloop.Synced:
		r := st.Report
		b.WriteString("Synced at " + st.Last.In(loc).Format("15:04:05") + ": sent " + countOf(r.Pushed, "revision") +
			", brought in " + countOf(r.Pulled, "revision") + ".")
	case syncloop.Offline:
		b.WriteString("Offline: " + editor.ErrorMessage(st.Err) + "\n\nNothing is lost: " + countOf(st.Waiting, "revision") +
			" wait in this library and go out at the next sync that reaches the server. Dateline tries again by itself.")
	case syncloop.Failed:
		b.WriteString("Sync failed: " + editor.ErrorMessage(st.Err) + "\n\n" + countOf(st.Waiting, "revision") +
			" wait in this library; nothing is lost. Dateline tries again by itself.")
	}
	if st.Phase != syncloop.Synced && !st.Last.IsZero() {
		b.WriteString("\n\nLast synced at " + st.Last.In(loc).Format("15:04") + ".")
	}
	return b.String()
}

// showDetails shows the sync state in full, with Sync now.
func (s *newsroomSync) showDetails() {
	text := widget.NewLabel(wrapText(syncDetails(s.state, s.server, s.env.clock.Now().Location()), startErrorColumns))
	var d *dialog.CustomDialog
	now := widget.NewButton("Sync now", func() {
		d.Hide()
		s.SyncNow()
	})
	now.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("Newsroom sync", text, s.env.parent)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", func() { d.Hide() }), now})
	d.Show()
}

// pulled takes what a sync brought in: the library list shows it, and the
// open draft follows (see followPulled).
func (s *newsroomSync) pulled() {
	if s.loop.Load() == nil {
		return
	}
	s.host.refreshLibrary()
	open := s.host.stored()
	if open == nil {
		return
	}
	id := open.ID
	link, store := s.link, s.env.store
	s.env.run(func() func() {
		ctx := context.Background()
		a, err := store.Get(ctx, id)
		heads, herr := link.Heads(ctx, id)
		return func() {
			cur := s.env.current()
			if err != nil || herr != nil || cur == nil || cur.ID != id {
				return // gone meanwhile (deleted for good, another draft open): nothing to follow
			}
			s.followPulled(a, cur, heads)
		}
	})
}

// followPulled brings the open draft cur up to date after a pull: with
// several heads the conflict banner shows (the window's text stays, as
// "mine"); with one newer head the form shows it, unless edits wait to be
// saved, whose save then becomes a conflicting revision as any stale
// save does. The caret stays where it was in the text around it.
func (s *newsroomSync) followPulled(a, cur *editor.Article, heads int) {
	switch {
	case heads > 1:
		s.host.conflict()
	case a.BaseRevision == cur.BaseRevision || s.host.busy():
	default:
		s.host.adopt(a)
	}
}

// adoptPulled shows a newer text of the open draft from another laptop in
// the form, keeping the caret at the same place of the text around it
// (newsroom sync's syncHost.adopt).
func (w *MainWindow) adoptPulled(a *editor.Article) {
	body := w.form.body
	old := body.Text()
	caret := body.Model().Offset(body.CursorPosition())
	focused := w.Window.Canvas().Focused()
	w.stopTimers()
	w.article = a
	w.saver.reset(editor.NewID())
	w.form.load(a)
	body.SetCursor(body.Model().PosAt(mapOffset(old, a.Body, caret)))
	if focused != nil && w.Window.Canvas().Focused() != focused {
		w.Window.Canvas().Focus(focused)
	}
	w.showStoryState()
	w.history.refresh()
	w.renderPreview()
	w.review.reset()
	w.setStatus("Updated from the newsroom: "+articleHeadline(a), false)
}

// mapOffset moves byte offset off of old to the same place in new, where
// new is old with one stretch replaced (the common prefix and suffix
// stay): before the change it stays, after it it moves by the change in
// length, inside it it goes to the end of the new stretch, at most.
func mapOffset(old, new string, off int) int {
	off = min(max(off, 0), len(old))
	p := 0
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	for p > 0 && p < len(old) && !utf8.RuneStart(old[p]) {
		p--
	}
	s := 0
	for s < len(old)-p && s < len(new)-p && old[len(old)-1-s] == new[len(new)-1-s] {
		s++
	}
	for s > 0 && !utf8.RuneStart(old[len(old)-s]) {
		s--
	}
	switch {
	case off <= p:
		return off
	case off >= len(old)-s:
		return off + len(new) - len(old)
	}
	return min(off, len(new)-s)
}

// askDisconnect asks whether to forget the server, and does.
func (s *newsroomSync) askDisconnect() {
	if s.link == nil || s.loop.Load() == nil {
		s.env.status("This library is not connected to a newsroom server.", false)
		return
	}
	dialog.ShowConfirm("Disconnect from the newsroom?",
		wrapText("This library stops syncing with "+s.server+". It keeps every draft and revision; connecting again later sends and fetches what is missing.", startErrorColumns),
		func(ok bool) {
			if ok {
				s.Disconnect()
			}
		}, s.env.parent)
}

// Disconnect stops the background sync and forgets the server.
func (s *newsroomSync) Disconnect() {
	s.stop()
	s.dsn = ""
	s.hideState()
	s.env.run(func() func() {
		err := s.link.Disconnect(context.Background())
		return func() {
			if err != nil {
				s.env.showError("Could not forget the newsroom server", err)
				return
			}
			s.env.status("Disconnected from "+s.server+"; the library keeps every draft.", false)
		}
	})
}

// Status returns the status bar's sync state, "" when hidden.
func (s *newsroomSync) Status() string {
	if !s.status.Visible() {
		return ""
	}
	return s.status.Text
}
