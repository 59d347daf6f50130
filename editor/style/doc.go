// Package style is Dateline's AP style checker: the rules are data in an
// embedded file (rules.yaml: id, severity, fields, message, examples that
// fire and examples that pass, and the tables the rules read), with Go code
// only where a rule needs logic. Lint runs them, with spelling from
// editor/spell, on an article's headline, deck, byline, dateline and
// Markdown body, and returns Findings with their field, line and column.
//
// # Map: which file holds what
//
//   - rules.yaml: the rules and their tables (AP state abbreviations,
//     stand-alone dateline cities, number exceptions, abbreviations).
//   - rules.go: Rule, Example, Severity; reading and checking the rule
//     file (every rule has a check, a severity, fields and examples).
//   - lint.go: Finding (Key for "Ignore in this draft", String as `dateline
//     lint` prints it), Config and ConfigFor (from the library's Profile),
//     KnownWords (the names spelling accepts), Lint and HasErrors; the
//     paragraphs of the masked Markdown source (spell.MaskLine) and the
//     mapping of finding ranges back to source lines.
//   - checks.go: the table from rule id to its Go side (checks) and the
//     helpers the families share (matching near figures); the rules by
//     family: checks_dateline.go (dateline and byline), checks_dates.go
//     (months, ordinals), checks_numbers.go (spelling out, figures,
//     percent, time of day), checks_quotes.go (said, attribution,
//     quotation marks), checks_prose.go (repeated words, long sentences).
//     A new rule is a row in rules.yaml, a row in checks and a function in
//     its family's file.
//   - sentences.go: sentence boundaries (abbreviations and initials do not
//     end a sentence).
//
// Tests: rules_test.go runs every example of rules.yaml; lint_test.go has
// a table per rule and the golden report of testdata/lint-fixture.md
// (go test -run Golden . -update). bench_test.go lints a 5,000-word draft
// next to a goldmark parse of the same body.
package style
