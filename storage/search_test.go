//go:build sqlite_fts5

package storage

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/dateline-news/dateline/editor"
)

func TestMatchExpression(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"Empty", "", ``},
		{"Spaces", "  \t ", ``},
		{"Word", "tea ", `"tea"`},
		{"Words", "tea harvest ", `"tea" "harvest"`},
		{"TypingLastWord", "tea harv", `"tea" "harv"*`},
		{"TypingOneLetter", "tea h", `"tea" "h"`},
		{"ExplicitPrefix", "harv* tea ", `"harv"* "tea"`},
		{"StarAlone", "* ** ", ``},
		{"StarInside", "te*a ", `"te*a"`},
		{"Phrase", `"dry season" tea `, `"dry season" "tea"`},
		{"CurlyPhrase", `“dry season”`, `"dry season"`},
		{"UnbalancedQuote", `tea "dry seas`, `"tea" "dry seas"`},
		{"QuoteInsideWord", `O"Brien `, `"O" "Brien"`},
		{"EmptyPhrase", `"" tea `, `"tea"`},
		{"Exclude", "tea -coffee ", `"tea" NOT "coffee"`},
		{"ExcludeMany", "tea harvest -coffee -cocoa ", `("tea" "harvest") NOT "coffee" NOT "cocoa"`},
		{"ExcludePhrase", `tea -"dry season"`, `"tea" NOT "dry season"`},
		{"OnlyExclude", "-coffee ", `"coffee"`},
		{"HyphenAlone", "tea - coffee ", `"tea" "coffee"`},
		{"HyphenatedWord", "well-being ", `"well-being"`},
		{"Or", "tea OR coffee ", `("tea" OR "coffee")`},
		{"OrGroups", "kenya tea OR coffee harvest ", `"kenya" AND ("tea" OR "coffee") AND "harvest"`},
		{"OrAfterOperatorWord", "a AND OR b", `"a" AND ("AND" OR "b")`},
		{"OrChain", "tea OR coffee OR cocoa ", `("tea" OR "coffee" OR "cocoa")`},
		{"OrDangling", "OR tea OR ", `"tea"`},
		{"OrDouble", "tea OR OR coffee ", `("tea" OR "coffee")`},
		{"LowercaseOr", "tea or coffee ", `"tea" "or" "coffee"`},
		{"AndNotNear", "tea AND NOT NEAR coffee ", `"tea" "AND" "NOT" "NEAR" "coffee"`},
		{"NearFunction", "NEAR(tea coffee, 5) ", `"NEAR(tea" "coffee," "5)"`},
		{"Brackets", "(tea ", `"(tea"`},
		{"UnbalancedBrackets", "((tea) coffee)) ", `"((tea)" "coffee))"`},
		{"ColumnFilter", "headline:tea ", `"headline:tea"`},
		{"Caret", "^tea +coffee ", `"^tea" "+coffee"`},
		{"Punctuation", "!!! ??? ... ", ``},
		{"NonASCII", "Müller Zürich ", `"Müller" "Zürich"`},
		{"CJK", "東京 ", `"東京"`},
		{"Emoji", "🍵 tea ", `"tea"`},
		{"Control", "tea\x00coffee\x1b ", `"tea" "coffee"`},
		{"InvalidUTF8", "tea\xffcoffee ", `"tea" "coffee"`},
		{"SQL", "'; DROP TABLE drafts; -- ", `"DROP" "TABLE" "drafts;"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := MatchExpression(tt.in); got != tt.want {
				t.Fatalf("MatchExpression(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

// hostileQueries are search texts that break naive FTS5 query building.
var hostileQueries = []string{
	`"`, `""`, `"""`, `*`, `-`, `--`, `-*`, `"*"`, `(`, `)`, `)(`, `NEAR`, `NEAR(`, `NEAR(a b`, `AND`, `OR`, `NOT`,
	`a AND`, `OR OR`, `NOT a`, `a NOT`, `^`, `^a`, `a:`, `:a`, `headline:`, `{headline}: a`, `a + b`, `+`,
	`'`, `a'b`, `\`, `%`, `_`, `a*b*c`, `"a" "b`, `-"a`, `“`, `”a`, `ü`, `🙂`, "\x00", "a\x00b", "\xff\xfe",
	`drafts_fts`, `rank`, `bm25(drafts_fts)`, `a OR -b`, `-a OR b`, `a -b OR c`, `* OR *`, `a AND OR b`, `tea coffee OR cocoa harvest`,
}

// TestSearchNeverFails runs hostile queries through List: none may fail.
func TestSearchNeverFails(t *testing.T) {
	db, c := mustOpen(t)
	if _, err := db.Create(context.Background(), testArticle(c.Now()), editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, q := range hostileQueries {
		for _, suffix := range []string{"", " "} {
			if _, err := db.List(context.Background(), editor.ListOptions{Query: q + suffix}); err != nil {
				t.Errorf("List(%q) = %v", q+suffix, err)
			}
			if _, err := db.Count(context.Background(), editor.ListOptions{Query: q + suffix}); err != nil {
				t.Errorf("Count(%q) = %v", q+suffix, err)
			}
		}
	}
}

// FuzzMatchExpression checks that no search text makes FTS5 fail.
func FuzzMatchExpression(f *testing.F) {
	for _, q := range hostileQueries {
		f.Add(q)
	}
	db, c := mustOpen(f)
	if _, err := db.Create(context.Background(), testArticle(c.Now()), editor.SaveOptions{}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		expr := MatchExpression(q)
		if !utf8.ValidString(expr) {
			t.Fatalf("MatchExpression(%q) = %q, not valid UTF-8", q, expr)
		}
		if expr == "" {
			return
		}
		var n int
		if err := db.read.QueryRow(`SELECT count(*) FROM drafts_fts WHERE drafts_fts MATCH ?`, expr).Scan(&n); err != nil {
			t.Fatalf("MatchExpression(%q) = %s: %v", q, expr, err)
		}
	})
}
