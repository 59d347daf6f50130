//go:build linux

package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/editor/hostile"
)

// TestHostileExportsStayUnder100MB exports every body of the hostile corpus
// in every format through the real binary, to a file, and checks the
// process's peak resident memory (issue 8: at most 100 MB). The time each
// takes is measured by BenchmarkHostileExport in editor, not here.
func TestHostileExportsStayUnder100MB(t *testing.T) {
	if testing.Short() {
		t.Skip("exports 8 hostile bodies in every format")
	}
	const limit = 100 << 20
	lib := filepath.Join(t.TempDir(), "library.db")
	dir := t.TempDir()
	var files []string
	for _, h := range hostile.Bodies() {
		file := filepath.Join(dir, h.Name+".md")
		if err := os.WriteFile(file, []byte("---\ntitle: "+h.Name+"\nslug: "+slug(h.Name)+"\n---\n"+h.Text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	if _, errOut, code := dateline(t, nil, append([]string{"--library", lib, "import"}, files...)...); code != 0 {
		t.Fatalf("import: exit %d, stderr %q", code, errOut)
	}
	for _, h := range hostile.Bodies() {
		for _, f := range editor.Formats {
			out := filepath.Join(dir, h.Name+"."+string(f))
			cmd := exec.Command(binary, "--library", lib, "export", "--format", string(f), "--out", out, slug(h.Name))
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("export %s %s: %v: %s", h.Name, f, err, msg)
			}
			ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			if !ok {
				t.Fatal("no resource usage on this system")
			}
			rss := int64(ru.Maxrss) << 10 // kilobytes on Linux
			if rss > limit {
				t.Errorf("export %s %s: peak memory %d MB, over 100 MB", h.Name, f, rss>>20)
			}
			if st, err := os.Stat(out); err != nil || st.Size() == 0 {
				t.Errorf("export %s %s wrote nothing: %v", h.Name, f, err)
			}
		}
	}
}

// slug is the slug a corpus name imports under: slugs are lower case.
func slug(name string) string { return strings.ToLower(name) }
