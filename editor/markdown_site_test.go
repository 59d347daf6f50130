package editor

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	"go.yaml.in/yaml/v3"
)

// exportedFrontMatter renders a as Markdown and decodes its front matter
// into a generic map, as a site generator sees it.
func exportedFrontMatter(t *testing.T, a *Article) (map[string]any, string) {
	t.Helper()
	out, err := RenderMarkdown(a, DefaultProfile(), RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rest, ok := strings.CutPrefix(string(out), "---\n")
	if !ok {
		t.Fatalf("no front matter:\n%s", out)
	}
	head, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		t.Fatalf("front matter not closed:\n%s", out)
	}
	var m map[string]any
	if err := yaml.Unmarshal([]byte(head), &m); err != nil {
		t.Fatalf("front matter: %v\n%s", err, head)
	}
	return m, body
}

func TestMarkdownFrontMatterStatus(t *testing.T) {
	created := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	updated := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	published := time.Date(2026, 3, 2, 6, 0, 0, 0, time.UTC)
	for _, s := range Statuses {
		t.Run(string(s), func(t *testing.T) {
			a := NewArticle(created)
			a.Headline, a.Slug, a.Status, a.Updated = "Harbour bill passes", "harbour-bill", s, updated
			a.Byline.Authors = []string{"Priya Raman", "Tom Okafor"}
			if s.WentOut() {
				a.Published = published
			}
			m, _ := exportedFrontMatter(t, a)
			visible := s == StatusPublished || s == StatusCorrected
			if got, ok := m["published"]; visible && ok {
				t.Errorf("published copy has published: %v; Jekyll and Hugo publish it only without", got)
			} else if !visible && got != false {
				t.Errorf("published = %v, want false: Jekyll and Hugo must not publish %s copy", got, s)
			}
			if _, ok := m["draft"]; ok {
				t.Errorf("draft key written next to published; Hugo warns about a file with both")
			}
			if got := m["author"]; got != "Priya Raman" {
				t.Errorf("author = %#v, want the first author as a string", got)
			}
			if got, ok := m["authors"].([]any); !ok || len(got) != 2 || got[1] != "Tom Okafor" {
				t.Errorf("authors = %#v, want both", m["authors"])
			}
			for _, key := range []string{"lastmod", "last_modified_at"} {
				if got, ok := m[key].(time.Time); !ok || !got.Equal(updated) {
					t.Errorf("%s = %#v, want %v", key, m[key], updated)
				}
			}
			pd, hasPD := m["publishDate"].(time.Time)
			switch {
			case s.WentOut() && (!hasPD || !pd.Equal(published)):
				t.Errorf("publishDate = %#v, want %v", m["publishDate"], published)
			case !s.WentOut() && m["publishDate"] != nil:
				t.Errorf("%s copy has publishDate %v", s, m["publishDate"])
			}
			wantDate := created
			if s.WentOut() {
				wantDate = published
			}
			if got, ok := m["date"].(time.Time); !ok || !got.Equal(wantDate) {
				t.Errorf("date = %#v, want %v", m["date"], wantDate)
			}
		})
	}
}

func TestMarkdownDatesRoundTrip(t *testing.T) {
	a := NewArticle(time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC))
	a.Headline, a.Slug, a.Status = "Strike ends", "strike-ends", StatusPublished
	a.Updated = time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC)
	a.Published = time.Date(2026, 3, 2, 6, 0, 0, 0, time.UTC)
	out, err := RenderMarkdown(a, DefaultProfile(), RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseMarkdownArticle(out)
	if err != nil {
		t.Fatal(err)
	}
	if !back.Created.Equal(a.Created) || !back.Updated.Equal(a.Updated) || !back.Published.Equal(a.Published) {
		t.Errorf("dates came back as created %v, updated %v, published %v", back.Created, back.Updated, back.Published)
	}
	// A Jekyll file: one author as a string, last_modified_at, no lastmod.
	jekyll := "---\ntitle: Old post\ndate: 2025-01-02\nlast_modified_at: 2025-02-03\nauthor: Ann Lee\nstatus: published\n---\nText.\n"
	j, err := ParseMarkdownArticle([]byte(jekyll))
	if err != nil {
		t.Fatal(err)
	}
	if got := j.Updated.Format(time.DateOnly); got != "2025-02-03" {
		t.Errorf("last_modified_at read as %s", got)
	}
	if len(j.Byline.Authors) != 1 || j.Byline.Authors[0] != "Ann Lee" {
		t.Errorf("author read as %q", j.Byline.Authors)
	}
}

