import Foundation
import SemfindCore

/// What a text is to the model: a query, or a passage to be found. Models such as e5 and bge
/// read the two with different prompts.
public enum TextRole: Sendable {
    case query, passage
}

/// The text put before each query and each passage before it is tokenized, as
/// sentence-transformers does with a prompt: from `config_sentence_transformers.json`, or given
/// at index time (`--query-prefix`, `--passage-prefix`) and recorded with the index.
public struct EncoderPrompts: Sendable, Equatable {
    public var query: String
    public var passage: String

    public static let none = EncoderPrompts(query: "", passage: "")

    public init(query: String, passage: String) {
        self.query = query
        self.passage = passage
    }

    /// The prompt put before a text of `role`.
    public func prefix(for role: TextRole) -> String {
        role == .query ? query : passage
    }

    /// These prompts with `query` and `passage` put in where given.
    public func replacing(query: String?, passage: String?) -> EncoderPrompts {
        EncoderPrompts(query: query ?? self.query, passage: passage ?? self.passage)
    }

    /// Reads `config_sentence_transformers.json` of `folder`: the prompt named `query` for
    /// queries, `passage` (else `document`) for passages, and the one `default_prompt_name`
    /// names for either when it has none of its own. No file, or no prompts, is no prefix.
    public static func load(folder: URL) throws -> EncoderPrompts {
        let url = folder.appendingPathComponent("config_sentence_transformers.json")
        guard let data = try? Data(contentsOf: url) else { return .none }
        guard let config = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SemfindError(.invalidModel, "\(url.path) is not a JSON object")
        }
        let named: [String: String]
        switch config["prompts"] {
        case nil, is NSNull: named = [:]
        case let prompts as [String: String]: named = prompts
        default: throw SemfindError(.invalidModel, "\(url.path): prompts must map names to texts")
        }
        let fallback = (config["default_prompt_name"] as? String).flatMap { named[$0] } ?? ""
        return EncoderPrompts(
            query: named["query"] ?? fallback, passage: named["passage"] ?? named["document"] ?? fallback)
    }
}
