package spell

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dictionary is a word list read from a Hunspell .aff/.dic pair, with every
// affixed form expanded at load time so that a check is one map lookup.
// It reads what the English dictionaries use: single-character flags,
// prefixes and suffixes with strip, add and condition, cross products,
// NEEDAFFIX, FORBIDDENWORD, KEEPCASE, ONLYINCOMPOUND (such words are not
// words on their own), NOSUGGEST, ICONV, REP and TRY. Compounding is not
// read: the English dictionaries compound only numbers (1st, 1990s), and
// numbers are never checked.
//
// A Dictionary is read-only after Load and safe for concurrent use.
type Dictionary struct {
	words map[string]wordFlags
	// upper maps the upper-case form of every mixed-case word (McDonald,
	// iPhone) to true, so MCDONALD is accepted too.
	upper map[string]bool
	// byShape lists the suggestible words by their length in runes and
	// first letter, for suggestions two edits away.
	byShape map[shape][]string
	rep     [][2]string
	try     []rune
	iconv   [][2]string
	// suffixes are the suffix classes, for suggesting the inflection a
	// writer meant (suggest.go, inflections).
	suffixes [][]affix
}

// shape is a word's length in runes and its first letter.
type shape struct {
	n     int
	first rune
}

func shapeOf(w string) shape {
	return shape{utf8.RuneCountInString(w), firstRune(w)}
}

type wordFlags uint8

const (
	flagForbidden wordFlags = 1 << iota
	flagKeepCase
	flagNoSuggest
)

// affix is one PFX or SFX rule line.
type affix struct {
	strip, add string
	cond       []charClass
}

// affixClass is all the rules under one flag.
type affixClass struct {
	prefix bool
	cross  bool
	rules  []affix
}

// charClass is one position of an affix condition: ".", "a", "[abc]" or
// "[^abc]".
type charClass struct {
	any    bool
	negate bool
	set    string
}

func (c charClass) match(r rune) bool {
	if c.any {
		return true
	}
	return strings.ContainsRune(c.set, r) != c.negate
}

// affFile is what Load keeps of an .aff file.
type affFile struct {
	classes                                  map[rune]*affixClass
	needAffix, forbidden, keepCase, onlyComp rune
	noSuggest                                rune
	rep, iconv                               [][2]string
	try                                      string
}

// Load reads a Hunspell affix file and dictionary (UTF-8) and expands
// every word with the affixes its flags allow.
func Load(aff, dic io.Reader) (*Dictionary, error) {
	a, err := readAff(aff)
	if err != nil {
		return nil, fmt.Errorf("spell: affix file: %w", err)
	}
	d := &Dictionary{
		words:   map[string]wordFlags{},
		upper:   map[string]bool{},
		byShape: map[shape][]string{},
		rep:     a.rep,
		try:     []rune(a.try),
		iconv:   a.iconv,
	}
	for _, c := range a.classes {
		if !c.prefix {
			d.suffixes = append(d.suffixes, c.rules)
		}
	}
	sc := bufio.NewScanner(dic)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
			if n, err := strconv.Atoi(strings.TrimSpace(text)); err == nil {
				if n > 0 && n < 1<<20 {
					d.words = make(map[string]wordFlags, 2*n) // about two forms a word
				}
				continue // the word count
			}
		}
		if i := strings.IndexAny(text, "\t "); i >= 0 {
			text = text[:i] // morphological fields follow
		}
		if text == "" {
			continue
		}
		word, flags := text, ""
		if i := strings.IndexByte(text, '/'); i > 0 {
			word, flags = text[:i], text[i+1:]
		}
		if !utf8.ValidString(word) {
			return nil, fmt.Errorf("spell: dictionary line %d is not UTF-8", line)
		}
		d.expand(a, word, flags)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("spell: dictionary: %w", err)
	}
	for w, f := range d.words {
		if f&(flagForbidden|flagNoSuggest) == 0 {
			k := shapeOf(w)
			d.byShape[k] = append(d.byShape[k], w)
		}
		if isMixedCase(w) {
			d.upper[strings.ToUpper(w)] = true
		}
	}
	return d, nil
}

// expand adds a dictionary word and every form its flags make.
func (d *Dictionary) expand(a *affFile, word, flags string) {
	var wf wordFlags
	need := false
	for _, f := range flags {
		switch f {
		case a.forbidden:
			wf |= flagForbidden
		case a.keepCase:
			wf |= flagKeepCase
		case a.noSuggest:
			wf |= flagNoSuggest
		case a.needAffix:
			need = true
		case a.onlyComp:
			return // a part of compounds only, never a word alone
		}
	}
	if !need {
		d.add(word, wf)
	}
	var crossSuffixed []string
	for _, f := range flags {
		c := a.classes[f]
		if c == nil || c.prefix {
			continue
		}
		for _, r := range c.rules {
			if w, ok := r.applySuffix(word); ok {
				d.add(w, wf)
				if c.cross {
					crossSuffixed = append(crossSuffixed, w)
				}
			}
		}
	}
	for _, f := range flags {
		c := a.classes[f]
		if c == nil || !c.prefix {
			continue
		}
		for _, r := range c.rules {
			if w, ok := r.applyPrefix(word, word); ok {
				d.add(w, wf)
			}
			if !c.cross {
				continue
			}
			for _, s := range crossSuffixed {
				if w, ok := r.applyPrefix(word, s); ok {
					d.add(w, wf)
				}
			}
		}
	}
}

