/// The ignore patterns in force inside one folder, from the walk's root down to it.
///
/// Patterns are kept in precedence order: the built-in defaults first, then each folder's
/// `.gitignore`, `.ignore` and `.semfindignore` in that order, shallower folders before deeper.
/// The last pattern that matches a path decides, so a later file (or a deeper folder) overrides
/// an earlier one, and a `!pattern` re-includes.
struct IgnoreRules: Sendable {
    /// The per-folder ignore files, lowest precedence first.
    static let fileNames = [".gitignore", ".ignore", ".semfindignore"]

    /// Folders skipped unless an ignore file re-includes them (`!node_modules/`): installed
    /// dependencies and Python's byte-code caches are not the user's own content.
    static let defaults = IgnoreRules().adding(contentsOf: "node_modules/\n__pycache__/\n", base: "")

    private(set) var patterns: [IgnorePattern] = []

    /// Rules with no patterns at all.
    init() {}

    /// These rules followed by the patterns of one ignore file found in the folder `base`
    /// (relative to the walk's root, "" for the root).
    func adding(contentsOf text: String, base: String) -> IgnoreRules {
        var rules = self
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if let pattern = IgnorePattern(line: line, base: base) { rules.patterns.append(pattern) }
        }
        return rules
    }

    /// Whether `relativePath` (relative to the walk's root, "/"-separated) is ignored.
    ///
    /// Only the path itself is tested, not its parents; the walker never descends into an
    /// ignored folder, which is how git keeps files in an excluded folder excluded.
    func isIgnored(_ relativePath: String, isDirectory: Bool) -> Bool {
        guard !patterns.isEmpty else { return false }
        let path = Array(relativePath.unicodeScalars)
        for pattern in patterns.reversed() where pattern.matches(path, isDirectory: isDirectory) {
            return !pattern.isNegated
        }
        return false
    }
}
