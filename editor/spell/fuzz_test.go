package spell

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzLoad reads arbitrary affix and dictionary files: no panic, and every
// word listed without flags is a word.
func FuzzLoad(f *testing.F) {
	f.Add("SET UTF-8\nSFX S Y 1\nSFX S y ies [^aeiou]y\n", "2\nparty/S\nkind\n")
	f.Add("PFX U Y 1\nPFX U 0 un [abc\n", "1\nable/U\n")
	f.Add("SFX A N 1\nSFX A 0 0/ .\nREP 1\nREP a_b c\n", "x/A\n/\n\ufeff3\n")
	f.Fuzz(func(t *testing.T, aff, dic string) {
		d, err := Load(strings.NewReader(aff), strings.NewReader(dic))
		if err != nil {
			return
		}
		for _, line := range strings.Split(dic, "\n") {
			w := strings.TrimPrefix(line, "\ufeff")
			if w == "" || strings.ContainsAny(w, "/ \t") || !utf8.ValidString(w) {
				continue
			}
			if _, isCount := d.words[w]; !isCount {
				continue // the count line, or a word an ICONV rewrites
			}
			if !d.Check(w) && d.words[w]&flagForbidden == 0 {
				t.Errorf("listed word %q is not accepted", w)
			}
		}
		d.Suggest("xyz", 3)
	})
}

// FuzzCheckText checks arbitrary text: no panic, masking keeps the length
// and the text valid, and every miss points at its word.
func FuzzCheckText(f *testing.F) {
	f.Add("The goverment said `teh` [x](http://y) a@b.c ```\ncode\n```")
	f.Add("> # Héading *émphasis* [^1]\n\n[^1]: nott")
	f.Add("\\`a` ``b` <a href=x>t</a> &amp; www.x.y")
	d, err := Builtin("en-US")
	if err != nil {
		f.Fatal(err)
	}
	c := NewChecker(d, "Kamau")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		lines := strings.Split(text, "\n")
		for _, ln := range lines {
			m := MaskLine(ln)
			if len(m) != len(ln) || !utf8.ValidString(m) {
				t.Fatalf("MaskLine(%q) = %q", ln, m)
			}
		}
		for _, m := range c.CheckText(text) {
			if m.Line >= len(lines) || m.End > len(lines[m.Line]) || lines[m.Line][m.Start:m.End] != m.Word {
				t.Fatalf("miss %+v does not point at its word in %q", m, text)
			}
		}
	})
}
