import Foundation
import SemfindCore
import TestSupport
import Testing

@testable import TextEncoder

@Suite("Encoder mechanics on a tiny random MPNet")
struct TinyMPNetTests {
    let model: TinyBertModel
    let encoder: SentenceEncoder

    init() throws {
        model = try TinyBertModel(family: .mpnet)
        encoder = try SentenceEncoder(folder: model.folder, threads: 2)
    }

    /// Id sequences of 2 to 158 ids framed by <s> … </s>; every fifth body id is <pad> (1) or
    /// [UNK] (4), so that literal padding tests the position rule.
    func randomSequences(count: Int, seed: UInt64) -> [[Int32]] {
        var generator = SeededGenerator(seed: seed)
        let longest = TinyBertModel.mpnetMaxPositions - 2
        return (0..<count).map { _ in
            let length = Int(generator.next() % UInt64(longest - 1)) + 1
            let body = (1..<length).map { index -> Int32 in
                guard index % 5 != 0 else { return generator.next() % 2 == 0 ? 1 : 4 }
                return Int32(5 + generator.next() % UInt64(TinyBertModel.words.count))
            }
            return [0] + body + [2]
        }
    }

    @Test("vectors equal a naive double-precision forward pass, in both attention paths")
    func matchesReference() {
        let sequences = randomSequences(count: 24, seed: 3)
        #expect(sequences.contains { $0.count > BertLayer.directAttentionLengthLimit })
        #expect(sequences.contains { $0.count <= BertLayer.directAttentionLengthLimit })
        #expect(sequences.contains { $0.count > RelativePositionBias.maxDistance })
        ReferenceBert(model).expectMatches(encoder, on: sequences, batchSizes: [1, 24])
    }

    @Test("distances fall in the reference's buckets: exact below 8, logarithmic to 128, later keys in the upper half")
    func buckets() {
        let expected: [(distance: Int, bucket: Int)] = [
            (0, 0), (-1, 1), (-7, 7), (-8, 8), (-15, 9), (-16, 10), (-31, 11), (-32, 12), (-63, 13), (-64, 14),
            (-127, 15), (-128, 15), (-500, 15), (1, 17), (7, 23), (16, 26), (64, 30), (128, 31), (1000, 31),
        ]
        for (distance, bucket) in expected {
            #expect(RelativePositionBias.bucket(distance) == bucket, "distance \(distance)")
        }
    }

    @Test("the tokenizer frames with <s> … </s>, keeps MPNet's special tokens and cuts to max_seq_length")
    func tokenizer() {
        let id = { (word: String) in Int32(TinyBertModel.mpnetVocabulary.firstIndex(of: word) ?? -1) }
        #expect(encoder.tokenize("hello world") == [0, id("hello"), id("world"), 2])
        #expect(encoder.tokenize("hello <pad> world</s>") == [0, id("hello"), 1, id("world"), 2, 2])
        // [CLS] is BERT's, not MPNet's: plain punctuation and an unknown word.
        #expect(encoder.tokenize("[CLS]") == [0, id("["), 4, id("]"), 2])
        let long = encoder.tokenize(Array(repeating: "dog", count: 100).joined(separator: " "))
        #expect(long.count == TinyBertModel.maxLength)
        #expect(long.last == 2)
    }

    @Test("the int8 encoder stays within 0.99 cosine of float32")
    func int8() throws {
        let sequences = randomSequences(count: 12, seed: 4)
        let int8 = try SentenceEncoder(folder: model.folder, threads: 2, precision: .int8)
        for (vector, reference) in zip(int8.encode(tokenized: sequences), encoder.encode(tokenized: sequences)) {
            #expect(zip(vector, reference).reduce(0) { $0 + $1.0 * $1.1 } >= 0.99)
        }
    }
}
