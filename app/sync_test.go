package app

import (
	"strings"
	"testing"
	"time"

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
		{syncloop.State{Phase: syncloop.Failed, Err: editor.Errorf(editor.EINVALID,
			"The server refused the password for ana: type it again (or mend it in ~/.pgpass).")},
			"Sync failed: the server refused the password for ana"},
		{syncloop.State{Phase: syncloop.Failed, Err: editor.Errorf(editor.EINVALID,
			"push: permission denied for table drafts (SQLSTATE 42501)")},
			"Sync failed: push: permission denied for table drafts"},
		{syncloop.State{Phase: syncloop.Failed, Err: editor.Errorf(editor.EINVALID,
			"The server answered, but the database \"dateline\" has no Dateline tables yet: run 'dateline server init' on it.")},
			"Sync failed: the server answered, but the database…"},
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
