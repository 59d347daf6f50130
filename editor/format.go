package editor

import (
	"bytes"
	"slices"
	"strings"
)

// This file is the format table: every export and import format is one
// row, and export, import, detection, the menus, the import dialog and
// batch export all read it. A new format is one file with its renderer
// and parser, and one row here.

// Format names an export or import format.
type Format string

// The formats Dateline exports and imports.
const (
	// FormatHTML is a standalone HTML5 page with an embedded stylesheet and
	// a schema.org NewsArticle JSON-LD block.
	FormatHTML Format = "html"
	// FormatHTMLFragment is the <article> element alone, for pasting into a
	// content management system.
	FormatHTMLFragment Format = "html-fragment"
	// FormatMarkdown is Markdown with YAML front matter, readable by Hugo
	// and Jekyll.
	FormatMarkdown Format = "md"
	// FormatWire is plain-text wire copy: one paragraph per line.
	FormatWire Format = "txt"
	// FormatNinjs is IPTC ninjs 2.x JSON.
	FormatNinjs Format = "ninjs"
	// FormatNITF is an IPTC NITF 3.6 XML document.
	FormatNITF Format = "nitf"
	// FormatNewsML is an IPTC NewsML-G2 2.35 newsItem with the body as
	// inline NITF.
	FormatNewsML Format = "newsml"
)

// FormatSpec is one row of the format table.
type FormatSpec struct {
	// Format is the name, as the command line and settings write it.
	Format Format
	// Label names the format in menus and selects.
	Label string
	// Ext is the file name extension of an export, with its dot.
	Ext string
	// ImportExts are the extensions, with their dots and in lower case,
	// of files read in this format; none means that detection never picks
	// it by name.
	ImportExts []string
	// Sniff, when set, tells from the content of a file without a known
	// extension whether it is in this format. Sniffs run in table order;
	// the first that says yes wins.
	Sniff func(text []byte, fr *FooterReader) bool
	// Parse reads a file in this format; nil when the format is export only.
	Parse func(data []byte, p Profile) (*Article, error)
	// Render writes an article in this format.
	Render func(a *Article, p Profile, opt RenderOptions) ([]byte, error)
}

// formatTable lists every format in the order menus show them.
var formatTable = []FormatSpec{
	{
		Format: FormatHTML, Label: "HTML page", Ext: ".html",
		ImportExts: []string{".html", ".htm", ".xhtml"},
		Sniff:      sniffHTML,
		Parse:      ParseHTMLArticle,
		Render:     RenderHTMLDocument,
	},
	{
		Format: FormatHTMLFragment, Label: "HTML fragment", Ext: ".html",
		Parse:  ParseHTMLArticle,
		Render: RenderHTMLFragment,
	},
	{
		Format: FormatMarkdown, Label: "Markdown", Ext: ".md",
		ImportExts: []string{".md", ".markdown"},
		Sniff:      sniffMarkdown,
		Parse:      func(data []byte, _ Profile) (*Article, error) { return ParseMarkdownArticle(data) },
		Render:     RenderMarkdown,
	},
	{
		Format: FormatWire, Label: "Wire text", Ext: ".txt",
		ImportExts: []string{".txt", ".text"},
		Sniff:      sniffWire,
		Parse:      ParseWireText,
		Render:     RenderWireText,
	},
	{
		Format: FormatNinjs, Label: "ninjs JSON", Ext: ".json",
		ImportExts: []string{".json", ".ninjs"},
		Sniff:      sniffNinjs,
		Parse:      ParseNinjs,
		Render:     RenderNinjs,
	},
	{
		Format: FormatNITF, Label: "NITF XML", Ext: ".xml",
		ImportExts: []string{".nitf", ".xml"},
		Sniff:      sniffNITF,
		Parse:      ParseNITF,
		Render:     RenderNITF,
	},
	{
		Format: FormatNewsML, Label: "NewsML-G2 XML", Ext: ".xml",
		ImportExts: []string{".newsml", ".xml"},
		Sniff:      sniffNewsML,
		Parse:      ParseNewsML,
		Render:     RenderNewsML,
	},
}

// Formats lists every format in the order menus show them.
var Formats = func() []Format {
	out := make([]Format, len(formatTable))
	for i, s := range formatTable {
		out[i] = s.Format
	}
	return out
}()

// Spec returns the table row of f, and false for an unknown format.
func (f Format) Spec() (FormatSpec, bool) {
	for _, s := range formatTable {
		if s.Format == f {
			return s, true
		}
	}
	return FormatSpec{}, false
}

// Label is the name of f shown to the user; an unknown format shows its
// name.
func (f Format) Label() string {
	if s, ok := f.Spec(); ok {
		return s.Label
	}
	return string(f)
}

// Ext returns the file name extension of the format, with its dot.
func (f Format) Ext() string {
	s, _ := f.Spec()
	return s.Ext
}

// ImportExtensions lists every file name extension an import reads, with
// its dot and each once, for the import dialog's filter.
func ImportExtensions() []string {
	var out []string
	for _, s := range formatTable {
		for _, ext := range s.ImportExts {
			if !slices.Contains(out, ext) {
				out = append(out, ext)
			}
		}
	}
	return out
}

