import Foundation
import Synchronization

/// A fixed team of threads that share one forward pass: `run` splits a task across the
/// caller and the helpers and returns when all parts are done.
///
/// A single query's forward pass is two dozen matrix products of a few milliseconds in all;
/// waking pool threads for each (as `DispatchQueue.concurrentPerform` does) costs as much as
/// the work. Helpers here spin briefly between tasks, so consecutive tasks start within
/// microseconds, and sleep when the team is idle. They stop when the team is released.
final class WorkerTeam: Sendable {
    /// Threads in the team, the caller included.
    let size: Int
    private let state: TeamState

    init(size: Int) {
        self.size = max(1, size)
        state = TeamState(helpers: self.size - 1)
        for member in 1..<self.size {
            let thread = Thread { [state] in state.helperLoop(member: member) }
            thread.name = "semfind-encoder-\(member)"
            thread.start()
        }
    }

    deinit {
        state.shutDown()
    }

    /// Runs `body(member)` for every member 0..<size, the caller taking member 0.
    func run(_ body: @escaping @Sendable (Int) -> Void) {
        guard size > 1 else { return body(0) }
        state.run(body)
    }
}

/// What the caller and the helpers share; the helpers keep it alive until they stop.
///
/// `@unchecked Sendable`: `task` is written only by `run`, before `generation` is published
/// with release ordering, and read by helpers only after they observe that generation with
/// acquire ordering; `runLock` keeps one task in flight at a time, and `run` returns only
/// when every helper has finished it.
private final class TeamState: @unchecked Sendable {
    private let helpers: Int
    private var task: (@Sendable (Int) -> Void)?
    private let generation = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let sleepers = NSCondition()
    private let runLock = NSLock()
    /// How long an idle helper spins (nanoseconds) before it sleeps.
    private static let spinDuration: UInt64 = 2_000_000

    init(helpers: Int) {
        self.helpers = helpers
    }

    func run(_ body: @escaping @Sendable (Int) -> Void) {
        runLock.lock()
        defer { runLock.unlock() }
        task = body
        finished.store(0, ordering: .relaxed)
        publishGeneration()
        body(0)
        while finished.load(ordering: .acquiring) < helpers {}
        task = nil
    }

    func shutDown() {
        stopping.store(true, ordering: .releasing)
        publishGeneration()
    }

    private func publishGeneration() {
        sleepers.lock()
        generation.add(1, ordering: .releasing)
        sleepers.broadcast()
        sleepers.unlock()
    }

    func helperLoop(member: Int) {
        var seen = 0
        while true {
            seen = waitForGeneration(after: seen)
            if stopping.load(ordering: .acquiring) { return }
            task?(member)
            finished.add(1, ordering: .releasing)
        }
    }

    private func waitForGeneration(after seen: Int) -> Int {
        let start = DispatchTime.now().uptimeNanoseconds
        while DispatchTime.now().uptimeNanoseconds - start < Self.spinDuration {
            let current = generation.load(ordering: .acquiring)
            if current != seen { return current }
        }
        sleepers.lock()
        defer { sleepers.unlock() }
        while generation.load(ordering: .acquiring) == seen { sleepers.wait() }
        return generation.load(ordering: .acquiring)
    }
}
