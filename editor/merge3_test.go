package editor

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

func TestMerge3Table(t *testing.T) {
	tests := []struct {
		name               string
		base, mine, theirs string
		want               string // merged, conflicts taking mine
		conflicts          int
		conflictMine       []string // each conflict's mine text
		conflictTheirs     []string
	}{
		{name: "nothing changed", base: "The cat sat.", mine: "The cat sat.", theirs: "The cat sat.", want: "The cat sat."},
		{name: "only mine", base: "The cat sat.", mine: "The dog sat.", theirs: "The cat sat.", want: "The dog sat."},
		{name: "only theirs", base: "The cat sat.", mine: "The cat sat.", theirs: "The cat lay.", want: "The cat lay."},
		{name: "different words", base: "The cat sat on the mat.", mine: "The dog sat on the mat.", theirs: "The cat sat on the rug.",
			want: "The dog sat on the rug."},
		{name: "same change once", base: "Port strike ends.", mine: "Port strike ends today.", theirs: "Port strike ends today.",
			want: "Port strike ends today."},
		{name: "same word changed differently", base: "The cat sat.", mine: "The dog sat.", theirs: "The cow sat.",
			want: "The dog sat.", conflicts: 1, conflictMine: []string{"dog"}, conflictTheirs: []string{"cow"}},
		{name: "both insert at one place", base: "A B", mine: "A X B", theirs: "A Y B",
			want: "A X B", conflicts: 1, conflictMine: []string{"X "}, conflictTheirs: []string{"Y "}},
		{name: "paragraphs apart", base: "First one.\n\nSecond one.\n\nThird one.",
			mine:   "First one, edited.\n\nSecond one.\n\nThird one.",
			theirs: "First one.\n\nSecond one.\n\nThird one, changed.",
			want:   "First one, edited.\n\nSecond one.\n\nThird one, changed."},
		{name: "paragraph added on each side", base: "Lead.\n\nEnd.",
			mine:   "Lead.\n\nMine new.\n\nEnd.",
			theirs: "Lead.\n\nEnd.\n\nTheirs new.",
			want:   "Lead.\n\nMine new.\n\nEnd.\n\nTheirs new."},
		{name: "deleted and edited", base: "Keep this. Drop that.", mine: "Keep this.", theirs: "Keep this. Drop those.",
			want: "Keep this.", conflicts: 1, conflictMine: []string{""}, conflictTheirs: []string{" Drop those."}},
		{name: "sentence rewritten both ways is one conflict", base: "The mayor said the port will reopen on Monday.",
			mine: "The governor said the port would reopen on Tuesday.", theirs: "The minister said the port could reopen on Friday.",
			want: "The governor said the port would reopen on Tuesday.", conflicts: 3},
		{name: "suggestion mark kept whole", base: "Rain {++today ++}[@ana 2026-01-01T10:00Z] in Nairobi.",
			mine:   "Rain {++today ++}[@ana 2026-01-01T10:00Z] in Nairobi and Mombasa.",
			theirs: "Heavy rain {++today ++}[@ana 2026-01-01T10:00Z] in Nairobi.",
			want:   "Heavy rain {++today ++}[@ana 2026-01-01T10:00Z] in Nairobi and Mombasa."},
		{name: "emoji flag is one unit", base: "Fans 🇰🇪 cheer.", mine: "Fans 🇰🇪 🇰🇪 cheer.", theirs: "Fans 🇰🇪 cheer loudly.",
			want: "Fans 🇰🇪 🇰🇪 cheer loudly."},
		{name: "empty base", base: "", mine: "Mine.", theirs: "Theirs.", want: "Mine.", conflicts: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := Merge3(tc.base, tc.mine, tc.theirs)
			if got := m.Text(); got != tc.want {
				t.Errorf("merged = %q, want %q\nhunks: %+v", got, tc.want, m.Hunks)
			}
			if got := m.Conflicts(); got != tc.conflicts {
				t.Errorf("conflicts = %d, want %d\nhunks: %+v", got, tc.conflicts, m.Hunks)
			}
			var cm, ct []string
			for _, h := range m.Hunks {
				if h.Kind == HunkConflict {
					cm, ct = append(cm, h.Mine), append(ct, h.Theirs)
				}
			}
			if tc.conflictMine != nil && strings.Join(cm, "|") != strings.Join(tc.conflictMine, "|") {
				t.Errorf("conflicts' mine = %q, want %q", cm, tc.conflictMine)
			}
			if tc.conflictTheirs != nil && strings.Join(ct, "|") != strings.Join(tc.conflictTheirs, "|") {
				t.Errorf("conflicts' theirs = %q, want %q", ct, tc.conflictTheirs)
			}
			checkHunks(t, m, tc.base, tc.mine, tc.theirs)
		})
	}
}

