#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads frames (`WorkerFrame`) from a blocking descriptor, one at a time.
struct FrameReader {
    let descriptor: Int32
    private var buffered: [UInt8] = []

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// The next frame's payload; nil at the end of input or when it holds no frame.
    mutating func next() -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let length = WorkerFrame.length(atStartOf: buffered) {
                guard length != Int.max else { return nil }
                if buffered.count >= length {
                    let payload = Array(buffered[WorkerFrame.headerLength..<length])
                    buffered.removeFirst(length)
                    return payload
                }
            }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            buffered += chunk[..<count]
        }
    }
}
