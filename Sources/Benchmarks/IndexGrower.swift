import Foundation
import IndexStorage
import SemfindCore
import VectorStore

/// `semfind bench grow`: makes a large index out of a real one, for measuring search at sizes
/// that would take days to embed. Writes synthetic files through the index's own write path
/// (chunks, FTS5 rows, vectors, IVF lists) until the index holds `target` vectors. Each chunk
/// reuses the text of a random real chunk; its vector is that chunk's vector plus Gaussian noise
/// of norm about `noise`, normalized. The derived files live under `root`, which need not exist.
public struct IndexGrower {
    public var target: Int
    public var noise: Float
    public var chunksPerFile: Int
    public var root: String
    public var seed: UInt64

    public init(target: Int, noise: Float, chunksPerFile: Int, root: String, seed: UInt64) {
        self.target = target
        self.noise = noise
        self.chunksPerFile = chunksPerFile
        self.root = root
        self.seed = seed
    }

    /// Grows `store` to `target` vectors, then refreshes its vector index; `progress` hears the
    /// vectors held and the seconds spent every 5,000 files. Returns the closing line.
    ///
    /// - Throws: `SemfindError` `.invalidInput` when the index holds no vectors to derive from.
    public func grow(_ store: IndexStore, indexPath: String, progress: (Int, Int) -> Void) throws -> String {
        let real = try store.chunksWithVectors()
        guard let dimension = real.first?.vector?.count, dimension > 0 else {
            throw SemfindError(.invalidInput, "\(indexPath) holds no vectors to derive chunks from")
        }
        var generator = SeededGenerator(seed: seed)
        var total = try store.status().vectors
        var fileNumber = try store.filePaths(underRoot: root).count
        let started = Date()
        let noisePerValue = noise / Float(dimension).squareRoot()
        while total < target {
            let count = min(chunksPerFile, target - total)
            let derived = (0..<count).map { ordinal in
                var chunk = real[Int.random(in: 0..<real.count, using: &generator)]
                var vector = (chunk.vector ?? []).map { $0 + noisePerValue * generator.nextGaussian() }
                let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
                if norm > 0 { vector = vector.map { $0 / norm } }
                chunk.vector = vector
                chunk.hash = "derived-\(seed)-\(fileNumber)-\(ordinal)"
                return chunk
            }
            let path = "\(root)/\(fileNumber / 1000)/derived-\(fileNumber).txt"
            try store.replaceFile(
                FileRecord(
                    path: path, size: derived.reduce(0) { $0 + $1.text.utf8.count }, modified: 0,
                    contentHash: "derived-\(seed)-\(fileNumber)", plugin: "text", pluginVersion: 1),
                root: root, chunks: derived)
            fileNumber += 1
            total += count
            if fileNumber % 5000 == 0 { progress(total, Int(Date().timeIntervalSince(started))) }
        }
        let writing = Date().timeIntervalSince(started)
        let plan = try store.refreshVectorIndex()
        let info = try store.vectorIndexInfo()
        let refreshing = Date().timeIntervalSince(started) - writing
        return
            "\(total) vectors; writing \(String(format: "%.1f", writing)) s; then \(plan) in \(String(format: "%.1f", refreshing)) s; kind \(info.kind.rawValue), lists \(info.lists ?? 0), probes \(info.probes ?? 0), recall@10 \(info.recall ?? 1)"
    }
}
