import Foundation

/// The form an index stores its vectors in, in the database and in the snapshot's rescoring
/// rows: float32, float16, or int8 with one scale per vector. Every form is also scanned as int8
/// rows; the stored form is what the best candidates are rescored with.
public enum VectorPrecision: String, Sendable, CaseIterable, Comparable {
    case f32, f16, int8

    /// What a new index stores: int8 keeps the evaluation sets' Recall@10 and MRR@10 of float32
    /// (docs/EVALUATION.md, "Chunk size and vector precision") at a quarter of the bytes.
    public static let standard = VectorPrecision.int8

    /// Bytes of one stored vector of `dimension` values (int8: the scale, then the values).
    public func storedBytes(dimension: Int) -> Int {
        switch self {
        case .f32: 4 * dimension
        case .f16: 2 * dimension
        case .int8: 4 + dimension
        }
    }

    /// Bytes per value of the snapshot's rescoring rows (none for int8: its scanned rows are its
    /// stored rows).
    var rescoringBytesPerValue: Int {
        switch self {
        case .f32: 4
        case .f16: 2
        case .int8: 0
        }
    }

    /// The form of a stored vector of `byteCount` bytes, or nil when no form of `dimension` has
    /// that length.
    package static func of(byteCount: Int, dimension: Int) -> VectorPrecision? {
        allCases.first { $0.storedBytes(dimension: dimension) == byteCount }
    }

    /// Higher precision compares greater: a conversion may only go down.
    public static func < (lhs: VectorPrecision, rhs: VectorPrecision) -> Bool {
        lhs.bitsPerValue < rhs.bitsPerValue
    }

    private var bitsPerValue: Int {
        switch self {
        case .f32: 32
        case .f16: 16
        case .int8: 8
        }
    }
}
