/// Values worked out the first time their key is asked for, then kept.
final class Memo<Key: Hashable, Value> {
    private var known: [Key: Value] = [:]

    func value(for key: Key, _ work: () throws -> Value) rethrows -> Value {
        if let value = known[key] { return value }
        let value = try work()
        known[key] = value
        return value
    }
}
