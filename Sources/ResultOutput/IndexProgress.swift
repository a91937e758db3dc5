import Foundation
import Indexer

/// What `semfind index` shows while it runs, for people (a progress line) and for programs
/// (the `data` of a `progress`, `skipped`, `failed` or `warning` message).
public enum IndexProgress {
    /// The reading phase's line: files read (of those expected, when known), chunks, and the
    /// seconds left, when known.
    public static func readingLine(_ summary: IndexSummary, expectedFiles: Int?, secondsLeft: Double?) -> String {
        let files = expectedFiles.map { "\(summary.filesSeen)/\($0)" } ?? "\(summary.filesSeen)"
        let eta = secondsLeft.map { String(format: ", ETA %.0f s", $0) } ?? ""
        return "reading: \(files) files, \(summary.chunks) chunks\(eta)"
    }

    /// The embedding phase's line: chunks embedded of those `waiting`, at `rate` chunks a second.
    public static func embeddingLine(_ summary: IndexSummary, waiting: Int, rate: Double) -> String {
        let eta = rate > 0 ? String(format: ", ETA %.0f s", Double(summary.unembedded) / rate) : ""
        return "embedding: \(waiting - summary.unembedded)/\(waiting) chunks (searchable by keywords now), "
            + String(format: "%.0f chunks/s", rate) + eta
    }

    /// A progress message's phase and what is known of the work ahead.
    public struct Phase: Encodable {
        public var phase: String
        public var expectedFiles: Int?
        public var etaSeconds: Double?
        public var toEmbed: Int?

        public init(phase: String, expectedFiles: Int? = nil, etaSeconds: Double? = nil, toEmbed: Int? = nil) {
            self.phase = phase
            self.expectedFiles = expectedFiles
            self.etaSeconds = etaSeconds
            self.toEmbed = toEmbed
        }

        enum CodingKeys: String, CodingKey {
            case phase, expectedFiles = "expected_files", etaSeconds = "eta_seconds", toEmbed = "to_embed"
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
