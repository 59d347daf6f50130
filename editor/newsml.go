package editor

import (
	"fmt"
	"strings"
	"time"
)

// NewsMLNamespace is the XML namespace of NewsML-G2 (the IPTC "NAR"
// namespace every G2 item uses).
const NewsMLNamespace = "http://iptc.org/std/nar/2006-10-01/"

// newsMLCatalog is the IPTC catalog that defines the qcode schemes used
// (ninat, stat, sig, drol).
const newsMLCatalog = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"

// RenderNewsML renders a as a NewsML-G2 2.35 newsItem:
//   - the guid (NinjsURI: the profile's base URL with the UUID, or
//     urn:uuid:ID), version, standard and xml:lang;
//   - rightsInfo: copyrightHolder, copyrightNotice (the footer) and
//     usageTerms, from the frame;
//   - itemMeta: itemClass ninat:text, provider (the publisher),
//     versionCreated, firstCreated, pubStatus (stat:usable, stat:withheld
//     or stat:canceled, the rule of NITF's management-status), and for a
//     corrected story an edNote with the correction and the signal
//     sig:correction;
//   - contentMeta: contentCreated, contentModified, located (the dateline
//     place), creator per author, infoSource for the contributing agency
//     or original publisher, language, keyword per tag, slugline,
//     headline, dateline, by, creditline (the dateline credit) and the
//     deck as a description with role drol:summary;
//   - contentSet: the story as inline NITF (RenderNITF's document), so a
//     receiving system gets the body with its frame.
//
// The editor's note is never written.
func RenderNewsML(a *Article, p Profile, opt RenderOptions) ([]byte, error) {
	f, err := buildExportFrame(a, p, opt)
	if err != nil {
		return nil, fmt.Errorf("export newsml: %w", err)
	}
	updated := a.Updated
	if updated.IsZero() {
		updated = exportNow(opt)
	}
	lang := firstNonEmpty(a.Language, p.Language)
	w := &xmlWriter{}
	w.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.start("newsItem", "xmlns", NewsMLNamespace, "xmlns:dl", datelineNamespace,
		"guid", NinjsURI(a, p), "version", "1", "standard", "NewsML-G2", "standardversion", "2.35",
		"conformance", "power", "xml:lang", lang)
	w.line(1)
	w.empty("catalogRef", "href", newsMLCatalog)

	w.line(1)
	w.start("rightsInfo")
	w.line(2)
	w.start("copyrightHolder")
	w.element("name", f.Copyright.Holder)
	w.end("copyrightHolder")
	w.line(2)
	w.element("copyrightNotice", f.Footer)
	w.line(2)
	w.element("usageTerms", UsageTerms(a.Attribution.Kind, f.Copyright))
	w.line(1)
	w.end("rightsInfo")

	w.line(1)
	w.start("itemMeta")
	w.line(2)
	w.empty("itemClass", "qcode", "ninat:text")
	w.line(2)
	w.start("provider", "literal", literalID(p.Publisher))
	w.element("name", oneLine(p.Publisher))
	w.end("provider")
	w.line(2)
	w.element("versionCreated", updated.Format(time.RFC3339))
	if !a.Created.IsZero() {
		w.line(2)
		w.element("firstCreated", a.Created.Format(time.RFC3339))
	}
	w.line(2)
	w.empty("pubStatus", "qcode", "stat:"+managementStatus(a.Status), "dl:status", string(a.Status))
	if f.Correction != "" {
		w.line(2)
		w.element("edNote", f.Correction, "role", "dl:correction")
		w.line(2)
		w.empty("signal", "qcode", "sig:correction")
	}
	w.line(1)
	w.end("itemMeta")

	writeNewsMLContentMeta(w, a, f, lang)

	w.line(1)
	w.start("contentSet")
	w.line(2)
	w.start("inlineXML", "contenttype", "application/nitf+xml")
	w.line(3)
	w.start("nitf", "xmlns", NITFNamespace, "version", nitfVersion, "baselang", lang)
	writeNITFDocument(w, a, p, f, opt, 4)
	w.line(3)
	w.end("nitf")
	w.line(2)
	w.end("inlineXML")
	w.line(1)
	w.end("contentSet")
	w.line(0)
	w.end("newsItem")
	w.raw("\n")
	return w.buf.Bytes(), nil
}

// writeNewsMLContentMeta writes <contentMeta>.
func writeNewsMLContentMeta(w *xmlWriter, a *Article, f Frame, lang string) {
	w.line(1)
	w.start("contentMeta")
	if !a.Created.IsZero() {
		w.line(2)
		w.element("contentCreated", a.Created.Format(time.RFC3339))
	}
	if !a.Updated.IsZero() {
		w.line(2)
		w.element("contentModified", a.Updated.Format(time.RFC3339))
	}
	if place := oneLine(a.Dateline.Place); place != "" {
		w.line(2)
		w.start("located")
		w.element("name", place)
		w.end("located")
	}
	switch a.Attribution.Kind {
	case AttributionContributed:
		if s := oneLine(a.Attribution.Source); s != "" {
			w.line(2)
			w.start("infoSource", "role", "dl:contributor")
			w.element("name", s)
			w.end("infoSource")
		}
	case AttributionSyndicated:
		w.line(2)
		w.start("infoSource", "role", "dl:originator", "uri", SafeURL(a.Attribution.OriginalURL))
		w.element("name", f.Copyright.Publisher)
		w.end("infoSource")
	}
	for _, n := range bylineNames(a.Byline) {
		w.line(2)
		w.start("creator")
		w.element("name", oneLine(n))
		w.end("creator")
	}
	if lang != "" {
		w.line(2)
		w.empty("language", "tag", lang)
	}
	for _, t := range a.Tags {
		if t = oneLine(t); t != "" {
			w.line(2)
			w.element("keyword", t)
		}
	}
	w.line(2)
	w.element("slugline", a.Slug)
	if h := Typeset(a.Headline); h != "" {
		w.line(2)
		w.element("headline", h)
	}
	if d := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f.Dateline), strings.TrimSpace(dashOfRunIn(f.Dateline)))); d != "" {
		w.line(2)
		w.element("dateline", d)
	}
	if f.Byline != "" {
		w.line(2)
		w.element("by", f.Byline)
	}
	if c := oneLine(a.Dateline.Credit); c != "" {
		w.line(2)
		w.element("creditline", c)
	}
	if d := Typeset(a.Deck); d != "" {
		w.line(2)
		w.element("description", d, "role", "drol:summary")
	}
	w.line(1)
	w.end("contentMeta")
}

// dashOfRunIn returns the dash at the end of a dateline run-in, "– ".
func dashOfRunIn(runIn string) string {
	s := strings.TrimRight(runIn, " ")
	if i := strings.LastIndex(s, " "); i >= 0 {
		return s[i:]
	}
	return ""
}

// literalID turns a name into a NewsML-G2 literal: no white space.
func literalID(s string) string {
	return strings.Join(strings.Fields(s), "_")
}
