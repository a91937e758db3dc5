import Foundation
import TestSupport
import Testing

@testable import VectorIndex

@Suite("Stored vector forms and snapshot rows")
struct VectorRowsTests {
    let dimension = 48

    func vectors(_ count: Int, seed: UInt64 = 5) -> [[Float]] {
        UnitVectors.make(count, dimension: dimension, seed: seed)
    }

    @Test("each form decodes to values within its rounding, and a blob's length tells its form")
    func codecRoundTrip() throws {
        for vector in vectors(20) {
            for precision in VectorPrecision.allCases {
                let blob = VectorCodec.encode(vector, as: precision)
                #expect(blob.count == precision.storedBytes(dimension: dimension))
                let decoded = try #require(blob.withUnsafeBytes { VectorCodec.decode($0, dimension: dimension) })
                let largest = vector.map(abs).max() ?? 0
                let tolerance: Float =
                    switch precision {
                    case .f32: 0
                    case .f16: 0.001
                    case .int8: largest / 127 / 2 + 1e-6
                    }
                #expect(zip(vector, decoded).allSatisfy { abs($0 - $1) <= tolerance }, "\(precision)")
            }
        }
        let odd = Data(count: 4 * dimension + 1)
        #expect(odd.withUnsafeBytes { VectorCodec.decode($0, dimension: dimension) } == nil)
    }

    @Test("a snapshot read a block at a time gives every row once, and exact search over it equals search over floats")
    func blocksOfRows() throws {
        let rows = vectors(50)
        let queries = vectors(3, seed: 11)
        for precision in VectorPrecision.allCases {
            let snapshot = try VectorSnapshot.build(
                count: 50, dimension: dimension, generation: 0, precision: precision
            ) {
                chunkIDs, fileIDs, matrix in
                for (row, vector) in rows.enumerated() {
                    chunkIDs[row] = Int64(row)
                    fileIDs[row] = Int64(row)
                    for (index, value) in vector.enumerated() { matrix[row * dimension + index] = value }
                }
                return 50
            }
            let decoded = (0..<50).flatMap { snapshot.vector(ofRow: $0) }
            for blockRows in [1, 7, 50, 64] {
                var seen: [Float] = []
                var starts: [Int] = []
                snapshot.forEachBlock(rows: blockRows) { first, values in
                    starts.append(first)
                    seen += values
                }
                #expect(seen == decoded, "\(precision), blocks of \(blockRows)")
                #expect(starts == Array(stride(from: 0, to: 50, by: blockRows)))
            }
            let overFloats = decoded.withUnsafeBufferPointer {
                ExactNeighbors.search(queries.flatMap { $0 }, in: $0, dimension: dimension, k: 5)
            }
            #expect(ExactNeighbors.search(queries.flatMap { $0 }, in: snapshot, k: 5) == overFloats)
        }
    }
}