func TestImportedPublicationDate(t *testing.T) {
	for _, tt := range []struct {
		name, front string
		want        string
	}{
		{"own date", "status: published\npublishDate: 2026-04-01T10:00:00Z\ndateline:\n  place: OSLO\n  date: 2026-03-31\n", "2026-04-01T10:00:00Z"},
		{"dateline date", "status: published\ndateline:\n  place: OSLO\n  date: 2026-03-31\n", "2026-03-31T00:00:00Z"},
		{"no date at all", "status: published\n", ""},
		{"draft", "status: draft\ndateline:\n  place: OSLO\n  date: 2026-03-31\n", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseMarkdownArticle([]byte("---\ntitle: T\ndate: 2026-01-01\n" + tt.front + "---\nText.\n"))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if p := a.PublishedAt(); !p.IsZero() {
				got = p.Format(time.RFC3339)
			}
			if got != tt.want {
				t.Errorf("PublishedAt = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSafeMarkdownBody(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"[x](javascript:alert(1)) and [y](https://ok.example)", "[x]() and [y](https://ok.example)"},
		{"[x](JaVaScRiPt:alert(1))", "[x]()"},
		{"[x](jav&#x61;script:alert(1))", "[x]()"},
		{"[x](java&Tab;script:alert(1) \"t\")", "[x]()"},
		{"[x][r]\n\n[r]: vbscript:x\n", "[x]()\n\n\n"},
		{"[x][r] [y][s]\n\n[r]: vbscript:x\n[s]: /ok\n", "[x]() [y][s]\n\n\n[s]: /ok\n"},
		{"<javascript:alert(1)> <https://ok.example>", "javascript:alert(1) <https://ok.example>"},
		{"![a](data:image/svg+xml;base64,PHN2Zz4=) ![b](data:image/png;base64,iVBO)", "![a]() ![b](data:image/png;base64,iVBO)"},
		{"[a](data:image/png;base64,iVBO)", "[a]()"},
		{"Hi <b onmouseover=\"x\">bold</b> there", "Hi bold there"},
		{"<svg onload=alert(1)>\n\nText", "\n\nText"},
		{"> quote\n> <div onclick=x>\n> in\n\nout", "> quote\n> \n> \n\nout"},
		{"see <meta http-equiv=refresh content=0;url=http://evil>", `see \<meta http-equiv=refresh content=0;url=http://evil>`},
		{"a < b and c<d", `a < b and c\<d`},
		{`already \<b> escaped`, `already \<b> escaped`},
		{"`<script>` in code", "`<script>` in code"},
		{"```\n<script>alert(1)</script>\n```", "```\n<script>alert(1)</script>\n```"},
		{"*emphasis*, **strong**, ~~struck~~, [ok](/a \"t\")", "*emphasis*, **strong**, ~~struck~~, [ok](/a \"t\")"},
		{"| a | b |\n|:--|--:|\n| [x](javascript:1) | 2 |", "| a | b |\n|:--|--:|\n| [x]() | 2 |"},
		{"[![img](javascript:1)](https://ok.example)", "[![img]()](https://ok.example)"},
		{"[![img](/a.png)](javascript:1)", "[![img](/a.png)]()"},
	} {
		if got := SafeMarkdownBody(tt.in); got != tt.want {
			t.Errorf("SafeMarkdownBody(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// unsafeMarkdown renders Markdown as a site generator configured to pass
// raw HTML through would: GFM, no safe mode.
var unsafeMarkdown = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote), goldmark.WithRendererOptions(html.WithUnsafe()))

// TestSafeMarkdownBodyUnsafeRenderer renders the safe body of every
// hostile and CommonMark body with a renderer that trusts its input, and
// checks that nothing dangerous comes out.
func TestSafeMarkdownBodyUnsafeRenderer(t *testing.T) {
	bodies := append(append([]string(nil), hostileBodies...), commonMarkBodies(t)...)
	for i, body := range bodies {
		safe := SafeMarkdownBody(body)
		var out bytes.Buffer
		if err := unsafeMarkdown.Convert([]byte(safe), &out); err != nil {
			t.Fatal(err)
		}
		t.Run(itoa(i), func(t *testing.T) { checkSafeHTML(t, out.Bytes(), 0) })
		if again := SafeMarkdownBody(safe); again != safe {
			t.Errorf("%d: not a fixed point: %q → %q", i, safe, again)
		}
	}
}

// TestHugoBuildsExportedMarkdown builds a Hugo site from the Markdown
// export of every fixture and a killed and a hostile story, and checks
// what Hugo publishes: only published and corrected copy, with its title,
// its publication date and its authors, no warning, and no script.
func TestHugoBuildsExportedMarkdown(t *testing.T) {
	if _, err := exec.LookPath("hugo"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("hugo is missing in CI; make test-deps should have installed it")
		}
		t.Skip("hugo is not installed (make test-deps installs it)")
	}
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("hugo.toml", "baseURL = 'https://example.org/'\ntitle = 'T'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', '404']\n")
	write("layouts/_default/single.html", "TITLE={{ .Title }}\nDATE={{ .Date.Format \"2006-01-02T15:04:05Z07:00\" }}\nPUB={{ .PublishDate.Format \"2006-01-02T15:04:05Z07:00\" }}\nMOD={{ .Lastmod.Format \"2006-01-02T15:04:05Z07:00\" }}\nAUTHOR={{ .Params.author }}\n{{ .Content }}\n")
	write("layouts/_default/list.html", "{{ range .Pages }}{{ .Title }}\n{{ end }}")
	want := map[string]*Article{}
	var hidden []string
	add := func(a *Article, p Profile) {
		out, err := RenderMarkdown(a, p, fixtureOptions())
		if err != nil {
			t.Fatal(err)
		}
		write("content/posts/"+a.Slug+".md", string(out))
		if SiteVisible(a.Status) {
			want[a.Slug] = a
		} else {
			hidden = append(hidden, a.Slug)
		}
	}
	for _, name := range fixtureNames(t) {
		a, p := loadFixture(t, name)
		add(a, p)
	}
	killed, p := loadFixture(t, "contributed")
	killed.ID, killed.Slug, killed.Status = NewID(), "killed-story", StatusKilled
	add(killed, p)
	for i, body := range hostileBodies {
		a := hostileArticle(body)
		a.ID, a.Slug, a.Headline = NewID(), "hostile-"+itoa(i), "Hostile "+itoa(i)
		a.Published = time.Date(2026, 5, 2, 10, 0, 0, 0, time.UTC)
		add(a, p)
	}
	cmd := exec.Command("hugo", "--source", dir, "--destination", filepath.Join(dir, "public"), "--verbose")
	log, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("hugo: %v\n%s", err, log)
	}
	for _, line := range strings.Split(string(log), "\n") {
		if strings.Contains(line, "WARN") || strings.Contains(line, "ERROR") {
			t.Errorf("hugo: %s", line)
		}
	}
	for _, slug := range hidden {
		if _, err := os.Stat(filepath.Join(dir, "public", "posts", slug)); err == nil {
			t.Errorf("hugo published %s, which is not published", slug)
		}
	}
	if len(want) < 3 {
		t.Fatalf("only %d published stories in the site; the test needs published copy", len(want))
	}
	for slug, a := range want {
		page, err := os.ReadFile(filepath.Join(dir, "public", "posts", slug, "index.html"))
		if err != nil {
			t.Errorf("hugo did not publish %s: %v", slug, err)
			continue
		}
		got := string(page)
		pub := a.PublishedAt()
		if pub.IsZero() {
			pub = a.Dateline.Date
		}
		for _, line := range []string{
			"TITLE=" + htmlEscapeForHugo(a.Headline),
			"PUB=" + pub.Format(time.RFC3339),
			"DATE=" + pub.Format(time.RFC3339),
			"MOD=" + a.Updated.Format(time.RFC3339),
		} {
			if !strings.Contains(got, line+"\n") {
				t.Errorf("%s: page lacks %q:\n%s", slug, line, firstLines(got, 6))
			}
		}
		if names := bylineNames(a.Byline); len(names) > 0 && !strings.Contains(got, "AUTHOR="+htmlEscapeForHugo(names[0])+"\n") {
			t.Errorf("%s: author is not %q:\n%s", slug, names[0], firstLines(got, 6))
		}
		if strings.HasPrefix(slug, "hostile-") {
			checkSafeHTML(t, []byte(got[strings.Index(got, "AUTHOR="):]), 0)
		}
	}
}

// htmlEscapeForHugo escapes s as Hugo's templates print a string.
func htmlEscapeForHugo(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;")
	return r.Replace(s)
}

// firstLines returns the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
