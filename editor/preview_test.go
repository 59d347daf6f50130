package editor

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// previewFixture is the YAML front matter of a testdata/preview fixture.
type previewFixture struct {
	Headline    string   `yaml:"headline"`
	Deck        string   `yaml:"deck"`
	Authors     []string `yaml:"authors"`
	BylineTitle string   `yaml:"byline_title"`
	Place       string   `yaml:"place"`
	Date        string   `yaml:"date"`
	Credit      string   `yaml:"credit"`
	Kind        string   `yaml:"kind"`
	Source      string   `yaml:"source"`
	Publisher   string   `yaml:"publisher"`
	URL         string   `yaml:"url"`
	Since       int      `yaml:"since"`
	Year        int      `yaml:"year"`
	Status      string   `yaml:"status"`
	Correction  string   `yaml:"correction"`
	Related     []Teaser `yaml:"related"`
}

// loadPreviewFixture reads a Markdown fixture with YAML front matter into
// an Article.
func loadPreviewFixture(t testing.TB, path string) *Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if !strings.HasPrefix(s, "---\n") {
		t.Fatalf("%s: no front matter", path)
	}
	head, body, ok := strings.Cut(s[4:], "\n---\n")
	if !ok {
		t.Fatalf("%s: front matter not closed", path)
	}
	var fx previewFixture
	if err := yaml.Unmarshal([]byte(head), &fx); err != nil {
		t.Fatalf("%s: front matter: %v", path, err)
	}
	created := time.Date(2026, 1, 21, 9, 0, 0, 0, time.UTC)
	a := &Article{
		ID: "6f1c1a2e-8f7e-4c55-9d0e-2a7b3c4d5e6f", Slug: strings.TrimSuffix(filepath.Base(path), ".md"),
		Headline: fx.Headline, Deck: fx.Deck,
		Byline:      Byline{Authors: fx.Authors, Title: fx.BylineTitle},
		Dateline:    Dateline{Place: fx.Place, Credit: fx.Credit},
		Attribution: Attribution{Kind: AttributionKind(fx.Kind), Source: fx.Source, OriginalPublisher: fx.Publisher, OriginalURL: fx.URL},
		Copyright:   Copyright{Since: fx.Since, Year: fx.Year},
		Body:        body, Related: fx.Related, Status: StatusDraft, CorrectionNote: fx.Correction,
		Created: created, Updated: created,
	}
	if fx.Status != "" {
		a.Status = Status(fx.Status)
	}
	if fx.Date != "" {
		if a.Dateline.Date, err = time.Parse("2006-01-02", fx.Date); err != nil {
			t.Fatalf("%s: date: %v", path, err)
		}
	}
	if err := a.Validate(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return a
}

// dumpPreview writes the model in a readable indented form for goldens.
func dumpPreview(pv *Preview) string {
	var b strings.Builder
	dumpPreviewBlocks(&b, pv.Blocks, 0)
	return b.String()
}

func dumpPreviewBlocks(b *strings.Builder, blocks []Block, depth int) {
	ind := strings.Repeat("  ", depth)
	for _, bl := range blocks {
		b.WriteString(ind + bl.Kind.String())
		switch bl.Kind {
		case BlockHeading:
			fmt.Fprintf(b, " level=%d", bl.Level)
		case BlockList, BlockFootnotes, BlockRelatedList:
			if bl.Ordered {
				fmt.Fprintf(b, " ordered start=%d", bl.Start)
			} else {
				b.WriteString(" bullet")
			}
			if bl.Tight {
				b.WriteString(" tight")
			}
		case BlockCode:
			if bl.Language != "" {
				b.WriteString(" lang=" + bl.Language)
			}
		case BlockTable:
			b.WriteString(" align=")
			for i, a := range bl.Align {
				if i > 0 {
					b.WriteByte(',')
				}
				b.WriteString(a.String())
			}
		}
		b.WriteByte('\n')
		dumpPreviewInlines(b, bl.Inlines, depth+1)
		switch bl.Kind {
		case BlockQuote:
			dumpPreviewBlocks(b, bl.Children, depth+1)
		case BlockList, BlockFootnotes, BlockRelatedList:
			for i, it := range bl.Items {
				fmt.Fprintf(b, "%s  Item %d\n", ind, i+1)
				dumpPreviewBlocks(b, it, depth+2)
			}
		case BlockCode:
			for _, l := range strings.SplitAfter(bl.Text, "\n") {
				if l != "" {
					fmt.Fprintf(b, "%s  | %q\n", ind, l)
				}
			}
		case BlockTable:
			for i, row := range bl.Rows {
				fmt.Fprintf(b, "%s  Row %d\n", ind, i)
				for j, cell := range row {
					fmt.Fprintf(b, "%s    Cell %d\n", ind, j)
					dumpPreviewInlines(b, cell, depth+3)
				}
			}
		}
	}
}