// checkHunks checks that the hunks rebuild all three texts.
func checkHunks(t *testing.T, m *TextMerge, base, mine, theirs string) {
	t.Helper()
	var b, my, th strings.Builder
	for _, h := range m.Hunks {
		b.WriteString(h.Base)
		my.WriteString(h.Mine)
		th.WriteString(h.Theirs)
	}
	if b.String() != base || my.String() != mine || th.String() != theirs {
		t.Fatalf("hunks do not rebuild the texts:\nbase %q\nmine %q\ntheirs %q\nhunks %+v", b.String(), my.String(), th.String(), m.Hunks)
	}
}

func TestMerge3Takes(t *testing.T) {
	m := Merge3("The cat sat.", "The dog sat.", "The cow sat.")
	i := -1
	for k, h := range m.Hunks {
		if h.Kind == HunkConflict {
			i = k
		}
	}
	if i < 0 {
		t.Fatalf("no conflict: %+v", m.Hunks)
	}
	for _, tc := range []struct {
		take Take
		want string
	}{{TakeMine, "The dog sat."}, {TakeTheirs, "The cow sat."}, {TakeBoth, "The dog cow sat."}} {
		m.Hunks[i].Take = tc.take
		if got := m.Text(); got != tc.want {
			t.Errorf("take %d: %q, want %q", tc.take, got, tc.want)
		}
	}
}

func TestMergeTokensKeepGraphemesAndMarks(t *testing.T) {
	for _, s := range []string{
		"e\u0301te\u0301 café",        // decomposed accents
		"family 👨\u200d👩\u200d👧 here", // ZWJ sequence
		"flags 🇰🇪🇺🇬!",
		"x\u200d{++a ++} y",
		"a {~~old~>new~~}[@b 2026-01-02T03:04Z]\u0301 b",
		"line\r\n\r\nnext",
	} {
		toks := mergeTokens(s)
		if strings.Join(toks, "") != s {
			t.Fatalf("tokens of %q do not join to it: %q", s, toks)
		}
		bounds := map[int]bool{len(s): true}
		g := uniseg.NewGraphemes(s)
		for g.Next() {
			from, _ := g.Positions()
			bounds[from] = true
		}
		off := 0
		for _, tok := range toks {
			if !bounds[off] {
				t.Errorf("%q: token %q starts inside a grapheme cluster", s, tok)
			}
			off += len(tok)
		}
		for _, mk := range ParseMarks(s) {
			whole := false
			off := 0
			for _, tok := range toks {
				if off <= mk.Start && mk.End <= off+len(tok) {
					whole = true
				}
				off += len(tok)
			}
			if !whole {
				t.Errorf("%q: mark %q split across tokens %q", s, s[mk.Start:mk.End], toks)
			}
		}
	}
}

