import CPoppler

/// Reads a document's outline (bookmarks) into entries in outline order, keeping those that
/// point to a page of the document; named destinations are looked up.
enum PDFOutline {
    /// Outlines nest deeper than this only when they are malformed or hostile.
    static let maximumDepth = 64

    static func entries(of document: PDFDocument) -> [OutlineEntry] {
        guard let iterator = poppler_index_iter_new(document.handle) else { return [] }
        defer { poppler_index_iter_free(iterator) }
        var entries: [OutlineEntry] = []
        read(iterator, parents: [], document: document, into: &entries)
        return entries
    }

    private static func read(
        _ iterator: OpaquePointer, parents: [String], document: PDFDocument, into entries: inout [OutlineEntry]
    ) {
        repeat {
            guard let action = poppler_index_iter_get_action(iterator) else { continue }
            defer { poppler_action_free(action) }
            let title = action.pointee.any.title.map { String(cString: $0).trimmed } ?? ""
            let path = title.isEmpty ? parents : parents + [title]
            if let target = target(action, document: document), !title.isEmpty {
                entries.append(OutlineEntry(path: path, page: target.page, top: target.top))
            }
            if parents.count + 1 < maximumDepth, let child = poppler_index_iter_get_child(iterator) {
                defer { poppler_index_iter_free(child) }
                read(child, parents: path, document: document, into: &entries)
            }
        } while poppler_index_iter_next(iterator) != 0
    }

    /// The page an entry's go-to action points into, and how far down it (from the page's top).
    private static func target(
        _ action: UnsafeMutablePointer<PopplerAction>, document: PDFDocument
    ) -> (page: Int, top: Double?)? {
        guard action.pointee.type == POPPLER_ACTION_GOTO_DEST, let dest = action.pointee.goto_dest.dest else {
            return nil
        }
        if dest.pointee.type == POPPLER_DEST_NAMED {
            guard let name = dest.pointee.named_dest, let found = poppler_document_find_dest(document.handle, name)
            else { return nil }
            defer { poppler_dest_free(found) }
            return target(found.pointee, document: document)
        }
        return target(dest.pointee, document: document)
    }

    private static func target(_ dest: PopplerDest, document: PDFDocument) -> (page: Int, top: Double?)? {
        let page = Int(dest.page_num)
        guard page >= 1, page <= document.pageCount else { return nil }
        let givesTop =
            (dest.type == POPPLER_DEST_XYZ && dest.change_top != 0) || dest.type == POPPLER_DEST_FITH
            || dest.type == POPPLER_DEST_FITBH || dest.type == POPPLER_DEST_FITR
        guard givesTop, let height = document.page(page)?.height else { return (page, nil) }
        return (page, max(0, height - dest.top))
    }
}
