/// What a `Walker` yields and what it skips: the size limit, whether hidden entries count, and
/// (for an update of a few paths) which part of the tree to walk.
public struct WalkOptions: Sendable {
    /// Files larger than this many bytes are skipped as `.tooLarge` (the `--max-file-size` flag).
    public var maxFileSize: Int = 10 << 20
    /// Walk files and folders whose name starts with "." (VCS folders stay skipped either way).
    public var includeHidden = false
    /// Follow symbolic links whose target is outside the root they were found under (the
    /// `--follow` flag). Off: such links are reported and not followed. Links into /proc, /sys
    /// and /dev are never followed.
    public var followsLinksOutside = false
    /// When set, only the focus paths (and the folders leading to them) are walked: an update
    /// of the files an event named, with the ignore rules of every folder above them in force.
    public var focus: WalkFocus?
    /// The binary files a plugin reads (`FormatRegistry.binaryFormats`); none unless told.
    public var binaryFormats = BinaryFormats()
    /// Lowercase extensions whose files are typed without the typer when their first bytes are
    /// plainly text (`PlainText`): the name alone picks their plugin
    /// (`FormatRegistry.extensionsThatDecide`). None unless told: the typer types every file.
    public var plainTextExtensions: Set<String> = []
    /// Absolute paths never yielded nor reported: the index's own files, when the index lives
    /// inside a folder it indexes.
    public var excludedFiles: Set<String> = []

    /// Options with the given limit (10 MiB unless told) and hidden entries left out unless told.
    public init(
        maxFileSize: Int = 10 << 20, includeHidden: Bool = false, followsLinksOutside: Bool = false,
        focus: WalkFocus? = nil
    ) {
        self.maxFileSize = maxFileSize
        self.includeHidden = includeHidden
        self.followsLinksOutside = followsLinksOutside
        self.focus = focus
    }
}
