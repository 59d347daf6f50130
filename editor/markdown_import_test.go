package editor

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/assets"
)

func TestParseMarkdownArticleSample(t *testing.T) {
	a, err := ParseMarkdownArticle(assets.SampleArticle)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.ID, "5b3f1c9e-7d2a-4e8b-9c1f-2a6d8e4b7c10"; got != want {
		t.Errorf("ID %q, want %q", got, want)
	}
	if got, want := a.Headline, "Tea growers count losses after a dry season"; got != want {
		t.Errorf("headline %q, want %q", got, want)
	}
	if got, want := FormatByline(a.Byline), "by Dana Whitfield and Omar Haddad, Harbor Times Correspondents"; got != want {
		t.Errorf("byline %q, want %q", got, want)
	}
	if got, want := FormatDateline(a.Dateline, DashEn), "NAIROBI, Kenya (Harbor Times) – "; got != want {
		t.Errorf("dateline %q, want %q", got, want)
	}
	if got, want := strings.Join(a.Tags, ","), "agriculture,kenya,climate"; got != want {
		t.Errorf("tags %q, want %q", got, want)
	}
	if !strings.HasPrefix(a.Body, "Tea growers in the central highlands") || !strings.HasSuffix(a.Body, "**late March**.\n") {
		t.Errorf("body %q", a.Body)
	}
}

