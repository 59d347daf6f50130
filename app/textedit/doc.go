// Package textedit is Dateline's own multi-line text widget for the
// Markdown body: exact text at any width, and fast at 20,000 words because
// it lays out only what changed and draws only what is visible. NewLine
// makes the same widget a single-line field (the headline and deck), so
// that those get the body's decorations too.
//
// The document model knows nothing of Fyne and is tested on its own:
//   - model.go: Model, a list of paragraphs (the text between line breaks)
//     with a selection; Pos is (paragraph, byte offset); every edit is a
//     Replace; text in is normalised to LF.
//   - undo.go: undo and redo steps with grouping (a word of typing, a run of
//     Backspace, a paste, a compound edit such as replace-all).
//   - grapheme.go: grapheme cluster boundaries (github.com/rivo/uniseg), so
//     the caret never splits an emoji or an accented letter; word moves and
//     word and paragraph ranges.
//   - search.go: Finder (match case, whole word, regular expression),
//     FindAll, ReplaceMatch and ReplaceAll (one undo step).
//   - decorations.go: ranges by kind (search matches, spelling, style
//     findings, review marks) that follow edits; a kind is drawn as a
//     highlight, an underline or a strike-through (DecorationStyle).
//   - offsets.go: byte offsets in the text to positions and back; with
//     Model.Rewrite, which may turn any edit into another before it is
//     applied, they let app's suggestion mode record edits as suggestions.
//   - markdown.go: light per-line Markdown styling (headings, emphasis,
//     strong, code, quotes and list indents, dimmed link targets and
//     CriticMarkup delimiters and comments).
//   - layout.go: greedy word wrap of one paragraph.
//
// The view is a BaseWidget with its own renderer:
//   - view.go: the per-paragraph layout cache, word-width cache, paragraph
//     tops (estimated until a paragraph is first laid out), hit testing.
//   - editor.go: Editor and its public API (SetText, Text, OnChanged,
//     OnEdited, cursor, selection, decorations, scrolling).
//   - render.go: draws the visible lines with pooled canvas objects: text
//     runs, selection, decorations, caret and scrollbar.
//   - input.go: focus, keys, shortcuts, mouse, drag and wheel.
//   - findbar.go: the find and replace bar (Ctrl+F, Ctrl+H).
//   - line.go: the single-line mode (NewLine): one paragraph (line breaks
//     that come in become spaces, Model.SingleLine), plain text, Enter
//     calls OnSubmitted, wrapped inside the field, which grows with its
//     lines from one to three (OnRowsChanged) and scrolls beyond.
//   - review.go: what the review desk needs: the right click
//     (OnSecondaryTap), ReplaceRange (one undo step) and CaretPoint; the
//     spelling and style kinds are drawn as wavy underlines (render.go).
package textedit
