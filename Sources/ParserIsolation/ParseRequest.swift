/// What the indexer asks of the parse worker: the plugin (by name) and a file's bytes. Encoded
/// as the name's length (one byte), the name, and the bytes.
struct ParseRequest: Equatable {
    let plugin: String
    let bytes: [UInt8]

    var encoded: [UInt8] {
        let name = Array(plugin.utf8.prefix(255))
        return [UInt8(name.count)] + name + bytes
    }

    /// The request in `payload`; nil when it is not one.
    init?(decoding payload: ArraySlice<UInt8>) {
        guard let count = payload.first.map(Int.init), payload.count > count else { return nil }
        let name = payload.dropFirst().prefix(count)
        plugin = String(decoding: name, as: UTF8.self)
        bytes = Array(payload.dropFirst(1 + count))
    }

    init(plugin: String, bytes: [UInt8]) {
        self.plugin = plugin
        self.bytes = bytes
    }
}
