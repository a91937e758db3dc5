/// A value per chunk, worked out the first time it is asked for.
final class ChunkMemo<Value> {
    private var known: [Int64: Value] = [:]

    func value(for chunkID: Int64, _ work: () -> Value) -> Value {
        if let value = known[chunkID] { return value }
        let value = work()
        known[chunkID] = value
        return value
    }
}
