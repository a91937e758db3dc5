/// An indexed file as filters see it.
public struct IndexedFile: Sendable {
    public let id: Int64
    public let path: String
    public let plugin: String

    public init(id: Int64, path: String, plugin: String) {
        self.id = id
        self.path = path
        self.plugin = plugin
    }
}
