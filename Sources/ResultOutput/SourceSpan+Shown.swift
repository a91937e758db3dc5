import SemfindCore

extension SourceSpan {
    /// Where a passage is, as people read it: its lines ("12", "12-15"), or in a paged format
    /// its pages ("p12", "p12-13").
    public var shown: String {
        if let pages {
            return pages.count > 1 ? "p\(pages.lowerBound)-\(pages.upperBound)" : "p\(pages.lowerBound)"
        }
        return lastLine > firstLine ? "\(firstLine)-\(lastLine)" : "\(firstLine)"
    }
}
