// Package editor is Dateline's domain: the Article and its parts (Byline,
// Dateline, Attribution, Copyright, Teaser), the publication Profile, workflow
// Status, validation, coded errors, the Store interface that storage
// implements, the one goldmark pipeline, and the renderers and importers for
// every export format.
//
// editor imports neither Fyne nor database/sql: the GUI (app) and the SQLite
// library (storage) depend on it, never the other way round.
package editor
