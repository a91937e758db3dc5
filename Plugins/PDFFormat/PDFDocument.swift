import CPoppler
import SemfindCore

/// A PDF opened by poppler from bytes in memory, without a password: its page count, title,
/// pages and outline. Closes the document when released.
final class PDFDocument {
    let handle: OpaquePointer
    let pageCount: Int

    /// Opens `bytes`; throws `SemfindError(.invalidInput)` with poppler's reason when it cannot:
    /// a document that needs a password, or bytes that are not a readable PDF.
    init(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { throw SemfindError(.invalidInput, "empty file: not a PDF") }
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        var error: UnsafeMutablePointer<GError>?
        guard let handle = poppler_document_new_from_bytes(data, nil, &error) else {
            throw Self.openFailure(error)
        }
        self.handle = handle
        pageCount = Int(poppler_document_get_n_pages(handle))
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// The title in the document's information dictionary, if it has one.
    var title: String? {
        guard let title = poppler_document_get_title(handle) else { return nil }
        defer { g_free(title) }
        let text = String(cString: title).trimmed
        return text.isEmpty ? nil : text
    }

    /// Page `number` (1-based), or nil when poppler cannot read it.
    func page(_ number: Int) -> PDFPage? {
        poppler_document_get_page(handle, Int32(number - 1)).map(PDFPage.init(handle:))
    }

    /// The error for a document poppler could not open, and frees poppler's.
    private static func openFailure(_ error: UnsafeMutablePointer<GError>?) -> SemfindError {
        defer { g_error_free(error) }
        guard let error, error.pointee.domain == poppler_error_quark() else {
            return SemfindError(.invalidInput, "not a readable PDF")
        }
        if error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
            return SemfindError(.invalidInput, "encrypted PDF needs a password: not read")
        }
        let reason = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        return SemfindError(.invalidInput, "not a readable PDF (poppler: \(reason))")
    }
}
