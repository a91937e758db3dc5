/// The framing of the parse worker's pipe: each message is the magic "SF", its payload's length
/// as four big-endian bytes, and the payload. The magic makes a stray write (a library printing
/// to standard output) fail at once as garbage instead of reading as a huge length.
enum WorkerFrame {
    static let magic: [UInt8] = [0x53, 0x46]
    static let headerLength = 6

    /// `payload` framed.
    static func frame(_ payload: [UInt8]) -> [UInt8] {
        let count = UInt32(payload.count)
        return magic + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: count >> $0) } + payload
    }

    /// The length of the whole frame at the start of `buffer` once its header is there; nil
    /// before that, `Int.max` when the buffer does not start with a frame.
    static func length(atStartOf buffer: [UInt8]) -> Int? {
        let known = min(buffer.count, magic.count)
        guard buffer.prefix(known).elementsEqual(magic.prefix(known)) else { return Int.max }
        guard buffer.count >= headerLength else { return nil }
        let count = buffer[2..<headerLength].reduce(0) { $0 << 8 | Int($1) }
        return headerLength + count
    }

    /// The payload of the whole frame `frame`.
    static func payload(of frame: [UInt8]) -> ArraySlice<UInt8> {
        frame[headerLength...]
    }
}
