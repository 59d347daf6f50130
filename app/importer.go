package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// Labels of the question asked when an imported file's UUID is already in
// the library.
const (
	clashReplaceLabel = "Replace as a new revision"
	clashAsNewLabel   = "Import as a new draft"
	clashSkipLabel    = "Skip"
)

// importFailure is a file that could not be imported and why.
type importFailure struct {
	name string
	err  error
}

// importClash is a parsed file whose UUID is already in the library,
// waiting for the user's answer.
type importClash struct {
	name     string
	article  *editor.Article
	existing string // the library draft's headline
}

// importer is File › Import…: the dialogs that choose the files, files
// dropped on the window, the questions about clashing IDs and the report.
// It reaches the window only through its env and the hooks below.
type importer struct {
	env panelEnv
	// added puts an imported draft in the library list.
	added func(editor.Summary)
	// busy reports whether the open draft has edits that are not stored
	// yet or are being stored.
	busy func() bool
	// open shows a draft in the form as a fresh editing session.
	open func(a *editor.Article)
	// systemImport asks the desktop's chooser for the files and imports
	// them, calling fallback if it fails; it reports false when there is
	// no desktop chooser (filechooser.go).
	systemImport func(fallback func()) bool
	// fileDialog opens Dateline's own file dialog (filedialog.go).
	fileDialog func(req fileRequest, done func(paths []string)) *fileDialog
}

// importJob is one import of one or more files: what went in, what failed
// and which files still wait for an answer. Its methods run on the UI
// goroutine; the store work runs on workers.
type importJob struct {
	im       *importer
	total    int
	imported []*editor.Article
	failed   []importFailure
	skipped  []string
	clashes  []importClash
	// reports say per imported file what the import recognised
	// (editor.ImportReport).
	reports []importReport
	// replaced holds the IDs of drafts that got an imported revision.
	replaced map[string]bool
}

// ShowImportDialog asks for files to import and imports them: the
// desktop's chooser when there is one, else Dateline's own file dialog
// (filedialog.go); both take several files at once. Files also come in by
// dropping them on the window.
func (im *importer) ShowImportDialog() {
	if !im.systemImport(im.showOwnImportDialog) {
		im.showOwnImportDialog()
	}
}

// showOwnImportDialog is Dateline's file dialog for files to import.
func (im *importer) showOwnImportDialog() { im.importDialog() }

// importDialog opens Dateline's file dialog of ShowImportDialog, its list
// filtered to the extensions of the format table's importers.
func (im *importer) importDialog() *fileDialog {
	req := fileRequest{title: "Import into Dateline", kind: pickFiles, multiple: true, exts: editor.ImportExtensions(), confirm: "Import"}
	return im.fileDialog(req, func(paths []string) {
		uris := make([]fyne.URI, len(paths))
		for i, p := range paths {
			uris[i] = fynestorage.NewFileURI(p)
		}
		im.ImportURIs(uris)
	})
}

// importDropped takes files dropped on the window.
func (im *importer) importDropped(_ fyne.Position, uris []fyne.URI) {
	if len(uris) > 0 {
		im.ImportURIs(uris)
	}
}

// ImportURIs imports the files on a worker goroutine. Each file is read and
// parsed whole before anything is stored, so a bad file leaves nothing
// behind and the rest of the batch still imports. A file whose UUID is
// already in the library is not stored until the user has answered whether
// to replace, import as new or skip it. At the end the imported drafts join
// the library list, the last one opens, and any failures are listed in one
// dialog.
func (im *importer) ImportURIs(uris []fyne.URI) {
	job := &importJob{im: im, total: len(uris), replaced: map[string]bool{}}
	if len(uris) == 1 {
		im.env.status("Importing "+uris[0].Name()+"…", false)
	} else {
		im.env.status(fmt.Sprintf("Importing %d files…", len(uris)), false)
	}
	now := im.env.clock.Now()
	prof := im.env.profile()
	store := im.env.store
	im.env.run(func() func() {
		ctx := context.Background()
		var imported []*editor.Article
		var failed []importFailure
		var clashes []importClash
		var skipped []string // already in the library with the same content
		var reports []importReport
		for _, uri := range uris {
			a, err := readImportURI(uri, prof)
			if err == nil {
				var stored *editor.Article
				stored, err = editor.AddImported(ctx, store, a, editor.ClashRefuse, now)
				if err == nil {
					imported = append(imported, stored)
					reports = append(reports, newImportReport(uri.Name(), stored))
					continue
				}
				if editor.IsDuplicate(err) {
					skipped = append(skipped, uri.Name())
					continue
				}
				if editor.ErrorCode(err) == editor.ECONFLICT {
					if existing, gerr := store.Get(ctx, a.ID); gerr == nil {
						clashes = append(clashes, importClash{name: uri.Name(), article: a, existing: articleHeadline(existing)})
						continue
					}
				}
			}
			failed = append(failed, importFailure{name: uri.Name(), err: err})
		}
		return func() {
			job.imported = append(job.imported, imported...)
			job.failed = append(job.failed, failed...)
			job.clashes = append(job.clashes, clashes...)
			job.skipped = append(job.skipped, skipped...)
			job.reports = append(job.reports, reports...)
			job.next()
		}
	})
}

