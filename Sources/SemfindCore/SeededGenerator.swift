import Foundation

/// A small, fast random number generator with a fixed seed (SplitMix64), so that k-means, the
/// benchmarks' synthetic vectors and the tests' random models come out the same on every run
/// and every platform.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A standard normal value (Box–Muller).
    public mutating func nextGaussian() -> Float {
        let uniform = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let angle = Double.random(in: 0..<(2 * Double.pi), using: &self)
        return Float((-2 * log(uniform)).squareRoot() * cos(angle))
    }

    /// A float uniformly drawn from [-1, 1).
    public mutating func nextSigned() -> Float {
        Float(next() >> 40) / Float(1 << 23) - 1
    }
}
