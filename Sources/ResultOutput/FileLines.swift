import Foundation
import SemfindCore

/// The lines of a file as it is on disk now, for `--context-lines`: read once per file, and
/// only for files unchanged since indexing (a changed file's line numbers no longer match).
struct FileLines {
    private let lines: [DecodedText.Line]

    /// The file's lines, decoded and numbered as the plugins number them (`DecodedText`: any
    /// charset, "\n", "\r\n" or a lone "\r"), or nil when it cannot be read or is larger than
    /// `maximumBytes`.
    ///
    /// Opened without blocking and read only when it is a regular file, as the walker reads
    /// (a FIFO put at the path since the staleness check must not hang the search).
    init?(path: String, maximumBytes: Int = 10 << 20) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        guard case .success(let status) = FileStatus.ofDescriptor(descriptor), status.kind == .regular,
            let data = try? handle.read(upToCount: maximumBytes + 1), data.count <= maximumBytes
        else { return nil }
        lines = DecodedText([UInt8](data)).lines
    }

    /// Lines `first...last` (from 1) widened by `context` on each side, clipped to the file,
    /// each with its number and whether it belongs to the passage itself.
    func around(first: Int, last: Int, context: Int) -> [(number: Int, text: String, inPassage: Bool)] {
        let from = max(1, first - context)
        let to = min(lines.count, last + context)
        guard from <= to else { return [] }
        return (from...to).map { ($0, lines[$0 - 1].text, (first...last).contains($0)) }
    }
}
