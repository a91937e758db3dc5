import Foundation
import QueryEngine
import SemfindCore

extension SearchInvocation {
    /// The context a search reads a short query with: `given` (`--context`), then the text of
    /// `file` (`--context-file`; its first `QueryText.maximumBytes`), joined by a line break.
    ///
    /// - Throws: `SemfindError` `.io` when `file` cannot be read.
    public static func context(given: String?, file: String?) throws -> String? {
        guard let file else { return given }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw SemfindError(
                .io, "cannot read the context file \(file); check the path, or pass the text with --context")
        }
        let text = String(decoding: data.prefix(QueryText.maximumBytes), as: UTF8.self)
        return [given, text].compactMap { $0 }.joined(separator: "\n")
    }
}
