import Foundation
import SemfindCore
import TestSupport
import Testing

@testable import TextEncoder

@Suite("The int8 encoder on a tiny random BERT")
struct Int8EncoderTests {
    let model: TinyBertModel
    let fp32: SentenceEncoder

    init() throws {
        model = try TinyBertModel()
        fp32 = try SentenceEncoder(folder: model.folder, threads: 2)
    }

    /// Random id sequences framed by [CLS] … [SEP], 1 to 22 pieces long.
    func randomSequences(count: Int, seed: UInt64) -> [[Int32]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let length = Int(generator.next() % UInt64(TinyBertModel.maxLength - 1)) + 1
            return [2] + (1..<length).map { _ in Int32(5 + generator.next() % UInt64(TinyBertModel.words.count)) } + [3]
        }
    }

    @Test("every kernel version stays within 0.99 cosine of float32, batched or alone", arguments: Int8Kernel.allCases)
    func nearFloat32(kernel: Int8Kernel) throws {
        let sequences = randomSequences(count: 40, seed: 5)
        let expected = fp32.encode(tokenized: sequences, batchSize: 40)
        for threads in [1, 2] {
            let int8 = try SentenceEncoder(folder: model.folder, threads: threads, precision: .int8, int8Kernel: kernel)
            for batchSize in [1, 7, 40] {
                let vectors = int8.encode(tokenized: sequences, batchSize: batchSize)
                for (index, (vector, reference)) in zip(vectors, expected).enumerated() {
                    let cosine = zip(vector, reference).reduce(0) { $0 + $1.0 * $1.1 }
                    #expect(cosine >= 0.99, "\(kernel), threads \(threads), batch \(batchSize), #\(index): \(cosine)")
                }
            }
        }
    }

    /// The integer sums are exact in every version, so versions that read the same row format give
    /// the same vectors; AVX2's 7-bit rows round differently, and stay close.
    @Test("kernel versions of one row format give the same vectors; 7-bit rows stay within 0.999 cosine")
    func versionsAgree() throws {
        let sequences = randomSequences(count: 20, seed: 6)
        let kernels = Int8Kernel.allCases.map(\.resolved)
        let vectors = try kernels.map {
            try SentenceEncoder(folder: model.folder, threads: 2, precision: .int8, int8Kernel: $0)
                .encode(tokenized: sequences, batchSize: 8)
        }
        let eightBit = try #require(kernels.firstIndex { $0 != .avx2 })
        for (kernel, other) in zip(kernels, vectors) {
            for (one, two) in zip(vectors[eightBit], other) {
                if kernel == .avx2 {
                    #expect(zip(one, two).reduce(0) { $0 + $1.0 * $1.1 } >= 0.999)
                } else {
                    #expect(zip(one, two).map { abs($0 - $1) }.max() ?? .infinity < 1e-4, "\(kernel)")
                }
            }
        }
    }

    @Test("an int8 encoder names the same model as the float32 one: the index records the precision beside it")
    func fingerprint() throws {
        let int8 = try SentenceEncoder(folder: model.folder, precision: .int8)
        #expect(int8.fingerprint() == fp32.fingerprint())
        #expect(int8.fileSignature() == fp32.fileSignature())
    }
}
