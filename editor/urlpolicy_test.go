package editor

import "testing"

// TestSafeURLFor is the table of the one URL policy: every trick a hostile
// body or field may use to smuggle a script scheme past it.
func TestSafeURLFor(t *testing.T) {
	tests := []struct {
		name     string
		url      string
		link, im bool // safe as a link, safe as an image source
	}{
		{"https", "https://x.example/a?b=c#d", true, true},
		{"http", "http://x", true, true},
		{"mailto", "mailto:a@b.example", true, true},
		{"tel", "tel:+15551234", true, true},
		{"root relative", "/relative", true, true},
		{"relative", "page.html", true, true},
		{"fragment", "#frag", true, true},
		{"query", "?q=1", true, true},
		{"scheme relative", "//cdn.example/x", true, true},
		{"colon after slash", "a/b:c", true, true},
		{"entity in a safe URL", "http&#58;//x.example/", true, true},
		{"empty", "", false, false},
		{"blank", "   ", false, false},
		{"javascript", "javascript:alert(1)", false, false},
		{"mixed case", "JaVaScRiPt:alert(1)", false, false},
		{"leading space", " JavaScript:x", false, false},
		{"tab inside scheme", "java\tscript:x", false, false},
		{"newline inside scheme", "java\nscript:x", false, false},
		{"carriage return inside scheme", "java\rscript:x", false, false},
		{"leading control", "\x01javascript:x", false, false},
		{"control inside scheme", "java\x00script:x", false, false},
		{"DEL inside", "java\x7fscript:x", false, false},
		{"hex entity letter", "jav&#x61;script:alert(1)", false, false},
		{"decimal entity letter", "&#106;avascript:alert(1)", false, false},
		{"named colon", "javascript&colon;alert(1)", false, false},
		{"decimal colon", "javascript&#58;alert(1)", false, false},
		{"hex colon", "javascript&#x3A;alert(1)", false, false},
		{"double-encoded entity", "jav&amp;#x61;script:alert(1)", false, false},
		{"entity tab", "java&Tab;script:alert(1)", false, false},
		{"entity newline", "java&#10;script:alert(1)", false, false},
		{"backslash escaped colon", `javascript\:alert(1)`, false, false},
		{"vbscript", "vbscript:msgbox(1)", false, false},
		{"vbscript entity colon", "VBScript&colon;msgbox(1)", false, false},
		{"file", "file:///etc/passwd", false, false},
		{"ftp", "ftp://x", false, false},
		{"data html", "data:text/html;base64,PHNjcmlwdD4=", false, false},
		{"data html plain", "data:text/html,<script>alert(1)</script>", false, false},
		{"data png", "data:image/png;base64,iVBORw0KGgo=", false, true},
		{"data PNG upper case", "DATA:IMAGE/PNG;BASE64,iVBORw0KGgo=", false, true},
		{"data jpeg", "data:image/jpeg;base64,/9j/4AAQ", false, true},
		{"data png without base64", "data:image/png,xyz", false, false},
		{"data svg", "data:image/svg+xml;base64,PHN2Zz4=", false, false},
		{"data svg plain", "data:image/svg+xml,<svg onload=alert(1)>", false, false},
		{"data png entity scheme", "d&#97;ta:image/svg+xml;base64,PHN2Zz4=", false, false},
		{"unknown scheme", "chrome://settings", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SafeURLFor(URLLink, tt.url) != ""; got != tt.link {
				t.Errorf("SafeURLFor(URLLink, %q) safe = %v, want %v", tt.url, got, tt.link)
			}
			if got := SafeURLFor(URLImage, tt.url) != ""; got != tt.im {
				t.Errorf("SafeURLFor(URLImage, %q) safe = %v, want %v", tt.url, got, tt.im)
			}
			if got, want := SafeURL(tt.url), SafeURLFor(URLLink, tt.url); got != want {
				t.Errorf("SafeURL(%q) = %q, SafeURLFor(URLLink) = %q", tt.url, got, want)
			}
		})
	}
}
