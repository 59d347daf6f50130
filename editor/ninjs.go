package editor

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// NinjsSchema is the IPTC ninjs schema RenderNinjs writes to.
const NinjsSchema = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"

// Ninjs is a news item in IPTC ninjs 2.1 JSON, restricted to the
// properties Dateline writes and reads. ninjs 2.x has no "keywords"
// property, so tags travel as subjects.
type Ninjs struct {
	URI             string         `json:"uri"`
	Standard        *NinjsStandard `json:"standard,omitempty"`
	Type            string         `json:"type,omitempty"`
	Version         string         `json:"version,omitempty"`
	FirstCreated    string         `json:"firstcreated,omitempty"`
	VersionCreated  string         `json:"versioncreated,omitempty"`
	PubStatus       string         `json:"pubstatus,omitempty"`
	CopyrightHolder string         `json:"copyrightholder,omitempty"`
	CopyrightNotice string         `json:"copyrightnotice,omitempty"`
	UsageTerms      string         `json:"usageterms,omitempty"`
	Language        string         `json:"language,omitempty"`
	Headlines       []NinjsText    `json:"headlines,omitempty"`
	Bodies          []NinjsBody    `json:"bodies,omitempty"`
	Subjects        []NinjsConcept `json:"subjects,omitempty"`
	InfoSources     []NinjsSource  `json:"infosources,omitempty"`
	By              string         `json:"by,omitempty"`
	Slugline        string         `json:"slugline,omitempty"`
	Located         string         `json:"located,omitempty"`
	AltIDs          []NinjsAltID   `json:"altids,omitempty"`
}

// NinjsStandard names the standard and schema a ninjs item follows.
type NinjsStandard struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Schema  string `json:"schema"`
}

// NinjsText is a headline or description with its role.
type NinjsText struct {
	Role        string `json:"role,omitempty"`
	ContentType string `json:"contenttype,omitempty"`
	Value       string `json:"value"`
}

// NinjsBody is one rendition of the body.
type NinjsBody struct {
	Role        string `json:"role,omitempty"`
	ContentType string `json:"contenttype,omitempty"`
	CharCount   int    `json:"charcount,omitempty"`
	WordCount   int    `json:"wordcount,omitempty"`
	Value       string `json:"value"`
}

// NinjsConcept is a subject: one of the article's tags.
type NinjsConcept struct {
	Name    string `json:"name,omitempty"`
	Rel     string `json:"rel,omitempty"`
	Literal string `json:"literal,omitempty"`
}

// NinjsSource is an info source: the dateline credit, the agency of
// contributed copy or the original publisher of syndicated copy.
type NinjsSource struct {
	Name string `json:"name,omitempty"`
	Role string `json:"role,omitempty"`
	URI  string `json:"uri,omitempty"`
}

// NinjsAltID is an alternative identifier.
type NinjsAltID struct {
	Role  string `json:"role,omitempty"`
	Value string `json:"value,omitempty"`
}

// Info source roles Dateline writes.
const (
	ninjsRoleCredit     = "credit"
	ninjsRoleSource     = "contributor"
	ninjsRoleOriginator = "originator"
)

// ninjsPubStatus maps the workflow status to ninjs pubstatus: approved and
// published copy is usable, killed copy canceled, the rest withheld.
func ninjsPubStatus(s Status) string {
	switch s {
	case StatusApproved, StatusPublished, StatusCorrected:
		return "usable"
	case StatusKilled:
		return "canceled"
	}
	return "withheld"
}

// ninjsStatusRole is the role of the altid that carries a workflow status
// pubstatus cannot say (approved, filed, editing, a draft of killed copy…).
const ninjsStatusRole = "dateline-status"

// ninjsStatus is the workflow status a pubstatus reads as: usable copy is
// published (corrected when it carries a correction), canceled copy
// killed, the rest a draft.
func ninjsStatus(pubstatus string, corrected bool) Status {
	switch pubstatus {
	case "usable", "":
		if corrected {
			return StatusCorrected
		}
		return StatusPublished
	case "canceled":
		return StatusKilled
	}
	return StatusDraft
}

// NinjsURI is the ninjs uri of a: BaseURL/ID when the profile has a base
// URL, urn:uuid:ID otherwise.
func NinjsURI(a *Article, p Profile) string {
	if base := strings.TrimRight(strings.TrimSpace(p.BaseURL), "/"); base != "" && SafeURL(base) != "" {
		return base + "/" + a.ID
	}
	return "urn:uuid:" + a.ID
}

