/// What the index remembers of one file, to decide whether it changed.
public struct FileRecord: Sendable, Equatable {
    public let path: String
    public let size: Int
    /// Modification time in nanoseconds since 1970.
    public let modified: Int64
    public let contentHash: String
    public let plugin: String
    public let pluginVersion: Int

    public init(path: String, size: Int, modified: Int64, contentHash: String, plugin: String, pluginVersion: Int) {
        self.path = path
        self.size = size
        self.modified = modified
        self.contentHash = contentHash
        self.plugin = plugin
        self.pluginVersion = pluginVersion
    }
}