func dumpPreviewInlines(b *strings.Builder, ins []Inline, depth int) {
	ind := strings.Repeat("  ", depth)
	for _, in := range ins {
		b.WriteString(ind)
		if in.Style != 0 {
			b.WriteString("[" + in.Style.String() + "] ")
		}
		b.WriteString(strconv.Quote(in.Text))
		if in.Style&StyleLink != 0 {
			b.WriteString(" -> " + strconv.Quote(in.URL))
		}
		b.WriteByte('\n')
	}
}

func TestPreviewGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "preview", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no preview fixtures")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		t.Run(name, func(t *testing.T) {
			a := loadPreviewFixture(t, file)
			pv, err := BuildPreview(a, DefaultProfile(), RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			assertGoldenFile(t, filepath.Join("testdata", "preview-golden", name+".golden"), []byte(dumpPreview(pv)))
			assertGoldenFile(t, filepath.Join("testdata", "preview-golden", name+".txt"), []byte(pv.PlainText()))
		})
	}
}

func TestBuildPreviewFrame(t *testing.T) {
	a := &Article{
		Headline:    " Tea growers count losses ",
		Deck:        "A third is gone",
		Byline:      Byline{Authors: []string{"Dana Whitfield", "Omar Haddad"}, Title: "Harbor Times Correspondents"},
		Dateline:    Dateline{Place: "NAIROBI, Kenya", Credit: "Harbor Times"},
		Attribution: Attribution{Kind: AttributionContributed, Source: "Associated Press"},
		Body:        "Tea growers said \"hi\" -- twice.\n\nSecond.",
		Related: []Teaser{
			{Text: "Port strike ends", URL: "https://example.com/port"},
			{Text: "Bad link", URL: "javascript:alert(1)"},
			{DraftID: "d1", Text: "stale headline"},
		},
		Status:         StatusCorrected,
		CorrectionNote: "Corrected the date.",
		Copyright:      Copyright{Year: 2026},
	}
	resolve := func(id string) (string, string, bool) {
		if id == "d1" {
			return "Fresh headline", "https://example.com/fresh", true
		}
		return "", "", false
	}
	pv, err := BuildPreview(a, DefaultProfile(), RenderOptions{Resolve: resolve})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, b := range pv.Blocks {
		kinds = append(kinds, b.Kind.String())
	}
	if got, want := strings.Join(kinds, " "), "Headline Deck Byline Paragraph Paragraph Tagline Correction Footer RelatedHeading RelatedList"; got != want {
		t.Errorf("block kinds\ngot  %s\nwant %s", got, want)
	}
	want := "Tea growers count losses\nA third is gone\nby Dana Whitfield and Omar Haddad, Harbor Times Correspondents\n" +
		"NAIROBI, Kenya (Harbor Times) – Tea growers said “hi” – twice.\nSecond.\n" +
		"Material from Associated Press contributed to this report.\nCorrected the date.\n" +
		"Copyright 2004-2026 Harbor Times. All rights reserved.\nMore Harbor Times\n" +
		"Port strike ends\nBad link\nFresh headline\n"
	if got := pv.PlainText(); got != want {
		t.Errorf("PlainText\ngot  %q\nwant %q", got, want)
	}
	first := pv.Blocks[3].Inlines[0]
	if first.Style != StyleDateline || first.Text != "NAIROBI, Kenya (Harbor Times) – " {
		t.Errorf("first inline of the body = %+v, want the dateline run-in", first)
	}
	if b := pv.Blocks[2].Inlines[0]; b.Style != StyleByline {
		t.Errorf("byline style = %v, want byline", b.Style)
	}
	items := pv.Blocks[len(pv.Blocks)-1].Items
	if got := items[0][0].Inlines[0]; got.Style != StyleLink || got.URL != "https://example.com/port" {
		t.Errorf("teaser 1 = %+v, want a link", got)
	}
	if got := items[1][0].Inlines[0]; got.URL != "" {
		t.Errorf("dangerous teaser URL kept: %+v", got)
	}
	if got := items[2][0].Inlines[0]; got.URL != "https://example.com/fresh" {
		t.Errorf("picked teaser not resolved: %+v", got)
	}
}

func TestBuildPreviewTemplateError(t *testing.T) {
	p := DefaultProfile()
	p.FooterOriginal = "{{.Nope}}"
	_, err := BuildPreview(&Article{Body: "x"}, p, RenderOptions{})
	if ErrorCode(err) != EINVALID {
		t.Fatalf("err = %v, want an EINVALID *Error", err)
	}
}

