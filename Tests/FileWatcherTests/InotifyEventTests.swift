import Testing

@testable import FileWatcher

@Suite struct InotifyEventTests {
    func record(_ descriptor: Int32, _ mask: UInt32, _ cookie: UInt32, _ name: String, padTo length: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: descriptor.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: mask.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: cookie.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: UInt32(length).littleEndian) { bytes += $0 }
        let name = Array(name.utf8)
        return bytes + name + [UInt8](repeating: 0, count: length - name.count)
    }

    @Test("records are read with their NUL-padded names, and a folder's own event has none")
    func parse() {
        let bytes = record(1, 0x100, 0, "notes.md", padTo: 16) + record(2, 0x40, 7, "", padTo: 0)
        let events = bytes.withUnsafeBytes { InotifyEvent.parse($0) }
        #expect(
            events == [
                InotifyEvent(descriptor: 1, mask: 0x100, cookie: 0, name: "notes.md"),
                InotifyEvent(descriptor: 2, mask: 0x40, cookie: 7, name: ""),
            ])
    }

    @Test("a truncated record is dropped")
    func truncated() {
        let bytes = record(1, 0x2, 0, "a.txt", padTo: 16).dropLast(4)
        #expect(Array(bytes).withUnsafeBytes { InotifyEvent.parse($0) }.isEmpty)
    }
}
