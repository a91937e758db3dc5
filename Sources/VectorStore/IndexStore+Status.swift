import Foundation
import IndexStorage
import VectorIndex

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
