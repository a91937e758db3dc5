import Foundation

/// How an index searches its vectors, as its metadata records it.
public struct VectorIndexInfo: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Every row is scanned.
        case flat
        /// Rows are filed under k-means lists; a query scans the `probes` nearest lists.
        case ivf
        /// The database keeps an HNSW graph of the rows (pgvector) and searches it itself.
        case hnsw
    }

    public var kind: Kind
    /// The number of lists (IVF only).
    public var lists: Int?
    /// How many lists a query scans (IVF only).
    public var probes: Int?
    /// Recall@10 against exact search with `probes`, measured at training (IVF only).
    public var recall: Double?
    /// How many of the index's own rows served as queries to measure `recall`.
    public var recallQueries: Int?
    /// The number of vectors when the lists were trained (IVF only).
    public var trainedRows: Int?

    public init(
        kind: Kind, lists: Int? = nil, probes: Int? = nil, recall: Double? = nil, recallQueries: Int? = nil,
        trainedRows: Int? = nil
    ) {
        self.kind = kind
        self.lists = lists
        self.probes = probes
        self.recall = recall
        self.recallQueries = recallQueries
        self.trainedRows = trainedRows
    }

    /// The vector count at or above which an index is IVF (below it, flat): see the IVF
    /// threshold section of docs/PERFORMANCE.md for the measurements behind it.
    public static let defaultIVFThreshold = 500_000

    /// `defaultIVFThreshold`, unless `SEMFIND_IVF_THRESHOLD` sets another (tests use tiny indexes).
    public static func ivfThreshold(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        environment["SEMFIND_IVF_THRESHOLD"].flatMap { Int($0) }.map { max(1, $0) } ?? defaultIVFThreshold
    }

    /// What the index should become for `rows` vectors.
    public enum Plan: Equatable, Sendable {
        case keep
        /// Train lists anew (from flat, or retraining an IVF index).
        case train
        /// Drop the lists and scan every row.
        case becomeFlat
    }

    /// Flat below `threshold` vectors, IVF at or above. An IVF index trains again when its row
    /// count has doubled or halved since training (or when `retrain` asks): k-means lists fit
    /// the rows they were trained on, and as rows are added or removed the lists grow uneven and
    /// their number drifts from 4·√N — at twice the rows the right number of lists is 1.4× what
    /// was trained, the lists hold twice the rows, and a probe costs twice as much for the same
    /// recall. Doubling and halving keep the training cost proportional to the rows written
    /// (each retrain is paid for by as many rows again). An IVF index that shrinks below half
    /// the threshold becomes flat again; between half and the threshold it stays IVF, so an
    /// index hovering at the threshold does not switch at every run.
    public func plan(rows: Int, threshold: Int, retrain: Bool) -> Plan {
        switch kind {
        case .flat:
            return rows >= threshold && rows > 0 ? .train : .keep
        case .ivf:
            if rows == 0 || rows * 2 < threshold { return .becomeFlat }
            guard let trained = trainedRows, trained > 0 else { return .train }
            return retrain || rows >= 2 * trained || rows * 2 <= trained ? .train : .keep
        case .hnsw:
            return .keep
        }
    }
}
