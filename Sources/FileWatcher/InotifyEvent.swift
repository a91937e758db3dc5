/// One record of what `read(2)` returns from an inotify descriptor: `struct inotify_event`
/// (watch descriptor, mask, cookie, name length) followed by the NUL-padded name.
struct InotifyEvent: Equatable {
    let descriptor: Int32
    let mask: UInt32
    let cookie: UInt32
    /// The entry's name inside the watched folder; empty for an event on the folder itself.
    let name: String

    /// Size of the fixed part of `struct inotify_event`.
    static let headerSize = 16

    /// The events in the first `count` bytes of `buffer` (a trailing partial record is dropped;
    /// the kernel never returns one).
    static func parse(_ buffer: UnsafeRawBufferPointer) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= buffer.count {
            let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            guard offset + headerSize + length <= buffer.count else { break }
            let nameBytes = buffer[(offset + headerSize)..<(offset + headerSize + length)].prefix { $0 != 0 }
            events.append(
                InotifyEvent(
                    descriptor: buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                    mask: buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                    cookie: buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self),
                    name: String(decoding: nameBytes, as: UTF8.self)))
            offset += headerSize + length
        }
        return events
    }
}
