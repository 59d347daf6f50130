package app

import (
	"os"
	"regexp"
	"runtime"
	"testing"

	"github.com/dateline-news/dateline/editor"
)

// TestIDMatchesFyneAppToml keeps the ID passed to app.NewWithID equal to
// the one fyne package writes into the bundle; Fyne keys preferences and
// storage by it.
func TestIDMatchesFyneAppToml(t *testing.T) {
	data, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatalf("read FyneApp.toml: %v", err)
	}
	m := regexp.MustCompile(`(?m)^\s*ID\s*=\s*"([^"]*)"`).FindSubmatch(data)
	if m == nil {
		t.Fatal("FyneApp.toml has no ID")
	}
	if got := string(m[1]); got != ID {
		t.Errorf("FyneApp.toml ID = %q, app.ID = %q", got, ID)
	}
}

func TestRunWithoutDisplayFailsCleanly(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the display check applies to X11 and Wayland systems")
	}
	t.Setenv("WAYLAND_DISPLAY", "")
	for _, display := range []string{"", ":87"} { // unset, and set but with no server
		t.Setenv("DISPLAY", display)
		err := Run(nil, Options{})
		if err == nil {
			t.Fatalf("DISPLAY=%q: Run without a display returned nil", display)
		}
		if got := editor.ErrorCode(err); got != editor.EUNAVAILABLE {
			t.Errorf("DISPLAY=%q: error code = %q, want %q", display, got, editor.EUNAVAILABLE)
		}
		if msg := editor.ErrorMessage(err); !regexp.MustCompile(`dateline --help`).MatchString(msg) {
			t.Errorf("DISPLAY=%q: message %q does not point to the command line", display, msg)
		}
	}
}
