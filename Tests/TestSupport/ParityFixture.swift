import Foundation

/// One case of Tests/Fixtures/<model>-parity-public.json: what the Python reference stack
/// (sentence-transformers, HF tokenizers) gives for a text.
public struct ParityCase: Decodable, Sendable {
    public let id: String
    public let text: String
    public let input_ids: [Int32]
    public let embedding: [Float]
}

public struct ParityFixture: Decodable, Sendable {
    public let cases: [ParityCase]

    /// Reads Tests/Fixtures/`name`, by default all-MiniLM-L6-v2's.
    public static func load(_ name: String = "minilm-parity-public.json") throws -> ParityFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)")
        return try JSONDecoder().decode(ParityFixture.self, from: Data(contentsOf: url))
    }
}
