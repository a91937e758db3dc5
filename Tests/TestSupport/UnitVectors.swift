import SemfindCore

/// Random unit vectors for vector tests: values of both signs and of different sizes, the same
/// for the same seed.
public enum UnitVectors {
    public static func make(_ count: Int, dimension: Int, seed: UInt64) -> [[Float]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let raw = (0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) }
            let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return raw.map { $0 / norm }
        }
    }
}