// ParseFormat turns a format name such as "md" into a Format. Unknown names
// yield an *Error with code EINVALID that lists the valid ones.
func ParseFormat(s string) (Format, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	if f := Format(name); name != "" {
		if _, ok := f.Spec(); ok {
			return f, nil
		}
	}
	names := make([]string, len(formatTable))
	for i, f := range formatTable {
		names[i] = string(f.Format)
	}
	return "", Errorf(EINVALID, "unknown format %q (valid: %s)", s, strings.Join(names, ", "))
}

// Export renders a under p in format f. Every format draws its byline,
// dateline, footer and related list from BuildFrame and its body from
// ParseArticleBody, so all of them agree.
func Export(f Format, a *Article, p Profile, opt RenderOptions) ([]byte, error) {
	s, ok := f.Spec()
	if !ok {
		_, err := ParseFormat(string(f))
		return nil, err
	}
	if opt.AcceptSuggestions && HasMarks(a.Body) {
		c := a.Clone()
		c.Body = Accepted(a.Body)
		a = c
	}
	return s.Render(a, p, opt)
}

// Import reads data in format f into a new article, with the parser of the
// format's row; p's templates tell the footers. Every error is an *Error
// with code EINVALID.
func Import(f Format, data []byte, p Profile) (*Article, error) {
	s, ok := f.Spec()
	if !ok {
		_, err := ParseFormat(string(f))
		return nil, err
	}
	if s.Parse == nil {
		return nil, Errorf(EINVALID, "%s files cannot be imported", s.Label)
	}
	return s.Parse(data, p)
}

// DetectFormat tells the format of a file to import from its name and
// content: a known extension of a row's ImportExts decides (an extension
// several rows share, such as .xml, by the sniffs of those rows);
// otherwise the rows' Sniff functions judge the content (a JSON object is
// ninjs, markup is HTML, front matter or a heading is Markdown, plain text
// with a byline or a copyright footer of p's templates is wire copy, an
// XML root element <nitf> is NITF, a NewsML-G2 newsItem or newsMessage is
// NewsML). Anything else is read as Markdown. Empty, binary and oversized files give an *Error with
// code EINVALID.
func DetectFormat(filename string, data []byte, p Profile) (Format, error) {
	text, err := checkImportText(declaredCharsetToUTF8(data), "file")
	if err != nil {
		return "", err
	}
	name := strings.ToLower(filename)
	fr := NewFooterReader(p)
	var byName []FormatSpec
	for _, s := range formatTable {
		for _, ext := range s.ImportExts {
			if strings.HasSuffix(name, ext) {
				byName = append(byName, s)
				break
			}
		}
	}
	// An extension that several rows share (.xml) is decided by their
	// sniffs, the first row when none says yes.
	if len(byName) > 1 {
		for _, s := range byName {
			if s.Sniff != nil && s.Sniff(text, fr) {
				return s.Format, nil
			}
		}
	}
	if len(byName) > 0 {
		return byName[0].Format, nil
	}
	for _, s := range formatTable {
		if s.Sniff != nil && s.Sniff(text, fr) {
			return s.Format, nil
		}
	}
	return FormatMarkdown, nil
}

// sniffNinjs: a JSON object.
func sniffNinjs(text []byte, _ *FooterReader) bool {
	return bytes.HasPrefix(bytes.TrimSpace(text), []byte("{"))
}

// sniffHTML: a document, article, div or paragraph element first.
func sniffHTML(text []byte, _ *FooterReader) bool {
	trimmed := bytes.TrimSpace(text)
	lower := bytes.ToLower(trimmed[:min(len(trimmed), 512)])
	for _, p := range []string{"<!doctype html", "<html", "<article", "<div", "<p"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return true
		}
	}
	return false
}

// sniffMarkdown: front matter or a heading first.
func sniffMarkdown(text []byte, _ *FooterReader) bool {
	return bytes.HasPrefix(text, []byte("---\n")) || bytes.HasPrefix(bytes.TrimSpace(text), []byte("# "))
}

// sniffWire: text that is no JSON object and no markup, and that looks
// like agency copy (looksLikeAgencyCopy) or has a byline or a copyright
// footer line among its first 200 lines.
func sniffWire(text []byte, fr *FooterReader) bool {
	trimmed := bytes.TrimSpace(text)
	if sniffNinjs(text, fr) || bytes.HasPrefix(trimmed, []byte("<")) {
		return false
	}
	if looksLikeAgencyCopy(text) {
		return true
	}
	for i, line := range strings.Split(string(trimmed), "\n") {
		if i > 200 {
			break
		}
		line = strings.TrimSpace(line)
		if _, ok := parseWireByline(line); ok {
			return true
		}
		if _, ok := fr.ReadFooter(line); ok {
			return true
		}
	}
	return false
}

// ExportWarnings returns the warnings of exporting a in format f, for the
// CLI to print beside the file: HeadlineWarning when the headline is
// longer than search engines show, and NestingNotice when the body nests
// deeper than MaxNesting (every format, the Markdown export included,
// renders the body through the pipeline and so flattens it).
func ExportWarnings(f Format, a *Article) []string {
	var ws []string
	if w := HeadlineWarning(a); w != "" {
		ws = append(ws, w)
	}
	return append(ws, BodyWarnings(a.PublicBody())...)
}
