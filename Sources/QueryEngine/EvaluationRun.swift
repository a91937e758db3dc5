import Foundation
import IndexBackends
import SemfindCore
import TextEncoder

/// `semfind eval`'s work: labelled queries through every index, ranking setting and mode, one
/// engine per index whatever the settings, so its vectors and counts load once.
public struct EvaluationRun {
    /// One index, setting and mode's figures.
    public struct Row: Sendable {
        public let index: String
        public let setting: RankingSetting
        public let mode: SearchMode
        public let report: Evaluator.Report
        /// The index's model and its costs.
        public let profile: IndexProfile
    }

    /// Relevant paths of the queries that an index does not hold.
    public struct UnknownPaths: Sendable {
        public let index: String
        public let paths: [String]
    }

    public let queries: [LabeledQuery]
    public let settings: [RankingSetting]
    public let modes: [SearchMode]
    public let k: Int
    public let appliesFloor: Bool

    public init(
        queries: [LabeledQuery], settings: [RankingSetting], modes: [SearchMode], k: Int, appliesFloor: Bool
    ) {
        self.queries = queries
        self.settings = settings
        self.modes = modes
        self.k = k
        self.appliesFloor = appliesFloor
    }

    /// The rows of every index in `indexes`, in order, and the relevant paths each index lacks.
    /// `encoder` gives, for an index, how to load the encoder of a precision (each index names
    /// its own model).
    public func run(
        indexes: [IndexAddress], base: QueryPolicy,
        encoder: (IndexAddress) -> (EncoderPrecision) throws -> SentenceEncoder
    ) throws -> (rows: [Row], unknown: [UnknownPaths]) {
        var rows: [Row] = []
        var unknown: [UnknownPaths] = []
        for index in indexes {
            let path = index.description
            let engine = try SearchEngine(index: index, policy: base, encoder: encoder(index))
            // Many searches in one process, as a server answers them (and the same results as
            // a one-shot search, which scripts/eval-check compares against).
            engine.scanBlocks = 2 * ProcessInfo.processInfo.activeProcessorCount
            // Settings that change only the fusion rank what the first gathered again.
            if settings.count > 1 { engine.reuseEvidence() }
            let evaluator = Evaluator(engine: engine, k: k, appliesFloor: appliesFloor)
            let missing = try evaluator.unknownPaths(in: queries)
            if !missing.isEmpty { unknown.append(UnknownPaths(index: path, paths: missing)) }
            var reports: [(RankingSetting, SearchMode, Evaluator.Report)] = []
            for setting in settings {
                engine.policy = try setting.applied(to: base)
                for mode in modes { reports.append((setting, mode, try evaluator.run(queries, mode: mode))) }
            }
            let profile = try IndexProfile.measure(
                engine.store, queries: queries.map(\.query),
                encoder: modes.contains { $0 != .keyword } ? try engine.encoder() : nil)
            rows += reports.map { Row(index: path, setting: $0, mode: $1, report: $2, profile: profile) }
        }
        return (rows, unknown)
    }
}