// RenderNinjs renders a as an IPTC ninjs 2.1 news item: uri, type "text",
// version, firstcreated, versioncreated (the update time, or opt.Now),
// pubstatus, the headline and deck as headlines, three bodies (text/html
// from the shared pipeline with tagline, correction, footer and related
// list; text/plain as wire copy; text/markdown, the source), by, located
// (the dateline place), copyright holder and notice (the footer), usage
// terms, language, slugline, the tags as subjects, and the dateline credit,
// contributing agency and original publisher as info sources. The editor's
// note is never written.
func RenderNinjs(a *Article, p Profile, opt RenderOptions) ([]byte, error) {
	f, err := buildExportFrame(a, p, opt)
	if err != nil {
		return nil, fmt.Errorf("export ninjs: %w", err)
	}
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	updated := a.Updated
	if updated.IsZero() {
		updated = now
	}
	n := Ninjs{
		URI:             NinjsURI(a, p),
		Standard:        &NinjsStandard{Name: "ninjs", Version: "2.1", Schema: NinjsSchema},
		Type:            "text",
		Version:         updated.UTC().Format("20060102150405"),
		VersionCreated:  updated.Format(time.RFC3339),
		PubStatus:       ninjsPubStatus(a.Status),
		CopyrightHolder: f.Copyright.Holder,
		CopyrightNotice: f.Footer,
		Language:        firstNonEmpty(a.Language, p.Language),
		By:              strings.TrimPrefix(f.Byline, "by "),
		Slugline:        a.Slug,
		Located:         oneLine(a.Dateline.Place),
		AltIDs:          []NinjsAltID{{Role: "dateline-uuid", Value: a.ID}},
	}
	if ninjsStatus(n.PubStatus, a.CorrectionNote != "") != a.Status {
		n.AltIDs = append(n.AltIDs, NinjsAltID{Role: ninjsStatusRole, Value: string(a.Status)})
	}
	if !a.Created.IsZero() {
		n.FirstCreated = a.Created.Format(time.RFC3339)
	}
	n.UsageTerms = UsageTerms(a.Attribution.Kind, f.Copyright)
	if h := Typeset(a.Headline); h != "" {
		n.Headlines = append(n.Headlines, NinjsText{Role: "main", ContentType: "text/plain", Value: h})
	}
	if d := Typeset(a.Deck); d != "" {
		n.Headlines = append(n.Headlines, NinjsText{Role: "sub", ContentType: "text/plain", Value: d})
	}
	// The HTML body: the fragment's content without headline and byline.
	var html bytes.Buffer
	if err := writeHTMLBody(&html, a, p, f); err != nil {
		return nil, err
	}
	plain := strings.Join(wireFrameLines(a, p, f), "\n")
	n.Bodies = []NinjsBody{
		{Role: "main", ContentType: "text/html", CharCount: utf8.RuneCountInString(plain), WordCount: CountWords(plain), Value: html.String()},
		{Role: "main", ContentType: "text/plain", CharCount: utf8.RuneCountInString(plain), WordCount: CountWords(plain), Value: plain},
		{Role: "source", ContentType: "text/markdown", Value: a.PublicBody()},
	}
	for _, t := range a.Tags {
		if t = oneLine(t); t != "" {
			n.Subjects = append(n.Subjects, NinjsConcept{Name: t, Rel: "about"})
		}
	}
	if c := oneLine(a.Dateline.Credit); c != "" {
		n.InfoSources = append(n.InfoSources, NinjsSource{Name: c, Role: ninjsRoleCredit})
	}
	if a.Attribution.Kind == AttributionContributed {
		if s := oneLine(a.Attribution.Source); s != "" {
			n.InfoSources = append(n.InfoSources, NinjsSource{Name: s, Role: ninjsRoleSource})
		}
	}
	if a.Attribution.Kind == AttributionSyndicated {
		n.InfoSources = append(n.InfoSources, NinjsSource{Name: f.Copyright.Publisher, Role: ninjsRoleOriginator, URI: SafeURL(a.Attribution.OriginalURL)})
	}
	// "<" is escaped so that no consumer that pastes ninjs into a page
	// meets a raw tag; ">" and "&" are not, since escaping them too made
	// a 2,000-level quote's source six times longer (14 MB).
	var out bytes.Buffer
	out.Grow(html.Len() + len(plain) + len(a.Body) + 4096)
	enc := json.NewEncoder(lessThanEscaper{&out})
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(n); err != nil {
		return nil, fmt.Errorf("export ninjs: %w", err)
	}
	return out.Bytes(), nil
}

// lessThanEscaper writes JSON with every "<" as \u003c. In JSON text a
// "<" can only stand inside a string, where the escape means the same.
type lessThanEscaper struct{ buf *bytes.Buffer }

