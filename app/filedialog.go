package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// This file is Dateline's own file dialog, used when the desktop has no
// file chooser (no XDG portal, another system, or DATELINE_FILE_DIALOG set
// to "dateline"). It is made for the keyboard:
//
//   - the path field has the focus at open (in a Save dialog, the file name
//     field): type or paste a path, absolute, ~/… or relative to the folder
//     shown; Tab completes a unique prefix (or as far as the matches agree);
//     Enter opens a folder or chooses a file; Down moves into the list;
//   - the list shows the folder's entries, folders first, then the files
//     the format filter keeps ("All files" shows every file); Up/Down,
//     Page Up/Down, Home/End move, Enter opens a folder or chooses, Space
//     marks several files where several may be chosen, Backspace goes to
//     the parent folder, typing a letter goes back to the path field;
//   - Escape cancels; Save asks before replacing a file; the folders where
//     files were chosen are remembered (Recent), and the dialog opens in the
//     last one.

// fileDialogKind is what a file dialog asks for.
type fileDialogKind int

const (
	// pickFiles asks for files to read (several when multiple is set).
	pickFiles fileDialogKind = iota
	// pickSave asks where to write a file.
	pickSave
	// pickFolder asks for a folder.
	pickFolder
)

// fileRequest describes a file dialog.
type fileRequest struct {
	title string
	kind  fileDialogKind
	// multiple lets pickFiles choose several files.
	multiple bool
	// exts are the file name extensions the list shows (".md"), matched
	// without regard to case; none shows every file.
	exts []string
	// name is the file name a Save dialog suggests.
	name string
	// confirm is the label of the button that chooses.
	confirm string
	// start is the folder to open in; "" is the last folder used.
	start string
}

// prefRecentFolders is the preference key of the recent folders, newest
// first.
const prefRecentFolders = "filedialog.recent"

// maxRecentFolders is how many recent folders are remembered.
const maxRecentFolders = 8

// dirEntry is one row of the list.
type dirEntry struct {
	name  string
	isDir bool
}

// fileDialog is Dateline's keyboard file dialog.
type fileDialog struct {
	win   fyne.Window
	req   fileRequest
	prefs fyne.Preferences
	home  string
	// done gets the chosen paths, absolute and clean, after the dialog has
	// closed; it is not called on cancel.
	done func(paths []string)

	dir     string
	entries []dirEntry
	// marked holds the paths of the marked files, in marking order.
	marked []string
	// cur is the list row under the cursor, -1 for none.
	cur int

	where   *widget.Label
	path    *pathEntry
	name    *keyEntry
	list    *fileList
	all     *widget.Check
	recent  *widget.Select
	message *widget.Label
	accept  *widget.Button
	dlg     *dialog.CustomDialog
	// confirming is the overwrite question while it is open.
	confirming dialog.Dialog
}

// showFileDialog opens a file dialog for req over win; done gets the
// chosen paths.
func showFileDialog(win fyne.Window, prefs fyne.Preferences, req fileRequest, done func(paths []string)) *fileDialog {
	d := newFileDialog(win, prefs, req, done)
	d.dlg.Show()
	d.focusStart()
	return d
}

