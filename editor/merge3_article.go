package editor

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// This file merges whole articles, field by field, by the article's JSON
// form, so that a field added to Article later is merged without a change
// here: the prose fields word by word (Merge3), the sets of words (tags,
// ignored words and findings) by adding what either side added and
// dropping what either side dropped, nested objects (byline, dateline …)
// field by field, and every other value whole: taken from the side that
// changed it, once when both changed it alike, or a conflict.

// proseFields are merged word by word.
var proseFields = map[string]bool{
	"headline": true, "deck": true, "body": true, "editors_note": true, "correction_note": true,
}

// setFields are sets of strings: a merge keeps every addition and every
// removal of either side and never conflicts.
var setFields = map[string]bool{"tags": true, "ignore_words": true, "ignore_findings": true}

// mergeSkipped are bookkeeping fields the save that stores a merge sets
// itself: the merge takes mine.
var mergeSkipped = map[string]bool{"updated": true}

// FieldMerge is the three-way merge of one field of an article.
type FieldMerge struct {
	// Path is the field's JSON name, and for a field of a nested object
	// the names down to it: ["byline", "authors"].
	Path []string
	Kind HunkKind
	// Text is the word merge of a prose field; nil for the others.
	Text *TextMerge
	// Base, Mine and Theirs are the field's JSON values, nil when the
	// field is absent (empty).
	Base, Mine, Theirs json.RawMessage
	// Take resolves a conflict of a field that is not prose.
	Take Take
	// merged is the value of a field that is not a conflict.
	merged json.RawMessage
}

// Name is the field's path with dots: "headline", "byline.authors".
func (f *FieldMerge) Name() string { return strings.Join(f.Path, ".") }

