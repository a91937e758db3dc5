/// What a `Walker` yields and what it skips: the size limit and whether hidden entries count.
public struct WalkOptions: Sendable {
    /// Files larger than this many bytes are skipped as `.tooLarge` (the `--max-file-size` flag).
    public var maxFileSize: Int = 10 << 20
    /// Walk files and folders whose name starts with "." (VCS folders stay skipped either way).
    public var includeHidden = false

    /// Options with the given limit (10 MiB unless told) and hidden entries left out unless told.
    public init(maxFileSize: Int = 10 << 20, includeHidden: Bool = false) {
        self.maxFileSize = maxFileSize
        self.includeHidden = includeHidden
    }
}
