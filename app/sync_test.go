package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/dateline-news/dateline/app/syncloop"
	"github.com/dateline-news/dateline/editor"
)

func TestSyncStatusText(t *testing.T) {
	at := time.Date(2026, 3, 2, 14, 2, 9, 0, time.UTC)
	for _, tc := range []struct {
		st   syncloop.State
		want string
	}{
		{syncloop.State{Phase: syncloop.Syncing}, "Syncing…"},
		{syncloop.State{Phase: syncloop.Synced, Last: at}, "Synced 14:02"},
		{syncloop.State{Phase: syncloop.Synced, Last: at, Waiting: 1}, "Synced 14:02 · 1 revision waiting"},
		{syncloop.State{Phase: syncloop.Offline, Waiting: 3}, "3 revisions waiting — offline"},
		{syncloop.State{Phase: syncloop.Offline, Waiting: 1}, "1 revision waiting — offline"},
		{syncloop.State{Phase: syncloop.Offline}, "Offline"},
		{syncloop.State{Phase: syncloop.Failed, Err: &editor.ServerRefusal{Outcome: editor.ServerWrongPassword, Err: editor.Errorf(editor.EINVALID,
			"The server refused the password for ana: type it again (or mend it in ~/.pgpass).")}},
			"Sync failed: wrong password"},
		{syncloop.State{Phase: syncloop.Failed, Err: &editor.ServerRefusal{Outcome: editor.ServerNotInitialised, Err: editor.Errorf(editor.EINVALID,
			"The server answered, but the database \"dateline\" has no Dateline tables yet: run 'dateline server init' on it.")}},
			"Sync failed: server not set up"},
		{syncloop.State{Phase: syncloop.Failed, Err: editor.Errorf(editor.EINVALID,
			"push: permission denied for table drafts (SQLSTATE 42501)")},
			"Sync failed: push: permission…"},
		{syncloop.State{Phase: syncloop.Failed, Err: editor.Errorf(editor.EINVALID,
			"The server answered, but the database \"dateline\" has no Dateline tables yet.")},
			"Sync failed: the server answered…"},
		{syncloop.State{}, ""},
	} {
		if got := syncStatusText(tc.st, time.UTC); got != tc.want {
			t.Errorf("syncStatusText(%+v) = %q, want %q", tc.st, got, tc.want)
		}
		if n := len([]rune(syncStatusText(tc.st, time.UTC))); n > 13+shortReasonRunes+1 {
			t.Errorf("status %q is %d characters: too long for a laptop's status bar", syncStatusText(tc.st, time.UTC), n)
		}
	}
}

func TestMapOffset(t *testing.T) {
	for _, tc := range []struct {
		old, new  string
		off, want int
	}{
		{"Hello world.", "Hello world. More.", 5, 5},  // after: a change further on
		{"Hello world.", "Oh. Hello world.", 5, 9},    // before: moves with the text
		{"Hello world.", "Hello brave world.", 8, 14}, // after an insertion: "wo|rld" moves with it
		{"Hello world.", "Hello there.", 8, 8},        // inside a replaced stretch: where it was, within it
		{"Hello world.", "Hello you.", 10, 9},         // inside a replaced stretch: at its end, at most
		{"Hello world.", "Hello world.", 12, 12},      // no change
		{"a\n\nb", "", 3, 0},                          // everything gone
		{"café au lait", "cafés au lait", 4, 4},       // a multi-byte rune in the common prefix stays whole
		{"x", "y", 9, 1},                              // clamped
	} {
		got := mapOffset(tc.old, tc.new, tc.off)
		if got != tc.want {
			t.Errorf("mapOffset(%q, %q, %d) = %d, want %d", tc.old, tc.new, tc.off, got, tc.want)
		}
		if got < 0 || got > len(tc.new) {
			t.Errorf("mapOffset(%q, %q, %d) = %d, outside the new text", tc.old, tc.new, tc.off, got)
		}
	}
}

