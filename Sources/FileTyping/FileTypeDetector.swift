import CMagic
import FileWalk
import SemfindCore

/// Types file contents with libmagic: a MIME type and a character set from the first bytes (the
/// walker's `FileTyper` when `semfind index` walks).
///
/// Owns one `magic_t`, opened and loaded once and closed when the detector goes away. libmagic
/// handles are not thread-safe, so a detector is not `Sendable`: each walker has its own.
/// Only buffers are typed (`magic_buffer`), never paths, so libmagic opens no file itself.
public final class FileTypeDetector: FileTyper {
    /// How many bytes from the start of a file are typed.
    public let sampleSize = 64 << 10

    /// MIME type and encoding only; no decompression, no forking, no parsers that need the whole
    /// file (ELF details, CDF documents).
    private static let flags =
        MAGIC_MIME_TYPE | MAGIC_MIME_ENCODING | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_COMPRESS_FORK
        | MAGIC_NO_CHECK_ELF | MAGIC_NO_CHECK_CDF

    private let cookie: OpaquePointer

    /// Opens libmagic and loads its type database: the default one, or the file at `database`.
    ///
    /// - Throws: `SemfindError` with code `.io` when libmagic cannot start or load the database.
    public init(database: String? = nil) throws {
        guard let cookie = magic_open(Self.flags) else {
            throw SemfindError(.io, "libmagic could not start (out of memory?)")
        }
        guard magic_load(cookie, database) == 0 else {
            let reason = magic_error(cookie).map { String(cString: $0) } ?? "unknown error"
            magic_close(cookie)
            throw SemfindError(
                .io,
                "libmagic could not load its file-type database (\(reason)): install libmagic-mgc "
                    + "(Debian, Ubuntu) or libmagic (Homebrew), or point the MAGIC variable at magic.mgc")
        }
        self.cookie = cookie
    }

    deinit {
        magic_close(cookie)
    }

    /// The type of a file whose first bytes are `sample`; `isTruncated` says the file goes on.
    ///
    /// An empty file is text/plain, us-ascii (libmagic would say application/x-empty, binary):
    /// zero bytes are valid text in any encoding, and every text plugin turns them into no chunks.
    /// When the file goes on, a multi-byte UTF-8 character cut at the end of the sample is
    /// dropped, so libmagic does not mistake UTF-8 for ISO-8859-1.
    ///
    /// - Returns: the type, or `.failure` with libmagic's error text.
    public func type(ofSample sample: [UInt8], isTruncated: Bool) -> Result<FileType, SemfindError> {
        guard !sample.isEmpty else { return .success(FileType(mimeType: "text/plain", charset: "us-ascii")) }
        let length = isTruncated ? Self.lengthWithoutCutCharacter(sample) : sample.count
        let answer = sample.withUnsafeBytes { magic_buffer(cookie, $0.baseAddress, length) }
        guard let answer else {
            let reason = magic_error(cookie).map { String(cString: $0) } ?? "unknown error"
            return .failure(SemfindError(.io, "libmagic could not type the file: \(reason)"))
        }
        return .success(Self.parse(String(cString: answer)))
    }

    /// Splits libmagic's "type/subtype; charset=name" answer.
    static func parse(_ answer: String) -> FileType {
        let parts = answer.split(separator: ";", maxSplits: 1)
        let mimeType = parts.first.map { String($0).trimmed } ?? ""
        var charset = "binary"
        if parts.count == 2, let equals = parts[1].firstIndex(of: "=") {
            charset = String(parts[1][parts[1].index(after: equals)...]).trimmed
        }
        return FileType(mimeType: mimeType.isEmpty ? "application/octet-stream" : mimeType, charset: charset)
    }

    /// The length of `bytes` without a trailing UTF-8 lead byte whose continuation bytes are missing.
    static func lengthWithoutCutCharacter(_ bytes: [UInt8]) -> Int {
        var lead = bytes.count - 1
        while lead >= 0 && lead > bytes.count - 4 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard lead >= 0 else { return bytes.count }
        let byte = bytes[lead]
        let needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        return bytes.count - lead < needed ? lead : bytes.count
    }
}

extension String {
    fileprivate var trimmed: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
