import ArgumentParser
import Foundation
import VectorStore

/// `semfind status`: what an index holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show an index: roots, files, chunks, vectors, size, model and index kind.")

    @OptionGroup var location: IndexLocation

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func run() throws {
        let status = try IndexStore(path: location.path, create: false).status()
        let fields: [(String, Any)] = [
            ("index", status.path), ("roots", status.roots), ("files", status.files), ("chunks", status.chunks),
            ("vectors", status.vectors), ("bytes_on_disk", status.bytesOnDisk), ("model", status.modelName ?? ""),
            ("fingerprint", status.modelFingerprint ?? ""), ("dimension", status.dimension ?? 0),
            ("index_kind", status.indexKind ?? ""),
        ]
        if json {
            let data = try JSONSerialization.data(
                withJSONObject: Dictionary(uniqueKeysWithValues: fields), options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        for (key, value) in fields {
            let shown =
                (value as? [String]).map { $0.joined(separator: "\n" + String(repeating: " ", count: 14)) }
                ?? "\(value)"
            print("\(key.padding(toLength: 13, withPad: " ", startingAt: 0)) \(shown)")
        }
    }
}
