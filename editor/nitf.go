package editor

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// NITFNamespace is the XML namespace of NITF 3.6.
const NITFNamespace = "http://iptc.org/std/NITF/2006-10-18/"

// datelineNamespace is the namespace of the few attributes Dateline adds to
// NITF and NewsML-G2 where the standards have no place for its data (the
// exact workflow status, the creation time). Both schemas allow attributes
// of other namespaces, so the files still validate.
const datelineNamespace = "urn:x-dateline:2026"

// nitfVersion is the fixed version attribute of a NITF 3.6 root element.
const nitfVersion = "-//IPTC//DTD NITF 3.6//EN"

// managementStatus maps the workflow status to NITF's docdata
// management-status and NewsML-G2's pubStatus: approved, published and
// corrected copy is usable, killed copy canceled, the rest withheld. It is
// the same rule as ninjs's pubstatus.
func managementStatus(s Status) string {
	return ninjsPubStatus(s)
}

// statusFromManagement is the workflow status of an item whose exact status
// is not recorded: canceled copy is killed, usable copy published, the
// rest a draft.
func statusFromManagement(s string) Status {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "canceled", "cancelled":
		return StatusKilled
	case "usable":
		return StatusPublished
	}
	return StatusDraft
}

// RenderNITF renders a as a NITF 3.6 document (namespace NITFNamespace):
//   - head: the title (headline); docdata with management-status (the
//     status as usable, withheld or canceled, and the exact status in a
//     Dateline attribute), the correction, doc-id (the UUID), date.issue
//     (last update), date.release (publication), du-key (the slug),
//     doc.copyright (holder and year), doc.rights (holder and usage terms)
//     and key-list (the tags); pubdata for the original publication: the
//     publisher, date, section and, for syndicated copy, the original
//     publisher and URL;
//   - body.head: hedline (hl1 headline, hl2 deck), byline (person per
//     author, byttl title), distributor (the dateline credit), dateline
//     (location and story.date);
//   - body.content: the body from the shared pipeline (nitf_body.go), the
//     contributed-material tagline and the public correction as
//     <p class="tagline"> and <p class="correction">, and the "More …"
//     list as <block class="related">;
//   - body.end: the copyright footer as the tagline.
//
// The editor's note is never written.
func RenderNITF(a *Article, p Profile, opt RenderOptions) ([]byte, error) {
	f, err := buildExportFrame(a, p, opt)
	if err != nil {
		return nil, fmt.Errorf("export nitf: %w", err)
	}
	w := &xmlWriter{}
	w.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.start("nitf", "xmlns", NITFNamespace, "xmlns:dl", datelineNamespace,
		"version", nitfVersion, "baselang", firstNonEmpty(a.Language, p.Language))
	writeNITFDocument(w, a, p, f, opt, 1)
	w.line(0)
	w.end("nitf")
	w.raw("\n")
	return w.buf.Bytes(), nil
}

// writeNITFDocument writes the head and body of a NITF document at the
// given indentation: RenderNITF's root and NewsML-G2's inline NITF share it.
func writeNITFDocument(w *xmlWriter, a *Article, p Profile, f Frame, opt RenderOptions, indent int) {
	writeNITFHead(w, a, p, f, opt, indent)
	w.line(indent)
	w.start("body")
	writeNITFBodyHead(w, a, indent+1)
	w.line(indent + 1)
	w.start("body.content")
	writeNITFBlocks(w, a.PublicBody(), indent+2)
	writeNITFFrame(w, f, indent+2)
	w.line(indent + 1)
	w.end("body.content")
	if f.Footer != "" {
		w.line(indent + 1)
		w.start("body.end")
		w.element("tagline", f.Footer)
		w.end("body.end")
	}
	w.line(indent)
	w.end("body")
}

