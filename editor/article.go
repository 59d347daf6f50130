package editor

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Status is an article's place in the desk workflow.
type Status string

// The workflow statuses, in the order a story normally moves through them.
const (
	// StatusDraft is a story being written by its correspondent.
	StatusDraft Status = "draft"
	// StatusFiled is a story the correspondent has handed to the desk.
	StatusFiled Status = "filed"
	// StatusEditing is a story an editor is working on.
	StatusEditing Status = "editing"
	// StatusApproved is a story cleared for publication.
	StatusApproved Status = "approved"
	// StatusPublished is a story that has gone out.
	StatusPublished Status = "published"
	// StatusCorrected is a published story that was corrected afterwards.
	StatusCorrected Status = "corrected"
	// StatusKilled is a story withdrawn; it must not be used.
	StatusKilled Status = "killed"
)

// Statuses lists every status in workflow order.
var Statuses = []Status{StatusDraft, StatusFiled, StatusEditing, StatusApproved, StatusPublished, StatusCorrected, StatusKilled}

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// AttributionKind says where an article's copy comes from.
type AttributionKind string

// The attribution kinds.
const (
	// AttributionOriginal is copy written by the publication itself.
	AttributionOriginal AttributionKind = "original"
	// AttributionContributed is own copy that uses material from an agency:
	// "Material from SOURCE contributed to this report."
	AttributionContributed AttributionKind = "contributed"
	// AttributionSyndicated is copy originally published elsewhere and
	// reproduced with permission.
	AttributionSyndicated AttributionKind = "syndicated"
)

// AttributionKinds lists every attribution kind.
var AttributionKinds = []AttributionKind{AttributionOriginal, AttributionContributed, AttributionSyndicated}

// Valid reports whether k is a known attribution kind. The empty kind counts
// as original.
func (k AttributionKind) Valid() bool {
	return k == "" || k == AttributionOriginal || k == AttributionContributed || k == AttributionSyndicated
}

// Byline names the authors of an article, stored without "by", and an
// optional title such as "Harbor Times Correspondents".
type Byline struct {
	Authors []string `json:"authors,omitempty"`
	Title   string   `json:"title,omitempty"`
}

// Dateline is the place, optional date and credit that open the first body
// paragraph, as in "NAIROBI, Kenya (Harbor Times) – ".
type Dateline struct {
	// Place is the city in capitals, optionally followed by a state or
	// country: "NAIROBI, Kenya".
	Place string `json:"place,omitempty"`
	// Date is the optional dateline date; the zero time means none. Only the
	// month and day are rendered, in AP style.
	Date time.Time `json:"date,omitzero"`
	// Credit is the outlet or agency credited in the dateline.
	Credit string `json:"credit,omitempty"`
}

// IsZero reports whether the dateline has no part at all.
func (d Dateline) IsZero() bool {
	return strings.TrimSpace(d.Place) == "" && d.Date.IsZero() && strings.TrimSpace(d.Credit) == ""
}

// Attribution records where the copy comes from.
type Attribution struct {
	// Source is the agency whose reporting is used, e.g. "Associated Press".
	Source string `json:"source,omitempty"`
	// Kind is original, contributed or syndicated.
	Kind AttributionKind `json:"kind,omitempty"`
	// OriginalPublisher is, for syndicated copy, who published it first.
	OriginalPublisher string `json:"original_publisher,omitempty"`
	// OriginalURL is, for syndicated copy, where it was first published.
	OriginalURL string `json:"original_url,omitempty"`
}

// Copyright is an article's own copyright line data. Empty fields fall back
// to the publication Profile and the publication year; for syndicated copy
// they hold the originating publisher's values.
type Copyright struct {
	Holder string `json:"holder,omitempty"`
	Since  int    `json:"since,omitempty"`
	Year   int    `json:"year,omitempty"`
}

// Teaser is one entry of the related "More …" list: a text with an optional
// link, or a reference to another draft in the library by its ID.
type Teaser struct {
	Text    string `json:"text,omitempty"`
	URL     string `json:"url,omitempty"`
	DraftID string `json:"draft_id,omitempty"`
}

