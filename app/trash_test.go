package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/dateline-news/dateline/editor"
)

// counts returns how many drafts are live and in Trash.
func counts(t testing.TB, s editor.Store) (live, trashed int) {
	t.Helper()
	ctx := context.Background()
	live, err := s.Count(ctx, editor.ListOptions{})
	if err == nil {
		trashed, err = s.Count(ctx, editor.ListOptions{Trashed: true})
	}
	if err != nil {
		t.Fatal(err)
	}
	return live, trashed
}

func TestDeleteKeyMovesToTrashWithUndo(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Tea harvest", "Growers counted losses.")
	b := seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	if w.article == nil || w.article.ID != b.ID {
		t.Fatal("newest draft not opened")
	}

	w.act(func() { w.library.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete}) })
	w.settle()
	if live, trashed := counts(t, store); live != 1 || trashed != 1 {
		t.Fatalf("after Delete: %d live, %d in Trash; want 1 and 1", live, trashed)
	}
	if w.article != nil {
		t.Error("the trashed draft is still open")
	}
	if w.library.list.Length() != 1 {
		t.Errorf("library lists %d drafts, want 1", w.library.list.Length())
	}
	if !w.browser.undoBar.Visible() {
		t.Fatal("no Undo offered")
	}

	w.act(func() { test.Tap(w.browser.undoBtn) })
	w.settle()
	if live, trashed := counts(t, store); live != 2 || trashed != 0 {
		t.Fatalf("after Undo: %d live, %d in Trash; want 2 and 0", live, trashed)
	}
	if w.article == nil || w.article.ID != b.ID {
		t.Error("Undo did not reopen the draft")
	}
	if w.library.list.Length() != 2 {
		t.Errorf("library lists %d drafts after Undo, want 2", w.library.list.Length())
	}

	// The Draft menu's Move to Trash does the same.
	var item *fyne.MenuItem
	for _, m := range w.Window.MainMenu().Items {
		for _, it := range m.Items {
			if m.Label == "Draft" && it.Label == "Move to Trash" {
				item = it
			}
		}
	}
	if item == nil || item.Shortcut == nil {
		t.Fatal("no Draft ▸ Move to Trash menu item with a shortcut")
	}
	w.act(func() { item.Action() })
	w.settle()
	if _, trashed := counts(t, store); trashed != 1 {
		t.Errorf("Move to Trash from the menu: %d in Trash, want 1", trashed)
	}
}

func TestTrashViewRestoreAndEmpty(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Tea harvest", "Growers counted losses.")
	seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	if err := store.Trash(context.Background(), a.ID); err != nil {
		t.Fatal(err)
	}

	w.act(func() { w.browser.mode.SetSelected(modeTrash) })
	w.settle()
	if got := w.library.list.Length(); got != 1 {
		t.Fatalf("Trash view lists %d drafts, want 1", got)
	}
	if got := w.library.count.Text; got != "1 draft in Trash" {
		t.Errorf("count line %q", got)
	}
	if !w.browser.trashBar.Visible() || !w.browser.restoreBtn.Disabled() {
		t.Error("Trash view shows no Restore/Empty Trash, or Restore is enabled with nothing picked")
	}
	open := w.article.ID
	w.act(func() { w.library.list.Select(0) })
	w.settle()
	if w.article.ID != open {
		t.Error("picking a draft in Trash opened it for editing")
	}
	w.act(func() { test.Tap(w.browser.restoreBtn) })
	w.settle()
	if live, trashed := counts(t, store); live != 2 || trashed != 0 {
		t.Fatalf("after Restore: %d live, %d in Trash", live, trashed)
	}
	if got := w.library.count.Text; got != "Trash is empty" {
		t.Errorf("count line after Restore = %q", got)
	}

	// Empty Trash asks first; Cancel keeps everything.
	if err := store.Trash(context.Background(), a.ID); err != nil {
		t.Fatal(err)
	}
	w.act(func() { test.Tap(w.browser.emptyBtn) })
	w.settle()
	w.act(func() { test.Tap(buttonIn(t, topOverlay(t, w.MainWindow), "Cancel")) })
	w.settle()
	if _, trashed := counts(t, store); trashed != 1 {
		t.Fatalf("Cancel emptied Trash: %d left", trashed)
	}
	w.act(func() { test.Tap(w.browser.emptyBtn) })
	w.settle()
	w.act(func() { test.Tap(buttonIn(t, topOverlay(t, w.MainWindow), "Delete for good")) })
	w.settle()
	if live, trashed := counts(t, store); live != 1 || trashed != 0 {
		t.Fatalf("after Empty Trash: %d live, %d in Trash", live, trashed)
	}
	if _, err := store.Get(context.Background(), a.ID); editor.ErrorCode(err) != editor.ENOTFOUND {
		t.Errorf("emptied draft still found: %v", err)
	}

	// Back in the library view the live drafts show again.
	w.act(func() { w.browser.mode.SetSelected(modeLibrary) })
	w.settle()
	if got := w.library.list.Length(); got != 1 {
		t.Errorf("library lists %d drafts, want 1", got)
	}
}
