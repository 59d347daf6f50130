package storage

import (
	"strings"
	"unicode"
)

// MatchExpression turns a user's search text into an FTS5 query that cannot
// raise a syntax error. It is the only way user text reaches MATCH. The
// rules are those of a search box:
//
//   - words are all required: tea harvest finds stories with both;
//   - "quoted words" (straight or curly quotes) must appear as a phrase; an
//     unclosed quote runs to the end;
//   - -word excludes stories with the word, when something else is searched;
//   - word* matches every word starting with word, and so does the last word
//     of two or more letters while it is still being typed (the text does
//     not end in a space);
//   - OR in capitals between two words or phrases accepts either.
//
// Every word and phrase is passed to FTS5 as a quoted string, so FTS5
// operators (AND, NOT, NEAR, ^, :, parentheses, +) in the text are just
// words or punctuation. Words without a letter or digit are dropped. It
// returns "" when nothing searchable is left.
func MatchExpression(q string) string {
	terms := splitQuery(q)
	var (
		pos  []string // positive items; "OR" marks a disjunction with the next
		negs []string
	)
	for _, t := range terms {
		switch {
		case t.or:
			if len(pos) > 0 && pos[len(pos)-1] != "OR" {
				pos = append(pos, "OR")
			}
		case t.neg:
			if s := t.fts(); s != "" {
				negs = append(negs, s)
			}
		default:
			if s := t.fts(); s != "" {
				pos = append(pos, s)
			}
		}
	}
	for len(pos) > 0 && pos[len(pos)-1] == "OR" {
		pos = pos[:len(pos)-1]
	}
	if len(pos) == 0 {
		// Only exclusions: search for the words instead of returning
		// everything but them.
		pos, negs = negs, nil
	}
	if len(pos) == 0 {
		return ""
	}

	// Group OR runs in parentheses so that "a b OR c d" means a (b OR c) d,
	// as in web search, not FTS5's (a b) OR (c d).
	// FTS5 accepts implicit AND only between plain phrases, so once there
	// is a parenthesised group the groups are joined with an explicit AND.
	var groups []string
	sep := " "
	for i := 0; i < len(pos); i++ {
		run := []string{pos[i]}
		for i+2 < len(pos) && pos[i+1] == "OR" {
			run = append(run, pos[i+2])
			i += 2
		}
		if len(run) == 1 {
			groups = append(groups, run[0])
		} else {
			groups = append(groups, "("+strings.Join(run, " OR ")+")")
			sep = " AND "
		}
	}
	expr := strings.Join(groups, sep)
	if len(negs) > 0 {
		if len(groups) > 1 {
			expr = "(" + expr + ")"
		}
		for _, n := range negs {
			expr += " NOT " + n
		}
	}
	return expr
}

// queryTerm is one word or phrase of the user's search text.
type queryTerm struct {
	text   string
	phrase bool
	neg    bool
	prefix bool
	or     bool
}

// fts renders the term as an FTS5 string, or "" when it holds nothing the
// tokenizer would index.
func (t queryTerm) fts() string {
	if !searchable(t.text) {
		return ""
	}
	s := `"` + strings.ReplaceAll(t.text, `"`, `""`) + `"`
	if t.prefix {
		s += "*"
	}
	return s
}

// searchable reports whether s holds a letter or digit.
func searchable(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}

// isQuote reports whether r opens or closes a phrase.
func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»':
		return true
	}
	return false
}

// splitQuery splits search text into words and phrases.
func splitQuery(q string) []queryTerm {
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return ' '
		}
		return r
	}, q)
	typing := q != "" && !unicode.IsSpace(rune(q[len(q)-1]))
	rs := []rune(q)
	var terms []queryTerm
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case isQuote(r) || (r == '-' && i+1 < len(rs) && isQuote(rs[i+1])):
			neg := r == '-'
			if neg {
				i++
			}
			j := i + 1
			for j < len(rs) && !isQuote(rs[j]) {
				j++
			}
			terms = append(terms, queryTerm{text: strings.TrimSpace(string(rs[i+1 : min(j, len(rs))])), phrase: true, neg: neg})
			i = j + 1
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && !isQuote(rs[j]) {
				j++
			}
			word := string(rs[i:j])
			i = j
			if word == "OR" {
				terms = append(terms, queryTerm{or: true})
				continue
			}
			t := queryTerm{}
			if strings.HasPrefix(word, "-") && len(word) > 1 {
				t.neg = true
				word = word[1:]
			}
			if strings.HasSuffix(word, "*") {
				t.prefix = true
				word = strings.TrimRight(word, "*")
			}
			t.text = word
			if typing && j == len(rs) && !t.neg && len([]rune(word)) >= 2 {
				t.prefix = true
			}
			terms = append(terms, t)
		}
	}
	return terms
}
