import Foundation
import SemfindCore
import Testing

@testable import VectorIndex

@Suite("k-means and IVF search")
struct IVFIndexTests {
    /// `perCluster` unit vectors around each of `clusters` orthogonal axes, with a little noise.
    static func clustered(clusters: Int, perCluster: Int, dimension: Int, noise: Float) -> [Float] {
        var generator = SeededGenerator(seed: 7)
        var values: [Float] = []
        for cluster in 0..<clusters {
            for _ in 0..<perCluster {
                var row = (0..<dimension).map { _ in noise * generator.nextGaussian() }
                row[cluster] += 1
                let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
                values += row.map { $0 / norm }
            }
        }
        return values
    }

    static func random(rows: Int, dimension: Int) -> [Float] {
        clustered(clusters: 1, perCluster: rows, dimension: dimension, noise: 10)
    }

    @Test("k-means puts well-separated clusters each under its own centroid")
    func recoversClusters() {
        let data = Self.clustered(clusters: 5, perCluster: 40, dimension: 16, noise: 0.05)
        var generator = SeededGenerator(seed: 1)
        let model = data.withUnsafeBufferPointer {
            SphericalKMeans.train(
                FloatMatrix($0, dimension: 16), k: 5, sampleLimit: 1000, iterations: 10, generator: &generator)
        }
        let labels = data.withUnsafeBufferPointer { model.assign(FloatMatrix($0, dimension: 16)) }
        let perCluster = (0..<5).map { Set(labels[($0 * 40)..<(($0 + 1) * 40)]) }
        #expect(perCluster.allSatisfy { $0.count == 1 }, "each cluster's rows share one centroid")
        #expect(Set(perCluster.flatMap { $0 }).count == 5, "no two clusters share a centroid")
    }

    @Test("the lists hold every row exactly once")
    func listsCoverRows() throws {
        let data = Self.random(rows: 300, dimension: 8)
        let index = try data.withUnsafeBufferPointer { try IVFIndex(vectors: $0, dimension: 8, listCount: 12) }
        #expect(index.listCount == 12)
        #expect(index.listMembers.flatMap { $0 }.sorted() == Array(0..<300))
    }

    @Test("probing every list finds exactly what exact search finds")
    func allListsAreExact() throws {
        let data = Self.random(rows: 400, dimension: 24)
        let queries = Self.clustered(clusters: 1, perCluster: 20, dimension: 24, noise: 3)
        let index = try data.withUnsafeBufferPointer { try IVFIndex(vectors: $0, dimension: 24, listCount: 16) }
        let truth = data.withUnsafeBufferPointer { ExactNeighbors.search(queries, in: $0, dimension: 24, k: 10) }
        let found = (0..<20).map { query in
            index.nearest(
                Array(queries[(query * 24)..<((query + 1) * 24)]), k: 10, probes: 16, candidates: 400
            ).map(\.row)
        }
        #expect(ExactNeighbors.recall(found, truth: truth, k: 10) == 1)
        #expect(found == truth)
    }

    @Test("the probe count chosen reaches the recall asked for, and no more lists than needed")
    func choosesProbes() throws {
        let clustered = Self.clustered(clusters: 8, perCluster: 60, dimension: 16, noise: 0.1)
        let index = try clustered.withUnsafeBufferPointer { try IVFIndex(vectors: $0, dimension: 16, listCount: 8) }
        let choice = index.chooseProbes(target: 0.95, depth: 10, queries: 50, candidates: 100)
        #expect(choice.recall >= 0.95)
        #expect(choice.queries == 50)
        #expect(choice.probes < 8, "separated clusters need few lists")
        #expect(index.chooseProbes(target: 0, queries: 50, candidates: 100).probes == 1)
        let deep = index.chooseProbes(target: 0.95, depth: 100, queries: 50, candidates: 100)
        #expect(deep.probes > choice.probes, "the 100 nearest of a row of 60 reach into other clusters")
        #expect(deep.recall >= choice.recall)

        let spread = Self.random(rows: 400, dimension: 16)
        let hard = try spread.withUnsafeBufferPointer { try IVFIndex(vectors: $0, dimension: 16, listCount: 20) }
        let strict = hard.chooseProbes(target: 1, queries: 40, candidates: 400)
        #expect(strict.recall == 1, "probing every list is exact")
        let loose = hard.chooseProbes(target: 0.5, depth: 10, queries: 40, candidates: 400)
        #expect(loose.probes < strict.probes)
        #expect(loose.recall >= 0.5)
    }

    @Test("a .npy file has a version 1.0 header padded to 64 bytes, then the floats little-endian")
    func numpyFormat() throws {
        let header = NumpyFile.header(rows: 3, columns: 2)
        #expect(Array(header.prefix(8)) == [0x93] + Array("NUMPY".utf8) + [1, 0])
        #expect(header.count % 64 == 0)
        #expect(Int(header[8]) | Int(header[9]) << 8 == header.count - 10)
        let text = String(decoding: header.dropFirst(10), as: UTF8.self)
        #expect(text.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }"))
        #expect(text.hasSuffix(" \n"))

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("npy-\(UUID().uuidString).npy").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let values: [Float] = [1, -2, 0.5, 3, 4, 1e-3]
        try values.withUnsafeBufferPointer { try NumpyFile.write($0, rows: 3, columns: 2, to: path) }
        let written = try #require(FileManager.default.contents(atPath: path))
        #expect(written.prefix(header.count) == header)
        let floats = stride(from: header.count, to: written.count, by: 4).map { offset in
            Float(
                bitPattern: written[offset..<(offset + 4)].enumerated().reduce(UInt32(0)) {
                    $0 | UInt32($1.element) << (8 * $1.offset)
                })
        }
        #expect(floats == values)
    }
}
