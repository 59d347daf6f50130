package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/editor/hostile"
	"github.com/dateline-news/dateline/storage"
)

// The conformance test exports the fixture corpus (editor/testdata/fixtures)
// and the hostile corpus (editor/hostile: bodies that smuggle script, and
// bodies that once froze the pipeline, here at sizes that keep the test
// within the CI budget; editor's tests and benchmarks take them at full
// size) through the real CLI in every format, and hands the
// files to the programs people feed them to: html-validate, Hugo, the IPTC
// ninjs schema, a feed parser and xmllint, and headless Chromium. Each tool
// is installed by make test-deps; a missing one fails the test under
// CI=true and skips it elsewhere with a message.

// repoRoot is the module root, seen from app/cli.
const repoRoot = "../.."

// conformanceArticle is one article of the corpus and how it enters the
// library: fixtures as Markdown (which carries every field), hostile
// bodies as ninjs (whose text/markdown body keeps raw HTML as written).
type conformanceArticle struct {
	a       *editor.Article
	hostile bool
}

// conformanceCorpus loads the fixtures and builds the hostile articles.
func conformanceCorpus(t *testing.T) []conformanceArticle {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(repoRoot, "editor", "testdata", "fixtures", "*.json"))
	if err != nil || len(files) < 12 {
		t.Fatalf("fixtures: %v (%d files)", err, len(files))
	}
	var out []conformanceArticle
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var a editor.Article
		if err := json.Unmarshal(data, &a); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, conformanceArticle{a: &a})
	}
	created := time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)
	add := func(name, body string) {
		a := editor.NewArticle(created)
		a.Slug = "hostile-" + name
		a.Headline = "Hostile body: " + name
		a.Byline.Authors = []string{"Test Desk"}
		a.Body = body
		out = append(out, conformanceArticle{a: a, hostile: true})
	}
	for i, body := range hostile.Scripts() {
		add(fmt.Sprintf("script-%02d", i+1), body)
	}
	for _, b := range []struct{ name, text string }{
		{"nested-list", hostile.NestedList(100)},
		{"nested-quote", hostile.NestedQuote(100)},
		{"nested-mixed", hostile.NestedMixed(100)},
		{"hard-wrapped", hostile.HardWrappedParagraph(500)},
		{"unclosed-comments", hostile.UnclosedComments(500)},
		{"long-line", hostile.LongLine(32 << 10)},
		{"long-paragraph", hostile.LongParagraph(1000)},
		{"table", hostile.Table(300)},
	} {
		add(b.name, b.text)
	}
	return out
}

// conformanceRun is the exported corpus: the articles by slug and the
// directory that holds out/FORMAT/ and the feeds.
type conformanceRun struct {
	dir      string
	articles map[string]*editor.Article
	profile  editor.Profile
}

// out is the path of a file or directory under the export directory.
func (r conformanceRun) out(parts ...string) string {
	return filepath.Join(append([]string{r.dir, "out"}, parts...)...)
}

// files lists the exports of one format.
func (r conformanceRun) files(t *testing.T, format, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(r.out(format, pattern))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(r.articles) {
		t.Fatalf("%d %s files, want %d", len(files), format, len(r.articles))
	}
	return files
}

