import Foundation

/// Names of the parts (entries) of a zipped document, and the rule that resolves a reference
/// from one part to another (a relationship's target, an EPUB `href`) to a part's name.
///
/// A resolved name is only ever looked up among the archive's entries, never used as a path.
public enum PartName {
    /// The folder of `part`, "" at the top: "word" for "word/document.xml".
    public static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// The part that `reference` names, seen from the part `source`: relative to its folder
    /// (from the top when it starts with "/"), with "." and ".." steps taken, percent-escapes
    /// decoded and any "#fragment" or "?query" dropped. A ".." above the top stays in the name,
    /// which then matches only an entry that is named so.
    public static func resolve(_ reference: String, from source: String) -> String {
        let withoutFragment = reference.split(separator: "#", omittingEmptySubsequences: false).first ?? ""
        let withoutQuery = withoutFragment.split(separator: "?", omittingEmptySubsequences: false).first ?? ""
        let decoded = String(withoutQuery).removingPercentEncoding ?? String(withoutQuery)
        let base = decoded.hasPrefix("/") ? [] : folder(of: source).split(separator: "/").map(String.init)
        var components = base
        for step in decoded.split(separator: "/") {
            switch step {
            case ".": continue
            case "..":
                if let last = components.last, last != ".." { components.removeLast() } else { components.append("..") }
            default: components.append(String(step))
            }
        }
        return components.joined(separator: "/")
    }
}
