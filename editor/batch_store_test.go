package editor

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// addDraft stores a draft with this headline and status, updated at the
// given minute of the fixture day.
func addDraft(t *testing.T, s *memStore, headline string, status Status, minute int) *Article {
	t.Helper()
	a := NewArticle(fixtureNow.Add(time.Duration(minute) * time.Minute))
	a.Headline, a.Slug, a.Status = headline, Slugify(headline), status
	a.Body = "Text of " + headline + "."
	if _, err := s.Create(context.Background(), a, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestExportBatch(t *testing.T) {
	ctx := context.Background()
	s := newMemStore()
	addDraft(t, s, "Harbour cranes idle", StatusDraft, 1)
	addDraft(t, s, "Tea harvest falls", StatusPublished, 2)
	killed := addDraft(t, s, "Withdrawn story", StatusKilled, 3)
	broken := addDraft(t, s, "Unreadable draft", StatusDraft, 4)
	s.getErr[broken.ID] = Errorf(EUNAVAILABLE, "disk error")

	t.Run("OK", func(t *testing.T) {
		files := map[string][]byte{}
		var progress []int
		res, err := ExportBatch(ctx, s, BatchOptions{Format: FormatWire}, func(name string, data []byte) error {
			files[name] = data
			return nil
		}, func(done, total int) {
			if total != 4 {
				t.Errorf("progress total %d, want 4", total)
			}
			progress = append(progress, done)
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Summary(); got != "Exported 2 articles, skipped 1 killed, 1 failed." {
			t.Errorf("Summary() = %q", got)
		}
		var names []string
		for n := range files {
			names = append(names, n)
		}
		sort.Strings(names)
		if got := strings.Join(names, " "); got != "harbour-cranes-idle.txt tea-harvest-falls.txt" {
			t.Errorf("files %s", got)
		}
		if !strings.Contains(string(files["tea-harvest-falls.txt"]), "Text of Tea harvest falls.") {
			t.Errorf("file holds %q", files["tea-harvest-falls.txt"])
		}
		if len(res.Skipped) != 1 || res.Skipped[0].ID != killed.ID || len(res.Failed) != 1 || res.Failed[0].ID != broken.ID {
			t.Errorf("skipped %+v, failed %+v", res.Skipped, res.Failed)
		}
		if fmt.Sprint(progress) != "[1 2 3 4]" {
			t.Errorf("progress %v, want 1 2 3 4", progress)
		}
	})

	t.Run("ForceAndStatus", func(t *testing.T) {
		var names []string
		res, err := ExportBatch(ctx, s, BatchOptions{Format: FormatMarkdown, Force: true, List: ListOptions{Statuses: []Status{StatusKilled}}},
			func(name string, _ []byte) error { names = append(names, name); return nil }, nil)
		if err != nil || len(res.Written) != 1 || strings.Join(names, " ") != "withdrawn-story.md" {
			t.Errorf("forced killed export: %+v, %v, %q", res, err, names)
		}
	})

	t.Run("WriteFails", func(t *testing.T) {
		res, err := ExportBatch(ctx, s, BatchOptions{Format: FormatHTML}, func(name string, _ []byte) error {
			if strings.HasPrefix(name, "tea") {
				return Errorf(EUNAVAILABLE, "disk full")
			}
			return nil
		}, nil)
		if err != nil || len(res.Written) != 1 || len(res.Failed) != 2 {
			t.Errorf("a failed write: %+v, %v; want 1 written and 2 failed, and the batch to go on", res, err)
		}
	})

	t.Run("Cancel", func(t *testing.T) {
		delete(s.getErr, broken.ID)
		cctx, cancel := context.WithCancel(ctx)
		defer cancel()
		res, err := ExportBatch(cctx, s, BatchOptions{Format: FormatHTML, Force: true}, func(string, []byte) error {
			cancel()
			return nil
		}, nil)
		if !errors.Is(err, context.Canceled) || len(res.Written) != 1 || len(res.Failed) != 0 {
			t.Errorf("cancelled batch: %+v, %v; want 1 written, none failed, context.Canceled", res, err)
		}
	})

	t.Run("ErrUnknownFormat", func(t *testing.T) {
		if _, err := ExportBatch(ctx, s, BatchOptions{Format: "docx"}, nil, nil); ErrorCode(err) != EINVALID {
			t.Errorf("unknown format: %v, want EINVALID", err)
		}
	})
}

func TestExportToFolder(t *testing.T) {
	ctx := context.Background()
	s := newMemStore()
	addDraft(t, s, "Ştefan Ăgoston wins", StatusDraft, 1)
	t.Run("OK", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "new", "folder")
		res, err := ExportToFolder(ctx, s, BatchOptions{Format: FormatNinjs}, dir, nil)
		if err != nil || len(res.Written) != 1 {
			t.Fatalf("%+v, %v", res, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "stefan-agoston-wins.json")); err != nil {
			t.Error(err)
		}
	})
	t.Run("ErrUnavailable", func(t *testing.T) {
		// A folder below a regular file cannot be made, not even by root.
		file := filepath.Join(t.TempDir(), "file")
		if err := os.WriteFile(file, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ExportToFolder(ctx, s, BatchOptions{Format: FormatNinjs}, filepath.Join(file, "sub"), nil)
		if ErrorCode(err) != EUNAVAILABLE || !strings.Contains(ErrorMessage(err), "cannot create the folder") {
			t.Errorf("folder below a file: %v, want EUNAVAILABLE", err)
		}
	})
}

func TestExportBatchJekyll(t *testing.T) {
	ctx := context.Background()
	s := newMemStore()
	draft := addDraft(t, s, "Harbour cranes idle", StatusDraft, 1)
	pub := addDraft(t, s, "Tea harvest falls", StatusPublished, 2)
	pub.Published = time.Date(2026, 2, 3, 23, 0, 0, 0, time.UTC)
	if _, err := s.Save(ctx, pub, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	other := addDraft(t, s, "Ferry resumes", StatusCorrected, 3)
	other.Published = time.Date(2026, 2, 1, 6, 0, 0, 0, time.UTC)
	if _, err := s.Save(ctx, other, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	res, err := ExportBatch(ctx, s, BatchOptions{Format: FormatMarkdown, Jekyll: true}, func(name string, data []byte) error {
		files[name] = data
		return nil
	}, nil)
	if err != nil || len(res.Written) != 3 {
		t.Fatalf("ExportBatch: %v, %+v", err, res)
	}
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	want := []string{
		draft.Created.Format("2006-01-02") + "-harbour-cranes-idle.md",
		"2026-02-01-ferry-resumes.md",
		"2026-02-03-tea-harvest-falls.md",
	}
	sort.Strings(want)
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("files %q, want %q", names, want)
	}
	if !strings.Contains(string(files["2026-02-03-tea-harvest-falls.md"]), "publishDate: 2026-02-03T23:00:00Z") {
		t.Errorf("the Jekyll file's date and its publishDate disagree:\n%s", files["2026-02-03-tea-harvest-falls.md"])
	}
	if _, err := ExportBatch(ctx, s, BatchOptions{Format: FormatHTML, Jekyll: true}, func(string, []byte) error { return nil }, nil); ErrorCode(err) != EINVALID {
		t.Errorf("Jekyll names for HTML: %v, want EINVALID", err)
	}
}