// exportCorpus imports the corpus into a new library and exports it with
// the CLI in every format and as feeds.
func exportCorpus(t *testing.T) conformanceRun {
	t.Helper()
	// The library is set up as a newsroom's would be: with its site, logo
	// and article URLs, which search engines' structured data needs.
	prof := editor.DefaultProfile()
	prof.BaseURL, prof.LogoURL, prof.URLPattern = "https://harbortimes.example", "https://harbortimes.example/logo.png", "{site}/{yyyy}/{mm}/{slug}"
	r := conformanceRun{dir: t.TempDir(), articles: map[string]*editor.Article{}, profile: prof}
	in := filepath.Join(r.dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	var files []string
	opt := editor.RenderOptions{Now: time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC)}
	for _, c := range conformanceCorpus(t) {
		f, name := editor.FormatMarkdown, c.a.Slug+".md"
		if c.hostile {
			f, name = editor.FormatNinjs, c.a.Slug+".json"
		}
		data, err := editor.Export(f, c.a, r.profile, opt)
		if err != nil {
			t.Fatalf("%s: %v", c.a.Slug, err)
		}
		path := filepath.Join(in, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
		r.articles[c.a.Slug] = c.a
	}
	lib := filepath.Join(r.dir, "library.db")
	if _, errOut, code := dateline(t, nil, append([]string{"--library", lib, "import"}, files...)...); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	db, err := storage.Open(lib)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SaveProfile(context.Background(), r.profile); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	for _, f := range editor.Formats {
		if _, errOut, code := dateline(t, nil, "--library", lib, "export", "--all", "--force", "--format", string(f), "--out", r.out(string(f))); code != 0 {
			t.Fatalf("export --format %s: exit %d: %s", f, code, errOut)
		}
	}
	for _, feed := range []struct{ name, format string }{
		{"all.atom", "atom"}, {"all.rss", "rss"},
	} {
		if _, errOut, code := dateline(t, nil, "--library", lib, "export", "--format", feed.format, "--out", r.out(feed.name)); code != 0 {
			t.Fatalf("export --format %s: exit %d: %s", feed.format, code, errOut)
		}
		if _, errOut, code := dateline(t, nil, "--library", lib, "export", "--format", feed.format, "--status", "published", "--out", r.out("published-"+feed.name)); code != 0 {
			t.Fatalf("export --format %s --status published: exit %d: %s", feed.format, code, errOut)
		}
	}
	return r
}

func TestConformance(t *testing.T) {
	r := exportCorpus(t)
	t.Run("html-validate", func(t *testing.T) { checkHTMLValidate(t, r) })
	t.Run("hugo", func(t *testing.T) { checkHugo(t, r) })
	t.Run("ninjs-schema", func(t *testing.T) { checkNinjsSchema(t, r) })
	t.Run("feeds", func(t *testing.T) { checkFeeds(t, r) })
	t.Run("json-ld", func(t *testing.T) { checkJSONLD(t, r) })
	t.Run("chromium", func(t *testing.T) { checkChromium(t, r) })
}

// htmlValidate returns the html-validate command that make test-deps
// installs under .cache/npm (or $DATELINE_HTML_VALIDATE), skipping or
// failing the test when it is missing.
func htmlValidate(t *testing.T) string {
	t.Helper()
	bin := os.Getenv("DATELINE_HTML_VALIDATE")
	if bin == "" {
		abs, err := filepath.Abs(filepath.Join(repoRoot, ".cache", "npm", "node_modules", ".bin", "html-validate"))
		if err != nil {
			t.Fatal(err)
		}
		bin = abs
	}
	if _, err := os.Stat(bin); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("html-validate is missing in CI (%s); make test-deps should have installed it", bin)
		}
		t.Skipf("html-validate is not installed at %s (make test-deps installs it)", bin)
	}
	requireTools(t, "node")
	return bin
}

// fragmentPage wraps an HTML fragment in the smallest valid page, so that
// html-validate judges the fragment as the content of a body.
func fragmentPage(title, fragment string) string {
	return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html.EscapeString(title) +
		"</title>\n</head>\n<body>\n" + fragment + "</body>\n</html>\n"
}

