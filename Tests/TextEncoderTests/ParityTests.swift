import Foundation
import TestSupport
import Testing

@testable import TextEncoder

/// Needs the installed all-MiniLM-L6-v2 (scripts/install-model); fails without it.
@Suite("Parity with sentence-transformers on all-MiniLM-L6-v2")
struct ParityTests {
    let fixture: ParityFixture
    let encoder: SentenceEncoder

    init() throws {
        fixture = try ParityFixture.load()
        encoder = try SentenceEncoder(folder: try InstalledModel.folder())
    }

    @Test("token ids equal the Hugging Face tokenizer's for every case")
    func tokenIds() {
        #expect(fixture.cases.count == 46)
        for item in fixture.cases {
            #expect(encoder.tokenize(item.text) == item.input_ids, "case \(item.id)")
        }
    }

    @Test("cosine with the reference vector is at least 0.9999 for every case, batched or alone")
    func embeddings() {
        let texts = fixture.cases.map(\.text)
        var minimum: Float = 1
        for batchSize in [1, 16] {
            let vectors = encoder.encode(texts, batchSize: batchSize)
            for (item, vector) in zip(fixture.cases, vectors) {
                let cosine = zip(item.embedding, vector).reduce(0) { $0 + $1.0 * $1.1 }
                minimum = min(minimum, cosine)
                #expect(cosine >= 0.9999, "case \(item.id): cosine \(cosine)")
            }
        }
        print("parity: minimum cosine over \(fixture.cases.count) cases, batch sizes 1 and 16: \(minimum)")
    }
}
