#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte searches over whole files and multi-megabyte text nodes, done with `memchr` so that
/// a 5 MB script costs a few milliseconds even in a debug build.
enum ByteScan {
    /// The offset of the first `byte` at or after `start`, or nil.
    static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count else { return nil }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// How many times `byte` occurs in `bytes`.
    static func count(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var next = 0
        while let found = index(of: byte, in: bytes, from: next) {
            count += 1
            next = found + 1
        }
        return count
    }
}
