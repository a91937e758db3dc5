import SemfindCore

/// Where each line of a file starts and ends in its bytes, so that the line numbers libxml2
/// reports map back to byte ranges of the file as stored on disk.
///
/// Lines end at line feed only, because that is what libxml2 counts: a lone carriage return
/// does not start a line (a "\r" before the "\n" is left out of the line's bytes). A file with a
/// UTF-16 byte order mark is indexed in two-byte units, so its offsets stay byte offsets.
struct LineIndex: Sendable {
    /// Byte offset of each line's first byte; line N is at index N - 1.
    private var starts: [Int] = []
    /// One past each line's last byte, terminator excluded.
    private var ends: [Int] = []

    /// The number of lines (at least 1, even for an empty file).
    var count: Int { starts.count }

    init(_ bytes: [UInt8]) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            scanUTF16(bytes, bigEndian: bytes[0] == 0xFE)
        } else {
            scanLineFeeds(bytes, from: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
        }
    }

    /// Records line boundaries of a byte-oriented encoding (UTF-8, Latin-1, …).
    private mutating func scanLineFeeds(_ bytes: [UInt8], from start: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            var lineStart = start
            while let feed = ByteScan.index(of: 0x0A, in: buffer, from: lineStart) {
                starts.append(lineStart)
                ends.append(feed > lineStart && buffer[feed - 1] == 0x0D ? feed - 1 : feed)
                lineStart = feed + 1
            }
            if lineStart < buffer.count || starts.isEmpty {
                starts.append(lineStart)
                ends.append(max(lineStart, buffer.count))
            }
        }
    }

    /// Records line boundaries of UTF-16 text after its byte order mark.
    private mutating func scanUTF16(_ bytes: [UInt8], bigEndian: Bool) {
        var lineStart = 2
        var offset = 2
        var previous: UInt16 = 0
        while offset + 1 < bytes.count {
            let pair = bigEndian ? (bytes[offset], bytes[offset + 1]) : (bytes[offset + 1], bytes[offset])
            let unit = UInt16(pair.0) << 8 | UInt16(pair.1)
            if unit == 0x0A {
                starts.append(lineStart)
                ends.append(previous == 0x0D ? offset - 2 : offset)
                lineStart = offset + 2
            }
            previous = unit
            offset += 2
        }
        if lineStart < bytes.count || starts.isEmpty {
            starts.append(lineStart)
            ends.append(max(lineStart, bytes.count))
        }
    }

    /// `line` moved into 1...count: libxml2 may report 0 for nodes without a line, and lines it
    /// estimated may overshoot the end of the file.
    func clamp(_ line: Int) -> Int {
        min(max(line, 1), count)
    }

    /// The span from the start of `firstLine` to the end of `lastLine` (terminator excluded),
    /// both clamped into the file, `lastLine` to at least `firstLine`.
    func span(firstLine: Int, lastLine: Int) -> SourceSpan {
        let first = clamp(firstLine)
        let last = max(first, clamp(lastLine))
        return SourceSpan(firstLine: first, lastLine: last, bytes: starts[first - 1]..<ends[last - 1])
    }
}
