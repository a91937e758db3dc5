/// An element a reader leaves out with everything inside it (a fallback copy, a deleted run):
/// `enter()` at its start tag, then `swallows` takes every event up to and including its end.
public struct SkippedSubtree: Sendable {
    /// Elements open inside the left-out one, itself included; 0 when none is being left out.
    private var depth = 0

    public init() {}

    /// Starts leaving out the element whose start tag was just read.
    public mutating func enter() { depth = 1 }

    /// Whether `event` falls inside the element being left out (then it is consumed).
    public mutating func swallows(_ event: XMLEvent) -> Bool {
        guard depth > 0 else { return false }
        switch event {
        case .start: depth += 1
        case .end: depth -= 1
        case .text: break
        }
        return true
    }
}
