package spell

import (
	"bytes"
	"embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed dict/en_US.aff dict/en_US.dic dict/en_GB.aff dict/en_GB.dic dict/COPYING-en_US.txt dict/COPYING-en_GB.txt
var dictFS embed.FS

// Languages lists the dictionaries built into Dateline, as BCP 47 tags.
var Languages = []string{"en-US", "en-GB"}

// builtin loads each embedded dictionary once, on first use.
var builtin = map[string]*struct {
	once sync.Once
	d    *Dictionary
	err  error
}{
	"en_US": {},
	"en_GB": {},
}

// DictionaryTag maps a language tag to the built-in dictionary that checks
// it: en-GB and the Commonwealth Englishes (en-AU, en-NZ, en-IE, en-ZA,
// en-IN, en-UK) get British spelling; en, en-US and every other English
// American spelling. The empty tag means en. ok is false when no built-in
// dictionary covers the language.
func DictionaryTag(lang string) (tag string, ok bool) {
	l := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
	if l == "" {
		l = "en"
	}
	if l != "en" && !strings.HasPrefix(l, "en-") {
		return "", false
	}
	region, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(l, "en"), "-"), "-")
	switch region {
	case "gb", "uk", "au", "nz", "ie", "za", "in":
		return "en-GB", true
	}
	return "en-US", true
}

// Builtin returns the embedded dictionary for a language tag (see
// DictionaryTag). The first call for a dictionary reads it, which takes a
// fraction of a second: call it off the UI goroutine.
func Builtin(lang string) (*Dictionary, error) {
	tag, ok := DictionaryTag(lang)
	if !ok {
		return nil, fmt.Errorf("spell: no dictionary for language %q (Dateline has %s)", lang, strings.Join(Languages, ", "))
	}
	name := strings.ReplaceAll(tag, "-", "_")
	b := builtin[name]
	b.once.Do(func() {
		aff, err := dictFS.ReadFile("dict/" + name + ".aff")
		if err != nil {
			b.err = err
			return
		}
		dic, err := dictFS.ReadFile("dict/" + name + ".dic")
		if err != nil {
			b.err = err
			return
		}
		b.d, b.err = Load(bytes.NewReader(aff), bytes.NewReader(dic))
	})
	return b.d, b.err
}

// Notice returns the licence notices of the built-in dictionaries (SCOWL
// and the en_GB dictionary's authors), to be shown with the program.
func Notice() string {
	var sb strings.Builder
	for _, name := range []string{"COPYING-en_US.txt", "COPYING-en_GB.txt"} {
		b, err := dictFS.ReadFile("dict/" + name)
		if err != nil {
			continue
		}
		sb.Write(b)
		sb.WriteString("\n\n")
	}
	return strings.TrimSpace(sb.String())
}