func (d *Dictionary) add(w string, f wordFlags) {
	if old, ok := d.words[w]; ok {
		// A word listed twice keeps the more permissive entry, unless
		// either says it is forbidden.
		d.words[w] = (old & f) | ((old | f) & flagForbidden)
		return
	}
	d.words[w] = f
}

// applySuffix applies a suffix rule to a root word.
func (r affix) applySuffix(word string) (string, bool) {
	if !strings.HasSuffix(word, r.strip) || !matchEnd(word, r.cond) {
		return "", false
	}
	stem := word[:len(word)-len(r.strip)]
	if stem == "" && r.add == "" {
		return "", false
	}
	return stem + r.add, true
}

// applyPrefix applies a prefix rule whose condition is read on the root,
// to form (the root or the root with a cross-product suffix).
func (r affix) applyPrefix(root, form string) (string, bool) {
	if !strings.HasPrefix(form, r.strip) || !matchStart(root, r.cond) {
		return "", false
	}
	rest := form[len(r.strip):]
	if rest == "" && r.add == "" {
		return "", false
	}
	return r.add + rest, true
}

func matchEnd(word string, cond []charClass) bool {
	i := len(word)
	for k := len(cond) - 1; k >= 0; k-- {
		if i == 0 {
			return false
		}
		r, n := utf8.DecodeLastRuneInString(word[:i])
		if !cond[k].match(r) {
			return false
		}
		i -= n
	}
	return true
}

func matchStart(word string, cond []charClass) bool {
	i := 0
	for _, c := range cond {
		if i >= len(word) {
			return false
		}
		r, n := utf8.DecodeRuneInString(word[i:])
		if !c.match(r) {
			return false
		}
		i += n
	}
	return true
}

// parseCondition reads an affix condition such as "[^aeiou]y".
func parseCondition(s string) ([]charClass, error) {
	if s == "." || s == "" {
		return nil, nil
	}
	var out []charClass
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '.':
			out = append(out, charClass{any: true})
		case '[':
			j := i + 1
			neg := false
			if j < len(rs) && rs[j] == '^' {
				neg = true
				j++
			}
			k := j
			for k < len(rs) && rs[k] != ']' {
				k++
			}
			if k == len(rs) {
				return nil, fmt.Errorf("condition %q has an unclosed [", s)
			}
			out = append(out, charClass{negate: neg, set: string(rs[j:k])})
			i = k
		default:
			out = append(out, charClass{set: string(rs[i])})
		}
	}
	return out, nil
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// readAff reads the parts of an .aff file Load uses.
func readAff(r io.Reader) (*affFile, error) {
	a := &affFile{classes: map[rune]*affixClass{}}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	for n, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		switch f[0] {
		case "SET":
			if len(f) > 1 && !strings.EqualFold(f[1], "UTF-8") {
				return nil, fmt.Errorf("line %d: only UTF-8 dictionaries are read, not %s", n+1, f[1])
			}
		case "FLAG":
			if len(f) > 1 {
				return nil, fmt.Errorf("line %d: FLAG %s is not read (single-character flags only)", n+1, f[1])
			}
		case "TRY":
			if len(f) > 1 {
				a.try = f[1]
			}
		case "NEEDAFFIX":
			a.needAffix = flagArg(f)
		case "FORBIDDENWORD":
			a.forbidden = flagArg(f)
		case "KEEPCASE":
			a.keepCase = flagArg(f)
		case "ONLYINCOMPOUND":
			a.onlyComp = flagArg(f)
		case "NOSUGGEST":
			a.noSuggest = flagArg(f)
		case "REP", "ICONV":
			if len(f) == 3 {
				pair := [2]string{strings.ReplaceAll(f[1], "_", " "), strings.ReplaceAll(f[2], "_", " ")}
				if f[0] == "REP" {
					a.rep = append(a.rep, pair)
				} else {
					a.iconv = append(a.iconv, pair)
				}
			}
		case "PFX", "SFX":
			if len(f) < 4 {
				continue
			}
			flag := firstRune(f[1])
			c := a.classes[flag]
			if c == nil {
				// The header: PFX flag cross count.
				c = &affixClass{prefix: f[0] == "PFX", cross: f[2] == "Y"}
				a.classes[flag] = c
				continue
			}
			strip, add := f[2], f[3]
			if strip == "0" {
				strip = ""
			}
			if i := strings.IndexByte(add, '/'); i >= 0 {
				add = add[:i] // continuation classes: not used by en
			}
			if add == "0" {
				add = ""
			}
			cond := "."
			if len(f) > 4 {
				cond = f[4]
			}
			cc, err := parseCondition(cond)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n+1, err)
			}
			c.rules = append(c.rules, affix{strip: strip, add: add, cond: cc})
		}
	}
	return a, nil
}

func flagArg(f []string) rune {
	if len(f) < 2 {
		return 0
	}
	return firstRune(f[1])
}

// isMixedCase reports whether w has an upper-case letter after its first
// letter (McDonald, iPhone).
func isMixedCase(w string) bool {
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
		if i == 0 && unicode.IsLower(r) {
			for _, r2 := range w[utf8.RuneLen(r):] {
				if unicode.IsUpper(r2) {
					return true
				}
			}
			return false
		}
	}
	return false
}
