package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// typeShortcut types s on the window's canvas, as the keyboard would.
func (w *testWindow) typeShortcut(s fyne.Shortcut) {
	w.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(s)
}

// contains reports whether o is in the window's content.
func (w *testWindow) contains(o fyne.CanvasObject) bool {
	found := false
	walk(w.Window.Content(), func(c fyne.CanvasObject) {
		if c == o {
			found = true
		}
	})
	return found
}

func TestMenuBarHasEveryMenu(t *testing.T) {
	clk := newFakeClock()
	w := newTestWindow(t, openStore(t, clk), clk, Options{})
	var names []string
	for _, m := range w.Window.MainMenu().Items {
		names = append(names, m.Label)
	}
	if got, want := strings.Join(names, "|"), "File|Edit|View|Draft|Review|Help"; got != want {
		t.Errorf("menus = %s, want %s", got, want)
	}
}

func TestViewTogglesPanesAndRemembers(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	a := test.NewTempApp(t)
	w := newTestWindowOn(t, a, store, clk, Options{})
	if !w.contains(w.library.object) || !w.contains(w.history.side) {
		t.Fatal("library or preview hidden on a first start")
	}
	w.typeShortcut(shortcutToggleLibrary)
	if w.contains(w.library.object) {
		t.Error("Ctrl+Shift+L left the library pane shown")
	}
	if !w.contains(w.form.headline) || !w.contains(w.history.side) {
		t.Error("hiding the library hid the form or the preview")
	}
	w.typeShortcut(shortcutTogglePreview)
	if w.contains(w.history.side) {
		t.Error("Ctrl+Shift+R left the preview shown")
	}
	if !w.contains(w.form.body) {
		t.Error("hiding both panes hid the body")
	}
	if items := w.viewItems; items[0].Checked || items[1].Checked {
		t.Errorf("View menu still checks the hidden panes: %v %v", items[0].Checked, items[1].Checked)
	}

	// The next window opens as this one was left.
	w2 := newTestWindowOn(t, a, store, clk, Options{})
	if w2.contains(w2.library.object) || w2.contains(w2.history.side) {
		t.Error("the next window forgot the hidden panes")
	}
	w2.typeShortcut(shortcutToggleLibrary)
	w2.typeShortcut(shortcutTogglePreview)
	if !w2.contains(w2.library.object) || !w2.contains(w2.history.side) {
		t.Error("toggling again did not bring both panes back")
	}
}

func TestFocusModeShowsHeadlineAndBodyOnly(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	w.Window.Resize(fyne.NewSize(1280, 800))
	before := w.form.headline.Position()

	w.typeShortcut(shortcutFocusMode)
	for name, o := range map[string]fyne.CanvasObject{"library": w.library.object, "preview": w.history.side, "slug": w.form.slug, "tags": w.form.tags} {
		if w.contains(o) {
			t.Errorf("focus mode shows the %s", name)
		}
	}
	if !w.contains(w.form.headline) || !w.contains(w.form.body) {
		t.Fatal("focus mode hides the headline or the body")
	}
	if got := w.Window.Canvas().Focused(); got != fyne.Focusable(w.form.body) {
		t.Errorf("focus mode put the focus on %T, want the body", got)
	}
	if got := w.form.body.Size().Width; got > focusColumnWidth {
		t.Errorf("focus mode body is %v wide, want at most %v", got, focusColumnWidth)
	}
	if x := w.app.Driver().AbsolutePositionForObject(w.form.body).X; x < 100 {
		t.Errorf("focus mode body starts at x=%v, want it centred", x)
	}
	test.Type(w.form.body, " More.")
	if !strings.Contains(w.article.Body, "More.") {
		t.Errorf("typing in focus mode did not reach the draft: %q", w.article.Body)
	}

	w.typeShortcut(shortcutFocusMode)
	if !w.contains(w.form.slug) || !w.contains(w.library.object) {
		t.Error("leaving focus mode did not bring the form and the library back")
	}
	if got := w.form.headline.Position(); got != before {
		t.Errorf("headline at %v after focus mode, want it back at %v", got, before)
	}
}

