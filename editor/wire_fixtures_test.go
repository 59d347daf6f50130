package editor

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var updateWire = flag.Bool("update-wire", false, "rewrite the expected fields of the wire fixtures (testdata/wire/*.want.json)")

// wireWant is what a desk editor expects from a wire fixture, field by
// field. It is kept beside the fixture as NAME.want.json.
type wireWant struct {
	Headline    string   `json:"headline,omitempty"`
	Deck        string   `json:"deck,omitempty"`
	Authors     []string `json:"authors,omitempty"`
	BylineTitle string   `json:"byline_title,omitempty"`
	Place       string   `json:"place,omitempty"`
	Date        string   `json:"date,omitempty"`
	Credit      string   `json:"credit,omitempty"`
	Dash        string   `json:"dash,omitempty"`
	Kind        string   `json:"kind,omitempty"`
	Source      string   `json:"source,omitempty"`
	Publisher   string   `json:"publisher,omitempty"`
	Holder      string   `json:"holder,omitempty"`
	Since       int      `json:"since,omitempty"`
	Year        int      `json:"year,omitempty"`
	Status      string   `json:"status"`
	Correction  string   `json:"correction,omitempty"`
	EditorsNote string   `json:"editors_note,omitempty"`
	Advisories  []string `json:"advisories,omitempty"`
	Trailer     []string `json:"trailer,omitempty"`
	Related     []string `json:"related,omitempty"`
	RelatedHead string   `json:"related_heading,omitempty"`
	Agency      string   `json:"agency,omitempty"`
	Layout      string   `json:"layout,omitempty"`
	Slug        string   `json:"slug,omitempty"`
	WireSlug    string   `json:"wire_slug,omitempty"`
	Priority    string   `json:"priority,omitempty"`
	Category    string   `json:"category,omitempty"`
	WordCount   int      `json:"word_count,omitempty"`
	AsReceived  string   `json:"byline_as_received,omitempty"`
	Own         bool     `json:"own,omitempty"`
	Body        []string `json:"body"`
}

// wantOf reads the fields of an import.
func wantOf(w *WireCopy) wireWant {
	a := w.Article
	g := wireWant{
		Headline: a.Headline, Deck: a.Deck, Authors: a.Byline.Authors, BylineTitle: a.Byline.Title,
		Place: a.Dateline.Place, Credit: a.Dateline.Credit, Dash: w.Dash,
		Kind: string(a.Attribution.Kind), Source: a.Attribution.Source, Publisher: a.Attribution.OriginalPublisher,
		Holder: a.Copyright.Holder, Since: a.Copyright.Since, Year: a.Copyright.Year,
		Status: string(a.Status), Correction: a.CorrectionNote, EditorsNote: a.EditorsNote,
		Advisories: a.Advisories, Trailer: a.Trailer, RelatedHead: a.RelatedHeading,
		Agency: a.Wire.Agency, Layout: a.Wire.Layout, WireSlug: a.Wire.Slug, Priority: a.Wire.Priority,
		Category: a.Wire.Category, WordCount: a.Wire.WordCount, AsReceived: a.Wire.Byline, Own: w.Own,
		Body: strings.Split(a.Body, "\n\n"),
	}
	if !strings.HasPrefix(a.Slug, "untitled-") {
		g.Slug = a.Slug
	}
	if !a.Dateline.Date.IsZero() {
		g.Date = a.Dateline.Date.Format("2006-01-02")
	}
	for _, t := range a.Related {
		g.Related = append(g.Related, t.Text)
	}
	return g
}

// TestWireFixtureFields reads each wire fixture that has a NAME.want.json
// and compares what a desk editor expects, field by field.
func TestWireFixtureFields(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "wire", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, file := range files {
		wantFile := strings.TrimSuffix(file, ".txt") + ".want.json"
		t.Run(filepath.Base(file), func(t *testing.T) {
			in, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			w, err := ParseWireTextDetail(in, DefaultProfile())
			if err != nil {
				t.Fatal(err)
			}
			got := wantOf(w)
			if *updateWire {
				data, _ := json.MarshalIndent(got, "", "  ")
				if err := os.WriteFile(wantFile, append(data, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			data, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("no expected fields: %v (go test -run TestWireFixtureFields -update-wire writes them; check them by eye)", err)
			}
			var want wireWant
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
			for i := 0; i < gv.NumField(); i++ {
				if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
					t.Errorf("%s = %#v, want %#v", gv.Type().Field(i).Name, gv.Field(i).Interface(), wv.Field(i).Interface())
				}
			}
			checked++
		})
	}
	if checked < 30 {
		t.Errorf("%d wire fixtures were checked field by field, want at least 30", checked)
	}
}

// TestWireRoundTripCustomFooters imports every wire fixture, then exports
// it under each profile with custom footer templates, imports that export
// under the same profile and exports again: the two exports are the same,
// and the footer is read back rather than left in the body.
func TestWireRoundTripCustomFooters(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "wire", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for name, p := range customFooterProfiles() {
		for _, file := range files {
			in, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a, err := ParseWireText(in, DefaultProfile())
			if err != nil {
				t.Fatal(err)
			}
			first, err := RenderWireText(a, p, RenderOptions{Now: fixtureNow})
			if err != nil {
				t.Fatal(err)
			}
			w, err := ParseWireTextDetail(first, p)
			if err != nil {
				t.Fatalf("%s, %s: %v", name, file, err)
			}
			if !w.Own {
				t.Errorf("%s, %s: the export does not read as an own export:\n%s", name, file, first)
			}
			second, err := RenderWireText(w.Article, p, RenderOptions{Now: fixtureNow})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first, second) {
				t.Errorf("%s, %s: export→import→export differs:\n%s", name, file, firstDiff(string(first), string(second)))
			}
			if got, want := CopyrightData(w.Article, p), CopyrightData(a, p); got.Holder != want.Holder || got.Publisher != want.Publisher {
				t.Errorf("%s, %s: copyright %+v, want %+v", name, file, got, want)
			}
		}
	}
}

// TestWireImportKeepsThroughMarkdown: what agency copy carried besides
// the story (advisories, trailer, its own More heading, the transmission
// header) survives a Markdown export and import, as every field does.
func TestWireImportKeepsThroughMarkdown(t *testing.T) {
	for _, name := range []string{"anpa-1312", "ap-advisory-and-eds", "bloomberg-contact-block", "iptc-7901"} {
		in, err := os.ReadFile(filepath.Join("testdata", "wire", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		a, err := ParseWireText(in, DefaultProfile())
		if err != nil {
			t.Fatal(err)
		}
		a.RelatedHeading = "More from the wire"
		md, err := RenderMarkdown(a, DefaultProfile(), RenderOptions{Now: fixtureNow})
		if err != nil {
			t.Fatal(err)
		}
		b, err := ParseMarkdownArticle(md)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a.Advisories, b.Advisories) || !reflect.DeepEqual(a.Trailer, b.Trailer) || a.RelatedHeading != b.RelatedHeading || a.Wire != b.Wire {
			t.Errorf("%s: through Markdown %q %q %q %+v, want %q %q %q %+v", name, b.Advisories, b.Trailer, b.RelatedHeading, b.Wire, a.Advisories, a.Trailer, a.RelatedHeading, a.Wire)
		}
	}
}
