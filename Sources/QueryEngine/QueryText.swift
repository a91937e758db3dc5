import Foundation
import SemfindCore

/// Checks and cleans the text of a query before anything is searched.
public enum QueryText {
    /// Longer queries are refused: nothing in them past the encoder's 256 word pieces would count.
    public static let maximumBytes = 16_384

    /// The query with control characters made spaces and white space trimmed; throws a one-line
    /// error for a query that is empty, too long, not valid UTF-8, or has nothing to search for.
    public static func clean(_ raw: String) throws -> String {
        guard raw.utf8.count <= maximumBytes else {
            throw SemfindError(
                .invalidInput,
                "the query is \(raw.utf8.count) bytes long; give at most \(maximumBytes) (longer text fits --context-file)"
            )
        }
        guard !raw.unicodeScalars.contains("\u{FFFD}") else {
            throw SemfindError(.invalidInput, "the query is not valid UTF-8; pass text in UTF-8")
        }
        let scalars = raw.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) }
        let text = String(scalars).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw SemfindError(
                .invalidInput, "the query is empty; say what you are looking for, e.g. semfind \"rotate the logs\"")
        }
        guard !QueryTerms(text).isEmpty else {
            throw SemfindError(
                .invalidInput,
                "the query \"\(text.prefix(40))\" has no letters or digits to search for; use words, e.g. semfind \"rotate the logs\""
            )
        }
        return text
    }
}
