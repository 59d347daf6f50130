// Package spell is Dateline's offline spelling checker: a reader of
// Hunspell dictionaries in pure Go, the en-US and en-GB dictionaries
// embedded in the binary, and a checker for Markdown text that skips what
// is not prose and re-checks only the lines that changed.
//
// # Map: which file holds what
//
//   - hunspell.go: Load reads an .aff/.dic pair into a Dictionary, every
//     affixed form expanded (prefixes, suffixes, cross products,
//     NEEDAFFIX, FORBIDDENWORD, KEEPCASE, ONLYINCOMPOUND, NOSUGGEST, ICONV,
//     REP, TRY).
//   - lookup.go: Dictionary.Check and its case rules (Capitalised and
//     ALL-CAPS forms of a lower-case word are words).
//   - suggest.go: Dictionary.Suggest: the inflection meant (ferries for
//     ferrys, from the suffix rules), REP table, one edit (keyboard
//     neighbours first), a missing space, two edits; ranked.
//   - builtin.go: the embedded dictionaries (dict/, with their licences,
//     Notice), Builtin and DictionaryTag (which dictionary checks a
//     language tag).
//   - markdown.go: what is prose in a Markdown line (MaskLine, LineKinds for
//     code blocks) and its words (Words). The style rules read the same
//     masked lines.
//   - checker.go: Checker: dictionary plus known words (names, the
//     library's dictionary, a draft's ignored words), CheckText with a
//     cache per line, Miss.
//
// Benchmarks (bench_test.go) check a 5,000-word draft from scratch and
// after one edited paragraph, next to a map lookup of every field of the
// same text.
package spell
