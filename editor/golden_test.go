package editor

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// update rewrites the export golden files under testdata/golden from the
// current output: go test ./editor -run Golden -update. Review the diff by
// eye before committing it.
var update = flag.Bool("update", false, "rewrite golden files under testdata/golden")

// fixtureNow is the export clock of the golden tests.
var fixtureNow = time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC)

// fixtureNames lists the articles under testdata/fixtures.
func fixtureNames(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "fixtures", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 12 {
		t.Fatalf("found %d export fixtures, want at least 12", len(files))
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(filepath.Base(f), ".json")
	}
	return names
}

// loadFixture reads testdata/fixtures/NAME.json and returns the article and
// the profile it is exported under.
func loadFixture(t testing.TB, name string) (*Article, Profile) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "fixtures", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var a Article
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := a.Validate(); err != nil {
		t.Fatalf("%s: fixture does not validate: %v", name, err)
	}
	return &a, fixtureProfile(name)
}

// fixtureProfile is the default profile, with the other two dateline dashes
// for two fixtures so that every dash is covered.
func fixtureProfile(name string) Profile {
	p := DefaultProfile()
	switch name {
	case "syndicated":
		p.Dash = DashEm
	case "three-authors-dated":
		p.Dash = DashDouble
	}
	return p
}

// fixtureResolver resolves picked teasers as a library would: one known
// draft, the rest gone.
func fixtureResolver(id string) (string, string, bool) {
	if id == "5b3f1c9e-7d2a-4e8b-9c1f-2a6d8e4b7c10" {
		return "Tea growers count losses after a dry season", "https://harbortimes.example/kenya-tea-harvest", true
	}
	return "", "", false
}

// fixtureOptions are the render options of the golden tests.
func fixtureOptions() RenderOptions {
	return RenderOptions{Resolve: fixtureResolver, Now: fixtureNow}
}

// assertGolden compares got with testdata/golden/NAME, or rewrites the
// file under -update.
func assertGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	assertGoldenFile(t, filepath.Join("testdata", "golden", name), got)
}

// assertGoldenFile compares got with the file at path, or rewrites the
// file under -update.
func assertGoldenFile(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update to accept):\n%s", path, firstDiff(string(want), string(got)))
	}
}

// firstDiff describes the first differing line of want and got.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n want " + quote(w) + "\n got  " + quote(g)
		}
	}
	return "(only line ends differ)"
}

func itoa(i int) string { return string(appendInt(nil, i)) }

func appendInt(b []byte, i int) []byte {
	if i >= 10 {
		b = appendInt(b, i/10)
	}
	return append(b, byte('0'+i%10))
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// goldenFormats are the formats with golden files, and the file suffix of
// each.
var goldenFormats = []struct {
	format Format
	suffix string
}{
	{FormatHTMLFragment, "fragment.html"},
	{FormatHTML, "html"},
	{FormatMarkdown, "md"},
	{FormatWire, "txt"},
	{FormatNinjs, "ninjs.json"},
}

func TestExportGolden(t *testing.T) {
	for _, name := range fixtureNames(t) {
		a, p := loadFixture(t, name)
		for _, gf := range goldenFormats {
			t.Run(name+"/"+string(gf.format), func(t *testing.T) {
				got, err := Export(gf.format, a, p, fixtureOptions())
				if err != nil {
					t.Fatal(err)
				}
				assertGolden(t, name+"."+gf.suffix+".golden", got)
			})
		}
	}
}

// BenchmarkExport measures every format on the long-body fixture (150
// paragraphs), the figure behind the GUI's export responsiveness.
func BenchmarkExport(b *testing.B) {
	a, p := loadFixture(b, "long-body")
	for _, f := range Formats {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Export(f, a, p, fixtureOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImport measures every importer on the long-body fixture's own
// export.
func BenchmarkImport(b *testing.B) {
	a, p := loadFixture(b, "long-body")
	for _, f := range []Format{FormatMarkdown, FormatWire, FormatNinjs, FormatHTML, FormatNITF, FormatNewsML} {
		data, err := Export(f, a, p, fixtureOptions())
		if err != nil {
			b.Fatal(err)
		}
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Import(f, data, DefaultProfile()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
