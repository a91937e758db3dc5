import ArgumentParser
import Foundation
import QueryEngine
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
        let modes = try (mode.isEmpty ? ["hybrid"] : mode).map { name in
            guard let mode = SearchMode(rawValue: name) else {
                throw SemfindError(.invalidInput, "unknown mode \(name); use semantic, keyword or hybrid")
            }
            return mode
        }
        let base = try basePolicy()
        let settingList = try settings.map(RankingSetting.load) ?? [RankingSetting([:])]
        let paths = indexes.isEmpty ? [IndexStore.defaultPath()] : indexes
        var rows: [[String: Any]] = []
        var table =
            (settings == nil ? "index\tmode" : "index\tsetting\tmode")
            + "\tR@1\tR@5\tR@10\tMRR@10\tnDCG@10\tp50 ms\tp99 ms\tmissed\tshown\tempty\n"
        for path in paths {
            // One engine per index, whatever the settings: its vectors and counts load once.
            let engine = SearchEngine(
                store: try IndexStore(path: path, create: false), policy: base,
                encoder: encoderOptions.shared(forIndexAt: path).load)
            // Many searches in one process, as a server answers them (and the same results as
            // a one-shot search, which scripts/eval-check compares against).
            engine.scanBlocks = 2 * ProcessInfo.processInfo.activeProcessorCount
            // Settings that change only the fusion rank what the first gathered again.
            if settingList.count > 1 { engine.reuseEvidence() }
            let evaluator = Evaluator(engine: engine, k: k, appliesFloor: !noFloor)
            let unknown = try evaluator.unknownPaths(in: labelled)
            if !unknown.isEmpty {
                let list = unknown.prefix(5).joined(separator: ", ")
                FileHandle.standardError.write(
                    Data("semfind: warning: \(unknown.count) relevant path(s) not in \(path): \(list)\n".utf8))
            }
            let name = URL(fileURLWithPath: path).lastPathComponent
            for setting in settingList {
                engine.policy = try setting.applied(to: base)
                let columns = settings == nil ? [name] : [name, setting.label]
                for mode in modes {
                    let report = try evaluator.run(labelled, mode: mode)
                    table += tableLines(report, columns: columns, mode: mode, queries: labelled)
                    rows.append(jsonRow(report, index: path, setting: setting, mode: mode, queries: labelled))
                }
            }
        }
        if json {
            let data = try JSONSerialization.data(withJSONObject: ["k": k, "results": rows], options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(table, terminator: "")
        }
    }

    /// One report's line of the table, then, with --per-query, a line per query.
    private func tableLines(
        _ report: Evaluator.Report, columns: [String], mode: SearchMode, queries: [LabeledQuery]
    ) -> String {
        let m = report.metrics
        var lines =
            (columns + [
                mode.rawValue, f(m.recallAt1), f(m.recallAt5), f(m.recallAt10), f(m.mrrAt10), f(m.ndcgAt10),
                String(format: "%.1f", m.latencyP50 * 1000), String(format: "%.1f", m.latencyP99 * 1000),
                "\(m.missed)/\(m.queries)", String(format: "%.2f", m.meanShown), f(m.emptyShare),
            ]).joined(separator: "\t") + "\n"
        guard perQuery else { return lines }
        let prefix = (columns.dropFirst() + [mode.rawValue]).joined(separator: "\t")
        for (query, outcome) in zip(queries, report.outcomes) {
            let rank = outcome.firstRelevantRank.map(String.init) ?? "-"
            lines += "  \(prefix)\t\(query.id)\t\(rank)\t\(query.query)\n"
        }
        return lines
    }

    /// One report as a row of --json, with each query's rank under --per-query.
    private func jsonRow(
        _ report: Evaluator.Report, index: String, setting: RankingSetting, mode: SearchMode, queries: [LabeledQuery]
    ) -> [String: Any] {
        let m = report.metrics
        var row: [String: Any] = [
            "index": index, "setting": setting.values, "mode": mode.rawValue, "queries": m.queries,
            "recall_at_1": m.recallAt1, "recall_at_5": m.recallAt5, "recall_at_10": m.recallAt10,
            "mrr_at_10": m.mrrAt10, "ndcg_at_10": m.ndcgAt10, "latency_p50_ms": m.latencyP50 * 1000,
            "latency_p99_ms": m.latencyP99 * 1000, "missed": m.missed, "mean_shown": m.meanShown,
            "empty_share": m.emptyShare,
        ]
        if perQuery {
            row["per_query"] = zip(queries, report.outcomes).map { query, outcome in
                ["id": query.id, "rank": outcome.firstRelevantRank.map { $0 as Any } ?? NSNull()]
            }
        }
        return row
    }

    /// The policy the options build, before any setting of --settings.
    private func basePolicy() throws -> QueryPolicy {
        var policy = QueryPolicy()
        if let minPieces { policy.minimumPieces = minPieces }
        if let openingWeight { policy.openingWeight = openingWeight }
        if let lengthPenalty { policy.lengthPenalty = lengthPenalty }
        if let keywordWeight { policy.keywordWeight = keywordWeight }
        if let fusionK { policy.fusionK = fusionK }
        if let keywordLengthPenalty { policy.keywordLengthPenalty = keywordLengthPenalty }
        if let keywordBudget { policy.keywordMatchBudget = keywordBudget }
        policy.exactScan = exactScan
        if let blend {
            guard let chosen = ContextBlend(rawValue: blend) else {
                throw SemfindError(.invalidInput, "unknown blend \(blend); use text or vector")
            }
            policy.givenContextBlend = chosen
            policy.sessionBlend = chosen
        }
        return policy
    }

    private func f(_ value: Double) -> String { String(format: "%.3f", value) }
}
