/// The `capacity` best rows seen, "best" meaning the higher score and, between equal scores,
/// the earlier row: the order `FlatIndex.best` ranks by (exactly so when rows are offered in
/// increasing order, as a scan of consecutive rows offers them; otherwise a row that only ties
/// the worst kept one is not admitted). A min-heap with the worst kept row on top, so admitting
/// a row costs O(log capacity) (hundreds of candidates stay cheap).
public struct RankedRows: Sendable {
    public let capacity: Int
    private var rows: [Int] = []
    private var scores: [Float] = []

    public init(capacity: Int) {
        self.capacity = capacity
        rows.reserveCapacity(capacity)
        scores.reserveCapacity(capacity)
    }

    /// Whether a row with `score`, later than every row offered so far, would be kept.
    public func admits(_ score: Float) -> Bool {
        rows.count < capacity || score > scores[0]
    }

    public mutating func insert(_ row: Int, _ score: Float) {
        guard capacity > 0 else { return }
        if rows.count < capacity {
            rows.append(row)
            scores.append(score)
            siftUp(rows.count - 1)
        } else if score > scores[0] {
            rows[0] = row
            scores[0] = score
            siftDown(0)
        }
    }

    /// The kept rows, best first.
    public var ranked: [(row: Int, score: Float)] {
        zip(rows, scores).map { (row: $0, score: $1) }.sorted(by: Self.isBetter)
    }

    /// Higher score first; between equal scores, the earlier row.
    public static func isBetter(_ first: (row: Int, score: Float), _ second: (row: Int, score: Float)) -> Bool {
        first.score > second.score || (first.score == second.score && first.row < second.row)
    }

    private func isWorse(_ first: Int, than second: Int) -> Bool {
        Self.isBetter((rows[second], scores[second]), (rows[first], scores[first]))
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard isWorse(child, than: parent) else { return }
            swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var worst = parent
            let left = 2 * parent + 1
            if left < rows.count && isWorse(left, than: worst) { worst = left }
            if left + 1 < rows.count && isWorse(left + 1, than: worst) { worst = left + 1 }
            guard worst != parent else { return }
            swapAt(parent, worst)
            parent = worst
        }
    }

    private mutating func swapAt(_ first: Int, _ second: Int) {
        rows.swapAt(first, second)
        scores.swapAt(first, second)
    }
}
