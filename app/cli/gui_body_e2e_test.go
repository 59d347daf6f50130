//go:build !windows

package cli_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// bodyParagraphs is about 1,000 characters of body typed in the real
// window, with the words the stock wrapped Entry used to fuse at wrap
// points ("after the", "the fuel") and some Markdown.
var bodyParagraphs = []string{
	"## Talks resume",
	"Dockworkers at the port of Mombasa voted on Friday after the port authority agreed to review the fuel levy, ending a strike that had stranded forty ships at anchor for nine days.",
	"Transport operators said the deal, which the union called *a first step*, would be tested next week when the levy is reviewed again by the ministry and the port board.",
	"Traders near the gates reopened at noon. \"We lost a week of business,\" said one, who asked not to be named. **Prices** of fuel at the pumps did not change on Friday afternoon.",
	"- Ships at anchor: 40\n- Days on strike: 9",
	"The authority said cargo handling would return to normal by Monday morning, and that the backlog of containers would take about two weeks to clear.",
}

// screenshotDir returns where DATELINE_SCREENSHOTS asks for screenshots (a
// directory; a relative one is taken from the repository's root), or "".
func screenshotDir() string {
	dir := os.Getenv("DATELINE_SCREENSHOTS")
	if dir == "" || filepath.IsAbs(dir) {
		return dir
	}
	return filepath.Join("..", "..", dir)
}

// screenshot saves the window as name in the screenshot directory, when
// one is asked for.
func screenshot(t *testing.T, display, win, name string) {
	t.Helper()
	dir := screenshotDir()
	if dir == "" {
		return
	}
	if out, err := exec.Command("import", "-display", display, "-window", win, filepath.Join(dir, name)).CombinedOutput(); err != nil {
		t.Errorf("screenshot %s: %v: %s", name, err, out)
	}
}

// typeLines types text with xdotool, pressing Return for every line break
// (xdotool types "\n" as Linefeed, which is not the Return key).
func typeLines(t *testing.T, display, text string) {
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			xdotool(t, display, "key", "Return")
		}
		if line != "" {
			xdotool(t, display, "type", "--delay", "6", "--", line)
		}
	}
}

// exportedBody exports the draft named by slug as Markdown with the CLI and
// returns its body as the Markdown importer reads it back.
func exportedBody(t *testing.T, lib, slug string) (string, bool) {
	t.Helper()
	out, _, code := dateline(t, nil, "--library", lib, "export", "--format", "md", slug)
	if code != 0 {
		return "", false
	}
	a, err := editor.ParseMarkdownArticle([]byte(out))
	if err != nil {
		t.Fatalf("the export does not read back: %v\n%s", err, out)
	}
	return a.Body, true
}

// quit presses Ctrl+Q and waits for the window to exit cleanly.
func quit(t *testing.T, display, win string, exited <-chan error, guiErr *syncBuffer) {
	t.Helper()
	// Ctrl+Q sent to the window; a busy virtual display can drop a key, so
	// it is pressed again, up to three times, the second time through
	// XTEST to the focused window, as a keyboard sends it.
	for try := 1; ; try++ {
		xdotool(t, display, "windowfocus", "--sync", win)
		if try == 2 {
			xdotool(t, display, "key", "ctrl+q")
		} else {
			xdotool(t, display, "key", "--window", win, "ctrl+q")
		}
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("the window exited with %v; stderr: %s", err, guiErr.String())
			}
			if s := withoutFynePrefsRace(guiErr.String()); strings.Contains(s, "panic") || strings.Contains(s, "Fyne error") {
				t.Errorf("the GUI logged errors:\n%s", s)
			}
			return
		case <-time.After(15 * time.Second):
			if try == 3 {
				t.Fatalf("Ctrl+Q, pressed %d times, did not close the window; stderr: %s", try, guiErr.String())
			}
			t.Logf("Ctrl+Q did not close the window within 15 s; pressing it again")
		}
	}
}