func (w lessThanEscaper) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		i := bytes.IndexByte(p, '<')
		if i < 0 {
			w.buf.Write(p)
			break
		}
		w.buf.Write(p[:i])
		w.buf.WriteString(`\u003c`)
		p = p[i+1:]
	}
	return n, nil
}

// ParseNinjs reads an IPTC ninjs 2.x news item, as RenderNinjs writes it or
// as an agency delivers it. The Markdown source body is used when present;
// otherwise the text/html body goes through the HTML importer, or the
// text/plain body is read as wire copy. The plain body's first line gives
// the dateline and its last lines the tagline, correction, footer and
// related list, as in ParseWireText with p's templates; the HTML body
// gives the More list's links and, when the body opens with a heading,
// the dateline date (readNinjsHTMLFrame). The status is the dateline-status
// altid's, else what pubstatus reads as (usable is published, or corrected
// with a correction; canceled killed; withheld a draft). Malformed JSON, a
// missing uri and non-text items give an *Error with code EINVALID.
func ParseNinjs(data []byte, p Profile) (*Article, error) {
	n, err := decodeNinjs(data)
	if err != nil {
		return nil, err
	}
	b := n.bodies()
	a, err := n.readText(b.plain, p)
	if err != nil {
		return nil, err
	}
	switch {
	case b.haveMD:
		a.Body = b.md
	case b.html != "" && b.plain == "":
		h, err := ParseHTMLArticle([]byte(b.html), p)
		if err != nil {
			return nil, fmt.Errorf("ninjs html body: %w", err)
		}
		a.Body = h.Body
	}
	if b.html != "" {
		readNinjsHTMLFrame(a, b.html)
	}
	a.Headline, a.Deck = n.headlines()
	n.applyTo(a)
	if err := finishImported(a); err != nil {
		return nil, err
	}
	return a, nil
}

// decodeNinjs checks and decodes a ninjs file: valid JSON, a uri, a text
// item.
func decodeNinjs(data []byte) (Ninjs, error) {
	var n Ninjs
	text, err := checkImportText(data, "ninjs file")
	if err != nil {
		return n, err
	}
	dec := json.NewDecoder(bytes.NewReader(text))
	if err := dec.Decode(&n); err != nil {
		return n, Errorf(EINVALID, "the ninjs file is not valid JSON: %s", jsonErrorText(err, text))
	}
	if strings.TrimSpace(n.URI) == "" {
		return n, Errorf(EINVALID, "the ninjs item has no uri")
	}
	if n.Type != "" && n.Type != "text" && n.Type != "composite" {
		return n, Errorf(EINVALID, "the ninjs item is of type %q; only text items can be imported", n.Type)
	}
	return n, nil
}

// headlines returns the main headline and the first other one, the deck.
func (n Ninjs) headlines() (headline, deck string) {
	for _, h := range n.Headlines {
		switch {
		case headline == "" && (h.Role == "" || h.Role == "main"):
			headline = oneLine(h.Value)
		case deck == "" && h.Role != "main":
			deck = oneLine(h.Value)
		}
	}
	return headline, deck
}

// ninjsBodies are the renditions of a ninjs body that ParseNinjs reads.
type ninjsBodies struct {
	plain, html, md string
	haveMD          bool
}

// bodies picks the first plain and HTML bodies and the Markdown source.
func (n Ninjs) bodies() ninjsBodies {
	var b ninjsBodies
	for _, body := range n.Bodies {
		switch strings.ToLower(strings.TrimSpace(body.ContentType)) {
		case "text/plain", "":
			if b.plain == "" {
				b.plain = body.Value
			}
		case "text/html", "application/xhtml+xml":
			if b.html == "" {
				b.html = body.Value
			}
		case "text/markdown":
			b.md, b.haveMD = body.Value, true
		}
	}
	return b
}

// readText reads the "by" line and the plain body as wire copy, which
// gives the byline, dateline and the frame lines at the end.
func (n Ninjs) readText(plain string, p Profile) (*Article, error) {
	var head []string
	if by := oneLine(n.By); by != "" {
		head = append(head, "by "+strings.TrimPrefix(by, "by "))
	}
	wireText := strings.Join(head, "\n") + "\n" + plain
	if strings.TrimSpace(wireText) == "" {
		return &Article{}, nil
	}
	w, err := ParseWireTextDetail([]byte(wireText), p)
	if err != nil {
		return nil, fmt.Errorf("ninjs text body: %w", err)
	}
	a := w.Article
	if len(head) > 0 && len(a.Byline.Authors) == 0 {
		a.Byline.Authors = []string{strings.TrimPrefix(oneLine(n.By), "by ")}
		a.Body = strings.TrimPrefix(strings.TrimPrefix(a.Body, escapeWireLine(head[0])), "\n\n")
	}
	return a, nil
}