// randomEdit changes a few words, sentences or paragraphs of s.
func randomEdit(r *rand.Rand, s string) string {
	words := []string{"port", "strike", "ends", "Mombasa", "café", "🇰🇪", "{++new ++}", "said", ",", "\n\n", "e\u0301", " "}
	toks := mergeTokens(s)
	for n := r.IntN(4); n >= 0; n-- {
		i := 0
		if len(toks) > 0 {
			i = r.IntN(len(toks) + 1)
		}
		switch r.IntN(3) {
		case 0: // insert
			ins := []string{" ", words[r.IntN(len(words))]}
			toks = append(toks[:i], append(ins, toks[i:]...)...)
		case 1: // delete
			if i < len(toks) {
				j := min(len(toks), i+1+r.IntN(3))
				toks = append(toks[:i], toks[j:]...)
			}
		default: // replace
			if i < len(toks) {
				toks[i] = words[r.IntN(len(words))]
			}
		}
	}
	return strings.Join(toks, "")
}

func randomText(r *rand.Rand) string {
	paras := []string{
		"The port strike ended on Monday, officials said.",
		"Dockworkers in Mombasa returned to work after 12 days.",
		"The union said {++the ++}[@ana 2026-01-01T10:00Z]deal was fair.",
		"Café owners 🇰🇪 welcomed the news.",
		"Cargo piled up at the terminal.",
	}
	var out []string
	for n := 1 + r.IntN(5); n > 0; n-- {
		out = append(out, paras[r.IntN(len(paras))])
	}
	return strings.Join(out, "\n\n")
}

// TestMerge3Properties checks the merge's laws on random edits: merging a
// text with itself gives it; a merge with one side unchanged gives the
// other side; the hunks rebuild all three texts; and every change that is
// no conflict is in the result.
func TestMerge3Properties(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 3))
	for i := 0; i < 600; i++ {
		base := randomText(r)
		mine, theirs := randomEdit(r, base), randomEdit(r, base)
		if got := Merge3(mine, mine, mine).Text(); got != mine {
			t.Fatalf("merge(X, X, X) = %q, want %q", got, mine)
		}
		if got := Merge3(base, mine, base).Text(); got != mine {
			t.Fatalf("merge(base, mine, base) = %q, want mine %q (base %q)", got, mine, base)
		}
		if got := Merge3(base, base, theirs).Text(); got != theirs {
			t.Fatalf("merge(base, base, theirs) = %q, want theirs %q (base %q)", got, theirs, base)
		}
		m := Merge3(base, mine, theirs)
		checkHunks(t, m, base, mine, theirs)
		checkChangesKept(t, m)
		// Symmetry: swapping the sides gives the same text when there is
		// no conflict.
		if m.Conflicts() == 0 {
			if a, b := m.Text(), Merge3(base, theirs, mine).Text(); a != b {
				t.Fatalf("merge is not symmetric without conflicts: %q vs %q\nbase %q\nmine %q\ntheirs %q", a, b, base, mine, theirs)
			}
		}
	}
}

// checkChangesKept checks that the merged text is the hunks' texts in
// order, each non-conflicting change as its side made it.
func checkChangesKept(t *testing.T, m *TextMerge) {
	t.Helper()
	got := m.Text()
	off := 0
	for _, h := range m.Hunks {
		var want string
		switch h.Kind {
		case HunkSame:
			want = h.Base
		case HunkMine, HunkBoth:
			want = h.Mine
		case HunkTheirs:
			want = h.Theirs
		case HunkConflict:
			want = h.Mine
		}
		if !strings.HasPrefix(got[off:], want) {
			t.Fatalf("merged text %q lacks the %d hunk %q at %d", got, h.Kind, want, off)
		}
		off += len(want)
	}
	if off != len(got) {
		t.Fatalf("merged text %q is longer than its hunks", got)
	}
}

func FuzzMerge3(f *testing.F) {
	f.Add("The cat sat.", "The dog sat.", "The cat lay.")
	f.Add("A\n\nB\n\nC", "A\n\nB2\n\nC", "A\n\nB\n\nC3")
	f.Add("Rain {++today ++} here.", "Rain {++today ++} here and there.", "Heavy rain here.")
	f.Add("Fans 🇰🇪 cheer.", "Fans 👨\u200d👩\u200d👧 cheer.", "e\u0301")
	f.Fuzz(func(t *testing.T, base, mine, theirs string) {
		if !utf8.ValidString(base) || !utf8.ValidString(mine) || !utf8.ValidString(theirs) {
			return
		}
		m := Merge3(base, mine, theirs)
		checkHunks(t, m, base, mine, theirs)
		checkChangesKept(t, m)
		if got := Merge3(base, mine, base).Text(); got != mine {
			t.Fatalf("merge(base, mine, base) = %q, want %q", got, mine)
		}
		if got := Merge3(base, base, theirs).Text(); got != theirs {
			t.Fatalf("merge(base, base, theirs) = %q, want %q", got, theirs)
		}
		if got := Merge3(mine, mine, mine).Text(); got != mine {
			t.Fatalf("merge(X, X, X) = %q", got)
		}
	})
}

