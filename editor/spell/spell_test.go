package spell

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func mustDict(t testing.TB, lang string) *Dictionary {
	t.Helper()
	d, err := Builtin(lang)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFixtureMisses(t *testing.T) {
	src, err := os.ReadFile("testdata/misspelled.md")
	if err != nil {
		t.Fatal(err)
	}
	words := func(ms []Miss) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Word)
		}
		return out
	}
	names := []string{"Wanjiru Kamau", "KERICHO, Kenya", "Harbor Times"}
	c := NewChecker(mustDict(t, "en-US"), names...)
	got := c.CheckText(string(src))
	want := []string{"thier", "goverment", "recieve", "mispeled", "acommodation"}
	if !reflect.DeepEqual(words(got), want) {
		t.Fatalf("misses = %q, want %q", words(got), want)
	}
	lines := strings.Split(string(src), "\n")
	for _, m := range got {
		if s := lines[m.Line][m.Start:m.End]; s != m.Word {
			t.Errorf("miss %q points at %q", m.Word, s)
		}
	}
	// Without the names, the names are what is new.
	bare := NewChecker(mustDict(t, "en-US"))
	extra := map[string]bool{}
	for _, w := range words(bare.CheckText(string(src))) {
		extra[w] = true
	}
	for _, w := range []string{"Wanjiru", "Kamau", "Kericho’s"} {
		if !extra[w] {
			t.Errorf("without known names, %q should be a miss (got %v)", w, extra)
		}
	}
}

func TestCheckCases(t *testing.T) {
	us, gb := mustDict(t, "en-US"), mustDict(t, "en-GB")
	for _, tc := range []struct {
		d    *Dictionary
		word string
		ok   bool
	}{
		{us, "harvest", true},
		{us, "Harvest", true},
		{us, "HARVEST", true},
		{us, "hArvest", false},
		{us, "Nairobi", true},
		{us, "NAIROBI", true},
		{us, "nairobi", false},
		{us, "McDonald", true},
		{us, "MCDONALD", true},
		{us, "Mcdonald", false},
		{us, "unhappiness", true}, // prefix and suffix, cross product
		{us, "harvests", true},    // suffix
		{us, "it’s", true},        // ICONV
		{us, "colour", false},     // American
		{gb, "colour", true},      // British
		{gb, "organise", true},    // British
		{us, "recieve", false},
		{us, "teh", false},
	} {
		if got := tc.d.Check(tc.word); got != tc.ok {
			t.Errorf("Check(%q) = %v, want %v", tc.word, got, tc.ok)
		}
	}
}

func TestSuggest(t *testing.T) {
	us := mustDict(t, "en-US")
	for _, tc := range []struct{ word, want string }{
		{"recieve", "receive"}, // swap
		{"teh", "the"},         // swap
		{"goverment", "government"},
		{"Thier", "Their"},     // keeps the case
		{"HARVSET", "HARVEST"}, // all caps
		{"colour", "color"},
		{"fotograph", "photograph"}, // REP f → ph
		{"acommodation", "accommodation"},
		{"thetea", "the tea"}, // missing space
	} {
		got := us.Suggest(tc.word, 5)
		found := false
		for _, s := range got {
			if s == tc.want {
				found = true
			}
		}
		if !found {
			t.Errorf("Suggest(%q) = %q, want %q among them", tc.word, got, tc.want)
		}
	}
	if got := us.Suggest("teh", 3); len(got) == 0 || got[0] != "the" {
		t.Errorf("a swap (teh) should rank first: %q", got)
	}
	gb := mustDict(t, "en-GB")
	if got := gb.Suggest("color", 3); len(got) == 0 || got[0] != "colour" {
		t.Errorf("en-GB: colour should come first for color: %q", got)
	}
	if got := us.Suggest("rwceive", 3); len(got) == 0 || got[0] != "receive" {
		t.Errorf("keyboard neighbour (w for e) should rank first: %q", got)
	}
}

// TestSuggestInflections: a word given the ending of the wrong rule of
// its class gets the form the class's right rule makes first, ahead of
// the possessive and the bare root; words that are not inflections keep
// their usual first suggestion.
func TestSuggestInflections(t *testing.T) {
	us := mustDict(t, "en-US")
	for _, tc := range []struct{ word, want string }{
		{"ferrys", "ferries"},
		{"citys", "cities"},
		{"companys", "companies"},
		{"Familys", "Families"}, // keeps the case
		{"hurrys", "hurries"},
		{"studys", "studies"},
		{"carryed", "carried"},
		{"makeing", "making"},
		{"hopeing", "hoping"},
		{"teh", "the"},
		{"recieve", "receive"},
	} {
		got := us.Suggest(tc.word, 5)
		if len(got) == 0 || got[0] != tc.want {
			t.Errorf("Suggest(%q) = %q, want %q first", tc.word, got, tc.want)
		}
	}
	// The possessive is still offered, after the plural.
	got := us.Suggest("ferrys", 6)
	if i, j := slices.Index(got, "ferries"), slices.Index(got, "ferry's"); i < 0 || j < 0 || i > j {
		t.Errorf("Suggest(ferrys) = %q, want ferries before ferry's", got)
	}
}

