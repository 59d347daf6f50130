package app

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

func loadPreviewArticle(t testing.TB, name string) *editor.Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "preview", name))
	if err != nil {
		t.Fatal(err)
	}
	var a editor.Article
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &a
}

func mustBuildPreview(t testing.TB, a *editor.Article) *editor.Preview {
	t.Helper()
	pv, err := editor.BuildPreview(a, editor.DefaultProfile(), editor.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return pv
}

func TestPreviewViewRendersArticle(t *testing.T) {
	test.NewTempApp(t)
	a := &editor.Article{
		Headline: "Strike ends at the port",
		Byline:   editor.Byline{Authors: []string{"Amina Otieno"}, Title: "Correspondent"},
		Dateline: editor.Dateline{Place: "MOMBASA, Kenya", Credit: "Harbor Times"},
		Body: "Workers went back on **Tuesday**, \"for now.\"\n\n" +
			"- pay rise\n- safety checks\n  1. cranes\n\n" +
			"| Item | Rate |\n|:--|--:|\n| Day | 1,450 |\n| Night | 1,900 |\n",
		Copyright: editor.Copyright{Year: 2026},
	}
	pv := mustBuildPreview(t, a)
	v := NewPreviewView()
	v.SetPreview(pv)
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(520, 640))

	assertMarkup(t, "preview/article.xml", w.Canvas())

	want := "Strike ends at the port\nby Amina Otieno, Correspondent\n" +
		"MOMBASA, Kenya (Harbor Times) – Workers went back on Tuesday, “for now.”\n" +
		"pay rise\nsafety checks\ncranes\nItem\tRate\nDay\t1,450\nNight\t1,900\n" +
		"Copyright 2004-2026 Harbor Times. All rights reserved.\n"
	if got := v.PlainText(); got != want {
		t.Errorf("view text\ngot  %q\nwant %q", got, want)
	}
	var bold, italic, table bool
	for _, s := range v.text.Segments {
		switch s := s.(type) {
		case *widget.TextSegment:
			if s.Text == "Tuesday" && s.Style.TextStyle.Bold {
				bold = true
			}
			if strings.HasPrefix(s.Text, "MOMBASA") && !s.Style.TextStyle.Bold {
				t.Error("dateline run-in is not bold")
			}
			if strings.HasPrefix(s.Text, "by Amina") && s.Style.TextStyle.Italic && !s.Style.Inline {
				italic = true
			}
		case *tableSegment:
			table = true
		}
	}
	if !bold || !italic || !table {
		t.Errorf("bold=%v italic byline line=%v table=%v, want all", bold, italic, table)
	}
}

func TestPreviewViewPlainTextMatchesEditor(t *testing.T) {
	test.NewTempApp(t)
	pv := mustBuildPreview(t, loadPreviewArticle(t, "mombasa.json"))
	v := NewPreviewView()
	v.SetPreview(pv)
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(600, 1400))

	want := pv.PlainText()
	if got := v.PlainText(); got != want {
		t.Errorf("rich text differs from the editor's plain text\ngot  %q\nwant %q", got, want)
	}
	for _, s := range []string{"Port workers in Mombasa end a three-day strike", "[Image: Dockworkers at the gate]", "Published on Monday.", "More Harbor Times", "☑ helmets issued"} {
		if !strings.Contains(want, s) {
			t.Errorf("fixture text lacks %q", s)
		}
	}
	assertMarkup(t, "preview/mombasa.xml", w.Canvas())
}

func TestPreviewViewShowsTemplateError(t *testing.T) {
	test.NewTempApp(t)
	v := NewPreviewView()
	test.NewTempWindow(t, v)
	p := editor.DefaultProfile()
	p.FooterOriginal = "{{.Nope}}"
	r := NewPreviewRenderer(v, func() editor.Profile { return p }, editor.RenderOptions{})
	r.Render(&editor.Article{Headline: "H", Body: "x"})
	r.Wait()
	if got := v.PlainText(); !strings.Contains(got, "footer template cannot be used") {
		t.Errorf("view shows %q, want the template error", got)
	}
	if v.Preview() != nil {
		t.Error("an error must clear the preview")
	}
}

func TestPreviewRendererManyQuickRenders(t *testing.T) {
	test.NewTempApp(t)
	v := NewPreviewView()
	test.NewTempWindow(t, v)
	var mu sync.Mutex
	var shown []string
	r := NewPreviewRenderer(v, nil, editor.RenderOptions{})
	r.OnRendered = func(p *editor.Preview, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			t.Errorf("render: %v", err)
			return
		}
		shown = append(shown, p.Blocks[0].Inlines[0].Text)
	}
	const n = 60
	for i := range n {
		r.Render(&editor.Article{Headline: fmt.Sprintf("Draft %d", i), Body: strings.Repeat("Some *text* here.\n\n", 50)})
	}
	r.Wait()
	mu.Lock()
	defer mu.Unlock()
	if len(shown) == 0 || shown[len(shown)-1] != fmt.Sprintf("Draft %d", n-1) {
		t.Fatalf("shown %v, want to end with Draft %d", shown, n-1)
	}
	if got := v.PlainText(); !strings.HasPrefix(got, fmt.Sprintf("Draft %d\n", n-1)) {
		t.Errorf("view starts %q, want the last draft", got[:min(len(got), 40)])
	}
	var last int = -1
	for _, s := range shown {
		var k int
		if _, err := fmt.Sscanf(s, "Draft %d", &k); err != nil || k <= last {
			t.Fatalf("results shown out of order: %v", shown)
		}
		last = k
	}
	if len(shown) == n {
		t.Logf("all %d renders were shown; supersession did not kick in this run", n)
	}
}

