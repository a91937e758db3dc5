import Foundation

/// Buffers text for standard output and writes it in large pieces.
struct OutputWriter {
    private var buffer = ""
    private let flushThreshold = 1 << 16

    mutating func write(_ text: String) {
        buffer += text
        if buffer.utf8.count >= flushThreshold { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }
}
