import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the files `semfind index` reads: walks roots depth-first, in byte order of names,
/// and reports each file to index or each entry it skipped, one at a time.
///
/// - Ignore files: `.gitignore`, `.ignore` and `.semfindignore` in every folder, with
///   gitignore semantics (see `IgnoreRules`); ignored entries are left out silently.
/// - Always left out silently: VCS folders (`.git`, `.hg`, `.svn`, `.bzr`, `_darcs`, `CVS`),
///   hidden entries unless `includeHidden`, and `node_modules` and `__pycache__` folders
///   unless an ignore file re-includes them.
/// - Symbolic links are followed while their target stays inside the root they were found under
///   (anywhere with `followsLinksOutside`), never into /proc, /sys or /dev (`.linkLeavesRoot`);
///   a folder is walked at most once, so a link back to a folder already walked is reported as
///   `.symlinkLoop` and not followed.
/// - A file is read from the descriptor that was checked: opened without blocking and without
///   following a link the walk did not follow, it must be the regular file the walk saw
///   (else `.vanished`), and reading stops one byte past the size limit.
/// - One bad entry is reported as `.skipped` and the walk goes on; only `visit` can stop it.
///
/// A walker with a typer reads each file's first bytes, types them (binary files are then
/// skipped, except those `WalkOptions.binaryFormats` claims) and reads the rest; one without
/// yields files sized and dated from the walk's look, never opened: a quick count. A walker is not `Sendable` (its
/// typer, libmagic for `semfind index`, need not be thread-safe): use it on one thread at a time.
public struct Walker {
    /// The roots, made absolute and standardized, in the order given.
    public let roots: [String]
    /// The size limit and the hidden-entry switch.
    public let options: WalkOptions
    /// Types each file from its first bytes; `nil`: files are not opened, read or typed.
    let typer: (any FileTyper)?
    /// Tells whether a file (its path and status) is known as it is: such a file is yielded
    /// from the walk's `stat` alone, `knownUnchanged`, without reading its first bytes or asking
    /// the typer (libmagic: about 1 ms a file, most of an unchanged run's time).
    public var isKnown: ((String, FileStatus) -> Bool)?
    /// Called with a file's path just before it is opened to be read (`.opening`) and once its
    /// first bytes are typed (`.typed`): lets a test change the file between the walk's look
    /// at it and the read.
    var readStepObserver: ((String, ReadStep) -> Void)?

    /// Where the reading of one file has got to, for `readStepObserver`.
    enum ReadStep {
        case opening, typed
    }

    /// Folder names that hold version-control metadata, never user content.
    static let versionControlFolders: Set<String> = [".git", ".hg", ".svn", ".bzr", "_darcs", "CVS"]

    /// Names of the files of ignore rules read in every folder (a change to one changes what
    /// its folder holds).
    public static var ignoreFileNames: [String] { IgnoreRules.fileNames }

    /// A walker over `roots` (folders or single files), checked to exist now, that types and
    /// reads files with `typer` (or, `nil`, yields them unread and untyped).
    ///
    /// - Throws: `SemfindError` `.invalidInput` naming a root that does not exist, `.io` for a
    ///   root that cannot be examined.
    public init(roots: [String], options: WalkOptions = .init(), typer: (any FileTyper)?) throws {
        self.roots = try roots.map(Self.checkedRoot)
        self.options = options
        self.typer = typer
    }

    /// Walks every root in turn, calling `visit` for each file and each skipped entry as found.
    ///
    /// Memory stays bounded by the depth of the tree and the size of its largest folder, plus
    /// the identity of each folder walked (to walk none twice). An error thrown by `visit`
    /// stops the walk and is rethrown.
    public func walk(_ visit: (WalkEvent) throws -> Void) throws {
        var visited: [FileStatus.Identity: String] = [:]
        for root in roots {
            try walk(root: root, visited: &visited, visit)
        }
    }

    /// Walks every root's folders only: the ones a walk would enter, with the same ignore
    /// rules, each reported as it is entered. Files are not looked at; entries that cannot be
    /// examined are left out silently. For a watcher, which watches folders.
    public func walkFolders(_ found: (String) throws -> Void) throws {
        var visited: [FileStatus.Identity: String] = [:]
        try withoutActuallyEscaping(found) { enter in
            for root in roots {
                try walk(root: root, visited: &visited, enter: enter) { _ in }
            }
        }
    }

    /// `given` made absolute and standardized, after checking that something is there.
    static func checkedRoot(_ given: String) throws -> String {
        let path = try standardized(given)
        if case .failure(let error) = FileStatus.ofTarget(PathText.cPath(path)) {
            if error.isMissing || error.number == ENOTDIR {
                throw SemfindError(.invalidInput, "\(given): no such file or folder")
            }
            throw SemfindError(.io, "\(given): \(error.message)", cause: error)
        }
        if let resolved = SystemPaths.resolved(PathText.cPath(path)), SystemPaths.contains(resolved) {
            throw SemfindError(.invalidInput, "\(given): semfind never reads /proc, /sys or /dev")
        }
        return path
    }

    /// `given` made absolute (against the current folder) with ".", ".." and repeated or
    /// trailing "/" resolved lexically, the way `URL.standardized` does.
    static func standardized(_ given: String) throws -> String {
        guard !given.isEmpty else { throw SemfindError(.invalidInput, "an empty path was given as a root to index") }
        var absolute = given
        if !given.hasPrefix("/") {
            guard let current = getcwd(nil, 0) else {
                let error = SystemCallError.current
                throw SemfindError(.io, "cannot read the current folder: \(error.message)", cause: error)
            }
            absolute = String(cString: current) + "/" + given
            free(current)
        }
        var components: [Substring] = []
        for component in absolute.split(separator: "/") where component != "." {
            if component == ".." {
                _ = components.popLast()
            } else {
                components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }
}

@available(*, unavailable, message: "a Walker's typer (libmagic's handle) need not be thread-safe")
extension Walker: Sendable {}
