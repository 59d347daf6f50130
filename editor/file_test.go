package editor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.html")
	for _, data := range []string{"first", "second"} {
		if err := WriteFileAtomic(path, []byte(data)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != data {
			t.Errorf("file holds %q, want %q", got, data)
		}
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := st.Mode().Perm(); perm != 0o644 {
		t.Errorf("mode %v, want 0644", perm)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want only story.html (no temporary left)", len(entries))
	}
}

func TestWriteFileAtomicMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "gone")
	err := WriteFileAtomic(filepath.Join(dir, "story.md"), []byte("x"))
	if ErrorCode(err) != EUNAVAILABLE {
		t.Fatalf("error %v, want code %s", err, EUNAVAILABLE)
	}
	msg := ErrorMessage(err)
	if !strings.Contains(msg, "cannot write to "+dir) || strings.Contains(msg, "open ") {
		t.Errorf("message %q should name the folder once, without the *os.PathError prefix", msg)
	}
}
