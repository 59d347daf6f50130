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
	for _, r := range v.rows {
		for _, run := range r.runs {
			if run.text == "Tuesday" && run.style.Bold {
				bold = true
			}
			if strings.HasPrefix(run.text, "MOMBASA") && !run.style.Bold {
				t.Error("dateline run-in is not bold")
			}
			if strings.HasPrefix(run.text, "by Amina") && run.style.Italic {
				italic = true
			}
		}
		if r.kind == rowTable {
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

// TestPreviewRendererNewerEditDoesNotWait holds the first build inside
// its teaser lookup: the newest request must render and show while the
// stale build is still stuck, and the stale result, once released, is
// dropped.
func TestPreviewRendererNewerEditDoesNotWait(t *testing.T) {
	test.NewTempApp(t)
	v := NewPreviewView()
	test.NewTempWindow(t, v)

	release := make(chan struct{})
	entered := make(chan struct{}, 1)
	resolve := func(id string) (string, string, bool) {
		if id == "first" {
			entered <- struct{}{}
			<-release
		}
		return "Teaser " + id, "", true
	}
	var mu sync.Mutex
	var shown []string
	r := NewPreviewRenderer(v, nil, editor.RenderOptions{Resolve: resolve})
	r.Patience = time.Hour // no paused notice in this test
	r.OnRendered = func(p *editor.Preview, _ error) {
		mu.Lock()
		shown = append(shown, p.Blocks[0].Inlines[0].Text)
		mu.Unlock()
	}
	article := func(name string) *editor.Article {
		return &editor.Article{Headline: "Headline " + name, Body: "Body " + name + ".", Related: []editor.Teaser{{DraftID: name}}}
	}

	r.Render(article("first"))
	select {
	case <-entered:
	case <-time.After(10 * time.Second):
		t.Fatal("first render never started")
	}
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
	// The newest is shown although the first build is still stuck.
	waited := make(chan struct{})
	go func() { r.Wait(); close(waited) }()
	select {
	case <-waited:
	case <-time.After(10 * time.Second):
		t.Fatal("the newest render waited for the stale one")
	}
	close(release)
	// Let the stale build finish and try to deliver.
	r.Render(article("fourth"))
	r.Wait()
	time.Sleep(50 * time.Millisecond)
	fyne.DoAndWait(func() {})

	mu.Lock()
	defer mu.Unlock()
	if got := strings.Join(shown, ","); got != "Headline third,Headline fourth" {
		t.Errorf("shown %q, want third then fourth (stale first and superseded second dropped)", got)
	}
	if got := v.PlainText(); !strings.Contains(got, "Body fourth.") || strings.Contains(got, "Body first.") {
		t.Errorf("view text %q, want the fourth article", got)
	}
}

// TestPreviewRendererPausesAndGivesUp holds a build past Patience and then
// past Limit: the view says it is paused, keeps the preview it had, and
// says it gave up.
func TestPreviewRendererPausesAndGivesUp(t *testing.T) {
	test.NewTempApp(t)
	v := NewPreviewView()
	test.NewTempWindow(t, v)
	release := make(chan struct{})
	resolve := func(id string) (string, string, bool) {
		if id == "slow" {
			<-release
		}
		return "Teaser", "", true
	}
	r := NewPreviewRenderer(v, nil, editor.RenderOptions{Resolve: resolve})
	r.Patience, r.Limit = 20*time.Millisecond, 300*time.Millisecond
	r.Render(&editor.Article{Headline: "Quick", Body: "Quick body."})
	r.Wait()
	r.Render(&editor.Article{Headline: "Slow", Body: "Slow body.", Related: []editor.Teaser{{DraftID: "slow"}}})
	paused := func() string {
		var s string
		fyne.DoAndWait(func() { s = v.Paused() })
		return s
	}
	deadline := time.Now().Add(10 * time.Second)
	for paused() != PausedNotice && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if got := paused(); got != PausedNotice {
		t.Fatalf("paused notice %q, want %q", got, PausedNotice)
	}
	time.Sleep(400 * time.Millisecond) // past Limit
	close(release)
	r.Wait()
	if got := paused(); got != GaveUpNotice {
		t.Errorf("notice %q after the limit, want %q", got, GaveUpNotice)
	}
	if got := v.PlainText(); !strings.Contains(got, "Quick body.") {
		t.Errorf("view text %q, want the earlier preview kept", got)
	}
	r.Render(&editor.Article{Headline: "Next", Body: "Next body."})
	r.Wait()
	if got := paused(); got != "" {
		t.Errorf("notice %q after a good build, want none", got)
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
	b.ReportMetric(float64(len(v.rows)), "rows")
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
	for _, r := range v.rows {
		texts = append(texts, r.text())
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
