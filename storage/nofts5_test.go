//go:build !sqlite_fts5

package storage

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dateline-news/dateline/editor"
)

// TestOpenWithoutFTS5 runs only in a build without the sqlite_fts5 tag and
// checks that Open refuses, naming the tag.
func TestOpenWithoutFTS5(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	_, err := Open(path)
	if got, want := editor.ErrorCode(err), editor.EUNAVAILABLE; got != want {
		t.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
	if got, want := editor.ErrorMessage(err), NoFTS5Message; got != want {
		t.Fatalf("message = %q, want %q", got, want)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("failed Open left %s behind (stat: %v)", path, err)
	}
}