// readImportURI reads and parses one file: its size is checked before it is
// read, its format comes from its name and content.
func readImportURI(uri fyne.URI, p editor.Profile) (*editor.Article, error) {
	if uri.Scheme() == "file" {
		st, err := os.Stat(uri.Path())
		if err != nil {
			return nil, editor.Errorf(editor.ENOTFOUND, "cannot read the file: %s", editor.PathErrorText(err))
		}
		if st.IsDir() {
			return nil, editor.Errorf(editor.EINVALID, "is a folder, not a file")
		}
		if st.Size() > editor.MaxImportBytes {
			return nil, editor.Errorf(editor.EINVALID, "the file is %.1f MB; imports are limited to %d MB", float64(st.Size())/(1<<20), editor.MaxImportBytes>>20)
		}
	}
	in, err := fynestorage.Reader(uri)
	if err != nil {
		return nil, editor.Errorf(editor.ENOTFOUND, "cannot read the file: %s", editor.PathErrorText(err))
	}
	defer in.Close()
	data, err := io.ReadAll(io.LimitReader(in, editor.MaxImportBytes+1))
	if err != nil {
		return nil, editor.Errorf(editor.EUNAVAILABLE, "cannot read the file: %s", editor.PathErrorText(err))
	}
	if len(data) > editor.MaxImportBytes {
		return nil, editor.Errorf(editor.EINVALID, "the file is larger than %d MB; imports are limited to %d MB", editor.MaxImportBytes>>20, editor.MaxImportBytes>>20)
	}
	f, err := editor.DetectFormat(uri.Name(), data, p)
	if err != nil {
		return nil, err
	}
	return editor.Import(f, data, p)
}

// next asks about the first file still waiting for an answer, or finishes
// the job when none is left.
func (j *importJob) next() {
	if len(j.clashes) == 0 {
		j.finish()
		return
	}
	c := j.clashes[0]
	j.clashes = j.clashes[1:]
	j.ask(c)
}

