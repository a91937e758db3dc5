import SemfindCore
import VectorStore

/// Clustered unit vectors for benchmarks: random unit centres, each row a centre plus Gaussian
/// noise of norm about `spread`, normalized. Queries drawn the same way are not rows.
struct SyntheticVectors {
    let dimension: Int
    let centres: [Float]
    let spread: Float
    var centreCount: Int { centres.count / dimension }

    init(dimension: Int, centreCount: Int, spread: Float, generator: inout SeededGenerator) {
        self.dimension = dimension
        self.spread = spread
        var centres = (0..<(centreCount * dimension)).map { _ in generator.nextGaussian() }
        for centre in 0..<centreCount { Self.normalize(&centres[(centre * dimension)..<((centre + 1) * dimension)]) }
        self.centres = centres
    }

    /// `rows` new vectors, row-major.
    func draw(_ rows: Int, generator: inout SeededGenerator) -> [Float] {
        var values = [Float](repeating: 0, count: rows * dimension)
        let noise = spread / Float(dimension).squareRoot()
        for row in 0..<rows {
            let centre = Int.random(in: 0..<centreCount, using: &generator) * dimension
            let start = row * dimension
            for index in 0..<dimension {
                values[start + index] = centres[centre + index] + noise * generator.nextGaussian()
            }
            Self.normalize(&values[start..<(start + dimension)])
        }
        return values
    }

    private static func normalize(_ values: inout ArraySlice<Float>) {
        let norm = values.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return }
        for index in values.indices { values[index] /= norm }
    }
}
