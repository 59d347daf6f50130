package hostile

// Scripts returns the bodies that try to smuggle script or dangerous links
// through the Markdown pipeline: raw HTML with scripts and event handlers,
// javascript:, vbscript:, data: and file: URLs in every spelling, and
// closing script tags in code. Every export must neutralise all of them;
// the conformance test loads their HTML pages in Chromium.
func Scripts() []string {
	return []string{
		"<script>alert(1)</script>",
		"Text <script>alert(1)</script> inline.",
		"<img src=x onerror=alert(1)>",
		"Hi <b onmouseover=\"alert(1)\">bold</b>",
		"<iframe src=\"https://evil.example\"></iframe>",
		"<style>body{display:none}</style>",
		"<!-- comment --><svg onload=alert(1)>",
		"[x](javascript:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"[x](javascript&colon;alert(1))",
		"[x](javascript&#58;alert(1))",
		"[x](javascript&#x3A;alert(1))",
		"[x](&#106;avascript:alert(1))",
		"[x](<javascript:alert(1)>)",
		"[x](vbscript:msgbox(1))",
		"[x](VBScript&colon;msgbox(1))",
		"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
		"![x](data:image/png;base64,iVBORw0KGgo=)",
		"![x](data:image/svg+xml;base64,PHN2Zz4=)",
		"[x](file:///etc/passwd)",
		"<javascript:alert(1)>",
		"<data:text/html,hi>",
		"[x][r]\n\n[r]: javascript:alert(1)",
		"[x][r]\n\n[r]: data:text/html,<script>alert(1)</script>",
		"[x](\"javascript:alert(1)\")",
		"[a](javascript:alert(1) \"title\")",
		"```html\n</script><script>alert(1)</script>\n```",
		"`</script>`",
		"\"</script><script>alert(1)</script>\"",
	}
}
