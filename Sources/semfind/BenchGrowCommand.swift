import ArgumentParser
import Foundation
import IndexStorage
import SemfindCore
import VectorStore

extension BenchCommand {
    /// `semfind bench grow` (hidden): makes a large index out of a real one, for measuring search
    /// at sizes that would take days to embed. Writes synthetic files through the index's own
    /// write path (chunks, FTS5 rows, vectors, IVF lists) until the index holds `--chunks`
    /// vectors. Each chunk reuses the text of a random real chunk; its vector is that chunk's
    /// vector plus Gaussian noise of norm about `--noise`, normalized. Run it on a copy: the
    /// derived files live under a root that does not exist on disk (`--root`).
    struct Grow: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grow an index with derived chunks (real texts, real vectors plus noise) for benchmarks.",
            shouldDisplay: false)

        @OptionGroup var location: IndexLocation

        @Option(name: .long, help: "Vectors the index should hold at the end.")
        var chunks: Int

        @Option(name: .long, help: "Norm of the Gaussian noise added to each borrowed vector.")
        var noise: Float = 0.3

        @Option(name: .long, help: "Chunks per derived file.")
        var chunksPerFile = 10

        @Option(name: .long, help: "Root folder the derived files are recorded under (not created).")
        var root = "/semfind-derived"

        @Option(name: .long, help: "Seed of the choices and the noise.")
        var seed: UInt64 = 1

        func validate() throws {
            guard chunks > 0, chunksPerFile > 0, noise >= 0 else {
                throw ValidationError("--chunks and --chunks-per-file must be positive, --noise not negative")
            }
        }

        func run() throws {
            let lock = try WriterLock(indexPath: location.path, wait: false) { false }
            defer { withExtendedLifetime(lock) {} }
            let store = try IndexStore(path: location.path, create: false)
            let real = try store.chunksWithVectors()
            guard let dimension = real.first?.vector?.count, dimension > 0 else {
                throw SemfindError(.invalidInput, "\(location.path) holds no vectors to derive chunks from")
            }
            var generator = SeededGenerator(seed: seed)
            var total = try store.status().vectors
            var fileNumber = try store.filePaths(underRoot: root).count
            let started = Date()
            let noisePerValue = noise / Float(dimension).squareRoot()
            while total < chunks {
                let count = min(chunksPerFile, chunks - total)
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
                if fileNumber % 5000 == 0 {
                    FileHandle.standardError.write(
                        Data("\(total) vectors, \(Int(Date().timeIntervalSince(started))) s\n".utf8))
                }
            }
            let writing = Date().timeIntervalSince(started)
            let plan = try store.refreshVectorIndex()
            let info = try store.vectorIndexInfo()
            print(
                "\(total) vectors; writing \(String(format: "%.1f", writing)) s; then \(plan) in \(String(format: "%.1f", Date().timeIntervalSince(started) - writing)) s; kind \(info.kind.rawValue), lists \(info.lists ?? 0), probes \(info.probes ?? 0), recall@10 \(info.recall ?? 1)"
            )
        }
    }
}
