import Foundation
import SemfindCore
import ZIPFoundation

/// A zip archive held in memory (a DOCX, ODT, PPTX or EPUB file), whose entries are read by
/// name within `ZipLimits`.
///
/// Entry names are only ever compared with the names a format asks for: nothing is written to
/// disk, so a name such as `../../evil.xhtml` is just a name. Sizes the archive declares are not
/// trusted: an entry is inflated in chunks and counted as it goes, and reading stops with an
/// error at the first chunk past a limit, before the rest is inflated.
public final class ZipPackage {
    private let archive: Archive
    private let limits: ZipLimits
    /// The first file entry of each name.
    private let entries: [String: Entry]
    /// Bytes inflated so far, over all entries read.
    private var totalRead = 0

    /// Opens the archive in `bytes`. Throws `SemfindError` (`.invalidInput`) when they are not a
    /// zip archive (plain text, a truncated or damaged file) or hold more entries than allowed.
    public init(_ bytes: [UInt8], limits: ZipLimits = ZipLimits()) throws {
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw SemfindError(.invalidInput, "not a zip archive (or a truncated one): \(error)")
        }
        self.limits = limits
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.maxEntries else {
                throw SemfindError(.invalidInput, "zip archive has more than \(limits.maxEntries) entries: refused")
            }
            if entry.type == .file, entries[entry.path] == nil { entries[entry.path] = entry }
        }
        self.entries = entries
    }

    /// Whether the archive has a file entry named `name`.
    public func contains(_ name: String) -> Bool {
        entries[name] != nil
    }

    /// The inflated bytes of the entry named `name`, or nil when there is none. Throws
    /// `SemfindError` (`.invalidInput`) when the entry is damaged or passes a limit.
    public func read(_ name: String) throws -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        var bytes: [UInt8] = []
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                bytes.append(contentsOf: chunk)
                try check(name, size: bytes.count, compressed: compressed, total: totalRead + bytes.count)
            }
        } catch let error as SemfindError {
            throw error
        } catch {
            throw SemfindError(.invalidInput, "zip entry \(name) is damaged: \(error)")
        }
        totalRead += bytes.count
        return bytes
    }

    private func check(_ name: String, size: Int, compressed: Int, total: Int) throws {
        if size > limits.maxEntrySize {
            throw SemfindError(
                .invalidInput, "zip entry \(name) inflates past \(limits.maxEntrySize >> 20) MiB: refused")
        }
        if total > limits.maxTotalSize {
            throw SemfindError(
                .invalidInput, "zip archive inflates past \(limits.maxTotalSize >> 20) MiB in all: refused")
        }
        if size > limits.ratioFloor, size / compressed > limits.maxRatio {
            throw SemfindError(
                .invalidInput,
                "zip entry \(name) inflates to over \(limits.maxRatio) times its compressed size: refused as a zip bomb"
            )
        }
    }
}