func TestKnownWords(t *testing.T) {
	c := NewChecker(mustDict(t, "en-US"), "Omar Haddad", "Port-au-Prince")
	for _, w := range []string{"Haddad", "HADDAD", "Haddad's", "Haddad’s", "Prince", "au"} {
		if !c.Correct(w) {
			t.Errorf("%q should be known", w)
		}
	}
	if c.Correct("Hadad") {
		t.Error("Hadad is not a known word")
	}
}

func TestMaskLine(t *testing.T) {
	// want is the prose left, words joined by one space.
	for _, tc := range []struct{ in, want string }{
		{"see `code teh` here", "see here"},
		{"a [link](http://x.y/teh) b", "a link b"},
		{"mail a@b.example now", "mail now"},
		{"go https://x.example/teh now", "go now"},
		{"## Heading *em* __strong__", "Heading em strong"},
		{"> - item", "item"},
		{"1. first", "first"},
		{"<b>bold</b> &amp; x", "bold x"},
		{"[id]: https://x", ""},
		{"[^1]: note text", "note text"},
		{"word[^1] and", "word and"},
		{`a \*b`, "a b"},
		{"not a # heading", "not a # heading"},
	} {
		got := MaskLine(tc.in)
		if len(got) != len(tc.in) {
			t.Errorf("MaskLine(%q) = %q changed the length", tc.in, got)
		}
		if s := strings.Join(strings.Fields(got), " "); s != tc.want {
			t.Errorf("MaskLine(%q) leaves %q, want %q", tc.in, s, tc.want)
		}
	}
}

func TestCheckTextCacheFollowsEdits(t *testing.T) {
	c := NewChecker(mustDict(t, "en-US"))
	text := "One paragrph here.\n\nAnother fine line."
	if got := c.CheckText(text); len(got) != 1 || got[0].Word != "paragrph" || got[0].Line != 0 {
		t.Fatalf("first check: %+v", got)
	}
	edited := strings.Replace(text, "fine", "fyne", 1)
	got := c.CheckText(edited)
	if len(got) != 2 || got[1].Word != "fyne" || got[1].Line != 2 {
		t.Fatalf("after edit: %+v", got)
	}
	c.SetKnown([]string{"fyne"})
	if got := c.CheckText(edited); len(got) != 1 {
		t.Fatalf("after SetKnown: %+v", got)
	}
}

func TestDictionaryTag(t *testing.T) {
	for in, want := range map[string]string{"": "en-US", "en": "en-US", "en-US": "en-US", "en_GB": "en-GB", "en-AU": "en-GB", "EN-gb": "en-GB"} {
		if got, ok := DictionaryTag(in); !ok || got != want {
			t.Errorf("DictionaryTag(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, err := Builtin("fr"); err == nil {
		t.Error("Builtin(fr) should fail: there is no French dictionary")
	}
}

func TestLoadRejectsLongFlags(t *testing.T) {
	_, err := Load(strings.NewReader("SET UTF-8\nFLAG long\n"), strings.NewReader("1\nab/AaBb\n"))
	if err == nil {
		t.Fatal("FLAG long should be refused, not misread")
	}
}

func TestLoadAffixRules(t *testing.T) {
	aff := `SET UTF-8
NEEDAFFIX X
FORBIDDENWORD F
KEEPCASE K
PFX U Y 1
PFX U 0 un .
SFX S Y 2
SFX S y ies [^aeiou]y
SFX S 0 s [^y]
SFX N N 1
SFX N 0 ness .
`
	dic := "5\nkind/UN\nparty/S\nfoo/XS\nbadword/F\nNASA/K\n"
	d, err := Load(strings.NewReader(aff), strings.NewReader(dic))
	if err != nil {
		t.Fatal(err)
	}
	for w, ok := range map[string]bool{
		"kind": true, "unkind": true, "kindness": true, "unkindness": false, // N is not cross
		"parties": true, "partys": false, "foos": true, "foo": false, "badword": false,
		"NASA": true, "nasa": false, "Nasa": false,
	} {
		if got := d.Check(w); got != ok {
			t.Errorf("Check(%q) = %v, want %v", w, got, ok)
		}
	}
}

func TestAcronymsAreNotChecked(t *testing.T) {
	c := NewChecker(mustDict(t, "en-US"))
	got := c.CheckLine("Prices in USD and KTDA rules; NAIRBOI and KERICHOO are checked, as is Usd.")
	var words []string
	for _, m := range got {
		words = append(words, m.Word)
	}
	if strings.Join(words, ",") != "NAIRBOI,KERICHOO,Usd" {
		t.Errorf("misses %q, want the long capitals and the mixed-case word", words)
	}
}
