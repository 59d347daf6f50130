package editor

import (
	"bytes"
	"testing"
)

// TestRoundTripEveryFormat exports every fixture in every format that
// imports, imports the file and exports the result again: the two files
// are the same byte for byte, so nothing of the article was lost on the
// way (status, slug, dates, the More list with its links, list tightness,
// table alignment, task boxes, footnotes).
func TestRoundTripEveryFormat(t *testing.T) {
	for _, f := range Formats {
		spec, _ := f.Spec()
		if spec.Parse == nil {
			continue
		}
		t.Run(string(f), func(t *testing.T) {
			for _, name := range fixtureNames(t) {
				t.Run(name, func(t *testing.T) {
					a, p := loadFixture(t, name)
					first, err := Export(f, a, p, fixtureOptions())
					if err != nil {
						t.Fatal(err)
					}
					back, err := Import(f, first, p)
					if err != nil {
						t.Fatalf("import of the export: %v", err)
					}
					second, err := Export(f, back, p, fixtureOptions())
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(first, second) {
						t.Errorf("export→import→export differs:\n%s", firstDiff(string(first), string(second)))
					}
				})
			}
		})
	}
}
