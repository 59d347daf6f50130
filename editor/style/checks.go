package style

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// check is the Go side of a rule. Field rules (byline, dateline) get no
// paragraphs and read the article; text rules get the field's paragraphs
// and the index of the one to check.
type check func(l *linter, r *Rule, ps []para, k int)

// checks maps every rule id of rules.yaml to its code. The spelling rule
// is run by the linter itself (Config.Spell); its entry is a no-op.
var checks = map[string]check{
	"spelling":                 func(*linter, *Rule, []para, int) {},
	"dateline-place-caps":      checkPlaceCaps,
	"dateline-state-abbrev":    checkStateAbbrev,
	"dateline-state-spelled":   checkStateSpelled,
	"dateline-standalone-city": checkStandalone,
	"dateline-credit":          checkCredit,
	"byline-by":                checkBylineBy,
	"month-abbrev":             checkMonthAbbrev,
	"month-alone":              checkMonthAlone,
	"date-ordinal":             checkDateOrdinal,
	"number-spell-out":         checkSpellOut,
	"number-figures":           checkFigures,
	"sentence-figure-start":    checkFigureStart,
	"percent":                  checkPercent,
	"time-ampm":                checkTime,
	"said":                     checkSaid,
	"quote-attribution":        checkAttribution,
	"quotes-unbalanced":        checkUnbalanced,
	"quotes-straight":          checkStraight,
	"repeated-word":            checkRepeated,
	"long-sentence":            checkLongSentence,
}

// --- Matching near figures ---------------------------------------------------

// Go's regexp is slow on long alternations, so the rules that need a
// figure run their expression only on short windows around each run of
// digits (from the start of the word two words before to a few bytes
// after), merged where they overlap.

// digitWindows returns the windows of s around its figures.
func digitWindows(s string, before, after int) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' || s[j] == ',' || s[j] == ':') {
			j++
		}
		a := max(0, i-before)
		for a > 0 && s[a-1] != ' ' && s[a-1] != '\n' {
			a--
		}
		b := min(len(s), j+after)
		for b < len(s) && !utf8.RuneStart(s[b]) {
			b++
		}
		if n := len(out); n > 0 && a <= out[n-1][1] {
			out[n-1][1] = b
		} else {
			out = append(out, [2]int{a, b})
		}
		i = j
	}
	return out
}

// findNearDigits is FindAllStringSubmatchIndex over the windows of s
// around its figures, with offsets into s.
func findNearDigits(re *regexp.Regexp, s string) [][]int {
	var out [][]int
	for _, w := range digitWindows(s, 12, 12) {
		for _, m := range re.FindAllStringSubmatchIndex(s[w[0]:w[1]], -1) {
			for i := range m {
				if m[i] >= 0 {
					m[i] += w[0]
				}
			}
			out = append(out, m)
		}
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}
