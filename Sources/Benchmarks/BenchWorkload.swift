import Foundation
import ResultOutput
import SemfindCore
import VectorIndex
import VectorStore

/// The vectors a search benchmark runs on: base rows and queries (unit vectors, row-major),
/// synthetic or taken from an index.
public struct BenchWorkload {
    public let dimension: Int
    public let base: [Float]
    public let queries: [Float]
    /// Where the vectors come from, for the report.
    public let source: String

    public var baseCount: Int { base.count / dimension }
    public var queryCount: Int { queries.count / dimension }

    /// `count` clustered vectors around `centres` centres, and `queries` more drawn the same way.
    public init(synthetic count: Int, dimension: Int, centres: Int, queries: Int) {
        var generator = SeededGenerator(seed: 384)
        let vectors = SyntheticVectors(dimension: dimension, centreCount: centres, spread: 1.2, generator: &generator)
        self.dimension = dimension
        base = vectors.draw(count, generator: &generator)
        self.queries = vectors.draw(queries, generator: &generator)
        source = "synthetic (\(centres) centres, noise 1.2)"
    }

    /// The vectors of the index at `path`; `queries` random rows of it are held out as queries.
    public init(index path: String, queries: Int) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SemfindError(.invalidInput, "no index at \(path); give the path of an index.sqlite")
        }
        let flat = try FlatIndex(store: try IndexStore(path: path, create: false))
        let dimension = flat.dimension
        guard flat.count > queries else {
            throw SemfindError(.invalidInput, "\(path) has \(flat.count) vectors, fewer than --queries \(queries) + 1")
        }
        var generator = SeededGenerator(seed: 384)
        let held = Set((0..<flat.count).shuffled(using: &generator).prefix(queries))
        var base = [Float]()
        var heldOut = [Float]()
        base.reserveCapacity((flat.count - queries) * dimension)
        for row in 0..<flat.count {
            let values = flat.snapshot.vector(ofRow: row)
            if held.contains(row) { heldOut.append(contentsOf: values) } else { base.append(contentsOf: values) }
        }
        self.dimension = dimension
        self.base = base
        self.queries = heldOut
        source = path
    }

    public func query(_ index: Int) -> [Float] {
        Array(queries[(index * dimension)..<((index + 1) * dimension)])
    }

    /// Writes base.npy, queries.npy, the IVF parameters (params.json) and semfind's results
    /// (semfind.jsonl) to `folder`, for `scripts/bench-faiss`.
    public func export(to folder: String, results: [SearchBenchRow]) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try base.withUnsafeBufferPointer {
            try NumpyFile.write($0, rows: baseCount, columns: dimension, to: folder + "/base.npy")
        }
        try queries.withUnsafeBufferPointer {
            try NumpyFile.write($0, rows: queryCount, columns: dimension, to: folder + "/queries.npy")
        }
        let ivf = results.first { $0.kind == "ivf" }
        let params = IVFParameters(
            nlist: ivf?.nlist, nprobe: ivf?.nprobe, trainVectors: ivf?.trainVectors, iterations: ivf?.iterations)
        try Data(JSONLine.encode(params).dropLast().utf8).write(to: URL(fileURLWithPath: folder + "/params.json"))
        let lines = results.map { JSONLine.encode($0) }.joined()
        try Data(lines.utf8).write(to: URL(fileURLWithPath: folder + "/semfind.jsonl"))
    }
}

/// `params.json` of an export: the IVF index's lists, probes and training, for faiss to match.
private struct IVFParameters: Encodable {
    let nlist: Int?
    let nprobe: Int?
    let trainVectors: Int?
    let iterations: Int?

    enum CodingKeys: String, CodingKey {
        case nlist, nprobe, iterations
        case trainVectors = "train_vectors"
    }
}
