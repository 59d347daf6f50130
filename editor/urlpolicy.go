package editor

import (
	"html"
	"strings"
)

// URLKind says where a URL is going to be used, which decides what it may
// hold: an image source may be an inline raster picture, a link may not.
type URLKind int

// The URL kinds.
const (
	// URLLink is the destination of a link (href), a teaser, a canonical or
	// original URL.
	URLLink URLKind = iota
	// URLImage is the source of an image (src).
	URLImage
)

// safeSchemes are the schemes any URL may have.
var safeSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}

// safeDataImages are the media types of the data: URLs an image may have:
// raster pictures only. SVG is left out, since it can carry script.
var safeDataImages = []string{"image/png", "image/gif", "image/jpeg", "image/webp", "image/avif"}

// SafeURL is SafeURLFor(URLLink, u): u trimmed when it may be the target of
// a link, "" otherwise.
func SafeURL(u string) string {
	return SafeURLFor(URLLink, u)
}

// SafeURLFor is Dateline's one URL policy, used by every renderer (the HTML
// page and fragment, the preview, the Markdown export, ninjs, JSON-LD) and
// the importers. It returns u trimmed when u is safe where kind says, and ""
// when it is not. Safe are relative references (no scheme) and http, https,
// mailto and tel URLs; for URLImage also base64 data: URLs of PNG, GIF,
// JPEG, WebP and AVIF pictures. Everything else goes: javascript:,
// vbscript:, file:, other data: URLs and unknown schemes.
//
// The scheme is judged the way a browser or a Markdown renderer would read
// it, not as written: Markdown backslash escapes and HTML character
// references are resolved first (again and again, so that "&amp;#x61;"
// cannot hide an "a" either), tabs and line breaks anywhere are removed and
// leading spaces and control characters skipped, as the URL standard does;
// any other control character rejects the URL; and the scheme is compared
// without regard to case. So "JaVaScRiPt:", "jav&#x61;script:",
// "javascript&colon;", "java\tscript:" and "\x01javascript:" are all
// rejected.
func SafeURLFor(kind URLKind, u string) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	clean, ok := urlAsRead(u)
	if !ok {
		return ""
	}
	i := strings.IndexAny(clean, ":/?#")
	if i < 0 || clean[i] != ':' {
		return u // a relative reference: no scheme
	}
	scheme := strings.ToLower(clean[:i])
	if safeSchemes[scheme] {
		return u
	}
	if kind == URLImage && scheme == "data" && safeDataImage(clean[i+1:]) {
		return u
	}
	return ""
}

// urlAsRead returns u as a browser reads it after the Markdown and HTML
// layers: escapes and character references resolved, tabs and line breaks
// removed, leading spaces and C0 controls skipped. It reports false when a
// control character is left inside.
func urlAsRead(u string) (string, bool) {
	for range 8 {
		next := html.UnescapeString(unescapeMarkdownPunct(u))
		if next == u {
			break
		}
		u = next
	}
	var b strings.Builder
	lead := true
	for _, r := range u {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			continue
		case lead && r <= 0x20:
			continue
		case r < 0x20 || r == 0x7f:
			return "", false
		}
		lead = false
		b.WriteRune(r)
	}
	return b.String(), true
}

// unescapeMarkdownPunct removes the backslash of every Markdown backslash
// escape (a backslash before ASCII punctuation).
func unescapeMarkdownPunct(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// isASCIIPunct reports whether c is ASCII punctuation, as CommonMark
// defines it.
func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// safeDataImage reports whether rest, the part of a data: URL after
// "data:", is a base64 raster image of a safe type.
func safeDataImage(rest string) bool {
	meta, _, ok := strings.Cut(rest, ",")
	if !ok {
		return false
	}
	parts := strings.Split(strings.ToLower(strings.ReplaceAll(meta, " ", "")), ";")
	if parts[len(parts)-1] != "base64" {
		return false
	}
	for _, t := range safeDataImages {
		if parts[0] == t {
			return true
		}
	}
	return false
}