func TestCommandPaletteRunsFromTheKeyboard(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	p := w.showPalette()
	if len(p.shown) < 20 {
		t.Fatalf("palette lists %d commands, want every menu item", len(p.shown))
	}
	test.Type(p.query, "focus")
	if got := strings.Join(p.shownLabels(), "|"); got != "View › Focus mode" {
		t.Fatalf("palette for 'focus' shows %q", got)
	}
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !w.panes.focus {
		t.Error("Enter on 'Focus mode' did not enter focus mode")
	}

	p = w.showPalette()
	test.Type(p.query, "view pane")
	if len(p.shown) != 2 {
		t.Fatalf("'view pane' shows %q, want the two pane toggles", p.shownLabels())
	}
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if p.sel != 1 {
		t.Errorf("Down moved the selection to %d, want 1", p.sel)
	}
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if p.sel != 1 {
		t.Errorf("Down past the end moved the selection to %d", p.sel)
	}
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(w.Window.Canvas().Overlays().List()) != 0 {
		t.Error("Escape left the palette open")
	}
}

func TestShortcutTextAndHelpList(t *testing.T) {
	if got := shortcutText(shortcutExportMarkdown); got != "Ctrl+Shift+E" {
		t.Errorf("shortcutText(Ctrl+Shift+E) = %q", got)
	}
	if got := shortcutText(shortcutPreferences); got != "Ctrl+," {
		t.Errorf("shortcutText(Ctrl+,) = %q", got)
	}
	clk := newFakeClock()
	w := newTestWindow(t, openStore(t, clk), clk, Options{})
	rows := shortcutRows(menuCommands(w.Window.MainMenu()))
	joined := ""
	for _, r := range rows {
		joined += r[0] + " " + r[1] + "\n"
	}
	for _, want := range []string{"Ctrl+N File › New article", "Ctrl+Shift+P View › Command palette", "Ctrl+Shift+F View › Focus mode", "Ctrl+, Edit › Preferences", "F6"} {
		if !strings.Contains(joined, want) {
			t.Errorf("keyboard shortcuts miss %q:\n%s", want, joined)
		}
	}
}

func TestEditMenuActsOnTheFocusedField(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	w.Window.Canvas().Focus(w.form.headline)
	run := func(label string) {
		for _, c := range menuCommands(w.Window.MainMenu()) {
			if c.menu == "Edit" && c.label == label {
				c.run()
				return
			}
		}
		t.Fatalf("no Edit › %s", label)
	}
	run("Select all")
	run("Cut")
	if w.form.headline.Text() != "" {
		t.Errorf("Edit › Cut after Select all left %q", w.form.headline.Text())
	}
	run("Paste")
	run("Paste")
	if got, want := w.form.headline.Text(), "Port reopensPort reopens"; got != want {
		t.Errorf("after two pastes the headline is %q, want %q", got, want)
	}
}

// TestChangeStatusFromTheKeyboard moves a draft to filed with Ctrl+Shift+S,
// Down, Enter and the note dialog, without the mouse.
func TestChangeStatusFromTheKeyboard(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	c := w.changeStatus()
	if c == nil {
		t.Fatal("Change Status offered nothing for a draft")
	}
	if got := strings.Join(c.shownLabels(), "|"); !strings.Contains(got, "filed") || strings.Contains(got, "published") {
		t.Fatalf("a draft may move to %q; want filed and never straight to published", got)
	}
	test.Type(c.query, "fil")
	c.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	overlays := w.Window.Canvas().Overlays().List()
	if len(overlays) != 1 {
		t.Fatalf("after choosing filed %d dialogs are open, want the note dialog", len(overlays))
	}
	var move *widget.Button
	walk(overlays[0], func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Move to") {
			move = b
		}
	})
	if move == nil {
		t.Fatal("the note dialog has no Move button")
	}
	test.Tap(move)
	w.settle()
	if w.article.Status != editor.StatusFiled {
		t.Errorf("status after the move = %s, want filed", w.article.Status)
	}
}

