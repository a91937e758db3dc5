import FileWalk
import Foundation
import Synchronization

/// Counts, on a thread of its own, the files a walk will yield, without reading or typing
/// them: what the progress line needs for an ETA. Cheap next to embedding, and never in the
/// way: until it is done, progress simply shows no ETA.
final class FileCounter: Sendable {
    private let count = Atomic<Int>(0)
    private let bytes = Atomic<Int>(0)
    private let finished = Atomic<Bool>(false)

    /// Starts counting with `walker`, which should have no typer (so reads no file).
    init(walker: Walker) {
        let box = WalkerBox(walker)
        let thread = Thread { [self] in
            var files = 0
            var size = 0
            try? box.walker.walk { event in
                if case .file(let file) = event {
                    files += 1
                    size += file.size
                }
            }
            count.store(files, ordering: .relaxed)
            bytes.store(size, ordering: .relaxed)
            finished.store(true, ordering: .releasing)
        }
        thread.name = "semfind-index-counter"
        thread.start()
    }

    /// The number of files and their bytes, once the count is complete.
    var total: ExpectedWork? {
        guard finished.load(ordering: .acquiring) else { return nil }
        return ExpectedWork(files: count.load(ordering: .relaxed), bytes: bytes.load(ordering: .relaxed))
    }
}

/// Hands a walker to the counting thread.
///
/// `@unchecked Sendable`: the walker (and its typer, if any) is used only by that thread once
/// handed over; the creating thread keeps no reference to it.
private struct WalkerBox: @unchecked Sendable {
    let walker: Walker

    init(_ walker: Walker) {
        self.walker = walker
    }
}