func newFileDialog(win fyne.Window, prefs fyne.Preferences, req fileRequest, done func(paths []string)) *fileDialog {
	d := &fileDialog{win: win, req: req, prefs: prefs, done: done, cur: -1}
	d.home, _ = os.UserHomeDir()
	d.where = widget.NewLabel("")
	d.where.Truncation = fyne.TextTruncateEllipsis
	d.where.TextStyle.Bold = true
	d.message = widget.NewLabel("")
	d.message.Wrapping = fyne.TextWrapWord
	d.message.Importance = widget.DangerImportance
	d.path = newPathEntry(d)
	d.path.SetPlaceHolder("Type a path: /…, ~/… or a name here; Tab completes")
	d.list = newFileList(d)
	d.all = widget.NewCheck("All files", func(bool) { d.load(d.dir, d.curName()) })
	if len(req.exts) == 0 || req.kind == pickFolder {
		d.all.Hide()
	}
	d.recent = widget.NewSelect(nil, func(dir string) {
		if dir != "" && dir != d.dir {
			d.open(dir)
		}
	})
	d.recent.PlaceHolder = "Recent folders"
	d.recent.SetOptions(d.recentFolders())

	cancel := widget.NewButton("Cancel", d.cancel)
	label := req.confirm
	if label == "" {
		label = map[fileDialogKind]string{pickFiles: "Open", pickSave: "Save", pickFolder: "Choose folder"}[req.kind]
	}
	d.accept = widget.NewButton(label, d.acceptTyped)
	d.accept.Importance = widget.HighImportance

	top := container.NewBorder(nil, nil, nil, d.recent, d.where)
	fields := container.NewVBox(top, d.path)
	var bottom []fyne.CanvasObject
	if req.kind == pickSave {
		d.name = newKeyEntry(d.nameKey)
		d.name.SetText(req.name)
		d.name.OnSubmitted = func(string) { d.submitName() }
		bottom = append(bottom, widget.NewForm(widget.NewFormItem("File name", d.name)))
	}
	bottom = append(bottom, container.NewBorder(nil, nil, d.all, nil, d.message))
	listArea := container.NewGridWrap(fyne.NewSize(620, 320), d.list)
	content := container.NewBorder(fields, container.NewVBox(bottom...), nil, nil, listArea)
	d.dlg = dialog.NewCustomWithoutButtons(req.title, content, win)
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.accept})

	start := req.start
	if start == "" {
		if r := d.recentFolders(); len(r) > 0 {
			start = r[0]
		}
	}
	if !isDir(start) {
		start = d.home
	}
	if !isDir(start) {
		start, _ = os.Getwd()
	}
	d.load(start, "")
	return d
}

// focusStart puts the focus where typing starts: the file name in a Save
// dialog, the path field otherwise.
func (d *fileDialog) focusStart() {
	if d.name != nil {
		d.win.Canvas().Focus(d.name)
		return
	}
	d.win.Canvas().Focus(d.path)
}

// recentFolders are the remembered folders that still exist.
func (d *fileDialog) recentFolders() []string {
	var out []string
	for _, dir := range d.prefs.StringList(prefRecentFolders) {
		if isDir(dir) {
			out = append(out, dir)
		}
	}
	return out
}

// remember puts dir first among the recent folders.
func (d *fileDialog) remember(dir string) {
	list := []string{dir}
	for _, r := range d.prefs.StringList(prefRecentFolders) {
		if r != dir && len(list) < maxRecentFolders {
			list = append(list, r)
		}
	}
	d.prefs.SetStringList(prefRecentFolders, list)
}

// isDir reports whether path names a folder (following links).
func isDir(path string) bool {
	if path == "" {
		return false
	}
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// open shows dir, the cursor on its first row.
func (d *fileDialog) open(dir string) { d.load(dir, "") }

// load reads dir into the list, puts the cursor on the row named sel (or
// the first) and says why when the folder cannot be read. The marks of
// another folder are kept: files can be marked in several folders.
func (d *fileDialog) load(dir, sel string) {
	entries, err := readFolder(dir, d.req.kind, d.shownExts())
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		d.say(fmt.Sprintf("Cannot read the folder “%s”: %v", dir, err))
		if d.dir != "" {
			return
		}
	} else {
		d.say("")
	}
	d.dir = dir
	d.entries = entries
	d.where.SetText(dir)
	d.cur = -1
	if len(entries) > 0 {
		d.cur = 0
	}
	for i, e := range entries {
		if e.name == sel {
			d.cur = i
		}
	}
	d.list.reset()
}

// curName is the name of the row under the cursor, "" for none.
func (d *fileDialog) curName() string {
	if d.cur < 0 || d.cur >= len(d.entries) {
		return ""
	}
	return d.entries[d.cur].name
}

// shownExts are the extensions the list keeps, nil for all.
func (d *fileDialog) shownExts() []string {
	if d.all.Checked {
		return nil
	}
	return d.req.exts
}