// Label is the field's name for people: "Byline authors".
func (f *FieldMerge) Label() string {
	s := strings.ReplaceAll(strings.Join(f.Path, " "), "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Conflicts counts the field's conflicts: its text's conflicting hunks,
// or one for a whole value both sides changed differently.
func (f *FieldMerge) Conflicts() int {
	if f.Text != nil {
		return f.Text.Conflicts()
	}
	if f.Kind == HunkConflict {
		return 1
	}
	return 0
}

// Value returns the field's merged JSON value (nil when absent).
func (f *FieldMerge) Value() (json.RawMessage, error) {
	if f.Text != nil {
		s := f.Text.Text()
		if s == "" {
			return nil, nil
		}
		return json.Marshal(s)
	}
	if f.Kind != HunkConflict {
		return f.merged, nil
	}
	if f.Take == TakeTheirs {
		return f.Theirs, nil
	}
	return f.Mine, nil
}

// ShowValue writes a field's JSON value for people: a string as it is,
// a list of strings joined with commas, nothing as "(empty)".
func ShowValue(v json.RawMessage) string {
	if len(v) == 0 || string(v) == "null" {
		return "(empty)"
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		if s == "" {
			return "(empty)"
		}
		return s
	}
	var l []string
	if json.Unmarshal(v, &l) == nil {
		if len(l) == 0 {
			return "(empty)"
		}
		return strings.Join(l, ", ")
	}
	return string(v)
}

// ArticleMerge is the three-way merge of two versions of an article.
type ArticleMerge struct {
	// Fields are every field any side has, in the order of Article's
	// fields (nested ones by name).
	Fields []*FieldMerge
	mine   map[string]json.RawMessage
}

// Field returns the merge of the field with this dotted name, or nil.
func (m *ArticleMerge) Field(name string) *FieldMerge {
	for _, f := range m.Fields {
		if f.Name() == name {
			return f
		}
	}
	return nil
}

// Conflicts counts the conflicts of every field.
func (m *ArticleMerge) Conflicts() int {
	n := 0
	for _, f := range m.Fields {
		n += f.Conflicts()
	}
	return n
}

// MergeArticles merges mine and theirs, two versions of base (nil base:
// no common ancestor, so every difference is a conflict).
func MergeArticles(base, mine, theirs *Article) (*ArticleMerge, error) {
	if mine == nil || theirs == nil {
		return nil, Errorf(EINVALID, "a merge needs both versions")
	}
	if base == nil {
		base = &Article{}
	}
	b, err := articleFields(base)
	if err != nil {
		return nil, err
	}
	mm, err := articleFields(mine)
	if err != nil {
		return nil, err
	}
	t, err := articleFields(theirs)
	if err != nil {
		return nil, err
	}
	m := &ArticleMerge{mine: mm}
	for _, key := range articleKeys(b, mm, t) {
		if mergeSkipped[key] {
			continue
		}
		if err := m.mergeField([]string{key}, b[key], mm[key], t[key]); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// mergeField adds the merge of one value at path.
func (m *ArticleMerge) mergeField(path []string, b, mine, t json.RawMessage) error {
	key := path[len(path)-1]
	f := &FieldMerge{Path: path, Base: b, Mine: mine, Theirs: t}
	switch {
	case len(path) == 1 && proseFields[key]:
		var sb, sm, st string
		for _, x := range []struct {
			raw json.RawMessage
			s   *string
		}{{b, &sb}, {mine, &sm}, {t, &st}} {
			if len(x.raw) > 0 {
				if err := json.Unmarshal(x.raw, x.s); err != nil {
					return Errorf(EINVALID, "field %s is not text: %v", key, err)
				}
			}
		}
		f.Text = Merge3(sb, sm, st)
		f.Kind = textKind(f.Text)
	case len(path) == 1 && setFields[key]:
		v, kind, err := mergeSet(b, mine, t)
		if err != nil {
			return Errorf(EINVALID, "field %s is not a list of words: %v", key, err)
		}
		f.merged, f.Kind = v, kind
	default:
		ob, okb := jsonObject(b)
		om, okm := jsonObject(mine)
		ot, okt := jsonObject(t)
		if okb && okm && okt && !(bytes.Equal(b, mine) && bytes.Equal(b, t)) {
			for _, k := range sortedKeys(ob, om, ot) {
				sub := append(append([]string(nil), path...), k)
				if err := m.mergeField(sub, ob[k], om[k], ot[k]); err != nil {
					return err
				}
			}
			return nil
		}
		f.merged, f.Kind = mergeWhole(b, mine, t)
	}
	m.Fields = append(m.Fields, f)
	return nil
}

// textKind sums a text merge up as one kind.
func textKind(t *TextMerge) HunkKind {
	kind := HunkSame
	for _, h := range t.Hunks {
		switch {
		case h.Kind == HunkConflict:
			return HunkConflict
		case h.Kind == HunkSame:
		case kind == HunkSame:
			kind = h.Kind
		case kind != h.Kind:
			kind = HunkBoth
		}
	}
	return kind
}

// mergeWhole merges a value that is taken whole.
func mergeWhole(b, mine, t json.RawMessage) (json.RawMessage, HunkKind) {
	switch {
	case bytes.Equal(mine, t) && bytes.Equal(mine, b):
		return mine, HunkSame
	case bytes.Equal(mine, t):
		return mine, HunkBoth
	case bytes.Equal(mine, b):
		return t, HunkTheirs
	case bytes.Equal(t, b):
		return mine, HunkMine
	}
	return nil, HunkConflict
}

// mergeSet merges lists of strings as sets: mine's order, without what
// theirs removed, then what theirs added.
func mergeSet(b, mine, t json.RawMessage) (json.RawMessage, HunkKind, error) {
	lists := make([][]string, 3)
	for i, raw := range []json.RawMessage{b, mine, t} {
		if len(raw) > 0 {
			if err := json.Unmarshal(raw, &lists[i]); err != nil {
				return nil, HunkSame, err
			}
		}
	}
	in := func(l []string, s string) bool {
		for _, x := range l {
			if x == s {
				return true
			}
		}
		return false
	}
	var out []string
	for _, s := range lists[1] {
		if in(lists[0], s) && !in(lists[2], s) {
			continue // theirs removed it
		}
		if !in(out, s) {
			out = append(out, s)
		}
	}
	for _, s := range lists[2] {
		if !in(lists[0], s) && !in(out, s) {
			out = append(out, s)
		}
	}
	_, kind := mergeWhole(b, mine, t)
	if kind == HunkConflict {
		kind = HunkBoth
	}
	if len(out) == 0 {
		return nil, kind, nil
	}
	v, err := json.Marshal(out)
	return v, kind, err
}

// jsonObject decodes an object, or an absent value as an empty one.
func jsonObject(raw json.RawMessage) (map[string]json.RawMessage, bool) {
	if len(raw) == 0 {
		return map[string]json.RawMessage{}, true
	}
	if raw[0] != '{' {
		return nil, false
	}
	var o map[string]json.RawMessage
	if json.Unmarshal(raw, &o) != nil {
		return nil, false
	}
	return o, true
}

func sortedKeys(ms ...map[string]json.RawMessage) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range ms {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// articleFields is an article's JSON form, field by field.
func articleFields(a *Article) (map[string]json.RawMessage, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		return nil, Errorf(EINTERNAL, "encode article: %v", err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		return nil, Errorf(EINTERNAL, "decode article: %v", err)
	}
	return m, nil
}

// articleKeys lists the JSON names of Article's fields in their order,
// then any other key the sides have, sorted.
func articleKeys(ms ...map[string]json.RawMessage) []string {
	var keys []string
	seen := map[string]bool{}
	t := reflect.TypeOf(Article{})
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" || seen[name] {
			continue
		}
		seen[name] = true
		keys = append(keys, name)
	}
	for _, k := range sortedKeys(ms...) {
		if !seen[k] {
			keys = append(keys, k)
		}
	}
	return keys
}

// Article builds the merged article: each field's merged value, every
// conflict resolved by its Take. Bookkeeping fields (the update time) are
// mine's, and so is the base revision.
func (m *ArticleMerge) Article(mine *Article) (*Article, error) {
	root := map[string]any{}
	for k, v := range m.mine {
		if mergeSkipped[k] {
			root[k] = v
		}
	}
	for _, f := range m.Fields {
		v, err := f.Value()
		if err != nil {
			return nil, err
		}
		setPath(root, f.Path, v)
	}
	data, err := json.Marshal(root)
	if err != nil {
		return nil, Errorf(EINTERNAL, "encode merged article: %v", err)
	}
	var a Article
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, Errorf(EINVALID, "the merged article does not decode: %v", err)
	}
	if mine != nil {
		a.BaseRevision, a.BaseSaved = mine.BaseRevision, mine.BaseSaved
	}
	return &a, nil
}

// setPath sets the value at path in nested maps, creating them; an
// absent value leaves the key out.
func setPath(root map[string]any, path []string, v json.RawMessage) {
	for _, k := range path[:len(path)-1] {
		next, ok := root[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			root[k] = next
		}
		root = next
	}
	if len(v) == 0 {
		delete(root, path[len(path)-1])
		return
	}
	root[path[len(path)-1]] = v
}

// String sums a merge up: "3 fields changed, 2 conflicts".
func (m *ArticleMerge) String() string {
	changed := 0
	for _, f := range m.Fields {
		if f.Kind != HunkSame {
			changed++
		}
	}
	return fmt.Sprintf("%d fields changed, %d conflicts", changed, m.Conflicts())
}
