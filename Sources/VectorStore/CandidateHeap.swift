/// The `capacity` highest-scoring rows seen, in a min-heap: a row costs O(log capacity) to
/// admit, so large candidate sets stay cheap (`TopScores` suits small ones).
struct CandidateHeap {
    let capacity: Int
    private(set) var rows: [Int] = []
    private(set) var scores: [Float] = []

    init(capacity: Int) {
        self.capacity = capacity
        rows.reserveCapacity(capacity)
        scores.reserveCapacity(capacity)
    }

    /// The lowest score kept once full (a row must beat it), else −∞.
    var threshold: Float { rows.count < capacity ? -.infinity : scores[0] }

    mutating func insert(_ row: Int, _ score: Float) {
        if rows.count < capacity {
            rows.append(row)
            scores.append(score)
            var child = rows.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard scores[parent] > scores[child] else { break }
                swap(parent, child)
                child = parent
            }
        } else if score > scores[0] {
            rows[0] = row
            scores[0] = score
            var parent = 0
            while true {
                var smallest = parent
                let left = 2 * parent + 1
                if left < rows.count && scores[left] < scores[smallest] { smallest = left }
                if left + 1 < rows.count && scores[left + 1] < scores[smallest] { smallest = left + 1 }
                guard smallest != parent else { break }
                swap(parent, smallest)
                parent = smallest
            }
        }
    }

    private mutating func swap(_ first: Int, _ second: Int) {
        rows.swapAt(first, second)
        scores.swapAt(first, second)
    }
}