// TestEditMenuOpensFindFromAnyField: Edit › Find in body works while the
// headline has the focus, and the find bar counts the body's matches.
func TestEditMenuOpensFindFromAnyField(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Port reopens", "Dockworkers voted. Dockworkers cheered.")
	w := newTestWindow(t, store, clk, Options{})
	w.Window.Canvas().Focus(w.form.headline)
	for _, c := range menuCommands(w.Window.MainMenu()) {
		if c.menu == "Edit" && c.label == "Find in body…" {
			c.run()
		}
	}
	if !w.form.findBar.Visible() {
		t.Fatal("Edit › Find in body did not open the find bar")
	}
	test.Type(w.Window.Canvas().Focused(), "Dockworkers")
	if got := w.form.findBar.Count(); !strings.Contains(got, "2") {
		t.Errorf("find bar count = %q, want 2 matches", got)
	}
}

// TestShortcutsCoverFrequentActionsOnce: every export format, the library
// export, both settings dialogs, status, history, find and the panes have
// a shortcut, and no two menu items share one (the menu would run only
// the first).
func TestShortcutsCoverFrequentActionsOnce(t *testing.T) {
	clk := newFakeClock()
	w := newTestWindow(t, openStore(t, clk), clk, Options{})
	seen := map[string]string{}
	have := map[string]bool{}
	for _, c := range menuCommands(w.Window.MainMenu()) {
		if c.shortcut == nil {
			continue
		}
		have[c.title()] = true
		k := shortcutText(c.shortcut)
		if other, dup := seen[k]; dup {
			t.Errorf("%s is the shortcut of both %q and %q", k, other, c.title())
		}
		seen[k] = c.title()
	}
	want := []string{"File › Export library", "File › Publication settings", "Edit › Preferences",
		"Draft › Change Status", "Draft › Show History", "Edit › Find in body", "View › Focus mode",
		"View › Library pane", "View › Preview pane", "View › Command palette"}
	for _, f := range editor.Formats {
		want = append(want, "File › Export as "+formatLabel(f))
	}
	for _, title := range want {
		if !have[title] {
			t.Errorf("%s has no shortcut", title)
		}
	}
}

// TestF6MovesBetweenPanes: F6 goes library → form → body → preview →
// library from whichever of them has the focus, and skips a hidden library
// or preview.
func TestF6MovesBetweenPanes(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	c := w.Window.Canvas()
	f6 := &fyne.KeyEvent{Name: fyne.KeyF6}
	c.Focus(w.library.list)
	c.Focused().TypedKey(f6)
	if c.Focused() != fyne.Focusable(w.form.headline) {
		t.Fatalf("F6 from the library went to %T, want the headline", c.Focused())
	}
	c.Focus(w.form.tags) // any form field counts as the form
	c.Focused().TypedKey(f6)
	if c.Focused() != fyne.Focusable(w.form.body) {
		t.Fatalf("F6 from the form went to %T, want the body", c.Focused())
	}
	c.Focused().TypedKey(f6)
	if c.Focused() != fyne.Focusable(w.preview) || !w.preview.HasFocus() || !w.preview.focus.ring.Visible() {
		t.Fatalf("F6 from the body went to %T, want the preview with its focus ring", c.Focused())
	}
	c.Focused().TypedKey(f6)
	if c.Focused() != fyne.Focusable(w.library.list) {
		t.Fatalf("F6 from the preview went to %T, want the library", c.Focused())
	}
	if w.preview.focus.ring.Visible() {
		t.Error("the preview still shows its focus ring after losing the focus")
	}
	w.typeShortcut(shortcutTogglePreview) // a hidden preview is passed over
	c.Focus(w.form.body)
	c.Focused().TypedKey(f6)
	if c.Focused() != fyne.Focusable(w.library.list) {
		t.Fatalf("F6 from the body with the preview hidden went to %T, want the library", c.Focused())
	}
	w.typeShortcut(shortcutTogglePreview)
	w.typeShortcut(shortcutToggleLibrary)
	c.Focus(w.form.body)
	c.Focused().TypedKey(f6)
	c.Focused().TypedKey(f6)
	if c.Focused() != fyne.Focusable(w.form.headline) {
		t.Errorf("F6 twice from the body with the library hidden went to %T, want the preview and then the headline", c.Focused())
	}
}