// Article is one news story with everything the desk needs to edit and
// export it.
type Article struct {
	// ID is a stable UUID, kept across export and import.
	ID string `json:"id"`
	// Slug is the short desk name: lowercase, digits and hyphens; unique.
	Slug     string `json:"slug"`
	Headline string `json:"headline"`
	Deck     string `json:"deck,omitempty"`

	Byline      Byline      `json:"byline,omitzero"`
	Dateline    Dateline    `json:"dateline,omitzero"`
	Attribution Attribution `json:"attribution,omitzero"`
	Copyright   Copyright   `json:"copyright,omitzero"`

	// Body is the story text in Markdown.
	Body    string   `json:"body,omitempty"`
	Related []Teaser `json:"related,omitempty"`
	Tags    []string `json:"tags,omitempty"`
	Section string   `json:"section,omitempty"`
	Status  Status   `json:"status"`
	// EditorsNote is for the desk only and is never exported.
	EditorsNote string `json:"editors_note,omitempty"`
	// CorrectionNote is the public correction carried after the body once
	// the story is corrected.
	CorrectionNote string `json:"correction_note,omitempty"`
	// Language is a BCP 47 tag; empty means the profile's language.
	Language string `json:"language,omitempty"`

	Created   time.Time `json:"created"`
	Updated   time.Time `json:"updated"`
	Published time.Time `json:"published,omitzero"`

	// BaseRevision is the ID of the stored revision this copy was read
	// from or last saved as, and BaseSaved when that revision was last
	// written: Store.Get and Lookup set them to the draft's head, Save to
	// the revision it wrote. (An autosave may rewrite its session's newest
	// revision for a minute under the same ID, so the ID alone does not
	// name the text.) Save takes them as the revision the new text is
	// based on; when the draft's head has moved on since, nothing is
	// overwritten (see ESTALE). An empty BaseRevision means no base: the
	// save replaces whatever is stored, as a new draft or an import with
	// --replace does. Neither is part of the article's text; neither is
	// stored in or exported with it.
	BaseRevision string    `json:"-"`
	BaseSaved    time.Time `json:"-"`

	// Wire ingest (issue 9): what agency copy carries besides the story,
	// kept so that nothing of it is dropped. The wire export writes the
	// advisories before the headline and the trailer after the body.
	// Advisories are the desk advisories sent with the copy ("CORRECTS
	// spelling of name in 3rd paragraph").
	Advisories []string `json:"advisories,omitempty"`
	// Trailer holds the lines after the story, in their order: reporting
	// and editing credits, contact lines, end marks ("ends", "Enditem").
	Trailer []string `json:"trailer,omitempty"`
	// RelatedHeading is the copy's own "More …" heading, kept for
	// syndicated copy; "" uses the profile's template.
	RelatedHeading string `json:"related_heading,omitempty"`
	// Wire is the transmission header of imported agency copy.
	Wire WireHeader `json:"wire,omitzero"`
	// The review desk (spelling and AP style): IgnoreWords are the words
	// this draft's spelling accepts ("Ignore in this draft"),
	// IgnoreFindings the style findings it ignores (style.Finding.Key).
	IgnoreWords    []string `json:"ignore_words,omitempty"`
	IgnoreFindings []string `json:"ignore_findings,omitempty"`
	// Review desk (length and statistics): TargetWords is the length the
	// desk asked for, in words by CountWords; 0 means none. It is desk
	// data, never exported except in the library's own revisions.
	TargetWords int `json:"target_words,omitempty"`

	// Newsroom assignment (issue 14, see assign.go): AssignedTo is the
	// newsroom user (the server login, editor.CheckUserName) the draft is
	// assigned to, "" for nobody. It is desk data: part of every revision,
	// so it works offline and travels with the draft through sync, and
	// never exported.
	AssignedTo string `json:"assigned_to,omitempty"`
}

