import SemfindCore

extension SQLiteStatement {
    /// The source span stored in six columns from `column` on: first_line, last_line,
    /// first_byte, end_byte, page_start, page_end (the pages NULL for text formats). Lines and
    /// bytes a damaged row holds out of order are clamped to a valid span.
    func span(at column: Int32) -> SourceSpan {
        let firstLine = max(1, int(column))
        let firstByte = int(column + 2)
        let bytes = firstByte..<max(firstByte, int(column + 3))
        guard !isNull(column + 4) else {
            return SourceSpan(firstLine: firstLine, lastLine: max(firstLine, int(column + 1)), bytes: bytes)
        }
        let pageStart = max(1, int(column + 4))
        let pageEnd = max(pageStart, int(column + 5))
        let lastLine = pageEnd > pageStart ? max(1, int(column + 1)) : max(firstLine, int(column + 1))
        return SourceSpan(firstLine: firstLine, lastLine: lastLine, bytes: bytes, pages: pageStart...pageEnd)
    }
}
