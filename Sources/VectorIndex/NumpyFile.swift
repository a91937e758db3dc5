import Foundation
import SemfindCore

/// Writes a float32 matrix as a NumPy `.npy` file (format version 1.0, little-endian), so that
/// other tools (the FAISS comparison script) read exactly the vectors semfind used.
public enum NumpyFile {
    /// The header of a `rows` × `columns` little-endian float32 array in C order: magic, version
    /// 1.0, header length, and the dictionary padded with spaces and a newline so that the data
    /// starts at a multiple of 64 bytes.
    public static func header(rows: Int, columns: Int) -> Data {
        let dictionary = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows), \(columns)), }"
        let unpadded = 10 + dictionary.utf8.count + 1
        let padding = (64 - unpadded % 64) % 64
        let text = dictionary + String(repeating: " ", count: padding) + "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let length = UInt16(text.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        data.append(contentsOf: Array(text.utf8))
        return data
    }

    /// Writes `values` (`rows` × `columns`, row-major) to `path`.
    public static func write(_ values: UnsafeBufferPointer<Float>, rows: Int, columns: Int, to path: String) throws {
        precondition(values.count == rows * columns, "a \(rows) × \(columns) matrix needs \(rows * columns) values")
        guard FileManager.default.createFile(atPath: path, contents: header(rows: rows, columns: columns)),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw SemfindError(.io, "cannot create \(path)") }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            var start = 0
            while start < values.count {
                let end = min(values.count, start + 1 << 20)
                let littleEndian = values[start..<end].map { $0.bitPattern.littleEndian }
                try littleEndian.withUnsafeBytes { try handle.write(contentsOf: $0) }
                start = end
            }
        } catch {
            throw SemfindError(.io, "cannot write \(path): \(error)")
        }
    }
}