// WireHeader is what an imported piece of wire copy said about itself
// outside the story: the agency recognised and the transmission header
// of ANPA-1312 or IPTC 7901 copy.
type WireHeader struct {
	// Agency is the agency or syndicate the copy came from, by its name in
	// the agency table, or the outlet it credits.
	Agency string `json:"agency,omitempty" yaml:"agency,omitempty"`
	// Layout names the transmission layout: "anpa-1312", "iptc-7901",
	// "hard-wrapped", "blank-line" or "line-per-paragraph".
	Layout string `json:"layout,omitempty" yaml:"layout,omitempty"`
	// Header is the transmission header line as received.
	Header string `json:"header,omitempty" yaml:"header,omitempty"`
	// Slug is the keyword slug of the header ("BC-Port-Strike").
	Slug string `json:"slug,omitempty" yaml:"slug,omitempty"`
	// Priority and Category are the header's codes ("r", "f"; "4", "pol").
	Priority string `json:"priority,omitempty" yaml:"priority,omitempty"`
	Category string `json:"category,omitempty" yaml:"category,omitempty"`
	// WordCount is the word count the header gives, or 0.
	WordCount int `json:"word_count,omitempty" yaml:"word_count,omitempty"`
	// Byline is the byline line or lines as received (quotes made curly)
	// when the import rewrote its names from capitals ("By JANE DOE"), so
	// the stored revision keeps them.
	Byline string `json:"byline,omitempty" yaml:"byline,omitempty"`
}

// NewArticle returns an empty draft with a fresh UUID, status draft and the
// given creation time.
func NewArticle(now time.Time) *Article {
	id := NewID()
	return &Article{
		ID:      id,
		Slug:    "untitled-" + id[:8],
		Status:  StatusDraft,
		Created: now,
		Updated: now,
	}
}

// NewID returns a new random UUID in its canonical text form.
func NewID() string {
	return uuid.NewString()
}

// NewRevisionID returns a new time-ordered UUIDv7 in its canonical text form.
func NewRevisionID() string {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.NewString()
	}
	return id.String()
}

// Clone returns a deep copy of a.
func (a *Article) Clone() *Article {
	c := *a
	c.Byline.Authors = append([]string(nil), a.Byline.Authors...)
	c.Related = append([]Teaser(nil), a.Related...)
	c.Tags = append([]string(nil), a.Tags...)
	c.Advisories = append([]string(nil), a.Advisories...)
	c.Trailer = append([]string(nil), a.Trailer...)
	c.IgnoreWords = append([]string(nil), a.IgnoreWords...)
	c.IgnoreFindings = append([]string(nil), a.IgnoreFindings...)
	return &c
}

// PublicationDate is the date the article counts as published: Published if
// set, otherwise the dateline date, otherwise Updated, otherwise Created.
func (a *Article) PublicationDate() time.Time {
	switch {
	case !a.Published.IsZero():
		return a.Published
	case !a.Dateline.Date.IsZero():
		return a.Dateline.Date
	case !a.Updated.IsZero():
		return a.Updated
	}
	return a.Created
}

// MaxBodyBytes bounds the size of an article body.
const MaxBodyBytes = 10 << 20

// Validate checks the article and returns an *Error with code EINVALID that
// names the first problem found.
func (a *Article) Validate() error {
	switch {
	case a.ID == "":
		return Errorf(EINVALID, "article has no ID")
	case uuid.Validate(a.ID) != nil:
		return Errorf(EINVALID, "article ID %q is not a UUID", a.ID)
	case a.Slug == "":
		return Errorf(EINVALID, "slug is required")
	case CheckSlug(a.Slug) != nil:
		return CheckSlug(a.Slug)
	case !a.Status.Valid():
		return Errorf(EINVALID, "unknown status %q", a.Status)
	case !a.Attribution.Kind.Valid():
		return Errorf(EINVALID, "unknown attribution kind %q", a.Attribution.Kind)
	case len(a.Body) > MaxBodyBytes:
		return Errorf(EINVALID, "body is larger than %d MB", MaxBodyBytes>>20)
	}
	for _, s := range []struct{ name, v string }{
		{"headline", a.Headline}, {"deck", a.Deck}, {"body", a.Body},
		{"byline title", a.Byline.Title}, {"dateline place", a.Dateline.Place},
		{"dateline credit", a.Dateline.Credit}, {"editor's note", a.EditorsNote},
	} {
		if !utf8.ValidString(s.v) {
			return Errorf(EINVALID, "%s is not valid UTF-8", s.name)
		}
	}
	for _, name := range a.Byline.Authors {
		if strings.TrimSpace(name) == "" {
			return Errorf(EINVALID, "byline has an empty author name")
		}
	}
	if a.Copyright.Since != 0 && a.Copyright.Year != 0 && a.Copyright.Since > a.Copyright.Year {
		return Errorf(EINVALID, "copyright starts in %d, after its year %d", a.Copyright.Since, a.Copyright.Year)
	}
	return nil
}
