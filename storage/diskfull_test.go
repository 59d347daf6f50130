//go:build sqlite_fts5

package storage

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/editor"
)

// TestSaveOnAFullDisk fills the library file to SQLite's page limit, which
// fails writes exactly as a full disk does (SQLITE_FULL): the save is
// refused with a message that says so, the last good text stays stored,
// and once there is room again the same save goes through.
func TestSaveOnAFullDisk(t *testing.T) {
	db, clk := mustOpen(t)
	ctx := context.Background()
	a := testArticle(clk.Now())
	if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := db.write.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := db.write.ExecContext(ctx, `PRAGMA max_page_count = `+strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}

	big := a.Clone()
	big.Body = strings.Repeat("The harvest fell again this week in the central highlands. ", 4000)
	_, err := db.Save(ctx, big, editor.SaveOptions{})
	if got, want := editor.ErrorCode(err), editor.EUNAVAILABLE; got != want {
		t.Fatalf("save on a full disk: code %q (%v), want %q", got, err, want)
	}
	if msg := editor.ErrorMessage(err); !strings.Contains(msg, "is full") {
		t.Errorf("message %q should say the disk is full", msg)
	}
	stored, err := db.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Body != a.Body {
		t.Error("a failed save changed the stored text")
	}
	if problems, err := db.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("library after a failed save: %v %v", problems, err)
	}

	if _, err := db.write.ExecContext(ctx, `PRAGMA max_page_count = 1073741823`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Save(ctx, big, editor.SaveOptions{}); err != nil {
		t.Fatalf("save once there is room: %v", err)
	}
	if stored, _ = db.Get(ctx, a.ID); stored.Body != big.Body {
		t.Error("the retried save did not store the text")
	}
}
