/// How `SentenceEncoder.encode` cuts its texts into batches: longest first, at most `size`
/// texts each, and smaller toward the end. Each batch takes no more than its share of what is
/// left per worker (but at least `size / 8` texts), so that the last batches are short ones and
/// a worker that finishes early waits for little: with equal batches of 32 the other core sat
/// idle for up to a whole batch at the end of every call, and the indexer makes one call per
/// group (redis's 931 chunks: 8.1 s to index against 7.1 s for the encoder alone).
enum BatchPlan {
    /// The indices of `lengths`, longest first, cut into batches for `workers` workers.
    static func batches(lengths: [Int], size: Int, workers: Int) -> [[Int]] {
        let order = lengths.indices.sorted { lengths[$0] > lengths[$1] }
        let largest = max(1, size)
        let smallest = max(1, largest / 8)
        let sharers = max(1, workers)
        var batches: [[Int]] = []
        var start = 0
        while start < order.count {
            let remaining = order.count - start
            let share = (remaining + sharers - 1) / sharers
            let count = min(remaining, min(largest, max(smallest, share)))
            batches.append(Array(order[start..<start + count]))
            start += count
        }
        return batches
    }
}