func TestPreviewRendererDropsStaleResult(t *testing.T) {
	test.NewTempApp(t)
	v := NewPreviewView()
	test.NewTempWindow(t, v)

	release := make(chan struct{})
	entered := make(chan struct{}, 1)
	var mu sync.Mutex
	var resolved []string
	resolve := func(id string) (string, string, bool) {
		mu.Lock()
		resolved = append(resolved, id)
		mu.Unlock()
		if id == "first" {
			entered <- struct{}{}
			<-release
		}
		return "Teaser " + id, "", true
	}
	var shown []string
	r := NewPreviewRenderer(v, nil, editor.RenderOptions{Resolve: resolve})
	r.OnRendered = func(p *editor.Preview, _ error) { shown = append(shown, p.Blocks[0].Inlines[0].Text) }
	article := func(name string) *editor.Article {
		return &editor.Article{Headline: "Headline " + name, Body: "Body " + name + ".", Related: []editor.Teaser{{DraftID: name}}}
	}

	r.Render(article("first"))
	select {
	case <-entered:
	case <-time.After(10 * time.Second):
		t.Fatal("first render never started")
	}
	// The worker is stuck in the first render; Render must still return
	// at once, and the second request is superseded before it starts.
	returned := make(chan struct{})
	go func() {
		r.Render(article("second"))
		r.Render(article("third"))
		close(returned)
	}()
	select {
	case <-returned:
	case <-time.After(10 * time.Second):
		t.Fatal("Render blocked while a render was running")
	}
	close(release)
	r.Wait()

	mu.Lock()
	defer mu.Unlock()
	if got := strings.Join(resolved, ","); got != "first,third" {
		t.Errorf("rendered %s, want first,third (second superseded before it started)", got)
	}
	if got := strings.Join(shown, ","); got != "Headline third" {
		t.Errorf("shown %q, want only the newest (the stale first result dropped)", got)
	}
	if got := v.PlainText(); !strings.Contains(got, "Body third.") || strings.Contains(got, "Body first.") {
		t.Errorf("view text %q, want the third article", got)
	}
}

// previewBenchArticle is a long story: about 6,000 words with the usual
// constructs.
func previewBenchArticle() *editor.Article {
	var b strings.Builder
	for i := range 120 {
		if i%20 == 0 {
			fmt.Fprintf(&b, "## Part %d\n\n", i/20+1)
		}
		b.WriteString("Port workers in Mombasa said on **Tuesday** that a *three-day* strike had ended after a pay deal, and that \"the cranes are moving again\" -- according to [the union](https://example.com/union), for now.\n\n")
		if i%30 == 7 {
			b.WriteString("- first point\n- second point\n  1. nested\n\n> A quote from the union.\n\n| A | B |\n|--|--:|\n| 1 | 2 |\n\n")
		}
	}
	return &editor.Article{Headline: "A long story", Byline: editor.Byline{Authors: []string{"Amina Otieno"}}, Body: b.String()}
}

// BenchmarkPreviewViewSetPreview converts a long article's Preview to rich
// text segments and refreshes the view;
// BenchmarkPreviewViewBaselineStockRichText refreshes a stock RichText with
// the same number of plain TextSegments in the same run.
func BenchmarkPreviewViewSetPreview(b *testing.B) {
	test.NewTempApp(b)
	pv := mustBuildPreview(b, previewBenchArticle())
	v := NewPreviewView()
	w := test.NewTempWindow(b, v)
	w.Resize(fyne.NewSize(600, 800))
	v.SetPreview(pv)
	b.ReportMetric(float64(len(v.text.Segments)), "segments")
	b.ReportAllocs()
	for b.Loop() {
		v.SetPreview(pv)
	}
}

// BenchmarkPreviewViewBaselineStockRichText is the baseline of
// BenchmarkPreviewViewSetPreview.
func BenchmarkPreviewViewBaselineStockRichText(b *testing.B) {
	test.NewTempApp(b)
	pv := mustBuildPreview(b, previewBenchArticle())
	v := NewPreviewView()
	v.SetPreview(pv)
	var texts []string
	for _, s := range v.text.Segments {
		texts = append(texts, s.Textual())
	}
	rt := widget.NewRichText()
	rt.Wrapping = fyne.TextWrapWord
	w := test.NewTempWindow(b, rt)
	w.Resize(fyne.NewSize(600, 800))
	b.ReportMetric(float64(len(texts)), "segments")
	b.ReportAllocs()
	for b.Loop() {
		segs := make([]widget.RichTextSegment, len(texts))
		for i, s := range texts {
			segs[i] = &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: s}
		}
		rt.Segments = segs
		rt.Refresh()
	}
}
