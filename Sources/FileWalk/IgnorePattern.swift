import SemfindCore

/// One line of a `.gitignore`, `.ignore` or `.semfindignore`, with gitignore's meaning.
///
/// A pattern with a "/" at its start or in its middle is anchored to the folder of the file it
/// came from (`base`); otherwise it matches the last component at any depth below `base`. A
/// trailing "/" limits it to folders; a leading "!" makes it re-include what it matches.
struct IgnorePattern: Sendable, Equatable {
    /// The folder of the ignore file, relative to the walk's root ("" at the root itself).
    let base: [Unicode.Scalar]
    /// `!pattern`: a match re-includes instead of ignoring.
    let isNegated: Bool
    /// `pattern/`: matches folders only.
    let isDirectoryOnly: Bool
    /// Matched against the whole path below `base` rather than against the last component.
    let isAnchored: Bool
    let glob: Glob

    /// Parses one line; `nil` for blank lines, comments and lines left empty by trimming.
    ///
    /// `\#` and `\!` start a pattern with a literal "#" or "!"; trailing spaces are dropped
    /// unless escaped with a backslash; a trailing carriage return (CRLF files) is dropped.
    init?(line: some StringProtocol, base: String) {
        var scalars = Array(line.unicodeScalars)
        if scalars.last == "\r" { scalars.removeLast() }
        while scalars.last == " " && !Self.isEscaped(scalars, at: scalars.count - 1) { scalars.removeLast() }
        guard let first = scalars.first, first != "#" else { return nil }
        isNegated = first == "!"
        if isNegated { scalars.removeFirst() }
        isDirectoryOnly = scalars.last == "/"
        if isDirectoryOnly { scalars.removeLast() }
        isAnchored = scalars.contains("/")
        if scalars.first == "/" { scalars.removeFirst() }
        guard !scalars.isEmpty else { return nil }
        self.base = Array(base.unicodeScalars)
        glob = Glob(scalars)
    }

    /// Whether the pattern matches `path` (relative to the walk's root, "/"-separated).
    ///
    /// Only the path itself is tested: a walker that does not descend into ignored folders gets
    /// git's rule that nothing inside an excluded folder can be re-included.
    func matches(_ path: [Unicode.Scalar], isDirectory: Bool) -> Bool {
        if isDirectoryOnly && !isDirectory { return false }
        var start = 0
        if !base.isEmpty {
            guard path.count > base.count, path[base.count] == "/", path.starts(with: base) else { return false }
            start = base.count + 1
        }
        if !isAnchored, let slash = path[start...].lastIndex(of: "/") {
            start = slash + 1
        }
        return glob.matches(path[start...])
    }

    /// Whether the scalar at `index` is preceded by an odd number of backslashes.
    private static func isEscaped(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var backslashes = 0
        var previous = index - 1
        while previous >= 0 && scalars[previous] == "\\" {
            backslashes += 1
            previous -= 1
        }
        return backslashes % 2 == 1
    }
}
