import Foundation
import VectorIndex

/// What `semfind status` reports about an index.
public struct IndexStatus: Sendable {
    public let path: String
    public let roots: [String]
    public let files: Int
    /// The files by the name of the plugin that read them.
    public let filesByPlugin: [String: Int]
    public let chunks: Int
    public let vectors: Int
    /// Chunks waiting for their vectors (an index run still embedding, or one stopped).
    public let unembedded: Int
    /// The database, its write-ahead log, shared-memory file and vector snapshot together.
    public let bytesOnDisk: Int
    public let modelName: String?
    public let modelFingerprint: String?
    public let dimension: Int?
    /// The arithmetic of the encoder that embedded the vectors ("fp32", "int8"); nil before any.
    public let encoderPrecision: String?
    /// The form the vectors are stored in.
    public let precision: VectorPrecision
    /// Flat or IVF, with the IVF lists, probes and measured recall.
    public let vectorIndex: VectorIndexInfo
    /// The similarity unrelated text reaches in this index, when measured (`RelevanceFloor`).
    public let relevanceFloor: RelevanceFloor?
}

extension IndexStore {
    public func status() throws -> IndexStatus {
        let meta = try meta()
        let roots = try database.prepare("SELECT path FROM roots ORDER BY path")
        var rootPaths: [String] = []
        while try roots.step() { rootPaths.append(roots.text(0)) }
        let bytes = Self.fileSuffixes.reduce(0) { total, suffix in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix)
            return total + ((attributes?[.size] as? NSNumber)?.intValue ?? 0)
        }
        let plugins = try database.prepare("SELECT plugin, count(*) FROM files GROUP BY plugin")
        var filesByPlugin: [String: Int] = [:]
        while try plugins.step() { filesByPlugin[plugins.text(0)] = plugins.int(1) }
        return IndexStatus(
            path: path, roots: rootPaths, files: Int(try database.integer("SELECT count(*) FROM files")),
            filesByPlugin: filesByPlugin,
            chunks: Int(try database.integer("SELECT count(*) FROM chunks")),
            vectors: Int(try database.integer("SELECT count(*) FROM vectors")), unembedded: try unembeddedCount(),
            bytesOnDisk: bytes,
            modelName: meta.modelName, modelFingerprint: meta.modelFingerprint, dimension: meta.dimension,
            encoderPrecision: try encoderPrecision(meta), precision: try vectorPrecision(meta),
            vectorIndex: meta.vectorIndex, relevanceFloor: meta.relevanceFloor)
    }
}