// TestGUIBodyTypesExactly types a headline, Enter (which moves to the
// body) and a 1,000-character body into the real window at 1280x800 and at
// 1920x1080, waits for the autosave, quits, and checks with the CLI's
// Markdown export that the body is exactly what was typed: soft wrapping
// must never move a space or fuse two words. With
// DATELINE_SCREENSHOTS=assets it saves assets/screenshot-body-WxH.png.
func TestGUIBodyTypesExactly(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	body := strings.Join(bodyParagraphs, "\n\n")
	for _, size := range [][2]int{{1280, 800}, {1920, 1080}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			display := startXvfbScreen(t, "2000x1200x24")
			lib := filepath.Join(t.TempDir(), "library.db")
			guiErr, exited := startGUI(t, display, lib)
			win := waitForWindow(t, display, "^Dateline", guiErr)
			if !waitFor(20*time.Second, func() bool {
				out, _, _ := dateline(t, nil, "--library", lib, "list")
				return strings.Contains(out, "Tea growers")
			}) {
				t.Fatalf("the window never got ready; stderr: %s", guiErr.String())
			}
			xdotool(t, display, "windowsize", "--sync", win, fmt.Sprint(size[0]), fmt.Sprint(size[1]))
			xdotool(t, display, "windowfocus", "--sync", win)
			xdotool(t, display, "key", "--window", win, "ctrl+n")
			// Typed straight after Ctrl+N, as a correspondent would: the new
			// draft opens before the next key is handled, so nothing is lost.
			time.Sleep(700 * time.Millisecond)
			headline := fmt.Sprintf("Cranes move again at %d pixels", size[0])
			xdotool(t, display, "type", "--delay", "6", headline)
			xdotool(t, display, "key", "Return") // Enter in the headline goes to the body
			time.Sleep(300 * time.Millisecond)
			typeLines(t, display, body)
			slug := editor.Slugify(headline)
			var got string
			if !waitFor(20*time.Second, func() bool {
				got, _ = exportedBody(t, lib, slug)
				return got == body
			}) {
				t.Errorf("the autosaved body is not what was typed:\n got %q\nwant %q\nstderr: %s", got, body, guiErr.String())
			}
			time.Sleep(time.Second) // let the preview catch up for the picture
			screenshot(t, display, win, fmt.Sprintf("screenshot-body-%dx%d.png", size[0], size[1]))
			quit(t, display, win, exited, guiErr)
			if got, _ := exportedBody(t, lib, slug); got != body {
				t.Errorf("after quitting the body is\n%q\nwant\n%q", got, body)
			}
		})
	}
}

// bodyArea is a part of the body editor in a 1280x800 window (WxH+X+Y).
const bodyArea = "400x150+300+450"

// capture returns the pixels of area of the window, as ImageMagick's
// import gives them.
func capture(t *testing.T, display, win, area string) []byte {
	t.Helper()
	out, err := exec.Command("import", "-display", display, "-window", win, "-crop", area, "rgb:-").Output()
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return out
}

// uniform reports whether every pixel of an RGB capture is the same: an
// empty field.
func uniform(rgb []byte) bool {
	for i := 3; i+2 < len(rgb); i += 3 {
		if rgb[i] != rgb[0] || rgb[i+1] != rgb[1] || rgb[i+2] != rgb[2] {
			return false
		}
	}
	return true
}

// TestGUITypesIntoLongDraft imports a 20,000-word draft with the CLI,
// opens it in the window, goes to its end (Ctrl+End) and types 200
// characters: all of them must arrive, in order, after the old text.
func TestGUITypesIntoLongDraft(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	var b strings.Builder
	b.WriteString("# A long investigation\n\n")
	words := strings.Fields("the port authority said on Friday that the review of the fuel levy would take weeks and that ships would wait at anchor until the talks ended")
	n := 0
	for n < 20000 {
		for i := 0; i < 80 && n < 20000; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[n%len(words)])
			n++
		}
		b.WriteString(".\n\n")
	}
	md := filepath.Join(dir, "long.md")
	if err := os.WriteFile(md, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, errOut, code := dateline(t, nil, "--library", lib, "import", md); code != 0 {
		t.Fatalf("import: %s %s", out, errOut)
	}
	const slug = "a-long-investigation"
	before, ok := exportedBody(t, lib, slug)
	if !ok || len(strings.Fields(before)) < 19000 {
		t.Fatalf("the imported draft has %d words", len(strings.Fields(before)))
	}

	display := startXvfbScreen(t, "1400x900x24")
	guiErr, exited := startGUI(t, display, lib)
	win := waitForWindow(t, display, "^Dateline", guiErr)
	xdotool(t, display, "windowsize", "--sync", win, "1280", "800")
	time.Sleep(time.Second)
	// Open the draft: the first row of the library, then click into the
	// body and go to its end.
	xdotool(t, display, "mousemove", "--window", win, "140", "215", "click", "1")
	// Opening 20,000 words takes a moment on a loaded machine (the window
	// may also have opened it at start): wait until the body shows text
	// and has stopped changing, not a fixed time.
	if !waitFor(30*time.Second, func() bool {
		a := capture(t, display, win, bodyArea)
		time.Sleep(400 * time.Millisecond)
		return !uniform(a) && bytes.Equal(a, capture(t, display, win, bodyArea))
	}) {
		t.Fatalf("the long draft never showed in the body; stderr: %s", guiErr.String())
	}
	xdotool(t, display, "mousemove", "--window", win, "540", "600", "click", "1")
	time.Sleep(300 * time.Millisecond)
	xdotool(t, display, "key", "ctrl+End")
	typed := " Update: the levy review was published on Monday, and the union said it would meet again on Thursday to decide whether the strike ends for good or resumes next week at dawn."
	typed += strings.Repeat(" More.", (200-len(typed))/6+1)
	typed = typed[:200]
	xdotool(t, display, "type", "--delay", "8", typed)
	want := before + typed
	var got string
	if !waitFor(20*time.Second, func() bool {
		got, _ = exportedBody(t, lib, slug)
		return got == want
	}) {
		tail := func(s string) string { return s[max(0, len(s)-300):] }
		t.Errorf("the long draft's body does not end with what was typed:\n got …%q\nwant …%q\nstderr: %s", tail(got), tail(want), guiErr.String())
	}
	time.Sleep(time.Second)
	screenshot(t, display, win, "screenshot-body-20k-words.png")
	quit(t, display, win, exited, guiErr)
}
