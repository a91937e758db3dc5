import SemfindCore

extension QueryPolicy {
    /// The default policy with what `semfind eval`'s options set (nil: the default kept);
    /// `blend` (`text` or `vector`) sets how context joins a short query, given or from a session.
    ///
    /// - Throws: `SemfindError` `.invalidInput` for an unknown blend.
    public init(
        minPieces: Int? = nil, openingWeight: Float? = nil, lengthPenalty: Float? = nil, keywordWeight: Double? = nil,
        fusionK: Double? = nil, keywordLengthPenalty: Double? = nil, keywordBudget: Int? = nil, exactScan: Bool = false,
        blend: String? = nil
    ) throws {
        self.init()
        if let minPieces { minimumPieces = minPieces }
        if let openingWeight { self.openingWeight = openingWeight }
        if let lengthPenalty { self.lengthPenalty = lengthPenalty }
        if let keywordWeight { self.keywordWeight = keywordWeight }
        if let fusionK { self.fusionK = fusionK }
        if let keywordLengthPenalty { self.keywordLengthPenalty = keywordLengthPenalty }
        if let keywordBudget { keywordMatchBudget = keywordBudget }
        self.exactScan = exactScan
        if let blend {
            guard let chosen = ContextBlend(rawValue: blend) else {
                throw SemfindError(.invalidInput, "unknown blend \(blend); use text or vector")
            }
            givenContextBlend = chosen
            sessionBlend = chosen
        }
    }
}

extension SearchMode {
    /// The modes `names` name, in order.
    ///
    /// - Throws: `SemfindError` `.invalidInput` for a name that is not a mode.
    public static func named(_ names: [String]) throws -> [SearchMode] {
        try names.map { name in
            guard let mode = SearchMode(rawValue: name) else {
                throw SemfindError(.invalidInput, "unknown mode \(name); use semantic, keyword or hybrid")
            }
            return mode
        }
    }
}