// readFolder lists dir for the dialog: folders first, then the files
// whose extension is one of exts (every file when exts is empty; none
// when kind is pickFolder), each group sorted by name without regard to
// case. Hidden entries (".name") are left out; a typed path reaches them.
func readFolder(dir string, kind fileDialogKind, exts []string) ([]dirEntry, error) {
	list, err := os.ReadDir(dir)
	if err != nil && len(list) == 0 {
		return nil, err
	}
	var dirs, files []dirEntry
	for _, e := range list {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			isDir = isDirPath(filepath.Join(dir, e.Name()))
		}
		switch {
		case isDir:
			dirs = append(dirs, dirEntry{e.Name(), true})
		case kind != pickFolder && matchesExt(e.Name(), exts):
			files = append(files, dirEntry{e.Name(), false})
		}
	}
	byName := func(a, b dirEntry) int {
		if c := strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name)); c != 0 {
			return c
		}
		return strings.Compare(a.name, b.name)
	}
	slices.SortFunc(dirs, byName)
	slices.SortFunc(files, byName)
	return append(dirs, files...), nil
}

// isDirPath is isDir for readFolder's links.
var isDirPath = isDir

// matchesExt reports whether name ends in one of exts, in any case; every
// name matches no extensions.
func matchesExt(name string, exts []string) bool {
	if len(exts) == 0 {
		return true
	}
	lower := strings.ToLower(name)
	for _, ext := range exts {
		if strings.HasSuffix(lower, strings.ToLower(ext)) {
			return true
		}
	}
	return false
}

// expandPath turns what was typed into an absolute, clean path: a file://
// URI or a quoted path (as file managers paste them) is unwrapped, ~ is
// the home folder, and a relative path is taken from dir.
func expandPath(dir, home, typed string) string {
	p := strings.TrimSpace(typed)
	if len(p) >= 2 && (p[0] == '"' && p[len(p)-1] == '"' || p[0] == '\'' && p[len(p)-1] == '\'') {
		p = p[1 : len(p)-1]
	}
	if strings.HasPrefix(p, "file://") {
		if path, ok := fileURIPath(p); ok {
			p = path
		}
	}
	switch {
	case p == "~":
		p = home
	case strings.HasPrefix(p, "~/"):
		p = filepath.Join(home, p[2:])
	case !filepath.IsAbs(p):
		p = filepath.Join(dir, p)
	}
	return filepath.Clean(p)
}

// completePath completes typed, a path as the user writes it, against the
// folder it names: the one match's name (a folder with a slash after it),
// or as far as all matches agree. It returns the new text and how many
// entries matched; the text is unchanged when nothing is added. Hidden
// entries match only a prefix that starts with a dot. What was typed
// before the last slash stays as typed (~ is not expanded).
func completePath(dir, home, typed string, kind fileDialogKind, exts []string) (string, int) {
	head, prefix := "", typed
	if i := strings.LastIndex(typed, "/"); i >= 0 {
		head, prefix = typed[:i+1], typed[i+1:]
	}
	folder := dir
	if head != "" {
		folder = expandPath(dir, home, head)
	}
	list, err := os.ReadDir(folder)
	if err != nil && len(list) == 0 {
		return typed, 0
	}
	var names []string
	for _, e := range list {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || strings.HasPrefix(name, ".") && !strings.HasPrefix(prefix, ".") {
			continue
		}
		isDir := e.IsDir() || e.Type()&fs.ModeSymlink != 0 && isDirPath(filepath.Join(folder, name))
		if isDir {
			name += "/"
		} else if kind == pickFolder || !matchesExt(name, exts) {
			continue
		}
		names = append(names, name)
	}
	switch len(names) {
	case 0:
		return typed, 0
	case 1:
		return head + names[0], 1
	}
	sort.Strings(names)
	common := names[0]
	for _, n := range names[1:] {
		for !strings.HasPrefix(n, common) {
			common = common[:len(common)-1]
		}
	}
	return head + common, len(names)
}

// say shows msg under the list ("" clears it).
func (d *fileDialog) say(msg string) {
	d.message.SetText(msg)
}

// complete is Tab in the path field: it completes and reports whether
// anything was added.
func (d *fileDialog) complete() bool {
	typed := d.path.Text
	if typed == "" {
		return false
	}
	text, n := completePath(d.dir, d.home, typed, d.req.kind, d.shownExts())
	switch {
	case n == 0:
		d.say(fmt.Sprintf("Nothing here starts with “%s”.", typed))
		return false
	case text == typed && n > 1:
		d.say(fmt.Sprintf("%d entries start with “%s”; type more of the name.", n, typed))
		return true
	case text == typed:
		return false
	}
	d.say("")
	if n > 1 {
		d.say(fmt.Sprintf("%d entries start with “%s”.", n, text))
	}
	d.path.SetText(text)
	d.path.CursorColumn = len([]rune(text))
	d.path.Refresh()
	return true
}

