// Package editor is Dateline's domain: the Article and its parts (Byline,
// Dateline, Attribution, Copyright, Teaser), the publication Profile, workflow
// Status, validation, coded errors, the Store interface that storage
// implements, the one goldmark pipeline, and the renderers and importers for
// every export format.
//
// store.go also holds the rule every save follows, whoever makes it (a
// window, the command line, later a sync between devices): a save names the
// revision its text is based on (Article.BaseRevision), and when the draft's
// text moved on since, the store keeps it as a conflicting revision beside
// the head and answers ESTALE instead of overwriting (errors.go).
//
// editor imports neither Fyne nor database/sql: the GUI (app) and the SQLite
// library (storage) depend on it, never the other way round.
package editor
