/// What an HTML element means for text extraction, decided by its (lowercase) name alone.
///
/// Elements not listed are inline: their text runs on with their neighbours' (`span`, `a`, `em`,
/// custom elements). Whether an element is hidden depends on its attributes and is decided by
/// `ElementAttributes.isHidden(_:)`.
enum ElementRole: Equatable {
    /// Never read: scripts, styles, templates, navigation, embedded documents and graphics.
    case dropped
    /// `<head>`: only its `<title>` is read.
    case head
    /// `<title>`: the document title.
    case title
    /// `<h1>` to `<h6>`, with their level.
    case heading(Int)
    /// `<br>`: a line break inside the current block.
    case lineBreak
    /// `<pre>`: white space kept as written.
    case preformatted
    /// `<ul>`, `<ol>`, `<menu>`, `<dl>`.
    case list(ordered: Bool)
    /// `<li>`.
    case listItem
    /// `<dt>`.
    case term
    /// `<dd>`.
    case definition
    /// `<table>`.
    case table
    /// `<tr>`.
    case row
    /// `<td>`, `<th>`.
    case cell
    /// `<caption>`.
    case caption
    /// Any other element that starts a new block (`p`, `div`, `blockquote`, `section`, …).
    case block
    /// Everything else.
    case inline

    init(name: String) {
        self = Self.roles[name] ?? .inline
    }

    private static let roles: [String: ElementRole] = {
        var roles: [String: ElementRole] = [
            "head": .head, "title": .title, "br": .lineBreak, "pre": .preformatted, "listing": .preformatted,
            "xmp": .preformatted, "plaintext": .preformatted, "ul": .list(ordered: false),
            "menu": .list(ordered: false), "dir": .list(ordered: false), "dl": .list(ordered: false),
            "ol": .list(ordered: true), "li": .listItem, "dt": .term, "dd": .definition, "table": .table,
            "tr": .row, "td": .cell, "th": .cell, "caption": .caption,
        ]
        for level in 1...6 {
            roles["h\(level)"] = .heading(level)
        }
        for name in droppedNames {
            roles[name] = .dropped
        }
        for name in blockNames {
            roles[name] = .block
        }
        return roles
    }()

    /// Content a reader never sees as text of the page: code, styling, navigation chrome, form
    /// option lists, and fallback content of embedded media.
    private static let droppedNames = [
        "script", "style", "template", "noscript", "nav", "svg", "iframe", "frameset",
        "noembed", "noframes", "object", "embed", "canvas", "audio", "video", "select", "datalist",
    ]

    private static let blockNames = [
        "html", "body", "address", "article", "aside", "blockquote", "center", "details", "dialog", "div",
        "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "legend", "main", "p",
        "search", "section", "summary", "thead", "tbody", "tfoot", "textarea",
    ]
}
