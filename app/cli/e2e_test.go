package cli_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// binary is the dateline executable built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dateline-e2e-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "dateline")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	tags := os.Getenv("DATELINE_BUILD_TAGS")
	if tags == "" {
		tags = "sqlite_fts5"
	}
	build := exec.Command("go", "build", "-tags", tags, "-o", binary, ".")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic("building dateline: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// dateline runs the binary with a private library and returns stdout,
// stderr and the exit status.
func dateline(t *testing.T, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", args, err)
	}
	return stdout.String(), stderr.String(), code
}

func TestImportListExportHTML(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	out, errOut, code := dateline(t, nil, "--library", lib, "import", "testdata/port-strike.md")
	if code != 0 {
		t.Fatalf("import: exit %d, stderr %q", code, errOut)
	}
	if !strings.HasPrefix(out, "0c6b1f4e-2b7d-4c5a-9e3f-8d1a2b3c4d5e  approved") || !strings.Contains(out, "Port workers end a three-day strike") {
		t.Errorf("import printed %q, want the draft in list form", out)
	}

	list, _, code := dateline(t, []string{"DATELINE_LIBRARY=" + lib}, "list")
	if code != 0 || list != out {
		t.Errorf("list (via DATELINE_LIBRARY) = %q, exit %d; want the imported row %q", list, code, out)
	}

	htmlFile := filepath.Join(t.TempDir(), "strike.html")
	_, errOut, code = dateline(t, nil, "--library", lib, "export", "--format", "html", "--out", htmlFile, "mombasa-port-strike")
	if code != 0 {
		t.Fatalf("export: exit %d, stderr %q", code, errOut)
	}
	page, err := os.ReadFile(htmlFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<!DOCTYPE html>",
		"Copyright 2004-2026 Harbor Times. This article was originally published on Harbor Times and was reproduced with permission.",
		"MOMBASA, Kenya",
		"“It was never about the money alone,” said a shop steward – a view",
		`"@type": "NewsArticle"`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("exported page lacks %q", want)
		}
	}

	// By ID prefix, to stdout, as Markdown: the front matter carries the UUID.
	md, errOut, code := dateline(t, nil, "--library", lib, "export", "0c6b1f4e", "--format", "md")
	if code != 0 || !strings.Contains(md, "0c6b1f4e-2b7d-4c5a-9e3f-8d1a2b3c4d5e") {
		t.Errorf("export md by ID prefix: exit %d, stderr %q, output %q", code, errOut, md)
	}
}

