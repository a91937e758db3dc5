import Foundation
import SemfindCore
import TestSupport
import Testing

@testable import TextEncoder

@Suite("Safetensors reader")
struct SafetensorsFileTests {
    func write(_ data: Data) throws -> String {
        let path = try TestScratch.file("safetensors", named: "model.safetensors")
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func expectError(_ code: SemfindError.Code, mentioning words: [String], _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected a \(code) error")
        } catch let error as SemfindError {
            #expect(error.code == code)
            for word in words { #expect(error.message.contains(word), "\(error.message) should mention \(word)") }
            #expect(!error.message.contains("\n"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    let sample: [(name: String, shape: [Int], values: [Float])] = [
        ("a.weight", [2, 3], [1, 2, 3, 4, 5, 6]), ("b.bias", [2], [-1.5, 0.25]),
    ]

    @Test("reads back what was written")
    func roundTrip() throws {
        let path = try write(SafetensorsWriter.encode(sample))
        let file = try SafetensorsFile(path: path)
        #expect(Set(file.tensors.keys) == ["a.weight", "b.bias"])
        #expect(try file.tensor("a.weight", shape: [2, 3]).values == [1, 2, 3, 4, 5, 6])
        #expect(try file.tensor("b.bias", shape: [2]).values == [-1.5, 0.25])
    }

    @Test("a truncated file names the file and the tensor it cuts")
    func truncated() throws {
        let data = SafetensorsWriter.encode(sample)
        let path = try write(data.prefix(data.count - 4))
        expectError(.invalidModel, mentioning: [path, "truncated", "b.bias"]) { _ = try SafetensorsFile(path: path) }
        let tiny = try write(Data([1, 2, 3]))
        expectError(.invalidModel, mentioning: [tiny, "truncated"]) { _ = try SafetensorsFile(path: tiny) }
        var huge = Data()
        withUnsafeBytes(of: UInt64(1 << 40).littleEndian) { huge.append(contentsOf: $0) }
        let claim = try write(huge + Data("{}".utf8))
        expectError(.invalidModel, mentioning: [claim]) { _ = try SafetensorsFile(path: claim) }
    }

    @Test("a header that is not JSON is refused")
    func malformedHeader() throws {
        var data = Data()
        withUnsafeBytes(of: UInt64(8).littleEndian) { data.append(contentsOf: $0) }
        data.append(Data("not json".utf8))
        let path = try write(data)
        expectError(.invalidModel, mentioning: [path, "header"]) { _ = try SafetensorsFile(path: path) }
    }

    @Test("wrong dtype, wrong shape and missing tensors name the tensor")
    func wrongTensors() throws {
        let file = try SafetensorsFile(path: try write(SafetensorsWriter.encode(sample)))
        expectError(.invalidModel, mentioning: ["a.weight", "[2, 3]", "[3, 2]"]) {
            _ = try file.tensor("a.weight", shape: [3, 2])
        }
        expectError(.invalidModel, mentioning: ["c.weight", file.path]) { _ = try file.tensor("c.weight", shape: [1]) }
        let integers = try SafetensorsFile(path: try write(SafetensorsWriter.encode(sample, dtype: "I32")))
        expectError(.unsupportedModel, mentioning: ["a.weight", "I32"]) {
            _ = try integers.tensor("a.weight", shape: [2, 3])
        }
        let halves = try write(SafetensorsWriter.encode(sample, dtype: "F16"))
        expectError(.invalidModel, mentioning: [halves, "F16"]) { _ = try SafetensorsFile(path: halves) }
    }

    @Test("a checkpoint's memory given back, by name or by hashing, loses none of its values or its hash")
    func releasedPagesReadBack() throws {
        // Larger than two of the hash's read blocks, so that it gives back pages as it goes.
        let count = 2 * XXHash64.readBlock / 4 + 12_345
        let big = (0..<count).map { Float($0 % 9973) * 0.5 }
        let path = try write(SafetensorsWriter.encode([("big.weight", [count], big)] + sample))
        let file = try SafetensorsFile(path: path)
        #expect(file.hashFile() == XXHash64.hash(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        file.release(["big.weight", "a.weight", "no.such.tensor"])
        #expect(try file.tensor("big.weight", shape: [count]).values == big)
        #expect(try file.tensor("a.weight", shape: [2, 3]).values == [1, 2, 3, 4, 5, 6])
    }

    @Test("XXH64 read in blocks: the same hash, and each block's end reported in order")
    func hashReportsBlocks() {
        let bytes = (0..<(2 * XXHash64.readBlock + 45)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var reached: [Int] = []
        let blockwise = bytes.withUnsafeBytes { XXHash64.hash($0, seed: 3) { reached.append($0) } }
        #expect(blockwise == XXHash64.hash(bytes, seed: 3))
        #expect(reached == [XXHash64.readBlock, 2 * XXHash64.readBlock, 2 * XXHash64.readBlock + 32])
    }

    @Test("XXH64 matches the reference implementation's published values")
    func fingerprintHash() {
        #expect(XXHash64.hash("") == 0xEF46_DB37_51D8_E999)
        #expect(XXHash64.hash("a") == 0xD24E_C4F1_A98C_6E5B)
        #expect(XXHash64.hash("abc", seed: 7) == 0x9E75_5206_1566_76D7)
        let long = Data((0..<3).flatMap { _ in (0..<256).map { UInt8($0) } } + Array("semfind".utf8))
        long.withUnsafeBytes { bytes in
            #expect(XXHash64.hash(bytes) == 0xDF6C_F2BD_50FD_B57F)
            #expect(XXHash64.hash(bytes, seed: 7) == 0x70AD_DDFF_DB9A_AE26)
        }
    }
}