// acceptTyped is Enter in the path field and the dialog's button: a typed
// path is opened or chosen; with the field empty, the marked files, or
// else the folder shown (pickFolder), the file name (pickSave) or the row
// under the cursor are chosen.
func (d *fileDialog) acceptTyped() {
	typed := strings.TrimSpace(d.path.Text)
	if typed != "" {
		d.submitPath(expandPath(d.dir, d.home, typed))
		return
	}
	switch {
	case d.req.kind == pickFolder:
		d.finish([]string{d.dir})
	case d.req.kind == pickSave:
		d.submitName()
	case len(d.marked) > 0:
		d.finish(slices.Clone(d.marked))
	case d.cur >= 0 && d.cur < len(d.entries):
		d.enterRow(d.cur)
	default:
		d.say("Type a path, or choose a file in the list.")
	}
}

// submitPath acts on a typed path: a folder opens; a file is chosen (with
// the files marked so far) or, in a Save dialog, written to.
func (d *fileDialog) submitPath(p string) {
	st, err := os.Stat(p)
	if err != nil {
		if d.req.kind == pickSave && isDir(filepath.Dir(p)) {
			d.saveTo(p)
			return
		}
		d.say(notFound(p, err))
		return
	}
	if st.IsDir() {
		d.path.SetText("")
		d.open(p)
		return
	}
	switch d.req.kind {
	case pickFolder:
		d.say(fmt.Sprintf("“%s” is a file; choose a folder.", p))
	case pickSave:
		d.saveTo(p)
	default:
		if !d.req.multiple {
			d.finish([]string{p})
			return
		}
		d.finish(appendPath(slices.Clone(d.marked), p))
	}
}

// notFound says clearly why a typed path cannot be used.
func notFound(p string, err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		dir := filepath.Dir(p)
		for !isDir(dir) && dir != filepath.Dir(dir) {
			dir = filepath.Dir(dir)
		}
		return fmt.Sprintf("“%s” does not exist (the nearest folder that does is %s).", p, dir)
	}
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Sprintf("“%s” cannot be read: permission denied.", p)
	}
	return fmt.Sprintf("“%s” cannot be used: %v", p, err)
}

func appendPath(list []string, p string) []string {
	if slices.Contains(list, p) {
		return list
	}
	return append(list, p)
}

// submitName is Enter in a Save dialog's file name field: a name (or a
// path) to write to, or a folder to open.
func (d *fileDialog) submitName() {
	name := strings.TrimSpace(d.name.Text)
	if name == "" {
		d.say("Type a file name.")
		d.win.Canvas().Focus(d.name)
		return
	}
	p := expandPath(d.dir, d.home, name)
	if isDir(p) {
		d.name.SetText(d.req.name)
		d.open(p)
		return
	}
	if !isDir(filepath.Dir(p)) {
		d.say(fmt.Sprintf("The folder “%s” does not exist.", filepath.Dir(p)))
		return
	}
	d.saveTo(p)
}

// saveTo chooses p for a Save dialog, asking first when a file is there.
func (d *fileDialog) saveTo(p string) {
	if _, err := os.Stat(p); err != nil {
		d.finish([]string{p})
		return
	}
	c := dialog.NewConfirm("Replace the file?",
		fmt.Sprintf("“%s” already exists in %s.\nReplace it?", filepath.Base(p), filepath.Dir(p)),
		func(yes bool) {
			d.confirming = nil
			if yes {
				d.finish([]string{p})
				return
			}
			d.focusStart()
		}, d.win)
	c.SetConfirmText("Replace")
	c.SetDismissText("Cancel")
	c.SetConfirmImportance(widget.DangerImportance)
	d.confirming = c
	c.Show()
}

