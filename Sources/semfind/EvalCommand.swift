import ArgumentParser
import IndexBackends
import QueryEngine
import ResultOutput
import SearchServer
import SemfindCore
import VectorStore

/// `semfind eval QUERIES.jsonl`: retrieval quality and latency on labelled queries, one row per
/// index and mode, so that choices compare in one table.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure Recall@k, MRR, nDCG and latency on labelled queries.",
        discussion: """
            Each line of QUERIES is {"id": "…", "query": "…", "relevant": ["path", …]} with paths relative \
            to an indexed root ("path#L10-L40" for a line range; optional "context" as --context gives it). \
            A query is scored over files: the first k distinct files of the ranked hits, a file relevant when \
            any of its hits is (overlaps the range, when an item names one). A query whose relevant items all name \
            line ranges is scored over passages instead: the first k results as a search shows them (at most \
            \(SearchRequest.defaultMaxPerFile) of one file, as semfind QUERY shows), a result relevant when its file \
            is an item's and its lines overlap the item's range; nDCG counts each item once. "shown" is the mean number of results a search of -k results shows (the \
            relevance floor leaves some out), "empty" the share of queries that show none.

            --settings FILE runs every line of FILE, a JSON object of ranking settings to numbers \
            ({"opening-weight": 0.25, "fusion-k": 10}; names: \(QueryPolicy.settingNames.joined(separator: ", "))), \
            each over the policy the other options build, for every index and mode; each row names its setting \
            (a column of the table; "setting" in --json, the line's object). A setting that changes only how \
            the gathered candidates are ranked reuses what an earlier setting gathered, so its latency columns \
            measure the ranking alone.
            """)

    @Argument(help: "Labelled queries, JSON Lines.")
    var queries: String?

    @Option(name: .long, help: "Print a starter file for the files under this folder (a line per file, query empty).")
    var template: String?

    @Option(name: .customLong("index"), help: "Index to evaluate (repeat to compare; default: the default index).")
    var indexes: [String] = []

    @Option(name: .long, help: "Ranking to evaluate: semantic, keyword or hybrid (repeat to compare).")
    var mode: [String] = []

    @Option(name: .customShort("k"), help: "Files that count.")
    var k = 10

    @Option(name: .long, help: "Word pieces below which a query is short.")
    var minPieces: Int?

    @Option(name: .long, help: "How context joins a short query, given or from a session: text or vector.")
    var blend: String?

    @Option(name: .long, help: "Weight of a file's opening chunk in semantic ranking.")
    var openingWeight: Float?

    @Option(name: .long, help: "Penalty per log of a file's chunk count in semantic ranking.")
    var lengthPenalty: Float?

    @Option(name: .long, help: "Weight of the keyword ranking in hybrid fusion.")
    var keywordWeight: Double?

    @Option(name: .long, help: "Reciprocal rank fusion's constant k.")
    var fusionK: Double?

    @Option(name: .long, help: "BM25 taken off per log of a file's chunk count in keyword ranking.")
    var keywordLengthPenalty: Double?

    @Option(name: .long, help: "Most chunks the rarer query words may match before the commoner count only together.")
    var keywordBudget: Int?

    @Option(name: .long, help: "Evaluate each ranking setting of this JSON Lines file (see below).")
    var settings: String?

    @Flag(name: .long, help: "Rank by exact float32 similarity over every chunk (what the int8 scan costs).")
    var exactScan = false

    @Flag(name: .long, help: "Keep results below the index's relevance floor (searches leave them out by default).")
    var noFloor = false

    @Flag(name: .long, help: "Print the figures as JSON.")
    var json = false

    @Flag(
        name: .long, help: "List each query with the rank of its first relevant file or passage (in --json: per_query)."
    )
    var perQuery = false

    @OptionGroup var encoderOptions: EncoderOptions

    func validate() throws {
        guard (queries == nil) != (template == nil) else {
            throw ValidationError("give a QUERIES file to evaluate, or --template FOLDER to start one")
        }
        guard k > 0 else { throw ValidationError("-k must be at least 1") }
    }

    func run() throws {
        if let template {
            print(try LabeledQuery.template(folder: template), terminator: "")
            return
        }
        let labelled = try LabeledQuery.load(path: queries ?? "")
        let modes = try SearchMode.named(mode.isEmpty ? ["hybrid"] : mode)
        let run = EvaluationRun(
            queries: labelled, settings: try settings.map(RankingSetting.load) ?? [RankingSetting([:])],
            modes: modes, k: k, appliesFloor: !noFloor)
        let (rows, unknown) = try run.run(
            indexes: try IndexAddress.all(named: indexes), base: try basePolicy(),
            encoder: { encoderOptions.shared(forIndexAt: $0).load })
        for missing in unknown { Console.standard.err(missing.warning) }
        let report = EvaluationReport(
            rows: rows, queries: labelled, k: k, namesSettings: settings != nil, perQuery: perQuery)
        print(json ? report.json : report.table, terminator: "")
    }

    /// The policy the options build, before any setting of --settings.
    private func basePolicy() throws -> QueryPolicy {
        try QueryPolicy(
            minPieces: minPieces, openingWeight: openingWeight, lengthPenalty: lengthPenalty,
            keywordWeight: keywordWeight, fusionK: fusionK, keywordLengthPenalty: keywordLengthPenalty,
            keywordBudget: keywordBudget, exactScan: exactScan, blend: blend)
    }
}
