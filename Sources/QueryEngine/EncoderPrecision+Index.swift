import IndexBackends
import IndexStorage
import SemfindCore
import TextEncoder

extension EncoderPrecision {
    /// What `semfind index` embeds a new index with unless `--encoder` says otherwise: int8 where
    /// the processor has an int8 kernel (AVX2 or better: 1.5-2.8x float32's indexing speed, its
    /// vectors at cosine 0.9994 with float32's, search quality within a query of float32's on
    /// each public set; docs/PERFORMANCE.md), float32 where only the portable kernel would run.
    public static var newIndexDefault: EncoderPrecision { Int8Kernel.best.resolved == .portable ? .fp32 : .int8 }

    /// The precision `store`'s vectors were embedded with; nil for an index that holds none yet.
    ///
    /// - Throws: `SemfindError` `.invalidInput` for a precision this build does not know.
    public static func recorded(in store: any IndexRecords) throws -> EncoderPrecision? {
        guard let recorded = try store.encoderPrecision() else { return nil }
        guard let precision = EncoderPrecision(rawValue: recorded) else {
            throw SemfindError(
                .invalidInput,
                "index \(store.indexName) was embedded by a \(recorded) encoder, which this semfind cannot run")
        }
        return precision
    }

    /// The precision of the index at `index`, when it exists and holds vectors.
    public static func recorded(atIndex index: IndexAddress) throws -> EncoderPrecision? {
        guard let store = try index.openExisting() else { return nil }
        return try recorded(in: store)
    }

    /// The precision to encode with for `store`: its recorded one, else a new index's default.
    public static func of(_ store: any IndexRecords) throws -> EncoderPrecision {
        try recorded(in: store) ?? newIndexDefault
    }

    /// The precision to encode with for the index at `index` (see `of(_:)`).
    public static func of(indexAt index: IndexAddress) throws -> EncoderPrecision {
        try recorded(atIndex: index) ?? newIndexDefault
    }
}
