import Testing

/// Each behaviour of `StoreConformance`, so that a backend's tests run them all as the arguments
/// of one test (a body added here runs against every backend).
public enum StoreBehaviour: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case replaceAndRemove, composedWrites, filesAtOrUnder, hitsRoundTrip, keyword, headingWeight, sessions
    case waitingChunks, modelBinding

    public var testDescription: String {
        switch self {
        case .replaceAndRemove: "a file's chunks, vectors and keyword rows are replaced together and removed together"
        case .composedWrites: "writes inside write { } commit together or not at all; a failed inner one undoes itself"
        case .filesAtOrUnder: "files at or under a path: the path itself and its folder's contents, not its namesakes"
        case .hitsRoundTrip: "hits return texts, heading paths, lines and pages as written, in the order asked"
        case .keyword: "keyword search ranks, reads trigrams, counts chunks; a file filter applies before the limit"
        case .headingWeight: "a heading-path match counts the heading weight times a text match"
        case .sessions: "a session's recent queries: newest first, at most the count kept, cleared alone"
        case .waitingChunks: "chunks wait for their vectors, openings apart; storing ends the wait; ids never reused"
        case .modelBinding: "an index built with another model is refused; weights are hashed again only on new files"
        }
    }

    /// Runs this behaviour's body against indexes that `open` makes.
    public func check<Store: StoreUnderTest>(_ open: () throws -> Store) throws {
        switch self {
        case .replaceAndRemove: try StoreConformance.replaceAndRemove(open)
        case .composedWrites: try StoreConformance.composedWrites(open)
        case .filesAtOrUnder: try StoreConformance.filesAtOrUnder(open)
        case .hitsRoundTrip: try StoreConformance.hitsRoundTrip(open)
        case .keyword: try StoreConformance.keyword(open)
        case .headingWeight: try StoreConformance.headingWeight(open)
        case .sessions: try StoreConformance.sessions(open)
        case .waitingChunks: try StoreConformance.waitingChunks(open)
        case .modelBinding: try StoreConformance.modelBinding(open)
        }
    }
}
