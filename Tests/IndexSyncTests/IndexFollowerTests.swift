import FileWalk
import Foundation
import IndexSync
import Indexer
import TestSupport
import Testing
import TextEncoder
import TextFormat
import VectorStore

/// The follower in this process, on the tiny model and a polling source: what `watch` does.
@Suite struct IndexFollowerTests {
    /// Counts what the follower reports.
    final class Tally: WatchReporting, @unchecked Sendable {
        private let lock = NSLock()
        private var kinds: [String] = []
        private var stops = 0

        func report(_ event: IndexEvent) {}
        func watching(roots: [String], source: String, folders: Int?) {}
        func batch(_ summary: IndexSummary, kind: String, paths: Int) { lock.withLock { kinds.append(kind) } }
        func stopped() { lock.withLock { stops += 1 } }
        var seen: (kinds: [String], stops: Int) { lock.withLock { (kinds, stops) } }
    }

    /// The follower on a thread of its own (`@unchecked Sendable`: only that thread touches it).
    final class Running: @unchecked Sendable {
        private var follower: IndexFollower
        let done = DispatchSemaphore(value: 0)

        init(_ follower: IndexFollower) {
            self.follower = follower
            Thread.detachNewThread { [self] in
                try? self.follower.run()
                done.signal()
            }
        }
    }

    @Test("a catch-up scan, then a file written meanwhile is indexed; a stop request ends it with a last report")
    func follows() throws {
        let model = try TinyBertModel()
        let folder = try TestScratch.folder("follow-notes").path
        try Data("the quick brown fox\n".utf8).write(to: URL(fileURLWithPath: folder + "/fox.txt"))
        let index = try TestScratch.file("follow-index", named: "index.sqlite")
        let options = FollowOptions(
            poll: 0.1, waitsForWriter: false, walk: WalkOptions(), indexOptions: { IndexOptions(roots: $0) },
            registry: FormatRegistry([TextFormat()]))
        let stop = StopRequest()
        let tally = Tally()
        let running = Running(
            try IndexFollower(
                indexPath: index, roots: [folder], options: options,
                encoder: { try SentenceEncoder(folder: model.folder, threads: 1) }, stop: stop, reporter: tally,
                nothingToWatch: "nothing"))
        let deadline = Date().addingTimeInterval(60)
        func files() throws -> Int { try IndexStore(path: index, create: false).status().files }
        while Date() < deadline && (try? files()) ?? 0 < 1 { Thread.sleep(forTimeInterval: 0.1) }
        try Data("hello world\n".utf8).write(to: URL(fileURLWithPath: folder + "/hello.txt"))
        while Date() < deadline && (try? files()) ?? 0 < 2 { Thread.sleep(forTimeInterval: 0.1) }
        #expect(try files() == 2)
        stop.request()
        #expect(running.done.wait(timeout: .now() + 30) == .success)
        #expect(tally.seen.kinds.first == "catch-up" && tally.seen.kinds.count >= 2)
        #expect(tally.seen.stops == 1)
    }
}
