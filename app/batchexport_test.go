package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/dateline-news/dateline/editor"
)

func TestBatchExportWritesOneFilePerDraft(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	ctx := context.Background()
	var drafts []*editor.Article
	for _, h := range []string{"Port strike ends", "Ferries resume after the storm", "Tea growers count losses"} {
		drafts = append(drafts, seed(t, store, clk, h, "Text of "+h+"."))
	}
	killed := seed(t, store, clk, "Withdrawn story", "Do not use.")
	if _, err := store.Transition(ctx, killed.ID, editor.StatusKilled, "legal"); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, store, clk, Options{})
	dir := filepath.Join(t.TempDir(), "out")

	w.exporter.RunBatchExport(editor.BatchOptions{Format: editor.FormatWire}, dir)
	w.settle()

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	want := []string{"ferries-resume-after-the-storm.txt", "port-strike-ends.txt", "tea-growers-count-losses.txt"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Fatalf("folder holds %v, want %v", names, want)
	}
	prof, err := store.Profile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range drafts {
		got, err := os.ReadFile(filepath.Join(dir, editor.Slugify(a.Headline)+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		wantData, err := editor.Export(editor.FormatWire, mustGet(t, store, a.ID), prof, editor.RenderOptions{Resolve: editor.StoreResolver(ctx, store)})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, wantData) {
			t.Errorf("%s differs from editor.Export:\n%s\nwant\n%s", a.Slug, got, wantData)
		}
	}
	text := overlayText(w.MainWindow)
	for _, want := range []string{"Exported 3 articles, skipped 1 killed.", dir, "withdrawn-story"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary dialog lacks %q; it says:\n%s", want, text)
		}
	}
	if got := w.StatusText(); got != "Exported 3 articles, skipped 1 killed." {
		t.Errorf("status = %q", got)
	}
}

func TestBatchExportByStatusAndFailures(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	ctx := context.Background()
	seed(t, store, clk, "Still a draft", "Text.")
	a := seed(t, store, clk, "Filed story", "Text.")
	if _, err := store.Transition(ctx, a.ID, editor.StatusFiled, ""); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, store, clk, Options{})
	dir := t.TempDir()
	// A folder where the export file should go makes that draft fail.
	if err := os.Mkdir(filepath.Join(dir, "filed-story.md"), 0o755); err != nil {
		t.Fatal(err)
	}

	w.exporter.RunBatchExport(editor.BatchOptions{Format: editor.FormatMarkdown, List: editor.ListOptions{Statuses: []editor.Status{editor.StatusFiled}}}, dir)
	w.settle()

	text := overlayText(w.MainWindow)
	for _, want := range []string{"Exported 0 articles, 1 failed.", "Failed:", "filed-story: cannot write filed-story.md"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary dialog lacks %q; it says:\n%s", want, text)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "still-a-draft.md")); err == nil {
		t.Error("a draft outside the chosen status was exported")
	}
}

func TestBatchExportDialogChoices(t *testing.T) {
	b := newBatchExportForm()
	if got := b.options(); got.Format != editor.FormatHTML || len(got.List.Statuses) != 0 || got.Force {
		t.Errorf("default options = %+v, want HTML, all drafts, no killed", got)
	}
	b.format.SetSelected("ninjs JSON")
	b.which.SetSelected("Status: approved")
	b.killed.SetChecked(true)
	got := b.options()
	if got.Format != editor.FormatNinjs || len(got.List.Statuses) != 1 || got.List.Statuses[0] != editor.StatusApproved || !got.Force {
		t.Errorf("options = %+v, want ninjs, approved, with killed", got)
	}
}

func TestBatchExportDialogJekyllNames(t *testing.T) {
	test.NewTempApp(t)
	b := newBatchExportForm()
	if !b.jekyll.Disabled() {
		t.Error("Jekyll names offered for HTML")
	}
	b.format.SetSelected(formatLabel(editor.FormatMarkdown))
	if b.jekyll.Disabled() {
		t.Fatal("Jekyll names not offered for Markdown")
	}
	test.Tap(b.jekyll)
	if got := b.options(); got.Format != editor.FormatMarkdown || !got.Jekyll {
		t.Errorf("options = %+v, want Markdown with Jekyll names", got)
	}
	b.format.SetSelected(formatLabel(editor.FormatWire))
	if got := b.options(); got.Jekyll || !b.jekyll.Disabled() || b.jekyll.Checked {
		t.Errorf("after switching to wire text: options %+v, check disabled %v checked %v", got, b.jekyll.Disabled(), b.jekyll.Checked)
	}
}

