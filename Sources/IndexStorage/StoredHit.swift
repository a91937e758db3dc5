import SemfindCore

/// A stored chunk as a search returns it, with what the index knew of its file.
public struct StoredHit: Sendable {
    public let chunkID: Int64
    public let path: String
    public let text: String
    public let headingPath: [String]
    public let span: SourceSpan
    /// The file's size and modification time (ns) when it was indexed, to tell a stale hit.
    public let fileSize: Int
    public let fileModified: Int64
    public let plugin: String

    public init(
        chunkID: Int64, path: String, text: String, headingPath: [String], span: SourceSpan, fileSize: Int,
        fileModified: Int64, plugin: String
    ) {
        self.chunkID = chunkID
        self.path = path
        self.text = text
        self.headingPath = headingPath
        self.span = span
        self.fileSize = fileSize
        self.fileModified = fileModified
        self.plugin = plugin
    }
}
