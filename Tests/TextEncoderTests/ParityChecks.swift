import Foundation
import TestSupport
import Testing

@testable import TextEncoder

/// The checks every parity suite makes against its fixture.
extension ParityFixture {
    /// Expects `encoder`'s ids to equal the reference tokenizer's on every case.
    func expectSameIds(_ encoder: SentenceEncoder) {
        for item in cases {
            #expect(encoder.tokenize(item.text) == item.input_ids, "case \(item.id)")
        }
    }

    /// The cosine of `encoder`'s vector with the reference vector, case by case, encoding the
    /// texts in batches of `batchSize`.
    func cosines(_ encoder: SentenceEncoder, batchSize: Int) -> [Float] {
        zip(cases, encoder.encode(cases.map(\.text), batchSize: batchSize)).map { item, vector in
            zip(item.embedding, vector).reduce(0) { $0 + $1.0 * $1.1 }
        }
    }

    /// Expects a cosine of at least 0.9999 with the reference vector on every case, each text
    /// alone and in batches of 16; returns the smallest.
    func expectCloseVectors(_ encoder: SentenceEncoder) -> Float {
        var minimum: Float = 1
        for batchSize in [1, 16] {
            for (item, cosine) in zip(cases, cosines(encoder, batchSize: batchSize)) {
                minimum = min(minimum, cosine)
                #expect(cosine >= 0.9999, "case \(item.id): cosine \(cosine)")
            }
        }
        return minimum
    }
}

extension ReferenceBert {
    /// Expects `encoder`'s vectors for `sequences` to be within 1e-5 of this reference's, per
    /// component, at each of `batchSizes`.
    func expectMatches(_ encoder: SentenceEncoder, on sequences: [[Int32]], batchSizes: [Int]) {
        for batchSize in batchSizes {
            let vectors = encoder.encode(tokenized: sequences, batchSize: batchSize)
            for (ids, vector) in zip(sequences, vectors) {
                let difference = zip(embed(ids), vector).map { abs($0 - $1) }.max() ?? .infinity
                #expect(difference < 1e-5, "ids \(ids), batch size \(batchSize): max difference \(difference)")
            }
        }
    }
}
