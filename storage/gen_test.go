//go:build sqlite_fts5

package storage

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// The generator makes realistic libraries for benchmarks: drafts of 300 to
// 1,500 words with varied authors, tags and statuses, from a fixed seed, so
// that every run and every machine gets the same library. Word frequencies
// follow Zipf's law, as in real text, and a few terms are planted at known
// rates so that benchmarks can search a rare, a mid-frequency and a very
// common term, a prefix and a phrase.
const (
	genSeed1, genSeed2 = 20260314, 1204

	// genRare is planted in one draft in genRareEvery.
	genRare      = "quetzalcoatl"
	genRareEvery = 5000
	// genMid is planted in one draft in genMidEvery.
	genMid      = "desalination"
	genMidEvery = 50
	// genPhrase is planted, as a phrase, in one draft in genPhraseEvery.
	genPhrase      = "dry season"
	genPhraseEvery = 100
	// genCommon is the most frequent word of the Zipf vocabulary, in
	// practically every draft.
	genCommon = "said"
	// genPrefix starts several mid-frequency words (harbour, harbor,
	// harbinger, harbourside).
	genPrefix = "harb"
)

// genWords are real words at the head of the Zipf distribution, most
// frequent first; synthetic words follow them.
var genWords = strings.Fields(`said the of and to in a on for that was with as by
at from were officials government minister police people year city would their its
has had have new after over been more than which who two against first told week
could about since market country president workers police water strike election
council budget report harbour port prices farmers growers tea coffee harvest crop
rain drought court judge trial company shares bank rates inflation school students
hospital doctors health ministry spokesman statement agency region province border
trade talks deal union pay wages fuel energy power grid storm flood coast fishing
boats cargo shipping harbor container cranes dockers tourism hotel airport flights
railway bridge road traffic accident fire rescue villagers residents community
mayor opposition party vote campaign candidates parliament senate law bill tax
reform protest march rally crowd army soldiers peace ceasefire refugees aid
charity donors climate emissions forest wildlife park river lake dam irrigation
harbinger harbourside scientists university research study data survey census`)

var genFirst = strings.Fields(`Dana Omar Lena Tomasz Aiko Kwame Priya Mateo Ingrid Chidi Sofia Yusuf Hanna
Rafael Mei Oskar Amara Luca Nadia Felix`)
var genLast = strings.Fields(`Whitfield Haddad Novak Kowalski Tanaka Mensah Raman Alvarez Lund Okafor
Moreau Demir Virtanen Costa Chen Berg Diallo Ricci Petrova Schmidt`)
var genTags = strings.Fields(`agriculture kenya politics economy labour shipping climate health education
courts energy transport tourism elections crime weather science business europe
africa asia americas culture sport technology housing water defence diplomacy
migration finance`)

// generator builds deterministic articles.
type generator struct {
	r     *rand.Rand
	zipf  *rand.Zipf
	vocab []string
	start time.Time
}

func newGenerator() *generator {
	r := rand.New(rand.NewPCG(genSeed1, genSeed2))
	g := &generator{r: r, start: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)}
	g.vocab = append(g.vocab, genWords...)
	syll := strings.Fields("ka lo mi ne ru sa ta vi do ge ba zo re lu pe an or el is um")
	for len(g.vocab) < 30000 {
		n := 2 + r.IntN(3)
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		g.vocab = append(g.vocab, b.String())
	}
	g.zipf = rand.NewZipf(r, 1.07, 2, uint64(len(g.vocab)-1))
	return g
}

func (g *generator) word() string { return g.vocab[g.zipf.Uint64()] }