func TestMergeArticles(t *testing.T) {
	base := &Article{ID: "x", Slug: "port-strike", Headline: "Port strike ends", Deck: "Workers return",
		Body: "The strike ended on Monday.\n\nCargo piled up.", Tags: []string{"ports", "labour"},
		Byline: Byline{Authors: []string{"Ana Diaz"}}, Status: StatusDraft}
	mine := *base
	mine.Headline = "Port strike ends after 12 days"
	mine.Body = "The strike ended on Monday, officials said.\n\nCargo piled up."
	mine.Tags = []string{"ports", "labour", "kenya"}
	mine.Byline = Byline{Authors: []string{"Ana Diaz"}, Title: "Staff writer"}
	theirs := *base
	theirs.Deck = "Dockworkers return"
	theirs.Body = "The strike ended on Monday.\n\nCargo piled up at the terminal."
	theirs.Tags = []string{"ports", "mombasa"}
	theirs.Byline = Byline{Authors: []string{"Ana Diaz", "Ben Otieno"}}
	theirs.Status = StatusFiled

	m, err := MergeArticles(base, &mine, &theirs)
	if err != nil {
		t.Fatal(err)
	}
	if n := m.Conflicts(); n != 0 {
		t.Fatalf("conflicts = %d, want 0: %v", n, m)
	}
	a, err := m.Article(&mine)
	if err != nil {
		t.Fatal(err)
	}
	if a.Headline != mine.Headline || a.Deck != theirs.Deck {
		t.Errorf("headline/deck = %q / %q", a.Headline, a.Deck)
	}
	if want := "The strike ended on Monday, officials said.\n\nCargo piled up at the terminal."; a.Body != want {
		t.Errorf("body = %q, want %q", a.Body, want)
	}
	if got := strings.Join(a.Tags, ","); got != "ports,kenya,mombasa" {
		t.Errorf("tags = %q", got)
	}
	if a.Byline.Title != "Staff writer" || strings.Join(a.Byline.Authors, ",") != "Ana Diaz,Ben Otieno" {
		t.Errorf("byline = %+v", a.Byline)
	}
	if a.Status != StatusFiled {
		t.Errorf("status = %q, want theirs. filed", a.Status)
	}

	// A field both changed differently is a conflict until taken.
	theirs.Byline.Title = "Correspondent"
	m, err = MergeArticles(base, &mine, &theirs)
	if err != nil {
		t.Fatal(err)
	}
	f := m.Field("byline.title")
	if f == nil || f.Kind != HunkConflict || m.Conflicts() != 1 {
		t.Fatalf("byline.title = %+v, conflicts %d", f, m.Conflicts())
	}
	if f.Label() != "Byline title" || ShowValue(f.Mine) != "Staff writer" || ShowValue(f.Theirs) != "Correspondent" {
		t.Errorf("label %q, mine %q, theirs %q", f.Label(), ShowValue(f.Mine), ShowValue(f.Theirs))
	}
	a, _ = m.Article(&mine)
	if a.Byline.Title != "Staff writer" {
		t.Errorf("undecided conflict should hold mine, got %q", a.Byline.Title)
	}
	f.Take = TakeTheirs
	a, _ = m.Article(&mine)
	if a.Byline.Title != "Correspondent" || len(a.Byline.Authors) != 2 {
		t.Errorf("taking theirs: byline %+v", a.Byline)
	}
}
