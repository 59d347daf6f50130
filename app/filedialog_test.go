package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/dateline-news/dateline/editor"
)

// press sends key to the window as the desktop driver does: to the
// focused widget (Tab only to one that takes Tab, else the focus moves
// on), or to the canvas when nothing has the focus (a confirmation).
func press(c fyne.Canvas, key fyne.KeyName) {
	f := c.Focused()
	switch {
	case f == nil:
		typeOnCanvas(c, key)
	case key == fyne.KeyTab:
		if tf, ok := f.(fyne.Tabbable); ok && tf.AcceptsTab() {
			f.TypedKey(&fyne.KeyEvent{Name: key})
		} else {
			c.FocusNext()
		}
	default:
		f.TypedKey(&fyne.KeyEvent{Name: key})
	}
}

// typeText types s into the focused widget, rune by rune.
func typeText(c fyne.Canvas, s string) {
	for _, r := range s {
		c.Focused().TypedRune(r)
	}
}

// openFileDialog is the file dialog shown on top of the window.
func openFileDialog(t *testing.T, c fyne.Canvas) *fileDialog {
	t.Helper()
	var d *fileDialog
	walk(c.Overlays().Top(), func(o fyne.CanvasObject) {
		if p, ok := o.(*pathEntry); ok {
			d = p.d
		}
	})
	if d == nil {
		t.Fatal("no file dialog is open")
	}
	return d
}

