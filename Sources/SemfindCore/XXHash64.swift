/// A 64-bit hash of byte strings (XXH64's construction), fast enough to fingerprint a 90 MB
/// checkpoint at every start-up or every file of a folder being indexed. It identifies content;
/// it is not a security measure.
public enum XXHash64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// How many bytes `hash(_:seed:read:)` reads between two calls of `read`.
    public static let readBlock = 16 << 20

    /// XXH64 of `bytes` with `seed`. `read`, when given, is called with the offset reached after
    /// every `readBlock` bytes, so that a caller hashing a mapped file can give back the pages
    /// behind it.
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0, read: ((Int) -> Void)? = nil)
        -> UInt64
    {
        let count = bytes.count
        var offset = 0
        var accumulator: UInt64
        if count >= 32 {
            var lanes = (seed &+ prime1 &+ prime2, seed &+ prime2, seed, seed &- prime1)
            while offset + 32 <= count {
                let blockEnd = min(count, offset + readBlock)
                while offset + 32 <= blockEnd {
                    lanes.0 = round(lanes.0, word(bytes, offset))
                    lanes.1 = round(lanes.1, word(bytes, offset + 8))
                    lanes.2 = round(lanes.2, word(bytes, offset + 16))
                    lanes.3 = round(lanes.3, word(bytes, offset + 24))
                    offset += 32
                }
                read?(offset)
            }
            accumulator = rotate(lanes.0, 1) &+ rotate(lanes.1, 7) &+ rotate(lanes.2, 12) &+ rotate(lanes.3, 18)
            for lane in [lanes.0, lanes.1, lanes.2, lanes.3] {
                accumulator = (accumulator ^ round(0, lane)) &* prime1 &+ prime4
            }
        } else {
            accumulator = seed &+ prime5
        }
        accumulator &+= UInt64(count)
        while offset + 8 <= count {
            accumulator ^= round(0, word(bytes, offset))
            accumulator = rotate(accumulator, 27) &* prime1 &+ prime4
            offset += 8
        }
        if offset + 4 <= count {
            let half = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            accumulator ^= half &* prime1
            accumulator = rotate(accumulator, 23) &* prime2 &+ prime3
            offset += 4
        }
        while offset < count {
            accumulator ^= UInt64(bytes[offset]) &* prime5
            accumulator = rotate(accumulator, 11) &* prime1
            offset += 1
        }
        accumulator ^= accumulator >> 33
        accumulator &*= prime2
        accumulator ^= accumulator >> 29
        accumulator &*= prime3
        accumulator ^= accumulator >> 32
        return accumulator
    }

    /// XXH64 of a string's UTF-8 bytes.
    public static func hash(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var copy = text
        return copy.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// XXH64 of `bytes`.
    public static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }

    /// Sixteen lowercase hex digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    @inline(__always)
    private static func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    @inline(__always)
    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }
}