// writeNITFHead writes <head>: title, docdata and pubdata.
func writeNITFHead(w *xmlWriter, a *Article, p Profile, f Frame, opt RenderOptions, indent int) {
	w.line(indent)
	w.start("head")
	in := indent + 1
	if h := Typeset(a.Headline); h != "" {
		w.line(in)
		w.element("title", h)
	}
	w.line(in)
	w.start("docdata", "management-status", managementStatus(a.Status), "dl:status", string(a.Status),
		"dl:created", rfc3339(a.Created))
	if f.Correction != "" {
		w.line(in + 1)
		w.empty("correction", "info", f.Correction, "id-string", a.ID)
	}
	w.line(in + 1)
	w.empty("doc-id", "regsrc", oneLine(p.Publisher), "id-string", a.ID)
	updated := a.Updated
	if updated.IsZero() {
		updated = exportNow(opt)
	}
	w.line(in + 1)
	w.empty("date.issue", "norm", nitfNorm(updated))
	if !a.Published.IsZero() {
		w.line(in + 1)
		w.empty("date.release", "norm", nitfNorm(a.Published))
	}
	w.line(in + 1)
	w.empty("du-key", "key", a.Slug)
	w.line(in + 1)
	w.empty("doc.copyright", "year", strconv.Itoa(f.Copyright.Year), "holder", f.Copyright.Holder)
	w.line(in + 1)
	w.empty("doc.rights", "owner", f.Copyright.Holder, "startdate", strconv.Itoa(f.Copyright.Since),
		"type", "usage", "limitations", UsageTerms(a.Attribution.Kind, f.Copyright))
	var tags []string
	for _, t := range a.Tags {
		if t = oneLine(t); t != "" {
			tags = append(tags, t)
		}
	}
	if len(tags) > 0 {
		w.line(in + 1)
		w.start("key-list")
		for _, t := range tags {
			w.empty("keyword", "key", t)
		}
		w.end("key-list")
	}
	w.line(in)
	w.end("docdata")
	w.line(in)
	if a.Attribution.Kind == AttributionSyndicated {
		w.empty("pubdata", "type", "web", "name", f.Copyright.Publisher, "ex-ref", SafeURL(a.Attribution.OriginalURL),
			"position.section", oneLine(a.Section), "dl:role", "original")
	} else {
		w.empty("pubdata", "type", "web", "name", oneLine(p.Publisher), "date.publication", nitfNorm(a.Published),
			"position.section", oneLine(a.Section))
	}
	w.line(indent)
	w.end("head")
}

// writeNITFBodyHead writes <body.head>: hedline, byline, distributor and
// dateline.
func writeNITFBodyHead(w *xmlWriter, a *Article, indent int) {
	h, deck := Typeset(a.Headline), Typeset(a.Deck)
	names := bylineNames(a.Byline)
	credit := oneLine(a.Dateline.Credit)
	place := oneLine(a.Dateline.Place)
	if h == "" && deck == "" && len(names) == 0 && credit == "" && place == "" && a.Dateline.Date.IsZero() {
		return
	}
	w.line(indent)
	w.start("body.head")
	in := indent + 1
	if h != "" || deck != "" {
		w.line(in)
		w.start("hedline")
		w.element("hl1", h)
		if deck != "" {
			w.element("hl2", deck)
		}
		w.end("hedline")
	}
	if len(names) > 0 {
		w.line(in)
		w.start("byline")
		w.text("by ")
		for i, n := range names {
			if sep := BylineSeparator(i, len(names)); sep != "" {
				w.text(sep)
			}
			w.element("person", oneLine(n))
		}
		if t := oneLine(a.Byline.Title); t != "" {
			w.text(", ")
			w.element("byttl", t)
		}
		w.end("byline")
	}
	if credit != "" {
		w.line(in)
		w.element("distributor", credit)
	}
	if place != "" || !a.Dateline.Date.IsZero() {
		w.line(in)
		w.start("dateline")
		if place != "" {
			w.element("location", place)
		}
		if d := a.Dateline.Date; !d.IsZero() {
			if place != "" {
				w.text(", ")
			}
			w.element("story.date", APDate(d), "norm", nitfNorm(d))
		}
		w.end("dateline")
	}
	w.line(indent)
	w.end("body.head")
}

// writeNITFFrame writes the frame parts that follow the body inside
// body.content: tagline, correction and the related list.
func writeNITFFrame(w *xmlWriter, f Frame, indent int) {
	if f.Tagline != "" {
		w.line(indent)
		w.element("p", f.Tagline, "class", "tagline")
	}
	if f.Correction != "" {
		w.line(indent)
		w.element("p", oneLine(f.Correction), "class", "correction")
	}
	if len(f.Related) == 0 {
		return
	}
	w.line(indent)
	w.start("block", "class", "related")
	w.line(indent + 1)
	w.element("hl2", oneLine(f.RelatedHeading))
	w.line(indent + 1)
	w.start("ul")
	for _, t := range f.Related {
		w.line(indent + 2)
		w.start("li")
		if u := SafeURL(t.URL); u != "" {
			w.element("a", oneLine(t.Text), "href", u)
		} else {
			w.text(oneLine(t.Text))
		}
		w.end("li")
	}
	w.line(indent + 1)
	w.end("ul")
	w.line(indent)
	w.end("block")
}

// exportNow is the export clock: opt.Now, or the current time.
func exportNow(opt RenderOptions) time.Time {
	if opt.Now.IsZero() {
		return time.Now()
	}
	return opt.Now
}

// rfc3339 formats t in RFC 3339, or "" for the zero time.
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}
