import Foundation
import SemfindCore

/// What an installed model is (`semfind model install`), as `semfind model list`
/// shows it.
public struct ModelSummary: Sendable {
    public let name: String
    public let folder: URL
    /// "bert" or "mpnet".
    public let family: String
    public let dimension: Int
    public let maxLength: Int
    /// The bytes of every file below the folder.
    public let bytesOnDisk: Int64
    public let fingerprint: String

    /// Loads the model in `folder` to read what it is.
    public init(folder: URL) throws {
        let encoder = try SentenceEncoder(folder: folder, threads: 1)
        name = encoder.name
        self.folder = folder
        family = encoder.config.family?.rawValue ?? "unknown"
        dimension = encoder.dimension
        maxLength = encoder.maxLength
        bytesOnDisk = Self.bytes(below: folder)
        fingerprint = encoder.fingerprint()
    }

    static func bytes(below folder: URL) -> Int64 {
        let files = FileManager.default.enumerator(
            at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: [.fileSizeKey])
        return (files?.allObjects as? [URL] ?? []).reduce(0) { total, file in
            total + Int64((try? file.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0)
        }
    }
}

extension ModelLocator {
    /// The model folders installed in the data home's models folder (those that hold a
    /// `model.safetensors`; not an install's hidden staging folder), by name.
    public func installedFolders() -> [URL] {
        let entries =
            (try? FileManager.default.contentsOfDirectory(at: modelsFolder, includingPropertiesForKeys: nil)) ?? []
        return
            entries
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("model.safetensors").path) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
