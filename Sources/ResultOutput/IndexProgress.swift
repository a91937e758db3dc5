import Foundation
import Indexer

/// What `semfind index` shows while it runs, for people (a progress line) and for programs
/// (the `data` of a `progress`, `skipped`, `failed` or `warning` message).
public enum IndexProgress {
    /// The reading phase's line: files dealt with, chunks, and files a second (`rate`). How many
    /// files are left is not known before the walk ends (it is not counted ahead).
    public static func readingLine(_ summary: IndexSummary, rate: Double) -> String {
        "reading: \(summary.filesSeen) files, \(summary.chunks) chunks, " + String(format: "%.0f files/s", rate)
    }

    /// Seconds until the chunks still waiting are embedded at `rate` chunks a second; nil
    /// before any rate is known.
    public static func secondsLeft(_ summary: IndexSummary, rate: Double) -> Double? {
        rate > 0 ? Double(summary.unembedded) / rate : nil
    }

    /// The embedding phase's line: chunks embedded of those `waiting`, at `rate` chunks a second.
    public static func embeddingLine(_ summary: IndexSummary, waiting: Int, rate: Double) -> String {
        let eta = secondsLeft(summary, rate: rate).map { String(format: ", ETA %.0f s", $0) } ?? ""
        return "embedding: \(waiting - summary.unembedded)/\(waiting) chunks (searchable by keywords now), "
            + String(format: "%.0f chunks/s", rate) + eta
    }

    /// A progress message's phase and what is known of the work ahead.
    public struct Phase: Encodable {
        public var phase: String
        /// Chunks the embedding phase began with.
        public var toEmbed: Int?
        /// Seconds until the embedding phase ends, at its rate so far.
        public var etaSeconds: Double?

        public init(phase: String, toEmbed: Int? = nil, etaSeconds: Double? = nil) {
            self.phase = phase
            self.toEmbed = toEmbed
            self.etaSeconds = etaSeconds
        }

        enum CodingKeys: String, CodingKey {
            case phase, etaSeconds = "eta_seconds", toEmbed = "to_embed"
        }
    }

    /// A file skipped (`reason`, `detail`), failed or warned about (`message`).
    public struct FileNote: Encodable {
        public var path: String
        public var reason: String?
        public var detail: String?
        public var message: String?

        public init(path: String, reason: String? = nil, detail: String? = nil, message: String? = nil) {
            self.path = path
            self.reason = reason
            self.detail = detail
            self.message = message
        }
    }
}