func TestPreviewInlines(t *testing.T) {
	for _, tt := range []struct {
		md   string
		want string // dump of the first block's inlines
	}{
		{"***both*** and **bold *nested* bold**", "[strong+em] \"both\"\n\" and \"\n[strong] \"bold \"\n[strong+em] \"nested\"\n[strong] \" bold\"\n"},
		{"[a **b**](https://x.org) ~~gone~~", "[link] \"a \" -> \"https://x.org\"\n[strong+link] \"b\" -> \"https://x.org\"\n\" \"\n[strike] \"gone\"\n"},
		{"`a\nb` <b>raw</b> end", "[code] \"a b\"\n\" raw end\"\n"},
		{"\"quoted\" -- it's...", "\"“quoted” – it’s…\"\n"},
		{"a  \nb\nc", "\"a\\nb c\"\n"},
		{"![alt *x*](i.png) ![](j.png)", "[image] \"[Image: alt x]\"\n\" \"\n[image] \"[Image]\"\n"},
	} {
		doc, src := ParseBody(tt.md)
		blocks := renderPreviewBlocks(doc, src)
		if len(blocks) == 0 {
			t.Errorf("%q: no blocks", tt.md)
			continue
		}
		var b strings.Builder
		dumpPreviewInlines(&b, blocks[0].Inlines, 0)
		if got := b.String(); got != tt.want {
			t.Errorf("%q\ngot:\n%s\nwant:\n%s", tt.md, got, tt.want)
		}
	}
}

// previewBenchArticle builds a body of about 1,500 words with the constructs a
// story uses: headings, emphasis, links, quotes, lists and a table.
func previewBenchArticle() *Article {
	var b strings.Builder
	para := `Tea growers in the central highlands said Monday that the dry season had cut their harvest by **a third**, and "the rains are late again," according to the *growers' association* and [local radio](https://example.com/radio) -- a pattern seen since 2009.`
	for i := range 36 {
		if i%9 == 0 {
			fmt.Fprintf(&b, "## Section %d\n\n", i/9+1)
		}
		b.WriteString(para + "\n\n")
		if i%12 == 5 {
			b.WriteString("> \"We have never seen the bushes this thin,\" one grower said.\n\n- first point with `code`\n- second point\n  1. nested\n\n")
		}
	}
	b.WriteString("| Estate | 2025 | 2026 |\n|:--|--:|--:|\n| Kericho | 1,200 | 810 |\n| Nyeri | 640 | 455 |\n")
	return &Article{
		Headline: "Tea growers count losses after a dry season",
		Byline:   Byline{Authors: []string{"Dana Whitfield"}},
		Dateline: Dateline{Place: "NAIROBI, Kenya", Credit: "Harbor Times"},
		Body:     b.String(),
		Created:  time.Date(2026, 1, 21, 0, 0, 0, 0, time.UTC),
	}
}

func TestBenchmarkArticleSize(t *testing.T) {
	words := len(strings.Fields(previewBenchArticle().Body))
	if words < 1300 || words > 1800 {
		t.Errorf("benchmark article has %d words, want about 1,500", words)
	}
}

// BenchmarkBuildPreview measures the preview of a ~1,500-word article;
// BenchmarkBuildPreviewBaselineGoldmarkHTML is raw goldmark converting the
// same Markdown to HTML in the same run.
func BenchmarkBuildPreview(b *testing.B) {
	a, p := previewBenchArticle(), DefaultProfile()
	b.SetBytes(int64(len(a.Body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := BuildPreview(a, p, RenderOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildPreviewBaselineGoldmarkHTML is the baseline of
// BenchmarkBuildPreview: the shared pipeline's Convert to HTML.
func BenchmarkBuildPreviewBaselineGoldmarkHTML(b *testing.B) {
	a := previewBenchArticle()
	src := []byte(a.Body)
	md := NewMarkdown()
	var buf bytes.Buffer
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := md.Convert(src, &buf); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPreviewBlocksKnowTheirSourceLines(t *testing.T) {
	body := "First paragraph\ncontinues here.\n\n## A heading\n\n- one\n- two\n\n  still two\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n\nLast."
	pv, err := BuildPreview(&Article{Headline: "H", Body: body}, DefaultProfile(), RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, bl := range pv.Blocks {
		if bl.SourceEnd > 0 {
			got = append(got, fmt.Sprintf("%s %d-%d", bl.Kind, bl.SourceStart, bl.SourceEnd))
		}
	}
	want := []string{"Paragraph 0-2", "Heading 3-4", "List 5-9", "Table 12-15", "Code 17-18", "Paragraph 20-21"} // a fence's lines are its content
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("source lines\ngot  %v\nwant %v", got, want)
	}
}
