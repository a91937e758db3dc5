import Foundation

/// Buffers text for standard output (or another sink) and writes it in large pieces.
public struct OutputWriter {
    private var buffer = ""
    private let flushThreshold = 1 << 16
    private let sink: (String) -> Void

    public init(sink: @escaping (String) -> Void = Console.standard.out) { self.sink = sink }

    public mutating func write(_ text: String) {
        buffer += text
        if buffer.utf8.count >= flushThreshold { flush() }
    }

    public mutating func flush() {
        guard !buffer.isEmpty else { return }
        sink(buffer)
        buffer = ""
    }
}