func TestImportSameUUIDNeverOverwritesSilently(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	if _, errOut, code := dateline(t, nil, "--library", lib, "import", "testdata/port-strike.md"); code != 0 {
		t.Fatalf("first import: exit %d, %s", code, errOut)
	}
	// The same file again is a duplicate: skipped, and said so.
	_, errOut, code := dateline(t, nil, "--library", lib, "import", "testdata/port-strike.md")
	if code != 0 || !strings.Contains(errOut, "skipped: already in the library with the same content") {
		t.Errorf("second import of the same file: exit %d, stderr %q; want 0 and a duplicate skipped", code, errOut)
	}
	// The same UUID with other text is a clash, never a silent overwrite.
	orig, err := os.ReadFile("testdata/port-strike.md")
	if err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(t.TempDir(), "edited.md")
	if err := os.WriteFile(edited, []byte(strings.Replace(string(orig), "9 percent", "11 percent", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = dateline(t, nil, "--library", lib, "import", edited)
	if code != 1 || !strings.Contains(errOut, "--replace") {
		t.Errorf("import of an edited copy: exit %d, stderr %q; want 1 and advice about --replace/--as-new", code, errOut)
	}
	if _, errOut, code = dateline(t, nil, "--library", lib, "import", "--as-new", "testdata/port-strike.md"); code != 0 {
		t.Errorf("--as-new: exit %d, stderr %q", code, errOut)
	}
	list, _, _ := dateline(t, nil, "--library", lib, "list")
	if got := strings.Count(list, "\n"); got != 2 {
		t.Errorf("after --as-new the library lists %d drafts, want 2:\n%s", got, list)
	}
	if got := strings.Count(list, "Port workers end a three-day strike"); got != 2 {
		t.Errorf("both copies should be listed, found %d:\n%s", got, list)
	}
	md, _, _ := dateline(t, nil, "--library", lib, "export", "--format", "md", "mombasa-port-strike-2")
	if !strings.Contains(md, "slug: mombasa-port-strike-2") {
		t.Errorf("the second copy should get the slug mombasa-port-strike-2:\n%s", md)
	}

	// --replace: the edited file becomes the draft's text.
	if _, errOut, code = dateline(t, nil, "--library", lib, "import", "--replace", edited); code != 0 {
		t.Fatalf("--replace: exit %d, stderr %q", code, errOut)
	}
	md, _, _ = dateline(t, nil, "--library", lib, "export", "--format", "md", "0c6b1f4e-2b7d-4c5a-9e3f-8d1a2b3c4d5e")
	if !strings.Contains(md, "11 percent") || strings.Contains(md, "9 percent") {
		t.Errorf("after --replace the draft should hold the edited text:\n%s", md)
	}
}

func TestImportWireCopyAndBatchWithABadFile(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	dir := t.TempDir()
	wire := filepath.Join(dir, "tea.txt")
	if err := os.WriteFile(wire, []byte("by Dana Whitfield and Omar Haddad, Harbor Times Correspondents\n"+
		"NAIROBI, Kenya (Harbor Times) – Tea growers in the central highlands said Monday that the dry season had cut their harvest by a third.\n"+
		"“We have never seen the bushes this thin,” one grower told Harbor Times.\n"+
		"Copyright 2004-2026 Harbor Times. This article was originally published on Harbor Times and was reproduced with permission.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	binary := filepath.Join(dir, "junk.md")
	if err := os.WriteFile(binary, []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2}, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := dateline(t, nil, "--library", lib, "import", binary, wire)
	if code != 1 {
		t.Errorf("a batch with one bad file exits %d, want 1", code)
	}
	if !strings.Contains(errOut, "junk.md") || !strings.Contains(errOut, "1 of 2 files failed") {
		t.Errorf("stderr should name the bad file and sum up: %q", errOut)
	}
	if !strings.Contains(out, "by Dana Whitfield and Omar Haddad") {
		t.Errorf("the good wire file should still be imported, got %q", out)
	}
	txt, _, code := dateline(t, nil, "--library", lib, "export", "--format", "txt", strings.Fields(out)[0])
	if code != 0 || !strings.Contains(txt, "NAIROBI, Kenya (Harbor Times) – Tea growers") || !strings.Contains(txt, "Copyright 2004-2026 Harbor Times. This article was originally published on Harbor Times") {
		t.Errorf("wire export of the imported wire copy:\n%s", txt)
	}
}

func TestExitStatusesAndMessages(t *testing.T) {
	lib := newLibrary(t)
	nowhere := filepath.Join(t.TempDir(), "nowhere.db")
	bad := filepath.Join(t.TempDir(), "bad.md")
	if err := os.WriteFile(bad, []byte("---\ntitle: [unclosed\n---\nbody\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		args []string
		code int
		want string // in stderr, or stdout for help
	}{
		{"help", []string{"--help"}, 0, "Commands:"},
		{"command help", []string{"export", "--help"}, 0, "Usage: dateline export"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"unknown format", []string{"--library", lib, "export", "--format", "pdf", "x"}, 2, "unknown format"},
		{"missing draft", []string{"--library", lib, "export", "--format", "md", "no-such-slug"}, 1, "no-such-slug"},
		{"missing library", []string{"--library", nowhere, "export", "--format", "md", "no-such-slug"}, 1, "no library at " + nowhere},
		{"malformed file", []string{"--library", lib, "import", bad}, 1, "bad.md"},
		{"missing file", []string{"--library", lib, "import", "nope.md"}, 1, "nope.md"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := dateline(t, nil, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if !strings.Contains(out+errOut, tt.want) {
				t.Errorf("output lacks %q: stdout %q stderr %q", tt.want, out, errOut)
			}
			if code == 1 && strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("a failure must be one line on stderr, got %q", errOut)
			}
		})
	}
}

func TestGUIWithoutDisplayFailsCleanly(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the display check under test is the X11/Wayland one")
	}
	lib := filepath.Join(t.TempDir(), "library.db")
	for _, display := range []string{"", ":87"} { // unset, and set but with no server
		_, errOut, code := dateline(t, []string{"DISPLAY=" + display, "WAYLAND_DISPLAY="}, "--library", lib)
		if code != 2 {
			t.Errorf("DISPLAY=%q: exit %d, want 2", display, code)
		}
		if lines := strings.Count(strings.TrimSpace(errOut), "\n") + 1; lines != 1 || strings.Contains(errOut, "goroutine") {
			t.Errorf("DISPLAY=%q: want a one-line message, got %q", display, errOut)
		}
		if !strings.Contains(errOut, "dateline --help") {
			t.Errorf("DISPLAY=%q: the message should point to the CLI: %q", display, errOut)
		}
	}
}

func TestCLocaleDoesNotFloodTheLog(t *testing.T) {
	lib := newLibrary(t)
	for _, env := range [][]string{
		{"LANG=C", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE="},
		{"LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE="},
		{"LANG=en_GB.UTF-8", "LC_ALL=POSIX", "LC_MESSAGES=", "LANGUAGE="},
	} {
		_, errOut, code := dateline(t, env, "--library", lib, "list")
		if code != 0 || strings.Contains(errOut, "locale") {
			t.Errorf("%v: exit %d, stderr %q; want a quiet start", env, code, errOut)
		}
	}
}

func TestBatchExport(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	if _, errOut, code := dateline(t, nil, "--library", lib, "import", "testdata/port-strike.md", "../../assets/sample.md"); code != 0 {
		t.Fatalf("import: exit %d, %s", code, errOut)
	}
	out := filepath.Join(t.TempDir(), "out")
	_, errOut, code := dateline(t, nil, "--library", lib, "export", "--all", "--format", "ninjs", "--out", out)
	if code != 0 || !strings.Contains(errOut, "Exported 2 articles.") {
		t.Fatalf("export --all: exit %d, stderr %q", code, errOut)
	}
	for _, name := range []string{"mombasa-port-strike.json", "kenya-tea-harvest.json"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || !strings.Contains(string(data), `"copyrightnotice"`) {
			t.Errorf("%s: %v, %.80q", name, err, data)
		}
	}

	approved := filepath.Join(t.TempDir(), "approved")
	_, errOut, code = dateline(t, nil, "--library", lib, "export", "--status", "approved", "--format", "txt", "--out", approved)
	if code != 0 || !strings.Contains(errOut, "Exported 1 article.") {
		t.Fatalf("export --status approved: exit %d, stderr %q", code, errOut)
	}
	entries, _ := os.ReadDir(approved)
	if len(entries) != 1 || entries[0].Name() != "mombasa-port-strike.txt" {
		t.Errorf("--status approved wrote %v, want only mombasa-port-strike.txt", entries)
	}

	if _, errOut, code = dateline(t, nil, "--library", lib, "export", "--all", "--format", "md"); code != 2 || !strings.Contains(errOut, "--out") {
		t.Errorf("--all without --out: exit %d, stderr %q; want a usage error", code, errOut)
	}
}
