/// An encoding text is read in: the four semfind decodes by itself, or another charset a
/// document declares (Shift_JIS, KOI8-R, GBK, …), which the C library's iconv decodes.
public enum TextEncoding: Sendable, Equatable {
    case utf8
    case utf16LittleEndian
    case utf16BigEndian
    case windows1252
    /// A charset iconv knows, by the label the document gave it.
    case legacy(String)

    /// The encoding a declared charset label names, as browsers read labels: ASCII, ISO-8859-1
    /// and Latin-1 are all windows-1252, and a UTF-16 label with no byte order mark means UTF-8
    /// (the HTML standard's rule for `<meta charset>`). Nil for charsets iconv does not know either.
    public init?(label: String) {
        let name = label.lowercased().filter { !$0.isWhitespace && $0 != "\"" && $0 != "'" }
        if Self.utf8Labels.contains(name) || name.hasPrefix("utf-16") || Self.utf16Labels.contains(name) {
            self = .utf8
        } else if Self.windows1252Labels.contains(name) {
            self = .windows1252
        } else if !name.isEmpty, LegacyDecoder.knows(name) {
            self = .legacy(name)
        } else {
            return nil
        }
    }

    private static let utf8Labels: Set<String> = [
        "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
    ]
    private static let utf16Labels: Set<String> = [
        "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff", "unicodefffe",
    ]
    private static let windows1252Labels: Set<String> = [
        "windows-1252", "cp1252", "x-cp1252", "ascii", "us-ascii", "ansi_x3.4-1968", "iso-8859-1", "iso8859-1",
        "iso88591", "iso_8859-1", "iso_8859-1:1987", "iso-ir-100", "latin1", "l1", "csisolatin1", "cp819", "ibm819",
    ]
}
