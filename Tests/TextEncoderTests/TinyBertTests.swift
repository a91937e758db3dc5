import Foundation
import SemfindCore
import TestSupport
import Testing

@testable import TextEncoder

@Suite("Encoder mechanics on a tiny random BERT")
struct TinyBertTests {
    let model: TinyBertModel
    let encoder: SentenceEncoder

    init() throws {
        model = try TinyBertModel()
        encoder = try SentenceEncoder(folder: model.folder, threads: 2)
    }

    /// Id sequences of many lengths, framed by [CLS] … [SEP] as the tokenizer frames them.
    static func randomSequences(count: Int, seed: UInt64) -> [[Int32]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let length = Int(generator.next() % UInt64(TinyBertModel.maxLength - 1)) + 1
            let body = (1..<length).map { _ in Int32(5 + generator.next() % UInt64(TinyBertModel.words.count)) }
            return [2] + body + [3]
        }
    }

    @Test("vectors equal a naive double-precision forward pass")
    func matchesReference() {
        // 40 sequences in one batch exceed the direct kernel's row limit (OpenBLAS path);
        // one at a time they take the direct kernel.
        ReferenceBert(model).expectMatches(encoder, on: Self.randomSequences(count: 40, seed: 1), batchSizes: [1, 40])
    }

    @Test("batch size and thread count do not change any vector")
    func batchingIsInvisible() throws {
        let sequences = Self.randomSequences(count: 70, seed: 2)
        let alone = sequences.map { encoder.encode(tokenized: [$0])[0] }
        let singleThreaded = try SentenceEncoder(folder: model.folder, threads: 1)
        for (candidate, batchSize) in [(encoder, 3), (encoder, 32), (encoder, 70), (singleThreaded, 16)] {
            let batched = candidate.encode(tokenized: sequences, batchSize: batchSize)
            #expect(batched.count == sequences.count)
            for (one, other) in zip(alone, batched) {
                let difference = zip(one, other).map { abs($0 - $1) }.max() ?? .infinity
                #expect(difference < 1e-6, "batch size \(batchSize), threads \(candidate.threads)")
            }
        }
    }

    @Test("vectors are L2-normalized and in input order")
    func normalizedAndOrdered() {
        let texts = ["hello world", "the quick brown fox", "unbelievable", "hello world"]
        let vectors = encoder.encode(texts, batchSize: 2)
        for vector in vectors {
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-5)
        }
        #expect(vectors[0] == vectors[3])
        #expect(vectors[0] != vectors[1])
        #expect(encoder.encode([]).isEmpty)
    }

    @Test("long texts are cut to max_seq_length ids, ending in [SEP]")
    func truncation() {
        let text = Array(repeating: "dog", count: 100).joined(separator: " ")
        let ids = encoder.tokenize(text)
        #expect(ids.count == TinyBertModel.maxLength)
        #expect(ids.first == 2)
        #expect(ids.last == 3)
        #expect(encoder.encode([text])[0].count == TinyBertModel.hidden)
    }

    @Test("fingerprint is stable for the same files and changes with the weights")
    func fingerprint() throws {
        let again = try SentenceEncoder(folder: model.folder)
        #expect(again.fingerprint() == encoder.fingerprint())
        let other = try TinyBertModel(seed: 43)
        defer { other.remove() }
        #expect(try SentenceEncoder(folder: other.folder).fingerprint() != encoder.fingerprint())
    }
}