func TestServerAddress(t *testing.T) {
	a := serverAddress{Host: "news.example.org", Port: "5433", Database: "the desk", User: "o'brien", SSLMode: "verify-full"}
	dsn := a.dsn()
	if want := `host=news.example.org port=5433 dbname='the desk' user='o\'brien' sslmode=verify-full`; dsn != want {
		t.Errorf("dsn = %s, want %s", dsn, want)
	}
	back, err := parseServerAddress(dsn)
	if err != nil || back != a {
		t.Errorf("parseServerAddress(%s) = %+v, %v; want %+v", dsn, back, err, a)
	}
	if got, want := a.label(), "o'brien@news.example.org:5433/the desk"; got != want {
		t.Errorf("label = %q, want %q", got, want)
	}
	for dsn, want := range map[string]serverAddress{
		"postgres://ana@db.example:6000/news?sslmode=require": {Host: "db.example", Port: "6000", Database: "news", User: "ana", SSLMode: "require"},
		"host=10.0.0.5 dbname=dateline user=ben":              {Host: "10.0.0.5", Port: "5432", Database: "dateline", User: "ben", SSLMode: "prefer"},
	} {
		if got, err := parseServerAddress(dsn); err != nil || got != want {
			t.Errorf("parseServerAddress(%s) = %+v, %v; want %+v", dsn, got, err, want)
		}
	}
	for _, bad := range []string{"host", "host='unclosed"} {
		if _, err := parseServerAddress(bad); editor.ErrorCode(err) != editor.EINVALID {
			t.Errorf("parseServerAddress(%q) = %v, want EINVALID", bad, err)
		}
	}
	for _, tc := range []struct {
		a    serverAddress
		says string
	}{
		{serverAddress{Database: "d", User: "u"}, "host"},
		{serverAddress{Host: "h", User: "u"}, "database"},
		{serverAddress{Host: "h", Database: "d"}, "user name"},
		{serverAddress{Host: "h", Database: "d", User: "u", Port: "99999"}, "port"},
	} {
		if err := tc.a.check(); err == nil || !strings.Contains(editor.ErrorMessage(err), tc.says) {
			t.Errorf("check(%+v) = %v, want it to mention the %s", tc.a, err, tc.says)
		}
	}
}

// TestSyncStatusFitsALaptop: with the longest sync states beside the
// statistics of a long draft with a target, the status bar's right side
// leaves room for the status message in the window a 1280x800 laptop
// opens (90 % of the screen's width).
func TestSyncStatusFitsALaptop(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := editor.NewArticle(clk.Now())
	a.Headline = "Regional council approves the harbour budget after a long night of talks"
	a.Slug = "harbour-budget"
	a.Body = strings.Repeat("The council voted on the budget for the harbour and the ferries. ", 180)
	a.TargetWords = 1200
	if _, err := store.Save(context.Background(), a, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, store, clk, Options{})
	width := float32(0.9 * 1280)
	w.Window.Resize(fyne.NewSize(width, 720))
	w.sync.loop.Store(&syncloop.Loop{}) // shown as if a server were set
	for _, st := range []syncloop.State{
		{Phase: syncloop.Failed, Err: editor.Errorf(editor.EINVALID, "push: permission denied for table drafts (SQLSTATE 42501)")},
		{Phase: syncloop.Failed, Err: &editor.ServerRefusal{Outcome: editor.ServerUnreachable, Err: editor.Errorf(editor.EINVALID, "x")}},
		{Phase: syncloop.Offline, Waiting: 12345},
		{Phase: syncloop.Synced, Last: testEpoch, Waiting: 2},
	} {
		w.sync.showState(st)
		right := w.sync.status.MinSize().Width + w.stats.object.MinSize().Width
		if room := width - right; room < 120 {
			t.Errorf("%q beside the statistics takes %.0f of %.0f px, leaving %.0f for the status message",
				w.sync.Status(), right, width, room)
		}
	}
	w.sync.loop.Store(nil)
}
