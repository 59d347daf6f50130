// Package editor is Dateline's domain: the Article and its parts (Byline,
// Dateline, Attribution, Copyright, Teaser), the publication Profile, workflow
// Status, validation, coded errors, the Store interface that storage
// implements, the one goldmark pipeline, and the renderers and importers for
// every export format.
//
// store.go also holds the rule every save follows, whoever makes it (a
// window, the command line, later a sync between devices): a save names the
// revision its text is based on (Article.BaseRevision), and when the draft's
// text moved on since, the store keeps it as a conflicting revision beside
// the head and answers ESTALE instead of overwriting (errors.go).
//
// The one goldmark pipeline is markdown.go, with its input limits in
// markdown_limits.go (nesting flattened past MaxNesting before parsing).
// preview.go holds the neutral Preview model and BuildPreview,
// preview_build.go the walk of the AST that builds it (the dispatch table
// previewFuncs and the builder's stacks), preview_nodes.go the handler of
// each node kind, and
// preview_incremental.go (PreviewCache) rebuilds only the chunks of a body
// an edit changed.
//
// editor imports neither Fyne nor database/sql: the GUI (app) and the SQLite
// library (storage) depend on it, never the other way round. Every newsroom
// rule lives here once; app and app/cli call it and decide none.
//
// # Map: which file holds what
//
// The article and its settings:
//   - article.go: Article, Status, Byline, Dateline, Attribution, Copyright,
//     Teaser, NewArticle, Validate.
//   - profile.go: Profile (publication settings), DefaultProfile, the default
//     footer and heading templates.
//   - workflow.go: the status transitions (CanTransition, CheckTransition).
//   - assign.go: newsroom assignment: user names (CheckUserName,
//     NormalizeUserName) and the "Filed to me" rule (FiledTo).
//   - errors.go: Error with codes (EINVALID, ENOTFOUND, ECONFLICT …).
//   - store.go: the Store interface, ListOptions, Summary and SummaryOf (the
//     one list row, with its word count), Revision, StoreResolver.
//
// The newsroom rules, one file each:
//   - words.go: the word rule (CountWords; WordTokens for the history diff).
//   - merge3.go: the three-way word merge of two versions of a text grown
//     from one base (Merge3: hunks applied from one side, taken once, or
//     conflicts to Take), paragraph by paragraph, never splitting a
//     grapheme cluster or a CriticMarkup mark; merge3_article.go merges
//     whole articles field by field (MergeArticles) by their JSON form.
//   - readability.go: a text's statistics (TextStats: words, characters,
//     paragraphs, sentences, syllables; reading time; Flesch reading ease).
//
// The review desk:
//   - criticmarkup.go: suggestions and comment threads written in the body
//     as CriticMarkup, with author and time (ParseMarks, Accept, Reject,
//     AcceptAll, RejectAll, AddComment, Reply, Resolve, RemoveComment), the
//     Rejected and Accepted views, and Article.PublicBody, the one place
//     where the marks leave the text that readers get.
//   - suggest.go: suggestion mode, SuggestEdit, which turns any
//     replacement edit into marks.
//   - workflow.go's CheckReviewed: open suggestions block publication.
//   - slug.go: slugs (Slugify with FoldLatin, CheckSlug, IsAutoSlug) and
//     unique-slug suffixes (SlugWithSuffix, TryUniqueSlug).
//   - pubdates.go: the dates every format tells (PublishedAt, SiteDate,
//     SiteVisible): a publication date only for copy that went out.
//   - urlpolicy.go: the one URL policy (SafeURLFor, SafeURL) of every
//     renderer and importer.
//   - quotes.go: the single-quote fix of the Typographer (an AST
//     transformer of the pipeline) and Typeset for headline and deck.
//   - dates.go: AP dateline dates (APDate, ParseAPDate), the form's dateline
//     date (ParseDatelineDate, FormatDatelineDate, DatelineYear) and list
//     filter days (ParseFilterDay, EndOfDay).
//   - footer.go: the texts made from templates (tagline, usage terms), the
//     copyright years (ParseCopyrightYears, FormatCopyrightYears) and the
//     FooterReader that importers derive from a profile's templates. Change
//     the footer rule here and in profile.go's templates.
//   - frame.go: what every format puts around the body (BuildFrame,
//     CopyrightData, FormatByline, FormatDateline), template execution.
//   - runin.go: the dateline run-in as a goldmark node; markdown.go: the one
//     goldmark pipeline (its link parser records where links end, for
//     markdown_safe.go).
//
// Formats:
//   - format.go: the format table (FormatSpec: name, label, extension,
//     import extensions, sniff, parse, render) and Export, Import,
//     DetectFormat, ParseFormat, which read it. To add a format, write one
//     file with its Render and Parse functions and add one row here.
//   - one file per format and direction: html.go (page and fragment),
//     jsonld.go (JSON-LD NewsArticle, hNews dates, ArticleURL, the
//     headline-length warning), htmlimport.go, markdown_export.go (with
//     markdown_safe.go, the body made safe for site generators),
//     markdown_import.go, wire.go,
//     wire_import.go, ninjs.go (both ways); import.go: the input checks every
//     importer shares; import_report.go: ImportReport, what an import
//     recognised, for the CLI and the Import dialog.
//   - html_clean.go: what keeps the HTML valid (html-validate) and tidy on
//     paper: footnote ids fn-N, heading ids, task boxes, body headings under
//     the <h1>, the <title> fallback (HTMLTitle), data-slug/data-status;
//     html_table.go: table cells aligned by class. The stylesheet is
//     assets/export.css.
//   - htmlimport_body.go: readies an HTML body for html-to-markdown so the
//     Markdown renders to the same HTML (heading shift undone, task boxes,
//     autolinks, alignment, tight and adjacent lists).
//   - feed.go: Atom and RSS feeds of many articles (ExportFeed,
//     ExportFeedFrom); not rows of the format table, which is one article
//     per file.
//   - NITF 3.6 and NewsML-G2 2.35: nitf.go (the NITF document: head,
//     body.head, frame), nitf_body.go (the body AST as NITF blocks),
//     nitf_import.go (ParseNITF and readNITF, which NewsML-G2 shares),
//     nitf_markdown.go (NITF blocks back to Markdown that re-exports the
//     same), nitf_xmlwriter.go (escaping that always gives well-formed
//     XML), nitf_xmltree.go (the bounded XML reader both importers use:
//     namespaces by URI, depth and node limits, no entity expansion);
//     newsml.go (the newsItem, with the NITF document inline) and
//     newsml_import.go (newsItem or newsMessage, inline NITF, XHTML or
//     text). Their tests validate every export against IPTC's schemas in
//     testdata/schemas with xmllint.
//   - the wire importer in named steps: wire_import.go (ParseWireTextDetail,
//     own-export detection, settleAttribution, the body), wire_layout.go
//     (the ANPA-1312 / IPTC 7901 / hard-wrap pre-pass and WireHeader),
//     wire_top.go (advisories, notes, headline, byline, dateline),
//     wire_bottom.go (More list, footers of any wording, end marks,
//     trailers, corrections), wire_names.go (names in capitals, curly
//     quotes). agencies.go reads the agency table agencies.json (names,
//     credits, end mark, trailer and footer patterns), extended by
//     Profile.Agencies: to teach the importer an agency, add a row there.
//   - preview.go, preview_build.go, preview_nodes.go: the preview's block
//     model, built from the same AST (a new node kind: a row in
//     previewFuncs and a handler in preview_nodes.go).
//
// Library operations that drive a Store:
//   - batch.go: ExportBatch and ExportToFolder (progress and cancel),
//     ExportFileName, JekyllFileName; library_import.go: AddImported and its clash policies.
//   - file.go: WriteFileAtomic and file error texts.
//
// Tests: golden files under testdata/golden (go test -run Golden -update),
// roundtrip_test.go (export→import→export is the same file in every format
// on every fixture),
// fuzz targets for every importer, and memstore_test.go, an in-memory Store
// for tests of the code above.
//
// Subpackages spell (offline spelling: a Hunspell reader with the en-US
// and en-GB dictionaries embedded, and a Markdown-aware checker) and style
// (AP style rules as data in rules.yaml, and Lint, which runs them and the
// spelling on an article) are the review desk; the Profile and Article
// fields they read are marked "review desk".
//
// Subpackage hostile builds the hostile Markdown bodies (deep nesting, huge
// paragraphs and tables, unclosed comments) that the tests and benchmarks
// of editor and app share.
package editor
