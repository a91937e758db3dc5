import Foundation
import ZIPFoundation

/// Zip archives the tests build in memory, entry by entry, in the order given.
public enum ZipFixture {
    /// An archive of `entries` (name and text), deflated except where `stored` names them.
    public static func zip(_ entries: [(name: String, text: String)], stored: Set<String> = []) throws -> [UInt8] {
        try zip(entries.map { ($0.name, Array($0.text.utf8)) }, stored: stored)
    }

    public static func zip(_ entries: [(name: String, bytes: [UInt8])], stored: Set<String> = []) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for entry in entries {
            let data = Data(entry.bytes)
            try archive.addEntry(
                with: entry.name, type: .file, uncompressedSize: Int64(data.count),
                compressionMethod: stored.contains(entry.name) ? .none : .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data ?? Data())
    }

    /// An archive whose one entry, `name`, inflates to `size` zero bytes: a zip bomb when `size`
    /// is large (zeros deflate about a thousandfold).
    public static func zeros(named name: String, size: Int) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        let chunk = Data(count: 1 << 20)
        try archive.addEntry(
            with: name, type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate, bufferSize: 1 << 20
        ) { _, size in
            chunk.prefix(size)
        }
        return Array(archive.data ?? Data())
    }
}
