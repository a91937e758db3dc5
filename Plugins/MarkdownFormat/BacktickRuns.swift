/// The runs of backticks in a piece of Markdown, each linked to the next run of the same length,
/// which is where a code span opened by it closes. Built in one backward pass, so pairing every
/// opener costs linear time in total even when most runs are unmatched.
struct BacktickRuns {
    /// For each run's start offset, the start offset of the next run of the same length.
    private var nextOfSameLength: [Int: Int] = [:]

    init(_ bytes: [UInt8]) {
        var runs: [(start: Int, length: Int)] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == ASCII.backtick else {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, bytes[index] == ASCII.backtick { index += 1 }
            runs.append((start, index - start))
        }
        var laterRunByLength: [Int: Int] = [:]
        for run in runs.reversed() {
            if let later = laterRunByLength[run.length] { nextOfSameLength[run.start] = later }
            laterRunByLength[run.length] = run.start
        }
    }

    /// Where the code span opened by the run starting at `start` closes (the closing run's start),
    /// or nil when `start` is not a run's start or no later run has its length.
    func closingRun(forRunAt start: Int) -> Int? { nextOfSameLength[start] }
}
