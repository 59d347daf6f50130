package storage

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// marshalArticle encodes an article as the JSON kept in doc columns.
func marshalArticle(a *editor.Article) (string, error) {
	return marshalJSON(a)
}

// marshalJSON encodes v without HTML escaping, so that the JSON text the
// full-text index reads holds "&" and "<" as they are.
func marshalJSON(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", fmt.Errorf("encode: %w", err)
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}

// marshalDraftDoc encodes an article without its body, for drafts.doc.
func marshalDraftDoc(a *editor.Article) (string, error) {
	c := *a
	c.Body = ""
	return marshalJSON(&c)
}

// unmarshalDraft decodes drafts.doc, puts the body column back in and
// names the head revision as the copy's base.
func unmarshalDraft(doc, body, head string, headSaved int64) (*editor.Article, error) {
	a, err := unmarshalArticle(doc)
	if err != nil {
		return nil, err
	}
	a.Body = body
	a.BaseRevision = head
	a.BaseSaved = fromNanos(headSaved)
	return a, nil
}

// headColumns select a draft's head revision and when it was last
// written, for unmarshalDraft.
const headColumns = `ifnull(head_revision, ''), ifnull((SELECT created FROM revisions WHERE id = head_revision), 0)`

func unmarshalArticle(doc string) (*editor.Article, error) {
	var a editor.Article
	if err := json.Unmarshal([]byte(doc), &a); err != nil {
		return nil, editor.Errorf(editor.EINTERNAL, "decode stored article: %v", err)
	}
	return &a, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// nanos stores times as Unix nanoseconds, which sort and compare as plain
// integers.
func nanos(t time.Time) int64 {
	return t.UnixNano()
}

func nullNanos(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixNano(), Valid: true}
}

func fromNanos(n int64) time.Time {
	return time.Unix(0, n).UTC()
}

func nullString(s string) sql.NullString {
	return sql.NullString{String: s, Valid: s != ""}
}
