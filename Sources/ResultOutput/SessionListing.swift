import Foundation
import IndexStorage

/// `semfind session show`: a session's remembered queries, one line each.
public enum SessionListing {
    /// A line per query, in the order given: the local time it was asked, and its text.
    public static func text(_ queries: [SessionQuery]) -> String {
        queries.map { query in
            let when = Date(timeIntervalSince1970: TimeInterval(query.askedAt)).formatted(
                date: .omitted, time: .standard)
            return "\(when)  \(query.text)\n"
        }.joined()
    }
}