// ask shows the clash question for c. The dialog cannot be dismissed
// without an answer: each button stores or skips the file and moves on.
func (j *importJob) ask(c importClash) {
	msg := widget.NewLabel(fmt.Sprintf("%s has the same ID as the draft “%s”, which is already in the library.\n\n"+
		"Replace adds the file's text as a new revision of that draft; its earlier text stays in the history.\n"+
		"Import as a new draft keeps both, the file under a new ID.\nSkip leaves the library as it is.", c.name, c.existing))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons("Draft already in the library", container.NewPadded(msg), j.im.env.parent)
	answer := func(clash editor.Clash, skip bool) func() {
		return func() {
			d.Hide()
			if skip {
				j.skipped = append(j.skipped, c.name)
				j.next()
				return
			}
			j.store(c, clash)
		}
	}
	replace := widget.NewButton(clashReplaceLabel, answer(editor.ClashReplace, false))
	replace.Importance = widget.HighImportance
	asNew := widget.NewButton(clashAsNewLabel, answer(editor.ClashAsNew, false))
	skip := widget.NewButton(clashSkipLabel, answer(editor.ClashRefuse, true))
	d.SetButtons([]fyne.CanvasObject{skip, asNew, replace})
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// store adds a clashing file as the user chose. Before a draft gets a new
// revision, the open draft's edits are saved, so that its next autosave
// cannot write stale text over the import.
func (j *importJob) store(c importClash, clash editor.Clash) {
	env := j.im.env
	now := env.clock.Now()
	env.save(func(bool) {
		env.run(func() func() {
			stored, err := editor.AddImported(context.Background(), env.store, c.article, clash, now)
			return func() {
				if err != nil {
					j.failed = append(j.failed, importFailure{name: c.name, err: err})
				} else {
					j.imported = append(j.imported, stored)
					j.reports = append(j.reports, newImportReport(c.name, stored))
					if clash == editor.ClashReplace {
						j.replaced[stored.ID] = true
					}
				}
				j.next()
			}
		})
	})
}

// finish puts the imported drafts in the library list, opens the last one
// and reports the outcome.
func (j *importJob) finish() {
	im, env := j.im, j.im.env
	for _, a := range j.imported {
		im.added(summaryOf(a))
	}
	summary := j.summary()
	env.status(summary, len(j.failed) > 0)
	if len(j.failed) > 0 || j.agencyCopy() {
		j.showFailures(summary)
	}
	if len(j.imported) == 0 {
		return
	}
	open := j.imported[len(j.imported)-1].ID
	if cur := env.current(); cur != nil && j.replaced[cur.ID] {
		open = cur.ID // the open draft got a new revision: show its new text
	}
	// Save the open draft first, then show the imported one even when it
	// has the open draft's ID, and keep the summary in the status bar.
	env.save(func(saved bool) {
		if !saved {
			return
		}
		env.run(func() func() {
			a, err := env.store.Get(context.Background(), open)
			return func() {
				if err != nil {
					env.showError("Could not open the imported draft", err)
					return
				}
				if im.busy() {
					return // typing went on meanwhile; keep the open draft
				}
				im.open(a)
				env.status(summary, len(j.failed) > 0)
			}
		})
	})
}

// summary is the one-line account of the import.
func (j *importJob) summary() string {
	s := "Imported " + countNoun(len(j.imported), "file")
	if j.total > 1 || len(j.failed) > 0 || len(j.skipped) > 0 {
		s += " of " + formatThousands(j.total)
	}
	if n := len(j.skipped); n > 0 {
		s += ", skipped " + formatThousands(n)
	}
	if n := len(j.failed); n > 0 {
		s += ", " + formatThousands(n) + " failed"
	}
	return s + "."
}

// importReportHeading opens the per-file reports in the import dialog.
const importReportHeading = "What the import recognised in each file:"

// importReport is what the import recognised in one file.
type importReport struct {
	name string
	// agency is set for agency copy: wire text that is not Dateline's
	// own export.
	agency bool
	lines  []string
}

// newImportReport reports on the file name imported as a.
func newImportReport(name string, a *editor.Article) importReport {
	return importReport{name: name, agency: a.Wire.Layout != "", lines: editor.ImportReport(a)}
}

// agencyCopy reports whether any imported file was agency copy, whose
// import a desk editor checks in the report.
func (j *importJob) agencyCopy() bool {
	for _, r := range j.reports {
		if r.agency {
			return true
		}
	}
	return false
}

// showFailures lists every file that failed and why in one dialog, and
// what the import recognised in each imported file.
func (j *importJob) showFailures(summary string) {
	var b strings.Builder
	b.WriteString(summary)
	if len(j.imported) > 0 && len(j.failed) > 0 {
		b.WriteString(" The other files were imported.")
	}
	b.WriteString("\n")
	for _, f := range j.failed {
		b.WriteString("\n" + f.name + ": " + editor.ErrorMessage(f.err))
	}
	if len(j.reports) > 0 {
		b.WriteString("\n\n" + importReportHeading)
	}
	for _, r := range j.reports {
		b.WriteString("\n\n" + r.name)
		for _, l := range r.lines {
			b.WriteString("\n    " + l)
		}
	}
	text := widget.NewLabel(b.String())
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(560, min(60+float32(len(j.failed))*40+float32(len(j.reports))*200, 420)))
	title := "Import report"
	if len(j.failed) > 0 {
		title = "Some files were not imported"
	}
	d := dialog.NewCustom(title, "OK", scroll, j.im.env.parent)
	d.Show()
}

// countNoun writes "1 file" or "3 files".
func countNoun(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return formatThousands(n) + " " + noun + "s"
}
