import Foundation

/// Writes float32 tensors to the safetensors format, so that tests can build checkpoints
/// (and broken variants of them) without any model download.
public enum SafetensorsWriter {
    /// The file's bytes: header length, JSON header (space-padded to 8 bytes), then data.
    public static func encode(_ tensors: [(name: String, shape: [Int], values: [Float])], dtype: String = "F32") -> Data
    {
        var header: [String: Any] = ["__metadata__": ["format": "pt"]]
        var data = Data()
        for tensor in tensors {
            let start = data.count
            for value in tensor.values {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            }
            header[tensor.name] = ["dtype": dtype, "shape": tensor.shape, "data_offsets": [start, data.count]]
        }
        var headerBytes = (try? JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])) ?? Data()
        while headerBytes.count % 8 != 0 { headerBytes.append(UInt8(ascii: " ")) }
        var file = Data()
        withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { file.append(contentsOf: $0) }
        file.append(headerBytes)
        file.append(data)
        return file
    }
}
