package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// formatLabel is the name of f shown to the user, from the format table.
func formatLabel(f editor.Format) string { return f.Label() }

// exportMenuItems are the File menu's "Export as …" items, one per format
// in editor.Formats order. HTML page has Ctrl+E, Markdown Ctrl+Shift+E.
func (w *MainWindow) exportMenuItems() []*fyne.MenuItem {
	items := make([]*fyne.MenuItem, 0, len(editor.Formats))
	for _, f := range editor.Formats {
		item := fyne.NewMenuItem("Export as "+formatLabel(f)+"…", func() { w.Export(f) })
		item.Shortcut = exportShortcuts[f] // menu.go
		items = append(items, item)
	}
	return items
}

// Labels of the killed-story dialogs.
const (
	killedExportAnywayLabel = "Export anyway…"
	killedExportConfirm     = "Export the killed story"
)

// refuseKilledExport explains why a killed story is not exported. Only
// after "Export anyway…" and a second, explicit confirmation does it offer
// the save dialog, as the command line needs --force.
func (w *MainWindow) refuseKilledExport(f editor.Format) {
	snap := w.article.Clone()
	msg := widget.NewLabel(fmt.Sprintf("“%s” is killed: it was withdrawn and must not be used, so it is not exported.\n\n"+
		"The command line exports a killed story only with --force.", articleHeadline(snap)))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons("Killed story not exported", container.NewPadded(msg), w.Window)
	ok := widget.NewButton("OK", d.Hide)
	ok.Importance = widget.HighImportance
	anyway := widget.NewButton(killedExportAnywayLabel, func() {
		d.Hide()
		confirm := dialog.NewConfirm("Export a killed story?",
			fmt.Sprintf("“%s” is killed. An exported copy can be published by mistake.\n\nExport it as %s anyway?", articleHeadline(snap), formatLabel(f)),
			func(yes bool) {
				if yes {
					w.showExportSave(f, snap)
				}
			}, w.Window)
		confirm.SetConfirmText(killedExportConfirm)
		confirm.SetDismissText("Cancel")
		confirm.SetConfirmImportance(widget.DangerImportance)
		confirm.Show()
	})
	anyway.Importance = widget.DangerImportance
	d.SetButtons([]fyne.CanvasObject{anyway, ok})
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// showExportSave asks where to save a in format f and writes it there. The
// suggested name is the one a batch export would give the file.
func (w *MainWindow) showExportSave(f editor.Format, a *editor.Article) {
	prof := w.profile
	opt := w.render
	name := editor.ExportFileName(a.Slug, a.ID, f, map[string]bool{})
	save := func(out fyne.URIWriteCloser, err error) { w.exportTo(out, err, f, a, prof, opt) }
	w.showSaveDialog("Export as "+formatLabel(f), name, save)
}

// libraryExporter exports many drafts at once: File → Export library…
// (one file per draft into a folder) and File → Export feed…
// (feedexport.go). It reaches the window through its env only.
type libraryExporter struct {
	env panelEnv
	// exported says where an export went (MainWindow.showExported).
	exported func(fyne.URI)
	// post runs f on the UI goroutine without waiting (MainWindow.onUI),
	// for the batch export's progress.
	post func(f func())
	// fileDialog and saveDialog ask for a folder or a file to write
	// (filedialog.go, filechooser.go).
	fileDialog func(req fileRequest, done func(paths []string)) *fileDialog
	saveDialog func(title, name string, save func(fyne.URIWriteCloser, error))
}

// libraryMenuItem is File → Export library….
func (x *libraryExporter) libraryMenuItem() *fyne.MenuItem {
	item := fyne.NewMenuItem("Export library…", x.ShowBatchExportDialog)
	item.Shortcut = shortcutExportLibrary
	return item
}

// jekyllNamesLabel is the batch export's check box for Jekyll file names.
const jekyllNamesLabel = "Jekyll file names (YYYY-MM-DD-slug.md)"

// allDraftsLabel is the batch export's choice of every draft.
const allDraftsLabel = "All drafts"

// batchExportForm holds the choices of the batch export dialog.
type batchExportForm struct {
	format *widget.Select
	which  *widget.Select
	killed *widget.Check
	// jekyll names Markdown files YYYY-MM-DD-slug.md; enabled only
	// while Markdown is the format.
	jekyll *widget.Check
}

func newBatchExportForm() *batchExportForm {
	labels := make([]string, len(editor.Formats))
	for i, f := range editor.Formats {
		labels[i] = formatLabel(f)
	}
	which := []string{allDraftsLabel}
	for _, s := range editor.Statuses {
		which = append(which, "Status: "+string(s))
	}
	b := &batchExportForm{
		format: widget.NewSelect(labels, nil),
		which:  widget.NewSelect(which, nil),
		killed: widget.NewCheck("Include killed stories", nil),
		jekyll: widget.NewCheck(jekyllNamesLabel, nil),
	}
	b.format.OnChanged = func(label string) {
		if label == formatLabel(editor.FormatMarkdown) {
			b.jekyll.Enable()
		} else {
			b.jekyll.SetChecked(false)
			b.jekyll.Disable()
		}
	}
	b.format.SetSelected(formatLabel(editor.FormatHTML))
	b.which.SetSelected(allDraftsLabel)
	return b
}

// options turns the choices into batch options.
func (b *batchExportForm) options() editor.BatchOptions {
	opt := editor.BatchOptions{Format: editor.FormatHTML, Force: b.killed.Checked, Jekyll: b.jekyll.Checked && !b.jekyll.Disabled()}
	for _, f := range editor.Formats {
		if f.Label() == b.format.Selected {
			opt.Format = f
		}
	}
	if s, ok := strings.CutPrefix(b.which.Selected, "Status: "); ok {
		opt.List.Statuses = []editor.Status{editor.Status(s)}
	}
	return opt
}

// ShowBatchExportDialog asks for a format, which drafts and a folder, and
// then exports one file per draft into the folder.
func (x *libraryExporter) ShowBatchExportDialog() {
	b := newBatchExportForm()
	items := []*widget.FormItem{
		widget.NewFormItem("Format", b.format),
		widget.NewFormItem("Drafts", b.which),
		widget.NewFormItem("", b.killed),
		widget.NewFormItem("", b.jekyll),
	}
	d := dialog.NewForm("Export library", "Choose folder…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		opt := b.options()
		req := fileRequest{title: "Export library into a folder", kind: pickFolder, confirm: "Export here"}
		x.fileDialog(req, func(dirs []string) { x.RunBatchExport(opt, dirs[0]) })
	}, x.env.parent)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
}

