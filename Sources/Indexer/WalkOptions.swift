/// What a `Walker` yields and what it skips: the size limit and whether hidden entries count.
public struct WalkOptions: Sendable {
    /// Files larger than this many bytes are skipped as `.tooLarge` (the `--max-file-size` flag).
    public var maxFileSize: Int = 10 << 20
    /// Walk files and folders whose name starts with "." (VCS folders stay skipped either way).
    public var includeHidden = false
    /// Read each file's first bytes and type it with libmagic (binary files are then skipped).
    /// Off for a quick count of the files a walk will yield: `mimeType` and `charset` are empty.
    public var detectTypes = true

    /// Options with the given limit (10 MiB unless told) and hidden entries left out unless told.
    public init(maxFileSize: Int = 10 << 20, includeHidden: Bool = false, detectTypes: Bool = true) {
        self.maxFileSize = maxFileSize
        self.includeHidden = includeHidden
        self.detectTypes = detectTypes
    }
}