func TestParseMarkdownArticleHugoAndJekyll(t *testing.T) {
	for _, tt := range []struct {
		name  string
		in    string
		check func(t *testing.T, a *Article)
	}{
		{"jekyll author string and date", "---\ntitle: Harbour \"Day\"\nauthor: Sam Ortiz\ndate: 2025-04-05 10:30:00 +0200\ntags: port ferry\n---\nBody text.\n",
			func(t *testing.T, a *Article) {
				if FormatByline(a.Byline) != "by Sam Ortiz" {
					t.Errorf("byline %+v", a.Byline)
				}
				if want := time.Date(2025, 4, 5, 8, 30, 0, 0, time.UTC); !a.Created.Equal(want) || !a.Updated.Equal(want) {
					t.Errorf("created %v updated %v, want %v", a.Created, a.Updated, want)
				}
				if a.Slug != "harbour-day" {
					t.Errorf("slug %q, want harbour-day", a.Slug)
				}
				if strings.Join(a.Tags, "|") != "port ferry" {
					t.Errorf("a scalar tag is kept as written: %q", a.Tags)
				}
			}},
		{"author list, hugo keys", "---\ntitle: T\nauthor: [A, B]\ndate: 2025-04-05\nlastmod: 2025-04-06T01:02:03Z\npublishDate: 2025-04-07\ndraft: false\nslug: my-slug\nunknown_key: {x: 1}\n---\n",
			func(t *testing.T, a *Article) {
				if FormatByline(a.Byline) != "by A and B" {
					t.Errorf("byline %+v", a.Byline)
				}
				if a.Slug != "my-slug" || a.Body != "" || a.Status != StatusDraft {
					t.Errorf("slug %q body %q status %q", a.Slug, a.Body, a.Status)
				}
				if !a.Published.Equal(time.Date(2025, 4, 7, 0, 0, 0, 0, time.UTC)) || !a.Updated.Equal(time.Date(2025, 4, 6, 1, 2, 3, 0, time.UTC)) {
					t.Errorf("published %v updated %v", a.Published, a.Updated)
				}
			}},
		{"no front matter, leading heading", "\n# The headline #\n\nFirst paragraph.\n\n# Not the headline\n",
			func(t *testing.T, a *Article) {
				if a.Headline != "The headline" || a.Body != "First paragraph.\n\n# Not the headline\n" {
					t.Errorf("headline %q body %q", a.Headline, a.Body)
				}
				if a.Slug != "the-headline" || a.ID == "" {
					t.Errorf("slug %q id %q", a.Slug, a.ID)
				}
			}},
		{"no front matter, no heading", "Just text.",
			func(t *testing.T, a *Article) {
				if a.Headline != "" || a.Body != "Just text." || !strings.HasPrefix(a.Slug, "untitled-") {
					t.Errorf("headline %q body %q slug %q", a.Headline, a.Body, a.Slug)
				}
			}},
		{"CRLF and BOM", "\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\nLine one.\r\n\r\nLine two.\r\n",
			func(t *testing.T, a *Article) {
				if a.Headline != "T" || a.Body != "Line one.\n\nLine two.\n" {
					t.Errorf("headline %q body %q", a.Headline, a.Body)
				}
			}},
		{"invalid slug is slugified", "---\ntitle: T\nslug: My Slug!\n---\nx",
			func(t *testing.T, a *Article) {
				if a.Slug != "my-slug" {
					t.Errorf("slug %q", a.Slug)
				}
			}},
		{"editor's note key is ignored", "---\ntitle: T\neditors_note: secret\n---\nx",
			func(t *testing.T, a *Article) {
				if a.EditorsNote != "" {
					t.Errorf("editor's note %q imported", a.EditorsNote)
				}
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseMarkdownArticle([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, a)
		})
	}
}

func TestParseMarkdownArticleErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, "empty"},
		{"blank", []byte(" \n\t\n"), "empty"},
		{"binary", []byte("PK\x03\x04\x00\x00binary"), "binary"},
		{"invalid utf-8", []byte("title\n\xff\xfe line"), "UTF-8 text (line 2)"},
		{"too large", bytes.Repeat([]byte("a"), MaxImportBytes+1), "larger than 10 MB"},
		{"malformed yaml", []byte("---\ntitle: ok\ntags: [a, b\n---\nbody"), "line "},
		{"bad indentation", []byte("---\ntitle: ok\n  slug: x\n---\n"), "line 3"},
		{"type error", []byte("---\ntitle: ok\ncopyright:\n  since: soon\n---\n"), "line 4: expected a whole number, found `soon`"},
		{"bad date", []byte("---\ntitle: ok\ndate: yesterday\n---\n"), `"yesterday" is not a date`},
		{"not a mapping", []byte("---\n- a\n- b\n---\n"), "key: value"},
		{"unclosed", []byte("---\ntitle: ok\n\nbody"), "never closed"},
		{"unknown status", []byte("---\ntitle: ok\nstatus: lost\n---\n"), `unknown status "lost"`},
		{"unknown kind", []byte("---\ntitle: ok\nattribution: {kind: stolen}\n---\n"), `unknown attribution kind "stolen"`},
		{"bad uuid", []byte("---\ntitle: ok\nuuid: 1234\n---\n"), "not a UUID"},
		{"toml", []byte("+++\ntitle = \"x\"\n+++\nbody"), "TOML front matter"},
		{"nested author", []byte("---\ntitle: ok\nauthors: [[a]]\n---\n"), "line 3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseMarkdownArticle(tt.in)
			if err == nil {
				t.Fatalf("accepted: %+v", a)
			}
			if ErrorCode(err) != EINVALID {
				t.Errorf("code %q (%v), want %q", ErrorCode(err), err, EINVALID)
			}
			if !strings.Contains(ErrorMessage(err), tt.want) {
				t.Errorf("message %q does not say %q", ErrorMessage(err), tt.want)
			}
		})
	}
}

func FuzzParseMarkdownArticle(f *testing.F) {
	f.Add(assets.SampleArticle)
	f.Add([]byte("---\ntitle: x\n---\n"))
	f.Add([]byte("# H\n\nbody\n\n" + EndOfBodyMarker + "\n\nfooter"))
	f.Add([]byte("---\nauthor: [a, {b: c}]\ndate: 2020-01-01\n---"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseMarkdownArticle(data)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("error %v has code %q, want %q", err, ErrorCode(err), EINVALID)
			}
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("imported article does not validate: %v", err)
		}
		if _, err := RenderMarkdown(a, DefaultProfile(), RenderOptions{}); err != nil {
			t.Fatalf("cannot export the imported article: %v", err)
		}
	})
}
