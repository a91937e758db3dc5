import Foundation
import SemfindCore

/// A safetensors checkpoint, memory-mapped, with its header validated against the file's size.
///
/// Layout: an 8-byte little-endian header length, a JSON header mapping tensor names to
/// `{dtype, shape, data_offsets}`, then the raw tensor bytes. Every tensor's byte range is checked
/// to lie inside the file and to match its dtype and shape before any of it is read.
public final class SafetensorsFile: Sendable {
    /// One tensor's entry in the header.
    public struct TensorInfo: Sendable, Equatable {
        public let dtype: String
        public let shape: [Int]
        /// Byte range relative to the start of the data section.
        public let dataRange: Range<Int>
    }

    public let path: String
    public let tensors: [String: TensorInfo]
    private let file: MappedFile
    private let dataStart: Int

    static let bytesPerElement: [String: Int] = [
        "F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1, "BOOL": 1,
    ]

    public init(path: String) throws {
        self.path = path
        file = try MappedFile(path: path, missing: .modelNotFound)
        let bytes = file.bytes
        guard bytes.count >= 8 else {
            throw SemfindError(
                .invalidModel, "\(path) is truncated: \(bytes.count) bytes, too short for a safetensors header")
        }
        let headerLength = Int(clamping: bytes.loadUnaligned(as: UInt64.self).littleEndian)
        guard headerLength <= bytes.count - 8 else {
            throw SemfindError(
                .invalidModel,
                "\(path) is truncated or not a safetensors file: header claims \(headerLength) bytes, file has \(bytes.count)"
            )
        }
        dataStart = 8 + headerLength
        let headerBytes = Data(bytes[8..<dataStart])
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: headerBytes)
        } catch {
            throw SemfindError(.invalidModel, "\(path) has a malformed safetensors header (not JSON)")
        }
        guard let entries = json as? [String: Any] else {
            throw SemfindError(.invalidModel, "\(path) has a malformed safetensors header (not a JSON object)")
        }
        let dataLength = bytes.count - dataStart
        var tensors: [String: TensorInfo] = [:]
        for (name, value) in entries where name != "__metadata__" {
            let info = try Self.parseEntry(name: name, value: value, path: path)
            guard info.dataRange.upperBound <= dataLength else {
                throw SemfindError(
                    .invalidModel,
                    "\(path) is truncated: tensor '\(name)' ends at byte \(info.dataRange.upperBound) of a \(dataLength)-byte data section; reinstall the model (semfind model install)"
                )
            }
            tensors[name] = info
        }
        self.tensors = tensors
    }

    private static func parseEntry(name: String, value: Any, path: String) throws -> TensorInfo {
        guard let entry = value as? [String: Any],
            let dtype = entry["dtype"] as? String,
            let shape = entry["shape"] as? [Int],
            let offsets = entry["data_offsets"] as? [Int], offsets.count == 2
        else {
            throw SemfindError(.invalidModel, "\(path): header entry for tensor '\(name)' is malformed")
        }
        guard let width = bytesPerElement[dtype] else {
            throw SemfindError(.unsupportedModel, "\(path): tensor '\(name)' has unknown dtype \(dtype)")
        }
        guard offsets[0] >= 0, offsets[0] <= offsets[1], shape.allSatisfy({ $0 >= 0 }) else {
            throw SemfindError(.invalidModel, "\(path): tensor '\(name)' has invalid offsets or shape")
        }
        let (elements, overflow) = shape.reduce((1, false)) { acc, dim in
            let product = acc.0.multipliedReportingOverflow(by: dim)
            return (product.partialValue, acc.1 || product.overflow)
        }
        guard !overflow, elements * width == offsets[1] - offsets[0] else {
            throw SemfindError(
                .invalidModel,
                "\(path): tensor '\(name)' spans \(offsets[1] - offsets[0]) bytes, but \(dtype) \(shape) needs \(elements * width)"
            )
        }
        return TensorInfo(dtype: dtype, shape: shape, dataRange: offsets[0]..<offsets[1])
    }

    /// The float32 tensor `name`, checked to have `shape`: a view into the mapping when its bytes
    /// are 4-byte aligned (the usual case), else an aligned copy.
    public func tensor(_ name: String, shape expected: [Int]) throws -> FloatTensor {
        guard let info = tensors[name] else {
            throw SemfindError(.invalidModel, "\(path) has no tensor '\(name)'; is this a BERT checkpoint?")
        }
        guard info.dtype == "F32" else {
            throw SemfindError(
                .unsupportedModel, "\(path): tensor '\(name)' is \(info.dtype); only F32 weights are supported")
        }
        guard info.shape == expected else {
            throw SemfindError(.invalidModel, "\(path): tensor '\(name)' has shape \(info.shape), expected \(expected)")
        }
        let start = dataStart + info.dataRange.lowerBound
        let raw = UnsafeRawBufferPointer(rebasing: file.bytes[start..<(start + info.dataRange.count)])
        return FloatTensor(littleEndianBytes: raw, shape: expected, owner: file)
    }

    /// Gives back the memory of the tensors `names` (see `MappedFile.release`): for weights read
    /// once and kept in another form, such as the float32 weights of layers quantized to int8.
    /// Tensors still in use lose nothing: their pages map again when touched.
    func release(_ names: [String]) {
        for name in names {
            guard let info = tensors[name] else { continue }
            file.release((dataStart + info.dataRange.lowerBound)..<(dataStart + info.dataRange.upperBound))
        }
    }

    /// XXH64 of the whole file, its pages given back as the hash passes them: fingerprinting a
    /// 438 MB checkpoint should not leave it all resident (the weights in use map again).
    func hashFile() -> UInt64 {
        let file = file
        var released = 0
        return XXHash64.hash(file.bytes) { offset in
            file.release(released..<offset)
            released = offset
        }
    }
}
