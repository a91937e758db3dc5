import IndexBackends
import IndexStorage
import SemfindCore
import TextEncoder

extension EncoderPrecision {
    /// What `semfind index` embeds a new index with unless `--encoder` says otherwise.
    public static let newIndexDefault = EncoderPrecision.fp32

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