// storyFiles writes a Markdown story per headline into dir.
func storyFiles(t *testing.T, w *MainWindow, dir string, files map[string]string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, headline := range files {
		a := editor.NewArticle(testEpoch)
		a.Headline, a.Body, a.Slug = headline, "Text of "+headline+".", editor.Slugify(headline)
		data, err := editor.Export(editor.FormatMarkdown, a, w.profile, editor.RenderOptions{Now: testEpoch})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFileDialogImportsMarkedFilesByKeys drives Import with the keyboard
// alone: type the start of a folder's path, Tab completes it, Enter opens
// it, Down goes into the list (folders first, then only importable files),
// Space marks three stories, Enter imports the three.
func TestFileDialogImportsMarkedFilesByKeys(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	root := t.TempDir()
	wire := filepath.Join(root, "wire-copy")
	storyFiles(t, w.MainWindow, wire, map[string]string{
		"a-cod.md": "Cod quota cut", "b-herring.md": "Herring back", "c-port.md": "Port strike ends", "d-tide.md": "Tide tables",
	})
	if err := os.WriteFile(filepath.Join(wire, "notes.doc"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(wire, "older"), 0o755); err != nil {
		t.Fatal(err)
	}
	c := w.Window.Canvas()

	w.importer.ShowImportDialog()
	d := openFileDialog(t, c)
	if _, ok := c.Focused().(*pathEntry); !ok {
		t.Fatalf("the path field does not have the focus at open: %T", c.Focused())
	}
	typeText(c, filepath.Join(root, "wire-"))
	press(c, fyne.KeyTab)
	if got, want := d.path.Text, wire+"/"; got != want {
		t.Fatalf("Tab completed %q, want %q", got, want)
	}
	press(c, fyne.KeyReturn)
	if d.dir != wire || d.path.Text != "" {
		t.Fatalf("Enter on a folder's path shows %q with %q left in the field, want %q and an empty field", d.dir, d.path.Text, wire)
	}
	var names []string
	for _, e := range d.entries {
		names = append(names, e.name)
	}
	if got, want := strings.Join(names, " "), "older a-cod.md b-herring.md c-port.md d-tide.md"; got != want {
		t.Errorf("the list shows %q, want %q (folders first, no notes.doc)", got, want)
	}

	press(c, fyne.KeyDown) // into the list, on "older"
	if _, ok := c.Focused().(*fileList); !ok {
		t.Fatalf("Down did not move into the list: %T", c.Focused())
	}
	press(c, fyne.KeySpace) // a folder cannot be marked
	for range 2 {
		press(c, fyne.KeyDown)
		press(c, fyne.KeySpace)
	}
	press(c, fyne.KeyDown) // skip c-port.md
	press(c, fyne.KeyDown)
	press(c, fyne.KeySpace)
	if got := len(d.marked); got != 3 {
		t.Fatalf("%d files marked, want 3: %v", got, d.marked)
	}
	press(c, fyne.KeyReturn)
	w.settle()
	if got := countDrafts(t, store); got != 3 {
		t.Fatalf("library holds %d drafts, want the 3 marked files; status %q", got, w.StatusText())
	}
	list, err := store.List(t.Context(), editor.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, s := range list {
		heads = append(heads, s.Headline)
	}
	slices.Sort(heads)
	if got, want := strings.Join(heads, "|"), "Cod quota cut|Herring back|Tide tables"; got != want {
		t.Errorf("imported %q, want %q", got, want)
	}

	// The folder is remembered: the next dialog opens there, and Backspace
	// in the list goes up with the cursor on the folder left.
	w.importer.ShowImportDialog()
	d = openFileDialog(t, c)
	if d.dir != wire {
		t.Errorf("the next dialog opens in %q, want the last folder %q", d.dir, wire)
	}
	if got := d.recentFolders(); len(got) == 0 || got[0] != wire {
		t.Errorf("recent folders %v, want %q first", got, wire)
	}
	press(c, fyne.KeyDown)
	press(c, fyne.KeyBackspace)
	if d.dir != root || d.cur < 0 || d.entries[d.cur].name != "wire-copy" {
		t.Errorf("Backspace shows %q with the cursor on row %d, want %q on wire-copy", d.dir, d.cur, root)
	}
	press(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Error("Escape did not close the dialog")
	}
}

// TestFileDialogTypedPaths: an absolute path, a path relative to the
// folder shown and ~/… choose a file with Enter; a path that does not
// exist says so and keeps the dialog open; a file the filter hides is
// still listed with "All files".
func TestFileDialogTypedPaths(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	home := t.TempDir()
	t.Setenv("HOME", home)
	storyFiles(t, w.MainWindow, filepath.Join(home, "in"), map[string]string{"one.md": "First story"})
	storyFiles(t, w.MainWindow, filepath.Join(home, "in", "deep"), map[string]string{"two.md": "Second story"})
	c := w.Window.Canvas()

	w.importer.ShowImportDialog()
	d := openFileDialog(t, c)
	if d.dir != home {
		t.Fatalf("the first dialog opens in %q, want the home folder %q", d.dir, home)
	}
	missing := filepath.Join(home, "in", "nowhere", "x.md")
	typeText(c, missing)
	press(c, fyne.KeyReturn)
	if msg := d.message.Text; !strings.Contains(msg, missing) || !strings.Contains(msg, "does not exist") || !strings.Contains(msg, filepath.Join(home, "in")) {
		t.Errorf("a missing path says %q; want it named, 'does not exist' and the nearest folder", msg)
	}
	if c.Overlays().Top() == nil || countDrafts(t, store) != 0 {
		t.Fatal("a missing path closed the dialog or imported something")
	}

	d.path.SetText("~/in/one.md")
	press(c, fyne.KeyReturn)
	w.settle()
	if got := countDrafts(t, store); got != 1 || c.Overlays().Top() != nil {
		t.Fatalf("~/in/one.md + Enter: %d drafts, dialog open %v; message %q", got, c.Overlays().Top() != nil, d.message.Text)
	}

	w.importer.ShowImportDialog()
	d = openFileDialog(t, c)
	if d.dir != filepath.Join(home, "in") {
		t.Errorf("the dialog opens in %q, want the last folder", d.dir)
	}
	typeText(c, "de")
	press(c, fyne.KeyTab)
	typeText(c, "t")
	press(c, fyne.KeyTab)
	if got := d.path.Text; got != "deep/two.md" {
		t.Errorf("relative completion gave %q, want deep/two.md", got)
	}
	press(c, fyne.KeyReturn)
	w.settle()
	if got := countDrafts(t, store); got != 2 {
		t.Errorf("a relative path imported %d drafts in all, want 2", got)
	}
}

// TestFileDialogSaveAsksBeforeReplacing: a Save dialog opens with the
// suggested name in the focused file name field; Enter writes it; a
// second export to the same name asks, Escape keeps the old file, Enter
// on the question replaces it.
func TestFileDialogSaveAsksBeforeReplacing(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	out := t.TempDir()
	w.app.Preferences().SetStringList(prefRecentFolders, []string{out})
	a := seed(t, store, clk, "Ferry timetable changes", "The ferry will run hourly.")
	w.OpenDraft(a.ID)
	w.settle()
	c := w.Window.Canvas()

	export := func() *fileDialog {
		w.showExportSave(editor.FormatMarkdown, w.article)
		return openFileDialog(t, c)
	}
	d := export()
	if c.Focused() != fyne.Focusable(d.name) {
		t.Fatalf("the file name field does not have the focus: %T", c.Focused())
	}
	name := d.name.Text
	if !strings.HasSuffix(name, ".md") || !strings.Contains(name, "ferry") {
		t.Errorf("suggested name %q, want the story's Markdown file name", name)
	}
	d.name.OnSubmitted(d.name.Text) // Enter in the field
	w.settle()
	target := filepath.Join(out, name)
	first, err := os.ReadFile(target)
	if err != nil || !strings.Contains(string(first), "hourly") {
		t.Fatalf("Enter did not write %s: %v", target, err)
	}
	if err := os.WriteFile(target, []byte("older copy"), 0o644); err != nil {
		t.Fatal(err)
	}

	d = export()
	d.name.OnSubmitted(d.name.Text)
	if d.confirming == nil || !strings.Contains(overlayText(w.MainWindow), "already exists") {
		t.Fatalf("saving over a file did not ask; overlay: %q", overlayText(w.MainWindow))
	}
	press(c, fyne.KeyEscape)
	w.settle()
	if got, _ := os.ReadFile(target); string(got) != "older copy" {
		t.Fatalf("Escape on the question replaced the file: %q", got)
	}
	if c.Focused() != fyne.Focusable(d.name) {
		t.Errorf("after Cancel the focus is in %T, want the file name field", c.Focused())
	}
	d.name.OnSubmitted(d.name.Text)
	press(c, fyne.KeyReturn)
	w.settle()
	if got, _ := os.ReadFile(target); !strings.Contains(string(got), "hourly") {
		t.Errorf("Enter on the question did not replace the file: %q", got)
	}
	if c.Overlays().Top() != nil {
		t.Errorf("a dialog is still open: %q", overlayText(w.MainWindow))
	}

	// A name in a folder that does not exist is refused with a reason.
	d = export()
	d.name.SetText("missing/story.md")
	d.name.OnSubmitted(d.name.Text)
	if !strings.Contains(d.message.Text, "does not exist") {
		t.Errorf("a name in a missing folder says %q", d.message.Text)
	}
	press(c, fyne.KeyEscape)
}

// TestCompletePath checks the completion rule on a real folder.
func TestCompletePath(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"report-jan.md", "report-feb.md", "river.txt", ".hidden.md", "notes.doc"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "reports"), 0o755); err != nil {
		t.Fatal(err)
	}
	exts := []string{".md", ".txt"}
	cases := []struct {
		typed string
		want  string
		n     int
	}{
		{"rep", "report", 3},
		{"report-j", "report-jan.md", 1},
		{"reports", "reports/", 1},
		{"ri", "river.txt", 1},
		{"no", "no", 0}, // notes.doc is filtered out
		{".h", ".hidden.md", 1},
		{"x", "x", 0},
		{dir + "/report-f", dir + "/report-feb.md", 1},
	}
	for _, c := range cases {
		got, n := completePath(dir, "/home/none", c.typed, pickFiles, exts)
		if got != c.want || n != c.n {
			t.Errorf("completePath(%q) = %q, %d; want %q, %d", c.typed, got, n, c.want, c.n)
		}
	}
	if got, _ := completePath(dir, "/home/none", "r", pickFolder, nil); got != "reports/" {
		t.Errorf("a folder dialog completes %q to %q, want only the folder", "r", got)
	}
}

// TestExpandPath checks how typed paths are read.
func TestExpandPath(t *testing.T) {
	cases := map[string]string{
		"/abs/x.md":                "/abs/x.md",
		"  /abs/x.md ":             "/abs/x.md",
		"~":                        "/home/u",
		"~/wire/a.md":              "/home/u/wire/a.md",
		"sub/a.md":                 "/shown/sub/a.md",
		"../up.md":                 "/up.md",
		`"/quoted path/a.md"`:      "/quoted path/a.md",
		"file:///tmp/with%20space": "/tmp/with space",
	}
	for typed, want := range cases {
		if got := expandPath("/shown", "/home/u", typed); got != want {
			t.Errorf("expandPath(%q) = %q, want %q", typed, got, want)
		}
	}
}

// TestFileDialogChoosesAFolder: a folder dialog lists folders only; Enter
// on a typed folder opens it, Enter in the empty field chooses it; "All
// files" in a file dialog shows what the format filter hides.
func TestFileDialogChoosesAFolder(t *testing.T) {
	clk := newFakeClock()
	w := newTestWindow(t, openStore(t, clk), clk, Options{})
	root := t.TempDir()
	for _, dir := range []string{"out/web", "out/wire"} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "out", "notes.doc"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := w.Window.Canvas()
	var chosen []string
	w.showFileDialog(fileRequest{title: "Export library into a folder", kind: pickFolder}, func(p []string) { chosen = p })
	d := openFileDialog(t, c)
	typeText(c, filepath.Join(root, "out"))
	press(c, fyne.KeyReturn)
	if len(d.entries) != 2 || d.entries[0].name != "web" || d.entries[1].name != "wire" {
		t.Errorf("a folder dialog lists %v, want the two folders only", d.entries)
	}
	press(c, fyne.KeyDown)
	press(c, fyne.KeyDown)
	press(c, fyne.KeyReturn) // into wire
	press(c, fyne.KeyUp)     // back to the path field
	if _, ok := c.Focused().(*pathEntry); !ok {
		t.Fatalf("Up from the top of the list went to %T, want the path field", c.Focused())
	}
	press(c, fyne.KeyReturn)
	if want := filepath.Join(root, "out", "wire"); len(chosen) != 1 || chosen[0] != want {
		t.Errorf("chose %v, want %s", chosen, want)
	}

	w.showFileDialog(fileRequest{title: "Import", kind: pickFiles, exts: []string{".md"}}, func([]string) {})
	d = openFileDialog(t, c)
	d.open(filepath.Join(root, "out"))
	if len(d.entries) != 2 {
		t.Errorf("the .md filter shows %v", d.entries)
	}
	d.all.SetChecked(true)
	if len(d.entries) != 3 || d.entries[2].name != "notes.doc" {
		t.Errorf("All files shows %v, want notes.doc too", d.entries)
	}
	press(c, fyne.KeyEscape)
}
