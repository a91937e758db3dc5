import SemfindCore

/// The tunable parts of how a query is read and ranked; the defaults are measured (see
/// docs/EVALUATION.md).
public struct QueryPolicy: Sendable, Hashable {
    /// A query with fewer word pieces than this is short: it is blended with context when there
    /// is some, and leans on keyword matches when there is none.
    public var minimumPieces = 4
    /// How context joins a short query: text given with it (an editor's surroundings, closely
    /// related) is embedded together with the query; a session's earlier queries (maybe on
    /// another subject) are blended as vectors, which lets the query keep its own direction.
    public var givenContextBlend = ContextBlend.text
    public var sessionBlend = ContextBlend.vector
    /// How many candidates each ranking contributes before fusion.
    public var candidates = 300
    /// Rescore every row exactly instead of the int8 scan's best: ranks by float32 alone, to
    /// measure what the int8 scan costs (`semfind eval --exact-scan`).
    public var exactScan = false
    /// Weight of the keyword ranking in hybrid fusion, and for a short query without context.
    public var keywordWeight = 0.5
    public var shortQueryKeywordWeight = 1.0
    /// Reciprocal rank fusion's constant: small, so that the first ranks of each list count most.
    public var fusionK = 5.0
    /// How much a passage's own ranks count beside its file's, and how fast a file's evidence
    /// fades over its second, third, … passage (`RankFusion`).
    public var passageWeight = 1.0
    public var fileDecay = 1.0
    /// Weight of the ranking of files by how many of their chunks are among the semantic
    /// candidates (and how high), beside the ranking by their best chunk.
    public var coverageWeight = 0.0
    /// Chunks a keyword query may match through its rarer words before its commoner words count
    /// only together (keeps a keyword search over 100,000 chunks in milliseconds).
    public var keywordMatchBudget = 2_000
    /// BM25 taken off per natural log of a file's chunk count in keyword ranking.
    public var keywordLengthPenalty = 2.0
    /// How much a keyword in a chunk's heading path (its file's title and section headings)
    /// counts beside one in its text.
    public var headingWeight = 1.0
    /// How much a chunk's file counts in semantic ranking: the weight of the similarity of the
    /// file's opening chunk, and the penalty per natural log of the file's chunk count.
    public var openingWeight: Float = 0.5
    public var lengthPenalty: Float = 0.04
    /// How the opening's weight fades with the file's length: divided by the chunk count to
    /// this power when candidates are rescored (a long page's opening says less about each of
    /// its parts).
    public var openingFade: Float = 0
    /// How much of the file's weight on a chunk comes from the chunk's section (the run of the
    /// file's chunks under the same headings) instead of the whole file: the share of the opening
    /// weight given to the section's opening chunk, and the share of the length penalty counted
    /// over the section's chunks. 0 weighs whole files (and reads no sections); 1 lets each
    /// section of a long page weigh as a short file would.
    public var sectionOpening: Float = 0
    public var sectionLength: Float = 0
    /// Where the relevance floor applies, it rises to this far below the query's best
    /// similarity: a passage found by meaning alone and much weaker than the best is no answer.
    public var floorGap = 0.5
    /// The weight of context in a vector blend.
    public var contextWeight: Float = 0.5
    /// Results are low-confidence when the best similarity is below `weakSimilarity`, or the
    /// first and tenth differ by less than `flatSpread` (nothing stands out: semantic collapse).
    public var weakSimilarity: Float = 0.35
    public var flatSpread: Float = 0.03

    public init() {}
}

/// How context joins a short query.
public enum ContextBlend: String, Sendable, CaseIterable {
    /// The query and the context are embedded as one text.
    case text
    /// The query and the context are embedded apart and their vectors added.
    case vector
}

extension QueryPolicy {
    /// The policy as far as it decides what a search gathers before ranking (candidates by
    /// meaning and by keywords, and their scores): the settings that only fuse them
    /// (`SearchEngine.answer`) are set to their defaults, so that two policies differing only
    /// there gather alike. A setting not reset here counts as one that gathers.
    var gathering: QueryPolicy {
        let defaults = QueryPolicy()
        var gathering = self
        gathering.keywordWeight = defaults.keywordWeight
        gathering.shortQueryKeywordWeight = defaults.shortQueryKeywordWeight
        gathering.fusionK = defaults.fusionK
        gathering.passageWeight = defaults.passageWeight
        gathering.fileDecay = defaults.fileDecay
        gathering.coverageWeight = defaults.coverageWeight
        gathering.floorGap = defaults.floorGap
        return gathering
    }

    /// Whether ranking weighs sections, so that the vectors must be loaded knowing them.
    var weighsSections: Bool { FileWeights(self).weighsSections }

    /// The names `set(_:to:)` knows, as `semfind eval`'s options spell them.
    public static let settingNames = [
        "min-pieces", "opening-weight", "length-penalty", "keyword-weight", "fusion-k", "keyword-length-penalty",
        "keyword-budget", "passage-weight", "file-decay", "heading-weight", "coverage-weight", "opening-fade",
        "floor-gap", "section-opening", "section-length",
    ]

    /// Sets one tunable by its option name (`semfind eval --settings` reads a file of these);
    /// an unknown name is an error that lists the known ones.
    public mutating func set(_ name: String, to value: Double) throws {
        guard value.isFinite, value >= 0, value <= 1e9 else {
            throw SemfindError(.invalidInput, "ranking setting \(name) must be a number from 0 to 1e9, not \(value)")
        }
        switch name {
        case "min-pieces": minimumPieces = Int(value)
        case "opening-weight": openingWeight = Float(value)
        case "length-penalty": lengthPenalty = Float(value)
        case "keyword-weight": keywordWeight = value
        case "fusion-k": fusionK = value
        case "keyword-length-penalty": keywordLengthPenalty = value
        case "keyword-budget": keywordMatchBudget = Int(value)
        case "passage-weight": passageWeight = value
        case "file-decay": fileDecay = value
        case "heading-weight": headingWeight = value
        case "coverage-weight": coverageWeight = value
        case "opening-fade": openingFade = Float(value)
        case "floor-gap": floorGap = value
        case "section-opening": sectionOpening = Float(min(value, 1))
        case "section-length": sectionLength = Float(min(value, 1))
        default:
            throw SemfindError(
                .invalidInput,
                "unknown ranking setting \(name); known: \(Self.settingNames.joined(separator: ", "))")
        }
    }
}