// TestPreviewScrollsFromTheKeyboard: with the focus in the preview (F6),
// the arrows, Page Up/Down, Home and End scroll it.
func TestPreviewScrollsFromTheKeyboard(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	body := strings.Repeat("The harbour master said the cranes would stand idle until the strike ends. ", 6)
	body = strings.Repeat(body+"\n\n", 40)
	a := seed(t, store, clk, "Port reopens", body)
	w := newTestWindow(t, store, clk, Options{})
	w.Window.Resize(fyne.NewSize(1280, 720))
	w.OpenDraft(a.ID)
	w.settle()
	c := w.Window.Canvas()
	c.Focus(w.form.body)
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyF6})
	if c.Focused() != fyne.Focusable(w.preview) {
		t.Fatalf("F6 from the body went to %T, want the preview", c.Focused())
	}
	key := func(k fyne.KeyName) float32 {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: k})
		return w.preview.ScrollOffset()
	}
	if got := w.preview.ScrollOffset(); got != 0 {
		t.Fatalf("the preview starts scrolled to %v", got)
	}
	down := key(fyne.KeyDown)
	if down <= 0 {
		t.Fatalf("Down did not scroll the preview (offset %v)", down)
	}
	page := key(fyne.KeyPageDown)
	if page-down <= down {
		t.Errorf("Page Down scrolled %v, no more than Down's %v", page-down, down)
	}
	if got := key(fyne.KeyUp); got >= page {
		t.Errorf("Up did not scroll back (%v from %v)", got, page)
	}
	end := key(fyne.KeyEnd)
	if want := w.preview.total - w.preview.scroll.Size().Height; end != want || end <= page {
		t.Errorf("End scrolled to %v, want the bottom %v", end, want)
	}
	if got := key(fyne.KeyPageUp); got >= end {
		t.Errorf("Page Up did not scroll back from the bottom (%v)", got)
	}
	if got := key(fyne.KeyHome); got != 0 {
		t.Errorf("Home scrolled to %v, want the top", got)
	}
	if w.article.Body != body {
		t.Error("keys in the preview changed the body")
	}
}

// TestFormScrollsToTheFocusedField: tabbing into a field below the fold
// scrolls the form so that the field can be seen.
func TestFormScrollsToTheFocusedField(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	w.Window.Resize(fyne.NewSize(1280, 720))
	if w.form.scroll.Offset.Y != 0 {
		t.Fatalf("the form starts scrolled to %v", w.form.scroll.Offset.Y)
	}
	w.Window.Canvas().Focus(w.form.tags)
	d := w.app.Driver()
	top := d.AbsolutePositionForObject(w.form.tags).Y - d.AbsolutePositionForObject(w.form.scroll).Y
	if top < 0 || top+w.form.tags.Size().Height > w.form.scroll.Size().Height {
		t.Errorf("the focused Tags field is at %v..%v of a %v-high form view: not in view", top, top+w.form.tags.Size().Height, w.form.scroll.Size().Height)
	}
	w.Window.Canvas().Focus(w.form.headline)
	if w.form.scroll.Offset.Y != 0 {
		t.Errorf("back on the headline the form is still scrolled to %v", w.form.scroll.Offset.Y)
	}
}

// TestBodyGetsHalfTheWindowOnALaptop: in the window a 1280x800 screen
// opens (1152x720), with the library hidden, the body is at least half the
// window's height.
func TestBodyGetsHalfTheWindowOnALaptop(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	size := fitWindowSize(fyne.Size{}, fyne.NewSize(1280, 800), true)
	w.Window.Resize(size)
	w.typeShortcut(shortcutToggleLibrary)
	if h := w.form.body.Size().Height; h < size.Height/2 {
		t.Errorf("the body is %v high in a %v window, want at least half", h, size)
	}
}