// finish closes the dialog, remembers the folder and hands on paths.
func (d *fileDialog) finish(paths []string) {
	if len(paths) == 0 {
		return
	}
	folder := paths[0]
	if d.req.kind != pickFolder {
		folder = filepath.Dir(folder)
	}
	d.remember(folder)
	d.dlg.Hide()
	d.done(paths)
}

// cancel closes the dialog without a choice.
func (d *fileDialog) cancel() { d.dlg.Hide() }

// enterRow is Enter on row i: a folder opens; a file is chosen, together
// with the marked ones (which are the choice when there are any).
func (d *fileDialog) enterRow(i int) {
	if i < 0 || i >= len(d.entries) {
		return
	}
	e := d.entries[i]
	p := filepath.Join(d.dir, e.name)
	switch {
	case e.isDir:
		d.open(p)
	case d.req.kind == pickSave:
		d.name.SetText(e.name)
		d.saveTo(p)
	case len(d.marked) > 0:
		d.finish(slices.Clone(d.marked))
	default:
		d.finish([]string{p})
	}
}

// toggleMark is Space on row i: it marks or unmarks a file. Where only one
// file may be chosen, marking one unmarks the other.
func (d *fileDialog) toggleMark(i int) {
	if i < 0 || i >= len(d.entries) || d.entries[i].isDir || d.req.kind != pickFiles {
		return
	}
	p := filepath.Join(d.dir, d.entries[i].name)
	if k := slices.Index(d.marked, p); k >= 0 {
		d.marked = slices.Delete(d.marked, k, k+1)
	} else if d.req.multiple {
		d.marked = append(d.marked, p)
	} else {
		d.marked = []string{p}
	}
	switch n := len(d.marked); n {
	case 0:
		d.say("")
	case 1:
		d.say("1 file marked; Enter chooses it.")
	default:
		d.say(fmt.Sprintf("%d files marked; Enter chooses them.", n))
	}
	d.list.RefreshItem(i)
}

// isMarked reports whether row i is a marked file.
func (d *fileDialog) isMarked(i int) bool {
	return i >= 0 && i < len(d.entries) && slices.Contains(d.marked, filepath.Join(d.dir, d.entries[i].name))
}

// parent shows the folder above the one shown, the cursor on the folder
// left.
func (d *fileDialog) parent() {
	up := filepath.Dir(d.dir)
	if up == d.dir {
		return
	}
	d.load(up, filepath.Base(d.dir))
}

// nameKey handles the Save dialog's file name field's keys (keyEntry).
func (d *fileDialog) nameKey(name fyne.KeyName) bool {
	switch name {
	case fyne.KeyEscape:
		d.cancel()
	case fyne.KeyUp:
		d.win.Canvas().Focus(d.path)
	default:
		return false // Enter is the entry's OnSubmitted
	}
	return true
}

// pathEntry is the path field: Tab completes, Enter opens or chooses,
// Down goes into the list, Escape cancels, and Backspace in the empty
// field goes to the parent folder.
type pathEntry struct {
	widget.Entry
	d *fileDialog
}

