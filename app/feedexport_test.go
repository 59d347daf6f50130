package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"github.com/mmcdole/gofeed"

	"github.com/dateline-news/dateline/editor"
)

func TestFeedExport(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	ctx := context.Background()
	for _, h := range []string{"Port strike ends", "Ferries resume after the storm", "Tea growers count losses"} {
		seed(t, store, clk, h, "Text of "+h+".")
	}
	killed := seed(t, store, clk, "Withdrawn story", "Do not use.")
	if _, err := store.Transition(ctx, killed.ID, editor.StatusKilled, "legal"); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, store, clk, Options{})

	var labels []string
	for _, it := range w.mainMenu().Items[0].Items {
		labels = append(labels, it.Label)
	}
	if !strings.Contains(strings.Join(labels, "|"), "Export feed…") {
		t.Errorf("the File menu has no Export feed… item: %q", labels)
	}
	form := newFeedExportForm()
	form.format.SetSelected(feedLabels[editor.FeedRSS])
	form.which.SetSelected(allDraftsLabel)
	f, list, force := form.options()
	if f != editor.FeedRSS || len(list.Statuses) != 0 || force {
		t.Errorf("form options %q %v %v", f, list.Statuses, force)
	}

	path := filepath.Join(t.TempDir(), "feed.rss")
	out, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	w.exporter.RunFeedExport(f, list, force, out)
	w.settle()

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the feed does not parse: %v\n%s", err, data)
	}
	if feed.FeedType != "rss" || len(feed.Items) != 3 {
		t.Errorf("%s feed of %d items, want rss of 3 (the killed story left out)", feed.FeedType, len(feed.Items))
	}
	if got := w.StatusText(); !strings.Contains(got, "RSS 2.0 feed of 3 stories") || !strings.Contains(got, "left out 1 killed") {
		t.Errorf("status = %q", got)
	}
}
