import Foundation
import TestSupport
import Testing

@testable import TextEncoder

/// Needs the installed all-mpnet-base-v2 (scripts/install-model all-mpnet-base-v2); fails without it.
@Suite("Parity with sentence-transformers on all-mpnet-base-v2")
struct MPNetParityTests {
    let fixture: ParityFixture
    let encoder: SentenceEncoder

    init() throws {
        fixture = try ParityFixture.load("mpnet-parity-public.json")
        encoder = try SentenceEncoder(folder: try InstalledModel.folder(InstalledModel.mpnet))
    }

    @Test("the folder loads as MPNet: 768 dimensions, 384 ids at most, <s> … </s> framing")
    func shape() {
        #expect(encoder.model.family == .mpnet)
        #expect(encoder.dimension == 768)
        #expect(encoder.maxLength == 384)
        #expect(encoder.tokenize("") == [0, 2])
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
        print("mpnet parity: minimum cosine over \(fixture.cases.count) cases, batch sizes 1 and 16: \(minimum)")
    }
}