func newPathEntry(d *fileDialog) *pathEntry {
	e := &pathEntry{d: d}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab implements fyne.Tabbable: Tab completes the path, and moves
// on only when there is nothing to complete.
func (e *pathEntry) AcceptsTab() bool { return true }

// TypedKey implements fyne.Focusable.
func (e *pathEntry) TypedKey(ev *fyne.KeyEvent) {
	d := e.d
	switch ev.Name {
	case fyne.KeyTab:
		if shiftHeld() {
			d.win.Canvas().FocusPrevious()
		} else if !d.complete() {
			d.win.Canvas().FocusNext()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		d.acceptTyped()
	case fyne.KeyEscape:
		d.cancel()
	case fyne.KeyDown, fyne.KeyPageDown:
		d.win.Canvas().Focus(d.list)
	case fyne.KeyBackspace:
		if e.Text == "" {
			d.parent()
			return
		}
		e.Entry.TypedKey(ev)
	default:
		e.Entry.TypedKey(ev)
	}
}

// shiftHeld reports whether Shift is down, on a desktop driver.
func shiftHeld() bool {
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
}

// fileList is the dialog's list: it takes the keys itself (see the top of
// the file) and shows the row under the cursor as selected.
type fileList struct {
	widget.List
	d *fileDialog
	// focusAt is where widget.List's own focus mark is; it is moved with
	// the cursor, a row at a time, as List offers no other way.
	focusAt int
	moving  bool
}

func newFileList(d *fileDialog) *fileList {
	l := &fileList{d: d}
	l.Length = func() int { return len(d.entries) }
	l.CreateItem = func() fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewIcon(theme.FileIcon()), nil, widget.NewLabel(""))
	}
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		row := o.(*fyne.Container)
		label, icon := row.Objects[0].(*widget.Label), row.Objects[1].(*widget.Icon)
		if i >= len(d.entries) {
			return
		}
		e := d.entries[i]
		label.TextStyle.Bold = d.isMarked(i)
		switch {
		case e.isDir:
			icon.SetResource(theme.FolderIcon())
			label.SetText(e.name + "/")
		case d.isMarked(i):
			icon.SetResource(theme.CheckButtonCheckedIcon())
			label.SetText(e.name)
		default:
			icon.SetResource(theme.FileIcon())
			label.SetText(e.name)
		}
	}
	l.OnSelected = func(i widget.ListItemID) {
		if l.moving {
			return
		}
		// A click: the cursor goes there; a folder opens, a file is
		// marked where several may be chosen.
		d.cur = i
		l.focusAt = i // List moved its focus mark to the tapped row
		l.syncFocus()
		if i < len(d.entries) && d.entries[i].isDir {
			d.enterRow(i)
		} else if d.req.multiple {
			d.toggleMark(i)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// reset shows a new folder.
func (l *fileList) reset() {
	l.moving = true
	l.UnselectAll()
	l.moving = false
	l.Refresh()
	l.ScrollToTop()
	l.moveTo(l.d.cur)
}

// moveTo puts the cursor on row i (clamped to the list).
func (l *fileList) moveTo(i int) {
	n := len(l.d.entries)
	if n == 0 {
		l.d.cur = -1
		return
	}
	i = min(max(i, 0), n-1)
	l.d.cur = i
	l.moving = true
	l.Select(i)
	l.moving = false
	l.ScrollTo(i)
	l.syncFocus()
}

// syncFocus moves widget.List's focus mark to the cursor.
func (l *fileList) syncFocus() {
	for l.focusAt > l.d.cur && l.focusAt > 0 {
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
		l.focusAt--
	}
	for l.focusAt < l.d.cur {
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		l.focusAt++
	}
}

// pageRows is how far Page Up and Page Down move.
const pageRows = 10

// TypedKey implements fyne.Focusable.
func (l *fileList) TypedKey(ev *fyne.KeyEvent) {
	d := l.d
	switch ev.Name {
	case fyne.KeyUp:
		if d.cur <= 0 {
			d.win.Canvas().Focus(d.path)
			return
		}
		l.moveTo(d.cur - 1)
	case fyne.KeyDown:
		l.moveTo(d.cur + 1)
	case fyne.KeyPageUp:
		l.moveTo(d.cur - pageRows)
	case fyne.KeyPageDown:
		l.moveTo(d.cur + pageRows)
	case fyne.KeyHome:
		l.moveTo(0)
	case fyne.KeyEnd:
		l.moveTo(len(d.entries) - 1)
	case fyne.KeySpace:
		d.toggleMark(d.cur)
	case fyne.KeyReturn, fyne.KeyEnter:
		if d.req.kind == pickFolder && (d.cur < 0 || d.cur >= len(d.entries)) {
			d.finish([]string{d.dir})
			return
		}
		d.enterRow(d.cur)
	case fyne.KeyBackspace, fyne.KeyLeft:
		d.parent()
	case fyne.KeyRight:
		if d.cur >= 0 && d.cur < len(d.entries) && d.entries[d.cur].isDir {
			d.enterRow(d.cur)
		}
	case fyne.KeyEscape:
		d.cancel()
	}
}

// TypedRune implements fyne.Focusable: typing goes to the path field, so
// that a path can be typed from anywhere in the dialog. Space marks.
func (l *fileList) TypedRune(r rune) {
	if r == ' ' {
		return // KeySpace does it
	}
	d := l.d
	d.win.Canvas().Focus(d.path)
	d.path.TypedRune(r)
}