// sentence returns n words with a capital and a full stop.
func (g *generator) sentence(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = g.word()
	}
	s := strings.Join(ws, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// article returns the i-th generated draft.
func (g *generator) article(i int) *editor.Article {
	created := g.start.Add(time.Duration(i) * 17 * time.Minute)
	a := editor.NewArticle(created)
	a.ID = fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", g.r.Uint32(), g.r.IntN(1<<16), g.r.IntN(1<<12), g.r.IntN(1<<12), g.r.Uint64()&(1<<48-1))
	hw := make([]string, 6+g.r.IntN(7))
	for j := range hw {
		hw[j] = g.word()
	}
	a.Headline = strings.ToUpper(hw[0][:1]) + hw[0][1:] + " " + strings.Join(hw[1:], " ")
	a.Slug = fmt.Sprintf("%s-%d", editor.Slugify(strings.Join(hw[:min(4, len(hw))], " ")), i)
	if g.r.IntN(3) == 0 {
		a.Deck = g.sentence(10 + g.r.IntN(8))
	}
	for n := 1 + g.r.IntN(3); len(a.Byline.Authors) < n; {
		a.Byline.Authors = append(a.Byline.Authors, genFirst[g.r.IntN(len(genFirst))]+" "+genLast[g.r.IntN(len(genLast))])
	}
	a.Byline.Title = "Harbor Times Correspondent"
	a.Dateline = editor.Dateline{Place: "NAIROBI, Kenya", Credit: "Harbor Times"}
	for n := 1 + g.r.IntN(4); len(a.Tags) < n; {
		a.Tags = append(a.Tags, genTags[g.r.IntN(len(genTags))])
	}
	statuses := []editor.Status{"draft", "draft", "draft", "filed", "editing", "approved", "published", "published", "published", "corrected", "killed"}
	a.Status = statuses[g.r.IntN(len(statuses))]
	if a.Status == editor.StatusCorrected {
		a.CorrectionNote = "An earlier version misstated a figure."
	}

	words := 300 + g.r.IntN(1201)
	var paras []string
	for n := 0; n < words; {
		var sents []string
		for k := 2 + g.r.IntN(4); k > 0 && n < words; k-- {
			m := min(8+g.r.IntN(20), words-n)
			sents = append(sents, g.sentence(m))
			n += m
		}
		paras = append(paras, strings.Join(sents, " "))
	}
	plant := func(s string) {
		p := g.r.IntN(len(paras))
		paras[p] += " " + s
	}
	if i%genRareEvery == 7 {
		plant("The " + genRare + " was mentioned.")
	}
	if i%genMidEvery == 3 {
		plant("A " + genMid + " plant is planned.")
	}
	if i%genPhraseEvery == 5 {
		plant("The " + genPhrase + " hurt.")
	}
	a.Body = strings.Join(paras, "\n\n")
	a.Updated = created.Add(time.Duration(g.r.IntN(72)) * time.Hour)
	return a
}

// generateLibrary writes a library of n generated drafts to path, in
// batches of one transaction each.
func generateLibrary(tb testing.TB, path string, n int) {
	tb.Helper()
	start := time.Now()
	tmp := path + ".tmp"
	for _, suffix := range []string{"", "-wal", "-shm"} {
		_ = os.Remove(tmp + suffix)
	}
	g := newGenerator()
	var db *DB
	var err error
	var cur time.Time
	db, err = Open(tmp, WithNow(func() time.Time { return cur }), WithDevice("generator"), WithAuthor("Generator"))
	if err != nil {
		tb.Fatal(err)
	}
	ctx := context.Background()
	const batch = 1000
	for i := 0; i < n; i += batch {
		tx, err := db.write.BeginTx(ctx, nil)
		if err != nil {
			tb.Fatal(err)
		}
		for j := i; j < min(i+batch, n); j++ {
			a := g.article(j)
			cur = a.Updated
			if _, err := db.saveTx(ctx, tx, a, editor.SaveOptions{Kind: editor.RevisionImport}, true, cur); err != nil {
				tb.Fatalf("draft %d: %v", j, err)
			}
		}
		if err := tx.Commit(); err != nil {
			tb.Fatal(err)
		}
	}
	if _, err := db.write.Exec(`INSERT INTO drafts_fts (drafts_fts) VALUES ('optimize')`); err != nil {
		tb.Fatal(err)
	}
	if _, err := db.write.Exec(`PRAGMA optimize; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		tb.Fatal(err)
	}
	if err := db.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("generated %d drafts in %s in %v", n, path, time.Since(start).Round(time.Second))
}

// benchLibraryPath returns a generated library of n drafts under
// testdata/gen (git-ignored), generating it on first use.
func benchLibraryPath(tb testing.TB, n int) string {
	tb.Helper()
	dir := filepath.Join("testdata", "gen")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("library-%d.db", n))
	if _, err := os.Stat(path); err != nil {
		generateLibrary(tb, path, n)
	}
	return path
}

// TestGenerator checks that the generator is deterministic and plants its
// terms where the benchmarks expect them.
func TestGenerator(t *testing.T) {
	g1, g2 := newGenerator(), newGenerator()
	for i := 0; i < 20; i++ {
		a, b := g1.article(i), g2.article(i)
		if jsonOf(t, a) != jsonOf(t, b) {
			t.Fatalf("draft %d differs between two generators with the same seed", i)
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("draft %d: %v", i, err)
		}
		if w := editor.CountWords(a.Body); w < 300 || w > 1520 {
			t.Fatalf("draft %d has %d words", i, w)
		}
	}
	db, c := mustOpen(t)
	g := newGenerator()
	for i := 0; i < 200; i++ {
		a := g.article(i)
		if _, err := db.Create(context.Background(), a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	_ = c
	for _, tt := range []struct {
		q    string
		want int
	}{
		{genRare + " ", 1},
		{genMid + " ", 200 / genMidEvery},
		{`"` + genPhrase + `"`, 200 / genPhraseEvery},
	} {
		n, err := db.Count(context.Background(), editor.ListOptions{Query: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		if n != tt.want {
			t.Errorf("Count(%q) = %d, want %d", tt.q, n, tt.want)
		}
	}
	n, err := db.Count(context.Background(), editor.ListOptions{Query: genCommon + " "})
	if err != nil {
		t.Fatal(err)
	}
	if n < 190 {
		t.Errorf("common term %q in %d of 200 drafts, want nearly all", genCommon, n)
	}
}
