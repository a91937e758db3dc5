/// Counts by name as people read them, "12 markdown, 3 pdf": the largest first (ties by
/// name), "none" when there are none.
public enum CountList {
    public static func text(_ counts: [String: Int]) -> String {
        guard !counts.isEmpty else { return "none" }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) \($0.key)" }
            .joined(separator: ", ")
    }
}