// checkHTMLValidate runs html-validate with the committed configuration
// (testdata/htmlvalidate.json) on every page, every fragment and every ninjs HTML
// body (but the bulky hostile ones, whose bodies their pages already
// hold): zero errors. A page with a known fault must fail, so the run is
// known to judge.
func checkHTMLValidate(t *testing.T, r conformanceRun) {
	bin := htmlValidate(t)
	config, err := filepath.Abs(filepath.Join("testdata", "htmlvalidate.json"))
	if err != nil {
		t.Fatal(err)
	}
	files := r.files(t, "html", "*.html")
	wrapped := filepath.Join(r.dir, "html-validate")
	if err := os.MkdirAll(wrapped, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range r.files(t, "html-fragment", "*.html") {
		if isBulky(f) {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(wrapped, "fragment-"+filepath.Base(f))
		if err := os.WriteFile(path, []byte(fragmentPage(filepath.Base(f), string(data))), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	for _, f := range r.files(t, "ninjs", "*.json") {
		if isBulky(f) {
			continue
		}
		var n editor.Ninjs
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &n); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, b := range n.Bodies {
			if b.ContentType == "text/html" {
				path := filepath.Join(wrapped, "ninjs-"+strings.TrimSuffix(filepath.Base(f), ".json")+".html")
				if err := os.WriteFile(path, []byte(fragmentPage(filepath.Base(f), b.Value)), 0o644); err != nil {
					t.Fatal(err)
				}
				files = append(files, path)
			}
		}
	}
	out, err := exec.Command(bin, append([]string{"--config", config}, files...)...).CombinedOutput()
	if err != nil {
		t.Errorf("html-validate found errors in %d files: %v\n%s", len(files), err, out)
	} else if len(out) > 0 {
		t.Logf("html-validate: %s", out)
	}

	bad := filepath.Join(r.dir, "control.html")
	page := strings.Replace(string(mustRead(t, files[0])), `<article class="hentry"`, `<article class="hentry" id="fn:1" style="color:red"`, 1)
	if err := os.WriteFile(bad, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "--config", config, bad).CombinedOutput(); err == nil || !bytes.Contains(out, []byte("valid-id")) || !bytes.Contains(out, []byte("no-inline-style")) {
		t.Errorf("html-validate passed a page with an invalid id and an inline style: %v\n%s", err, out)
	}
}

// isBulky reports whether an export is of a hostile body built for size
// rather than for script.
func isBulky(path string) bool {
	name := filepath.Base(path)
	return strings.HasPrefix(name, "hostile-") && !strings.HasPrefix(name, "hostile-script-")
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// hugoLayout prints what the check compares: the source file, title,
// dates and authors of each page.
const hugoLayout = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<meta name="source" content="{{ .File.BaseFileName }}"></head>
<body><h1 id="title">{{ .Title }}</h1>
<p id="date">{{ .Date.UTC.Format "2006-01-02T15:04:05Z07:00" }}</p>
<p id="publishdate">{{ .PublishDate.UTC.Format "2006-01-02T15:04:05Z07:00" }}</p>
<ul id="authors">{{ range .Params.authors }}<li>{{ . }}</li>{{ end }}</ul>
{{ .Content }}</body></html>
`

// checkHugo builds a site from the Markdown exports with Debian's Hugo:
// no warning, every page that is not a draft built with the title, dates
// and authors of its front matter, and no draft built without -D.
func checkHugo(t *testing.T, r conformanceRun) {
	requireTools(t, "hugo")
	site := filepath.Join(r.dir, "hugo")
	for path, data := range map[string]string{
		"hugo.toml":                    "baseURL = \"https://harbortimes.example/\"\ntitle = \"Conformance\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", \"404\"]\n",
		"layouts/_default/single.html": hugoLayout,
		"layouts/_default/list.html":   "<!DOCTYPE html><html lang=\"en\"><head><title>{{ .Title }}</title></head><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n",
		"layouts/index.html":           "<!DOCTYPE html><html lang=\"en\"><head><title>{{ .Title }}</title></head><body>{{ range .Site.RegularPages }}{{ .Title }}{{ end }}</body></html>\n",
	} {
		p := filepath.Join(site, path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	content := filepath.Join(site, "content", "posts")
	if err := os.MkdirAll(content, 0o755); err != nil {
		t.Fatal(err)
	}
	type frontMatter struct {
		Title       string    `yaml:"title"`
		Date        time.Time `yaml:"date"`
		PublishDate time.Time `yaml:"publishDate"`
		Draft       bool      `yaml:"draft"`
		Published   *bool     `yaml:"published"`
		Authors     []string  `yaml:"authors"`
	}
	want := map[string]frontMatter{}
	for _, f := range r.files(t, "md", "*.md") {
		data := mustRead(t, f)
		parts := strings.SplitN(string(data), "\n---\n", 2)
		var fm frontMatter
		if len(parts) != 2 || !strings.HasPrefix(parts[0], "---\n") {
			t.Fatalf("%s has no front matter", f)
		}
		if err := yaml.Unmarshal([]byte(strings.TrimPrefix(parts[0], "---\n")), &fm); err != nil {
			t.Fatalf("%s: front matter: %v", f, err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		want[name] = fm
		if err := os.WriteFile(filepath.Join(content, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("hugo", "--source", site, "--printPathWarnings", "--printI18nWarnings")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("hugo failed: %v\n%s", err, out)
	}
	if bytes.Contains(out, []byte("WARN")) || bytes.Contains(out, []byte("ERROR")) {
		t.Errorf("hugo warned:\n%s", out)
	}
	built := map[string]*html.Node{}
	err = filepath.WalkDir(filepath.Join(site, "public", "posts"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" || path == filepath.Join(site, "public", "posts", "index.html") {
			return err
		}
		doc, err := html.Parse(bytes.NewReader(mustRead(t, path)))
		if err != nil {
			return err
		}
		built[metaContent(doc, "source")] = doc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	drafts := 0
	for name, fm := range want {
		doc, ok := built[name]
		// Hugo treats published: false as a draft, as Jekyll does.
		if fm.Draft || fm.Published != nil && !*fm.Published {
			drafts++
			if ok {
				t.Errorf("%s: a draft was built without -D", name)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: not built (published, dated %v)", name, fm.PublishDate)
			continue
		}
		for _, c := range []struct{ id, want string }{
			{"title", fm.Title},
			{"date", fm.Date.UTC().Format(time.RFC3339)},
			{"authors", strings.Join(fm.Authors, "")},
		} {
			if c.id == "date" && fm.Date.IsZero() {
				continue
			}
			if got := elementText(doc, c.id); got != c.want {
				t.Errorf("%s: hugo's %s is %q, want %q", name, c.id, got, c.want)
			}
		}
		if !fm.PublishDate.IsZero() {
			if got := elementText(doc, "publishdate"); got != fm.PublishDate.UTC().Format(time.RFC3339) {
				t.Errorf("%s: hugo's publish date is %q, want %v", name, got, fm.PublishDate)
			}
		}
	}
	if drafts == 0 || drafts == len(want) {
		t.Errorf("%d of %d exports are drafts; the corpus must hold both kinds", drafts, len(want))
	}
}

// walkHTML returns the first element for which match is true.
func walkHTML(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := walkHTML(c, match); f != nil {
			return f
		}
	}
	return nil
}

// attr returns n's attribute key.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf returns the text content of n.
func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

// elementText is the text of the element with the id.
func elementText(doc *html.Node, id string) string {
	return textOf(walkHTML(doc, func(n *html.Node) bool { return attr(n, "id") == id }))
}

// metaContent is the content of <meta name=NAME>.
func metaContent(doc *html.Node, name string) string {
	m := walkHTML(doc, func(n *html.Node) bool { return n.Data == "meta" && attr(n, "name") == name })
	if m == nil {
		return ""
	}
	return attr(m, "content")
}

// ninjsSchemaID is the $id of IPTC's ninjs 2.1 schema.
const ninjsSchemaID = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"

// checkNinjsSchema validates every ninjs export against the official
// schema, with a local stub for the GeoJSON schema it refers to online. An
// item without its required uri must fail.
func checkNinjsSchema(t *testing.T, r conformanceRun) {
	c := jsonschema.NewCompiler()
	if err := c.AddResource("https://geojson.org/schema/GeoJSON.json", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(mustRead(t, filepath.Join(repoRoot, "editor", "testdata", "schemas", "ninjs-schema_2.1.json"))))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource(ninjsSchemaID, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(ninjsSchemaID)
	if err != nil {
		t.Fatal(err)
	}
	files := r.files(t, "ninjs", "*.json")
	for _, f := range files {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(mustRead(t, f)))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s is not valid ninjs 2.1: %v", filepath.Base(f), err)
		}
	}
	var item map[string]any
	if err := json.Unmarshal(mustRead(t, files[0]), &item); err != nil {
		t.Fatal(err)
	}
	delete(item, "uri")
	item["pubstatus"] = "published"
	if schema.Validate(item) == nil {
		t.Error("the schema passed an item without uri and with an unknown pubstatus")
	}
}

// checkFeeds reads the Atom and RSS feeds with xmllint and gofeed: one
// entry per draft (per published draft with --status published), unique
// ids, titles, authors, the full text.
func checkFeeds(t *testing.T, r conformanceRun) {
	requireTools(t, "xmllint")
	published := 0
	for _, a := range r.articles {
		if a.Status == editor.StatusPublished {
			published++
		}
	}
	if published == 0 {
		t.Fatal("the corpus has no published story")
	}
	for _, c := range []struct {
		file, kind string
		n          int
	}{
		{"all.atom", "atom", len(r.articles)}, {"all.rss", "rss", len(r.articles)},
		{"published-all.atom", "atom", published}, {"published-all.rss", "rss", published},
	} {
		path := r.out(c.file)
		if out, err := exec.Command("xmllint", "--noout", path).CombinedOutput(); err != nil {
			t.Errorf("%s is not well-formed XML: %v\n%s", c.file, err, out)
		}
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(mustRead(t, path)))
		if err != nil {
			t.Errorf("%s: gofeed: %v", c.file, err)
			continue
		}
		if feed.FeedType != c.kind || len(feed.Items) != c.n {
			t.Errorf("%s: a %s feed of %d items, want %s of %d", c.file, feed.FeedType, len(feed.Items), c.kind, c.n)
		}
		ids := map[string]bool{}
		for _, it := range feed.Items {
			if it.GUID == "" || ids[it.GUID] {
				t.Errorf("%s: id %q is empty or repeated", c.file, it.GUID)
			}
			ids[it.GUID] = true
			a := articleByID(r, it.GUID)
			if a == nil {
				t.Errorf("%s: id %q names no article", c.file, it.GUID)
				continue
			}
			if it.Title != editor.HTMLTitle(a) {
				t.Errorf("%s: title %q, want %q", c.file, it.Title, a.Headline)
			}
			if len(a.Byline.Authors) > 0 && (len(it.Authors) == 0 || it.Authors[0].Name != a.Byline.Authors[0]) {
				t.Errorf("%s: %s: authors %v", c.file, a.Slug, it.Authors)
			}
			content := it.Content
			if content == "" {
				content = it.Description
			}
			if !strings.Contains(content, `<div class="entry-content">`) || !strings.Contains(content, `class="item-license"`) {
				t.Errorf("%s: %s: content is not the full HTML text: %.200q", c.file, a.Slug, content)
			}
		}
	}
}

// articleByID finds the article whose UUID ends a feed id.
func articleByID(r conformanceRun, id string) *editor.Article {
	for _, a := range r.articles {
		if strings.HasSuffix(id, a.ID) {
			return a
		}
	}
	return nil
}

// checkJSONLD parses the JSON-LD block of every page: a schema.org
// NewsArticle whose headline, authors, dates, publisher and language agree
// with the article and the visible page.
func checkJSONLD(t *testing.T, r conformanceRun) {
	for _, f := range r.files(t, "html", "*.html") {
		doc, err := html.Parse(bytes.NewReader(mustRead(t, f)))
		if err != nil {
			t.Fatal(err)
		}
		script := walkHTML(doc, func(n *html.Node) bool { return n.Data == "script" && attr(n, "type") == "application/ld+json" })
		if script == nil {
			t.Errorf("%s: no JSON-LD block", filepath.Base(f))
			continue
		}
		var ld map[string]any
		if err := json.Unmarshal([]byte(textOf(script)), &ld); err != nil {
			t.Errorf("%s: JSON-LD does not parse: %v", filepath.Base(f), err)
			continue
		}
		a := r.articles[strings.TrimSuffix(filepath.Base(f), ".html")]
		if a == nil {
			t.Errorf("%s names no article", f)
			continue
		}
		checkLD(t, a.Slug, ld, a, r.profile, doc)
		checkLDGoogle(t, a.Slug, ld, a)
	}
}

// checkLD checks the fields the export writes today.
func checkLD(t *testing.T, name string, ld map[string]any, a *editor.Article, p editor.Profile, doc *html.Node) {
	t.Helper()
	if ld["@context"] != "https://schema.org" || ld["@type"] != "NewsArticle" {
		t.Errorf("%s: @context %v @type %v", name, ld["@context"], ld["@type"])
	}
	if h, _ := ld["headline"].(string); h != editor.Typeset(a.Headline) || h != textOf(walkHTML(doc, func(n *html.Node) bool { return n.Data == "h1" })) {
		t.Errorf("%s: headline %q, want the article's and the page's <h1> %q", name, h, a.Headline)
	}
	var authors []string
	list, _ := ld["author"].([]any)
	for _, x := range list {
		m, _ := x.(map[string]any)
		if m["@type"] != "Person" {
			t.Errorf("%s: author %v is not a Person", name, x)
		}
		n, _ := m["name"].(string)
		authors = append(authors, n)
	}
	if !slices.Equal(authors, a.Byline.Authors) && !(len(authors) == 0 && len(a.Byline.Authors) == 0) {
		t.Errorf("%s: authors %q, want %q", name, authors, a.Byline.Authors)
	}
	for _, k := range []string{"datePublished", "dateModified"} {
		if s, ok := ld[k].(string); ok {
			if _, err := time.Parse(time.RFC3339, s); err != nil {
				t.Errorf("%s: %s %q is not an ISO 8601 date: %v", name, k, s, err)
			}
		}
	}
	pub, _ := ld["publisher"].(map[string]any)
	if pub["@type"] != "Organization" || pub["name"] != p.Publisher {
		t.Errorf("%s: publisher %v, want the Organization %q", name, ld["publisher"], p.Publisher)
	}
	if lang, _ := ld["inLanguage"].(string); lang == "" {
		t.Errorf("%s: no inLanguage", name)
	}
}

// checkLDGoogle checks the fields of Google's NewsArticle guidelines.
func checkLDGoogle(t *testing.T, name string, ld map[string]any, a *editor.Article) {
	t.Helper()
	if h, _ := ld["headline"].(string); len([]rune(h)) > 110 && len(editor.ExportWarnings(editor.FormatHTML, a)) == 0 {
		t.Errorf("%s: headline of %d characters and no warning; Google shows 110", name, len([]rune(h)))
	}
	for _, k := range []string{"mainEntityOfPage", "url"} {
		if ld[k] == nil {
			t.Errorf("%s: no %s", name, k)
		}
	}
	// image: the body's first picture, when it has a safe one.
	if body := a.Body; strings.Contains(body, "![") && strings.Contains(body, "](https://") && ld["image"] == nil {
		t.Errorf("%s: the body has a picture but the JSON-LD no image", name)
	}
	pub, _ := ld["publisher"].(map[string]any)
	if pub["url"] == nil || pub["logo"] == nil {
		t.Errorf("%s: publisher %v lacks url or logo", name, pub)
	}
}

// sentinel goes first in the <head> of every page Chromium loads: a
// Content-Security-Policy that lets only the sentinel's own script run,
// and the sentinel, which records every script the policy stopped (inline
// scripts, event handlers, script URLs) and every javascript:, vbscript:
// or data: address in the page (but a raster picture as an image's
// source, which the URL policy allows), and reports both to the harness page.
const sentinel = `<meta http-equiv="Content-Security-Policy" content="script-src 'nonce-dlsentinel'; object-src 'none'">
<script nonce="dlsentinel">
var dlViolations = [];
document.addEventListener('securitypolicyviolation', function (e) { dlViolations.push(e.violatedDirective + ' ' + e.blockedURI); });
window.addEventListener('load', function () {
  setTimeout(function () {
    var bad = [];
    document.querySelectorAll('[href],[src],[action],[formaction],[srcdoc]').forEach(function (n) {
      ['href', 'src', 'action', 'formaction', 'srcdoc'].forEach(function (k) {
        var u = n.getAttribute(k);
        var picture = n.tagName === 'IMG' && k === 'src' && /^data:image\/(png|gif|jpeg|webp|avif)[;,]/i.test(u || '');
        if (u !== null && (k === 'srcdoc' || /^\s*(javascript|vbscript):/i.test(u) || (/^\s*data:/i.test(u) && !picture))) { bad.push(n.tagName + ' ' + k + '=' + u); }
      });
    });
    parent.postMessage({page: location.pathname.split('/').pop(), violations: dlViolations, bad: bad}, '*');
  }, 100);
});
</script>
`

// chromium runs headless Chromium with args; as root it needs
// --no-sandbox.
func chromium(args ...string) *exec.Cmd {
	cmd := exec.Command("chromium", append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"}, args...)...)
	cmd.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS=disabled:")
	return cmd
}

// sentinelReport is what one page's sentinel posts.
type sentinelReport struct {
	Page       string   `json:"page"`
	Violations []string `json:"violations"`
	Bad        []string `json:"bad"`
}

// checkChromium loads every exported page in one headless Chromium, each
// in an iframe of a harness page, with the sentinel in its head: no page
// may try to run a script or hold a script address. A control page with a
// script and an event handler must be caught. Then it prints a few pages
// to PDF.
func checkChromium(t *testing.T, r conformanceRun) {
	requireTools(t, "chromium")
	dir := filepath.Join(r.dir, "chromium")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	pages := r.files(t, "html", "*.html")
	var frames strings.Builder
	for _, f := range pages {
		page := string(mustRead(t, f))
		i := strings.Index(page, "<head>")
		if i < 0 {
			t.Fatalf("%s has no <head>", f)
		}
		page = page[:i+len("<head>")] + "\n" + sentinel + page[i+len("<head>"):]
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&frames, "<iframe src=\"%s\"></iframe>\n", filepath.Base(f))
	}
	control := "<!DOCTYPE html><html><head>" + sentinel + "<title>control</title></head><body><script>document.title='ran'</script><img src=\"x.png\" onerror=\"document.title='ran'\" alt=\"\"></body></html>"
	if err := os.WriteFile(filepath.Join(dir, "control.html"), []byte(control), 0o644); err != nil {
		t.Fatal(err)
	}
	frames.WriteString("<iframe src=\"control.html\"></iframe>\n")
	harness := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>harness</title></head><body><pre id="reports"></pre>
<script>window.addEventListener('message', function (e) { document.getElementById('reports').textContent += JSON.stringify(e.data) + '\n'; });</script>
` + frames.String() + "</body></html>\n"
	if err := os.WriteFile(filepath.Join(dir, "harness.html"), []byte(harness), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := chromium("--virtual-time-budget=10000", "--dump-dom", "file://"+filepath.Join(dir, "harness.html")).Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v", err)
	}
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	reports := map[string]sentinelReport{}
	for _, line := range strings.Split(strings.TrimSpace(elementText(doc, "reports")), "\n") {
		var rep sentinelReport
		if line == "" {
			continue
		}
		if err := json.Unmarshal([]byte(line), &rep); err != nil {
			t.Fatalf("report %q: %v", line, err)
		}
		reports[rep.Page] = rep
	}
	if rep := reports["control.html"]; len(rep.Violations) < 2 {
		t.Errorf("the sentinel missed the control page's script and event handler: %+v", rep)
	}
	for _, f := range pages {
		rep, ok := reports[filepath.Base(f)]
		switch {
		case !ok:
			t.Errorf("%s: the sentinel never reported (the page did not load)", filepath.Base(f))
		case len(rep.Violations) > 0 || len(rep.Bad) > 0:
			t.Errorf("%s: a script tried to run or a script address is in the page: %+v", filepath.Base(f), rep)
		}
	}

	// The print view: a page with code and a list, a table and a long line.
	var wg sync.WaitGroup
	for _, name := range []string{"structure.html", "table.html", "hostile-long-line.html"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pdf := filepath.Join(dir, strings.TrimSuffix(name, ".html")+".pdf")
			if out, err := chromium("--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+r.out("html", name)).CombinedOutput(); err != nil {
				t.Errorf("%s: chromium --print-to-pdf: %v\n%s", name, err, out)
				return
			}
			data, err := os.ReadFile(pdf)
			if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) || len(data) < 4096 || pdfPages.FindAll(data, -1) == nil {
				t.Errorf("%s: no usable PDF (%d bytes): %v", name, len(data), err)
			}
		}()
	}
	wg.Wait()
}

// pdfPages finds a page object of a PDF.
var pdfPages = regexp.MustCompile(`/Type\s*/Page[^s]`)