// gatedStore is a real store whose second Get after arming tells entered
// and then waits for gate, so a test can act while a batch is mid-way.
type gatedStore struct {
	editor.Store
	armed   atomic.Bool
	gets    atomic.Int32
	entered chan struct{}
	gate    chan struct{}
}

func (s *gatedStore) Get(ctx context.Context, id string) (*editor.Article, error) {
	if s.armed.Load() && s.gets.Add(1) == 2 {
		s.entered <- struct{}{}
		<-s.gate
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return s.Store.Get(ctx, id)
}

func TestBatchExportCancel(t *testing.T) {
	clk := newFakeClock()
	db := openStore(t, clk)
	for _, h := range []string{"First story", "Second story", "Third story"} {
		seed(t, db, clk, h, "Text.")
	}
	store := &gatedStore{Store: db, entered: make(chan struct{}, 1), gate: make(chan struct{})}
	w := newTestWindow(t, store, clk, Options{})
	dir := t.TempDir()
	store.armed.Store(true)

	w.exporter.RunBatchExport(editor.BatchOptions{Format: editor.FormatWire}, dir)
	<-store.entered // the worker has written the first draft and reads the second
	test.Tap(findButton(t, w.MainWindow, "Cancel"))
	store.armed.Store(false)
	close(store.gate)
	w.settle()

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("cancelled batch wrote %d files, want only the one before the cancel", len(entries))
	}
	text := overlayText(w.MainWindow)
	if !strings.Contains(text, "Cancelled. Exported 1 article. Files are in") || strings.Contains(text, "Failed") {
		t.Errorf("summary does not say the export was cancelled:\n%s", text)
	}
}

func TestKilledExportRefused(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Withdrawn story", "Do not use.")
	if _, err := store.Transition(context.Background(), a.ID, editor.StatusKilled, "legal"); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, store, clk, Options{})
	if w.article == nil || w.article.Status != editor.StatusKilled {
		t.Fatal("the killed story is not open")
	}

	w.Export(editor.FormatWire)
	text := overlayText(w.MainWindow)
	if !strings.Contains(text, "is killed") || !strings.Contains(text, "--force") {
		t.Fatalf("the refusal does not say why:\n%s", text)
	}
	test.Tap(findButton(t, w.MainWindow, killedExportAnywayLabel))
	if text := overlayText(w.MainWindow); !strings.Contains(text, "Export it as Wire text anyway?") {
		t.Fatalf("Export anyway did not ask for confirmation:\n%s", text)
	}
	test.Tap(findButton(t, w.MainWindow, killedExportConfirm))
	top := w.Window.Canvas().Overlays().Top()
	if top == nil || !hasEntryText(top, "withdrawn-story.txt") {
		t.Error("after the confirmation no save dialog suggests withdrawn-story.txt")
	}
}

func TestExportMenuHasEveryFormat(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	var labels []string
	for _, it := range w.Window.MainMenu().Items[0].Items {
		labels = append(labels, it.Label)
	}
	all := strings.Join(labels, "|")
	for _, f := range editor.Formats {
		if want := "Export as " + formatLabel(f) + "…"; !strings.Contains(all, want) {
			t.Errorf("File menu lacks %q: %s", want, all)
		}
	}
	if !strings.Contains(all, "Export library…") {
		t.Errorf("File menu lacks Export library…: %s", all)
	}
}

func TestProgressThrottle(t *testing.T) {
	now := testEpoch
	p := &progressThrottle{every: 100 * time.Millisecond, now: func() time.Time { return now }}
	const total = 100000
	shown := 0
	for done := 1; done <= total; done++ {
		now = now.Add(50 * time.Microsecond) // 100,000 drafts in 5 s
		if p.due(done, total) {
			shown++
		}
	}
	// The first, the last and one per 100 ms of the 5 s.
	if shown < 40 || shown > 60 {
		t.Errorf("%d of %d progress reports reached the UI, want about 50", shown, total)
	}
	if !p.due(total, total) {
		t.Error("the last report was held back")
	}
}

func TestBatchExportDialogAsksForFolder(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	w.exporter.ShowBatchExportDialog()
	if text := overlayText(w.MainWindow); !strings.Contains(text, "HTML page") || !strings.Contains(text, allDraftsLabel) {
		t.Fatalf("the export library dialog lacks its choices:\n%s", text)
	}
	before := w.Window.Canvas().Overlays().Top()
	test.Tap(findButton(t, w.MainWindow, "Choose folder…"))
	if top := w.Window.Canvas().Overlays().Top(); top == nil || top == before {
		t.Error("Choose folder… opened no folder dialog")
	}
}