// applyTo sets what the item's properties say: ID, slug, language, times,
// copyright holder, place, tags, info sources and status.
func (n Ninjs) applyTo(a *Article) {
	a.ID = ninjsID(n)
	a.Slug = strings.TrimSpace(n.Slugline)
	a.Language = strings.TrimSpace(n.Language)
	if t, ok := parseFrontMatterTime(n.FirstCreated); ok {
		a.Created = t
	}
	if t, ok := parseFrontMatterTime(n.VersionCreated); ok {
		a.Updated = t
		if a.Created.IsZero() {
			a.Created = t
		}
	}
	if h := strings.TrimSpace(n.CopyrightHolder); h != "" && a.Copyright.Holder == "" {
		a.Copyright.Holder = h
	}
	if p := oneLine(n.Located); p != "" && a.Dateline.Place == "" {
		a.Dateline.Place = p
	}
	for _, s := range n.Subjects {
		if name := firstNonEmpty(s.Name, s.Literal); name != "" {
			a.Tags = append(a.Tags, name)
		}
	}
	n.applySources(a)
	a.Status = n.status(a.CorrectionNote != "")
}

// status is the workflow status of the item: the dateline-status altid
// when there is one, else what its pubstatus reads as (ninjsStatus).
func (n Ninjs) status(corrected bool) Status {
	for _, id := range n.AltIDs {
		if s := Status(id.Value); id.Role == ninjsStatusRole && s.Valid() {
			return s
		}
	}
	return ninjsStatus(n.PubStatus, corrected)
}

// readNinjsHTMLFrame takes from the item's HTML body what its plain body
// cannot carry: the links of the More list, and the dateline date when the
// body opens with a heading (the plain body's first line is then the
// heading, not the dateline).
func readNinjsHTMLFrame(a *Article, body string) {
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		return
	}
	if aside := firstElement(doc, func(n *html.Node) bool { return n.DataAtom == atom.Aside && hasHTMLClass(n, "related") }); aside != nil {
		linked := readRelatedList(aside)
		if len(linked) == len(a.Related) {
			for i := range linked {
				if linked[i].Text == a.Related[i].Text {
					a.Related[i].URL = linked[i].URL
				}
			}
		}
	}
	if a.Dateline.Date.IsZero() {
		if dl := firstElement(doc, func(n *html.Node) bool { return hasHTMLClass(n, "dateline") }); dl != nil {
			year := time.Now().Year()
			if a.Copyright.Year != 0 {
				year = a.Copyright.Year
			}
			if d, _, _, ok := parseWireDateline(strings.TrimSpace(nodeText(dl)), year); ok {
				a.Dateline.Date = d.Date
				if a.Dateline.Place == "" && a.Dateline.Credit == "" {
					a.Dateline = d
				}
			}
		}
	}
}

// applySources reads the info sources: the dateline credit, the
// contributing agency and the original publisher.
func (n Ninjs) applySources(a *Article) {
	for _, s := range n.InfoSources {
		switch s.Role {
		case ninjsRoleCredit:
			if a.Dateline.Credit == "" {
				a.Dateline.Credit = s.Name
			}
		case ninjsRoleSource:
			if a.Attribution.Kind == "" || a.Attribution.Kind == AttributionContributed {
				a.Attribution.Kind, a.Attribution.Source = AttributionContributed, s.Name
			}
		case ninjsRoleOriginator:
			a.Attribution.Kind = AttributionSyndicated
			a.Attribution.OriginalPublisher = s.Name
			a.Attribution.OriginalURL = s.URI
		}
	}
}

// ninjsID finds the article UUID of a ninjs item: the dateline-uuid altid,
// or a UUID at the end of the uri; otherwise a new one.
func ninjsID(n Ninjs) string {
	for _, id := range n.AltIDs {
		if id.Role == "dateline-uuid" && isUUID(id.Value) {
			return id.Value
		}
	}
	u := strings.TrimSpace(n.URI)
	if i := strings.LastIndexAny(u, "/:"); i >= 0 && isUUID(u[i+1:]) {
		return u[i+1:]
	}
	return NewID()
}

// isUUID reports whether s is a UUID in any of its text forms.
func isUUID(s string) bool {
	return uuid.Validate(s) == nil
}

// jsonErrorText adds the line number to a JSON syntax error.
func jsonErrorText(err error, data []byte) string {
	var se *json.SyntaxError
	if e, ok := err.(*json.SyntaxError); ok {
		se = e
	}
	if se != nil && se.Offset > 0 && int(se.Offset) <= len(data) {
		line := 1 + bytes.Count(data[:se.Offset], []byte("\n"))
		return fmt.Sprintf("line %d: %s", line, se.Error())
	}
	return err.Error()
}
