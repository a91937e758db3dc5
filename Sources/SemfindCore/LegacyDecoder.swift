#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes charsets semfind has no table of its own for (Shift_JIS, EUC-KR, KOI8-R, …) through
/// the C library's iconv, strictly: bytes not valid in the charset are a failure, never skipped.
enum LegacyDecoder {
    /// Whether iconv can decode `label`.
    static func knows(_ label: String) -> Bool {
        let converter = iconv_open("UTF-8", label)
        guard converter != iconv_t(bitPattern: -1) else { return false }
        iconv_close(converter)
        return true
    }

    /// `bytes` decoded from `label`, or nil when iconv does not know it or some byte is not valid
    /// in it (a cut sequence at the end included).
    static func decode(_ bytes: ArraySlice<UInt8>, from label: String) -> String? {
        let converter = iconv_open("UTF-8", label)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = Array(bytes)
        var output = [UInt8](repeating: 0, count: 4 * input.count + 16)
        let written: Int? = input.withUnsafeMutableBytes { source in
            output.withUnsafeMutableBytes { target in
                var inPointer = source.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer = target.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = source.count
                var outLeft = target.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1,
                    iconv(converter, nil, nil, &outPointer, &outLeft) != -1
                else { return nil }
                return target.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(decoding: output[..<written], as: UTF8.self)
    }
}
