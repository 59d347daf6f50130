package editor

import (
	"strings"
	"unicode"
)

// This file holds the text rules of the wire importer: names typed in
// capitals ("JANE McDONALD-O'NEIL") written as names, and typewriter
// quotes (straight, or ANPA's ``…'') turned into curly ones.

// nameParticles are the words of a name that stay lower case inside it:
// "Anna van der Berg", "Luis de la Cruz".
var nameParticles = map[string]bool{
	"van": true, "der": true, "den": true, "de": true, "da": true, "di": true, "du": true, "dos": true,
	"das": true, "del": true, "della": true, "von": true, "zu": true, "la": true, "le": true, "ter": true,
	"ten": true, "bin": true, "ibn": true, "al": true, "el": true, "y": true, "e": true,
}

// nameSuffixes are written as given here.
var nameSuffixes = map[string]string{"JR.": "Jr.", "JR": "Jr.", "SR.": "Sr.", "SR": "Sr.", "II": "II", "III": "III", "IV": "IV"}

// isCapitals reports whether s has letters and no lower-case letter.
func isCapitals(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsUpper(r)
	}
	return letters
}

// NameFromCapitals writes a name typed in capitals as a name: "JANE DOE"
// is "Jane Doe", "ROB McDONALD" "Rob McDonald", "SEAN O'NEIL" "Sean
// O'Neil", "ANNA VAN DER BERG" "Anna van der Berg", "J.R. SMITH JR."
// "J.R. Smith Jr.". A name that is not all capitals is returned as it is.
func NameFromCapitals(name string) string {
	if !isCapitals(mcRE.ReplaceAllString(name, "${1}MC${2}")) {
		return name
	}
	words := strings.Fields(name)
	for i, w := range words {
		switch {
		case nameSuffixes[w] != "" && i > 0:
			words[i] = nameSuffixes[w]
		case isInitials(w):
		case i > 0 && i < len(words)-1 && nameParticles[strings.ToLower(w)]:
			words[i] = strings.ToLower(w)
		default:
			words[i] = capitalWord(w)
		}
	}
	return strings.Join(words, " ")
}

// isInitials: "J.", "J.R.", "A.B.C." — single letters each followed by a
// full stop.
func isInitials(w string) bool {
	rs := []rune(w)
	if len(rs) < 2 || len(rs)%2 != 0 {
		return false
	}
	for i := 0; i < len(rs); i += 2 {
		if !unicode.IsLetter(rs[i]) || rs[i+1] != '.' {
			return false
		}
	}
	return true
}

// capitalWord writes one word of a name: each part between hyphens and
// after an apostrophe opens with a capital; "Mc" gets its own capital.
func capitalWord(w string) string {
	rs := []rune(strings.ToLower(w))
	start := true
	for i, r := range rs {
		if start && unicode.IsLetter(r) {
			rs[i] = unicode.ToUpper(r)
			start = false
			// McDONALD: the letter after "Mc" is a capital too.
			if r == 'm' && i+2 < len(rs) && rs[i+1] == 'c' && unicode.IsLetter(rs[i+2]) && (i == 0 || !unicode.IsLetter(rs[i-1])) {
				rs[i+2] = unicode.ToUpper(rs[i+2])
			}
			continue
		}
		// O'NEIL, D'ARCY: a capital after an apostrophe that follows one
		// letter; SMITH-JONES: after a hyphen.
		if r == '-' || (r == '\'' || r == '’') && i == 1 {
			start = true
		}
	}
	return string(rs)
}

// titleFromCapitals writes a byline title typed in capitals with a
// capital on each word, keeping the agency credits of up to three letters
// ("AP BUSINESS WRITER" is "AP Business Writer").
func titleFromCapitals(title string, agencies *AgencyTable) string {
	if !isCapitals(title) {
		return title
	}
	words := strings.Fields(title)
	for i, w := range words {
		if _, _, ok := agencies.Lookup(w); ok && len(w) <= 3 {
			continue
		}
		if i > 0 && (w == "OF" || w == "AND" || w == "THE" || w == "FOR") {
			words[i] = strings.ToLower(w)
			continue
		}
		words[i] = capitalWord(w)
	}
	return strings.Join(words, " ")
}

// hasCurlyQuotes reports whether text has typographic quotes.
func hasCurlyQuotes(text string) bool {
	return strings.ContainsAny(text, "“”‘’")
}

// curlQuotes turns typewriter quotes into curly ones: ANPA's “…” pairs,
// and straight quotes, opening after white space, an opening bracket or a
// dash and closing elsewhere; a straight single quote before a digit
// ("'90s") or inside a word is an apostrophe.
func curlQuotes(s string) string {
	if strings.Contains(s, "``") {
		s = strings.ReplaceAll(s, "``", "“")
		s = strings.ReplaceAll(s, "''", "”")
	}
	if !strings.ContainsAny(s, "\"'") {
		return s
	}
	rs := []rune(s)
	for i, r := range rs {
		if r != '"' && r != '\'' {
			continue
		}
		prev, next := ' ', ' '
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		opening := unicode.IsSpace(prev) || strings.ContainsRune("([{“‘—–-/", prev)
		switch {
		case r == '"' && opening:
			rs[i] = '“'
		case r == '"':
			rs[i] = '”'
		case opening && unicode.IsLetter(next):
			rs[i] = '‘'
		default:
			rs[i] = '’'
		}
	}
	return string(rs)
}
