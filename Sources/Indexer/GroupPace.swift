/// How many chunks the embedding phase takes per group: it starts at `smallest` and doubles,
/// up to `largest`, while a group takes less than half of `target` seconds to embed, and halves
/// (not below `smallest`) when one takes more than twice `target`. Fast encoders (int8 on short
/// chunks) then commit every second or so instead of ten times a second, and a slow one keeps
/// its small groups, so that a search by meaning still covers more every few seconds.
struct GroupPace {
    let smallest: Int
    let largest: Int
    let target: Double
    private(set) var size: Int

    init(smallest: Int, largest: Int, target: Double = 1) {
        self.smallest = max(1, min(smallest, largest))
        self.largest = max(largest, self.smallest)
        self.target = target
        size = self.smallest
    }

    /// Takes the seconds the last group of `size` chunks took, and sets the next size.
    mutating func record(seconds: Double) {
        if seconds < target / 2 {
            size = min(size * 2, largest)
        } else if seconds > target * 2 {
            size = max(size / 2, smallest)
        }
    }
}
