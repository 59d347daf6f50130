package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// This file holds File → Export feed…: an Atom or RSS feed of the drafts
// of one status (or all), the same file as the command line's
// dateline export --format atom|rss [--status S].

// feedLabels name the feed formats in the dialog.
var feedLabels = map[editor.FeedFormat]string{editor.FeedAtom: "Atom 1.0", editor.FeedRSS: "RSS 2.0"}

// feedMenuItem is File → Export feed….
func (x *libraryExporter) feedMenuItem() *fyne.MenuItem {
	return fyne.NewMenuItem("Export feed…", x.ShowFeedExportDialog)
}

// feedExportForm holds the choices of the feed export dialog.
type feedExportForm struct {
	format *widget.Select
	which  *widget.Select
	killed *widget.Check
}

// newFeedExportForm offers Atom or RSS, all drafts or one status
// (published first chosen: a feed is what went out), and killed stories.
func newFeedExportForm() *feedExportForm {
	var formats []string
	for _, f := range editor.FeedFormats {
		formats = append(formats, feedLabels[f])
	}
	which := []string{allDraftsLabel}
	for _, s := range editor.Statuses {
		which = append(which, "Status: "+string(s))
	}
	b := &feedExportForm{
		format: widget.NewSelect(formats, nil),
		which:  widget.NewSelect(which, nil),
		killed: widget.NewCheck("Include killed stories", nil),
	}
	b.format.SetSelected(feedLabels[editor.FeedAtom])
	b.which.SetSelected("Status: " + string(editor.StatusPublished))
	return b
}

// options turns the choices into the feed format, the selection and force.
func (b *feedExportForm) options() (editor.FeedFormat, editor.ListOptions, bool) {
	f := editor.FeedAtom
	for g, label := range feedLabels {
		if label == b.format.Selected {
			f = g
		}
	}
	var list editor.ListOptions
	if s, ok := strings.CutPrefix(b.which.Selected, "Status: "); ok {
		list.Statuses = []editor.Status{editor.Status(s)}
	}
	return f, list, b.killed.Checked
}

// ShowFeedExportDialog asks for a feed format and which drafts, then where
// to save the feed.
func (x *libraryExporter) ShowFeedExportDialog() {
	b := newFeedExportForm()
	items := []*widget.FormItem{
		widget.NewFormItem("Feed", b.format),
		widget.NewFormItem("Drafts", b.which),
		widget.NewFormItem("", b.killed),
	}
	d := dialog.NewForm("Export feed", "Save as…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		f, list, force := b.options()
		x.saveDialog("Export feed", "feed"+f.Ext(), func(out fyne.URIWriteCloser, err error) {
			switch {
			case err != nil:
				x.env.showError("Export failed", err)
			case out != nil:
				x.RunFeedExport(f, list, force, out)
			}
		})
	}, x.env.parent)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
}

// RunFeedExport writes the feed of the drafts list selects to out on a
// worker and reports the outcome in the status bar, or in a dialog on
// failure.
func (x *libraryExporter) RunFeedExport(f editor.FeedFormat, list editor.ListOptions, force bool, out fyne.URIWriteCloser) {
	x.env.status("Exporting the feed…", false)
	x.env.run(func() func() {
		res, err := editor.ExportFeedFrom(context.Background(), x.env.store, f, list, force, time.Now())
		if err == nil {
			_, err = out.Write(res.Data)
		}
		if cerr := out.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("export feed: close %s: %w", out.URI().Name(), cerr)
		}
		return func() {
			if err != nil {
				x.env.showError("Export failed", err)
				return
			}
			x.exported(out.URI())
			msg := fmt.Sprintf("Exported a %s feed of %d %s to %s", feedLabels[f], res.Entries, map[bool]string{true: "story", false: "stories"}[res.Entries == 1], out.URI().Name())
			if n := len(res.Skipped); n > 0 {
				msg += fmt.Sprintf("; left out %d killed", n)
			}
			x.env.status(msg, false)
		}
	})
}
