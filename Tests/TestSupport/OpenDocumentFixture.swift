import TestSupport

/// ODT files the tests write part by part.
public enum OpenDocumentFixture {
    public static let namespaces =
        #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#
        + #"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" "#
        + #"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0""#

    public static func content(_ body: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><office:document-content \#(namespaces)><office:body><office:text>\#(body)</office:text></office:body></office:document-content>"#
    }

    public static func meta(title: String) -> String {
        #"<?xml version="1.0"?><office:document-meta \#(namespaces) xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>\#(title)</dc:title></office:meta></office:document-meta>"#
    }

    /// A whole ODT: the `mimetype` entry first and stored, as the format asks.
    public static func odt(body: String, title: String? = nil) throws -> [UInt8] {
        var entries: [(name: String, text: String)] = [
            ("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content(body)),
        ]
        if let title { entries.append(("meta.xml", meta(title: title))) }
        return try ZipFixture.zip(entries, stored: ["mimetype"])
    }
}
