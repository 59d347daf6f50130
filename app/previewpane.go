package app

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// previewPane is the live preview as the window drives it.
type previewPane interface {
	// canvasObject is what the window lays out.
	canvasObject() fyne.CanvasObject
	// render asks for the preview of a snapshot of the draft and returns at
	// once; the result arrives later on the UI goroutine, and a newer
	// request supersedes an older one.
	render(a *editor.Article, p editor.Profile)
}

// plainPreview is a stand-in preview that shows the frame and the body as
// plain text, rendered off the UI goroutine.
type plainPreview struct {
	label  *widget.Label
	object fyne.CanvasObject
	gen    atomic.Uint64
	run    func(work func() func())
	opt    editor.RenderOptions
}

func newPlainPreview(run func(work func() func()), opt editor.RenderOptions) *plainPreview {
	p := &plainPreview{label: widget.NewLabel(""), run: run, opt: opt}
	p.label.Wrapping = fyne.TextWrapWord
	p.object = container.NewVScroll(p.label)
	return p
}

func (p *plainPreview) canvasObject() fyne.CanvasObject { return p.object }

func (p *plainPreview) render(a *editor.Article, prof editor.Profile) {
	gen := p.gen.Add(1)
	p.run(func() func() {
		text := plainPreviewText(a, prof, p.opt)
		return func() {
			if p.gen.Load() == gen {
				p.label.SetText(text)
			}
		}
	})
}

func plainPreviewText(a *editor.Article, prof editor.Profile, opt editor.RenderOptions) string {
	pv, err := editor.BuildPreview(a, prof, opt)
	if err != nil {
		return editor.ErrorMessage(err)
	}
	return pv.PlainText()
}

// newPreview builds the window's preview pane.
func (w *MainWindow) newPreview() previewPane {
	return newPlainPreview(w.goJob, w.render)
}
