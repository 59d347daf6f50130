//go:build !windows

package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// TestGUIReviewSuggestsFromTheKeyboard writes a body with a misspelling
// in the real window, waits for the review to underline it, and takes the
// first suggestion with Ctrl+. at the caret, Down and Return; the CLI then
// reads the corrected body back from the library. With
// DATELINE_SCREENSHOTS=assets it saves assets/screenshot-review.png with
// the underline and the menu.
func TestGUIReviewSuggestsFromTheKeyboard(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	display := startXvfbScreen(t, "1400x900x24")
	lib := filepath.Join(t.TempDir(), "library.db")
	guiErr, exited := startGUI(t, display, lib)
	win := waitForWindow(t, display, "^Dateline", guiErr)
	if !waitFor(20*time.Second, func() bool {
		out, _, _ := dateline(t, nil, "--library", lib, "list")
		return strings.Contains(out, "Tea growers")
	}) {
		t.Fatalf("the window never got ready; stderr: %s", guiErr.String())
	}
	xdotool(t, display, "windowsize", "--sync", win, "1280", "800")
	// The window opens the newest draft on a worker once the library is
	// read; a Ctrl+N before that would be replaced by it.
	time.Sleep(3 * time.Second)
	xdotool(t, display, "windowfocus", "--sync", win)
	xdotool(t, display, "key", "--window", win, "ctrl+n")
	time.Sleep(700 * time.Millisecond)
	const headline = "Officials meet on the levy"
	xdotool(t, display, "type", "--delay", "6", headline)
	xdotool(t, display, "key", "Return")
	time.Sleep(300 * time.Millisecond)
	xdotool(t, display, "type", "--delay", "6", "Goverment officials met the growers on Friday.")
	slug := editor.Slugify(headline)
	if !waitFor(20*time.Second, func() bool {
		body, _ := exportedBody(t, lib, slug)
		return strings.HasPrefix(body, "Goverment")
	}) {
		t.Fatalf("the body was never saved; stderr: %s", guiErr.String())
	}
	// The review runs after a pause, reading the dictionary the first
	// time; then Ctrl+. at the start of the word opens its menu.
	time.Sleep(3 * time.Second)
	xdotool(t, display, "key", "ctrl+Home")
	time.Sleep(200 * time.Millisecond)
	xdotool(t, display, "key", "ctrl+period")
	time.Sleep(time.Second)
	screenshot(t, display, win, "screenshot-review.png")
	xdotool(t, display, "key", "Down")
	time.Sleep(200 * time.Millisecond)
	xdotool(t, display, "key", "Return")
	const want = "Government officials met the growers on Friday."
	var got string
	if !waitFor(20*time.Second, func() bool {
		got, _ = exportedBody(t, lib, slug)
		return got == want
	}) {
		t.Errorf("after taking the suggestion the body is %q, want %q; stderr: %s", got, want, guiErr.String())
	}
	quit(t, display, win, exited, guiErr)
}

// TestGUIReviewInTheHeadline types a long headline with a misspelled first
// word in the real window: the headline wraps inside its field, the review
// underlines the word there, and Ctrl+. in the headline offers the plural
// the writer meant first; Down and Return take it, and the CLI lists the
// corrected headline. With DATELINE_SCREENSHOTS=assets it saves
// assets/screenshot-review-headline.png with the underline and the menu.
func TestGUIReviewInTheHeadline(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	display := startXvfbScreen(t, "1400x900x24")
	lib := filepath.Join(t.TempDir(), "library.db")
	guiErr, exited := startGUI(t, display, lib)
	win := waitForWindow(t, display, "^Dateline", guiErr)
	if !waitFor(20*time.Second, func() bool {
		out, _, _ := dateline(t, nil, "--library", lib, "list")
		return strings.Contains(out, "Tea growers")
	}) {
		t.Fatalf("the window never got ready; stderr: %s", guiErr.String())
	}
	xdotool(t, display, "windowsize", "--sync", win, "1280", "800")
	time.Sleep(3 * time.Second) // the newest draft opens on a worker first
	xdotool(t, display, "windowfocus", "--sync", win)
	xdotool(t, display, "key", "--window", win, "ctrl+n")
	time.Sleep(700 * time.Millisecond)
	const headline = "Ferrys resume on every route as the port authority agrees to review the fuel levy and dockers' overtime"
	xdotool(t, display, "type", "--delay", "6", "--", headline)
	xdotool(t, display, "key", "Return")
	time.Sleep(300 * time.Millisecond)
	xdotool(t, display, "type", "--delay", "6", "Dockworkers voted on Friday.")
	if !waitFor(20*time.Second, func() bool {
		out, _, _ := dateline(t, nil, "--library", lib, "list")
		return strings.Contains(out, "Ferrys resume")
	}) {
		t.Fatalf("the headline was never saved; stderr: %s", guiErr.String())
	}
	// After the review's pause, back to the headline (F6 goes body →
	// preview → library → form, whose first field is the headline) and
	// Ctrl+. at its start.
	time.Sleep(3 * time.Second)
	for range 3 {
		xdotool(t, display, "key", "F6")
		time.Sleep(200 * time.Millisecond)
	}
	xdotool(t, display, "key", "ctrl+Home")
	time.Sleep(200 * time.Millisecond)
	xdotool(t, display, "key", "ctrl+period")
	time.Sleep(time.Second)
	screenshot(t, display, win, "screenshot-review-headline.png")
	xdotool(t, display, "key", "Down")
	time.Sleep(200 * time.Millisecond)
	xdotool(t, display, "key", "Return")
	want := strings.Replace(headline, "Ferrys", "Ferries", 1)
	var out string
	if !waitFor(20*time.Second, func() bool {
		out, _, _ = dateline(t, nil, "--library", lib, "list")
		return strings.Contains(out, "Ferries resume")
	}) {
		t.Errorf("after taking the suggestion the library lists %q, want the headline %q; stderr: %s", out, want, guiErr.String())
	}
	quit(t, display, win, exited, guiErr)
}
