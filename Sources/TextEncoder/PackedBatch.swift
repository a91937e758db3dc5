/// Several token sequences laid end to end, with no padding: row `t` of every activation
/// matrix belongs to token `t`, and attention runs per sequence, so no token ever attends
/// across a sequence boundary or to padding.
struct PackedBatch: Sendable {
    /// All sequences' ids, concatenated.
    let ids: [Int32]
    /// `offsets[i]..<offsets[i+1]` are sequence `i`'s rows; `offsets.count == count + 1`.
    let offsets: [Int]

    init(_ sequences: [[Int32]]) {
        var ids: [Int32] = []
        ids.reserveCapacity(sequences.reduce(0) { $0 + $1.count })
        var offsets = [0]
        for sequence in sequences {
            ids.append(contentsOf: sequence)
            offsets.append(ids.count)
        }
        self.ids = ids
        self.offsets = offsets
    }

    var count: Int { offsets.count - 1 }
    var tokenCount: Int { ids.count }
    var longest: Int { (0..<count).map { offsets[$0 + 1] - offsets[$0] }.max() ?? 0 }

    func range(of sequence: Int) -> Range<Int> { offsets[sequence]..<offsets[sequence + 1] }
}