// batchProgressInterval is the least time between two progress updates a
// batch export sends to the UI goroutine, so that a library of 100,000
// drafts does not queue 100,000 updates.
const batchProgressInterval = 100 * time.Millisecond

// progressThrottle lets through the first and last progress report and
// otherwise at most one per interval, so that a worker can report every
// step without flooding the UI goroutine.
type progressThrottle struct {
	every time.Duration
	now   func() time.Time

	mu   sync.Mutex
	last time.Time
}

// due reports whether step done of total should be shown.
func (p *progressThrottle) due(done, total int) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	if done == 1 || done >= total || now.Sub(p.last) >= p.every {
		p.last = now
		return true
	}
	return false
}

// batchExportRun is one running batch export: its progress dialog and the
// means to cancel it.
type batchExportRun struct {
	bar    *widget.ProgressBar
	label  *widget.Label
	cancel *widget.Button
	dialog *dialog.CustomDialog
	stop   context.CancelFunc
}

// RunBatchExport exports the drafts opt selects into dir on a worker, one
// file per draft, with a cancellable progress dialog, and then shows the
// summary and every failure.
func (x *libraryExporter) RunBatchExport(opt editor.BatchOptions, dir string) {
	ctx, stop := context.WithCancel(context.Background())
	run := &batchExportRun{bar: widget.NewProgressBar(), label: widget.NewLabel("Preparing…"), stop: stop}
	run.cancel = widget.NewButton("Cancel", func() {
		run.label.SetText("Cancelling…")
		run.cancel.Disable()
		stop()
	})
	content := container.NewVBox(run.label, run.bar)
	run.dialog = dialog.NewCustomWithoutButtons("Exporting "+formatLabel(opt.Format), content, x.env.parent)
	run.dialog.SetButtons([]fyne.CanvasObject{run.cancel})
	run.dialog.Resize(fyne.NewSize(420, 0))
	run.dialog.Show()
	x.env.status("Exporting to "+dir+"…", false)

	throttle := &progressThrottle{every: batchProgressInterval, now: time.Now}
	x.env.run(func() func() {
		defer stop()
		progress := func(done, total int) {
			if throttle.due(done, total) {
				x.post(func() { run.show(done, total) })
			}
		}
		res, err := editor.ExportToFolder(ctx, x.env.store, opt, dir, progress)
		return func() {
			run.dialog.Hide()
			x.batchExportDone(res, err, dir)
		}
	})
}

// show puts done of total on the progress dialog.
func (r *batchExportRun) show(done, total int) {
	if total <= 0 {
		return
	}
	r.bar.Max = float64(total)
	r.bar.SetValue(float64(done))
	if !r.cancel.Disabled() {
		r.label.SetText(fmt.Sprintf("Exported %s of %s", formatThousands(done), formatThousands(total)))
	}
}

// batchExportDone reports the end of a batch export: the summary, the
// failures and the skipped killed stories.
func (x *libraryExporter) batchExportDone(res editor.BatchResult, err error, dir string) {
	cancelled := errors.Is(err, context.Canceled)
	if err != nil && !cancelled {
		x.env.showError("Export failed", err)
		return
	}
	summary := res.Summary()
	if cancelled {
		summary = "Cancelled. " + summary
	}
	x.env.status(summary, len(res.Failed) > 0)
	var b strings.Builder
	b.WriteString(summary + " Files are in " + dir + ".")
	if len(res.Failed) > 0 {
		b.WriteString("\n\nFailed:")
		for _, it := range res.Failed {
			b.WriteString("\n" + it.Slug + ": " + editor.ErrorMessage(it.Err))
		}
	}
	if len(res.Skipped) > 0 {
		b.WriteString("\n\nSkipped, killed (tick “Include killed stories” to export them):")
		for _, it := range res.Skipped {
			b.WriteString("\n" + it.Slug)
		}
	}
	text := widget.NewLabel(b.String())
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	lines := len(res.Failed) + len(res.Skipped)
	scroll.SetMinSize(fyne.NewSize(520, min(80+float32(lines)*36, 360)))
	title := "Export finished"
	if cancelled {
		title = "Export cancelled"
	}
	dialog.NewCustom(title, "OK", scroll, x.env.parent).Show()
}
