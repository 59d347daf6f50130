package editor

import "time"

// WentOut reports whether status s is that of copy that was published:
// published, corrected, or killed after publication (a killed story that
// never went out has no publication time; see PublishedAt).
func (s Status) WentOut() bool {
	return s == StatusPublished || s == StatusCorrected || s == StatusKilled
}

// PublishedAt is the date every format gives as the publication date
// (JSON-LD datePublished, Markdown publishDate, hNews published): the moment
// the story was first published, a.Published, which the store sets once
// when the status first becomes published and never resets, or, for
// imported copy, the date the copy itself carries. Only published,
// corrected or killed copy has one; a draft, filed, edited or approved
// story gives the zero time, and so does copy whose publication time is
// unknown: the date is never made up from the creation, import or save
// time.
func (a *Article) PublishedAt() time.Time {
	if !a.Status.WentOut() {
		return time.Time{}
	}
	return a.Published
}

// SiteDate is the date a site generator files the story under (Markdown
// front matter "date", the YYYY-MM-DD of a Jekyll file name): the
// publication date when there is one, otherwise the creation date.
func (a *Article) SiteDate() time.Time {
	if p := a.PublishedAt(); !p.IsZero() {
		return p
	}
	return a.Created
}

// importedPublication fills the publication time of imported copy that is
// published or corrected but carries no publication date: the dateline
// date, when it has one, is the date the copy itself gives. Otherwise it
// stays unknown (zero): an import never stamps its own time as the
// publication date.
func importedPublication(a *Article) {
	if (a.Status == StatusPublished || a.Status == StatusCorrected) && a.Published.IsZero() {
		a.Published = a.Dateline.Date
	}
}

// SiteVisible reports whether a site generator may publish copy in status
// s: published and corrected copy only. A killed story was withdrawn and
// must come down, so it is not visible, and neither is anything before
// publication.
func SiteVisible(s Status) bool {
	return s == StatusPublished || s == StatusCorrected
}
