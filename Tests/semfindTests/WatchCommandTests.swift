import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `semfind watch`, the writer lock and signals, as a user meets them: a watcher on a
/// temporary tree, checked by listing what the index holds until it matches the tree.
@Suite("watch, the writer lock and signals, end to end", .serialized)
final class WatchCommandTests {
    let folder = TestScratch.root.appendingPathComponent("watch-\(UUID().uuidString.prefix(8))")
    var tree: URL { folder.appendingPathComponent("tree") }
    var index: String { folder.appendingPathComponent("index.sqlite").path }
    let runner = CommandRunner()

    init() throws {
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ relativePath: String, _ text: String) throws {
        let url = tree.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((text + "\n").utf8).write(to: url)
    }

    func move(_ from: String, _ to: String) throws {
        try FileManager.default.moveItem(at: tree.appendingPathComponent(from), to: tree.appendingPathComponent(to))
    }

    func remove(_ relativePath: String) throws {
        try FileManager.default.removeItem(at: tree.appendingPathComponent(relativePath))
    }

    /// What an index holds: each file's path below the tree, with its chunks' texts.
    func listing(_ indexPath: String) throws -> [String: [String]] {
        let result = try runner.run(["status", "--index", indexPath, "--list-chunks"])
        guard result.status == 0 else { return [:] }
        var files: [String: [String]] = [:]
        for line in result.stdoutLines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            guard let path = object?["path"] as? String, let chunks = object?["chunks"] as? [String] else { continue }
            files[String(path.dropFirst(tree.path.count + 1))] = chunks
        }
        return files
    }

    /// What a fresh full index of the tree holds.
    func freshListing() throws -> [String: [String]] {
        let fresh = folder.appendingPathComponent("fresh-\(UUID().uuidString).sqlite").path
        let result = try runner.run(["index", "--index", fresh, tree.path])
        #expect(result.status == 0, "\(result.stderr)")
        return try listing(fresh)
    }

    func startWatch(_ extra: [String] = [], name: String = "watch") throws -> BackgroundCommand {
        let watch = try BackgroundCommand(
            ["watch", "--index", index, tree.path, "--json"] + extra, logs: folder, name: name)
        let ready = eventually { watch.hasPrinted(type: "watching") || !watch.process.isRunning }
        #expect(ready && watch.process.isRunning, "\(watch.stderr)")
        return watch
    }

    @Test("create, edit, rename, move across folders, delete a file and a folder: the index follows")
    func followsTheTree() throws {
        try write("a.md", "The cat sat on the mat.")
        try write("notes/b.txt", "Rust has a borrow checker.")
        try write(".gitignore", "*.log")
        try write("debug.log", "An ignored log line.")
        let watch = try startWatch()
        var expected = ["a.md": ["The cat sat on the mat."], "notes/b.txt": ["Rust has a borrow checker."]]
        #expect(try eventually { try listing(index) == expected })

        try write("c.md", "Penguins live in Antarctica.")
        expected["c.md"] = ["Penguins live in Antarctica."]
        #expect(try eventually { try listing(index) == expected }, "a new file")

        try write("a.md", "The dog slept by the fire.")
        expected["a.md"] = ["The dog slept by the fire."]
        #expect(try eventually { try listing(index) == expected }, "an edited file")

        try move("a.md", "renamed.md")
        expected["renamed.md"] = expected.removeValue(forKey: "a.md")
        #expect(try eventually { try listing(index) == expected }, "a renamed file")

        // An editor's save: the new text goes to a temporary file renamed over the old one.
        try write("renamed.md.tmp", "The dog woke up.")
        #expect(rename(tree.path + "/renamed.md.tmp", tree.path + "/renamed.md") == 0)
        expected["renamed.md"] = ["The dog woke up."]
        #expect(try eventually { try listing(index) == expected }, "a save by rename")

        try write("deep/er/z.md", "Zebras have stripes.")
        expected["deep/er/z.md"] = ["Zebras have stripes."]
        #expect(try eventually { try listing(index) == expected }, "a file in new folders")

        try move("notes/b.txt", "deep/b.txt")
        expected["deep/b.txt"] = expected.removeValue(forKey: "notes/b.txt")
        #expect(try eventually { try listing(index) == expected }, "a file moved across folders")

        try move("deep/er", "notes/er")
        expected["notes/er/z.md"] = expected.removeValue(forKey: "deep/er/z.md")
        #expect(try eventually { try listing(index) == expected }, "a folder moved across folders")
        let moveBatch = watch.messages.last { $0["type"] as? String == "batch" }?["data"] as? [String: Any]
        #expect(moveBatch?["embedded"] as? Int == 0, "a moved file keeps its vectors")
        try write("notes/er/y.md", "Written after its folder moved.")
        expected["notes/er/y.md"] = ["Written after its folder moved."]
        #expect(try eventually { try listing(index) == expected }, "a file in a moved folder")

        try remove("c.md")
        expected["c.md"] = nil
        #expect(try eventually { try listing(index) == expected }, "a deleted file")

        try remove("notes")
        expected = expected.filter { !$0.key.hasPrefix("notes/") }
        #expect(try eventually { try listing(index) == expected }, "a deleted folder")

        #expect(try freshListing() == expected)
        watch.send(SIGTERM)
        #expect(watch.wait() == 0, "\(watch.stderr)")
        #expect(watch.hasPrinted(type: "stopped"))
    }

    /// Writes `count` one-sentence files over ten folders (made as the burst goes), with
    /// a hundred distinct sentences so that the encoder's share of the test stays small.
    func burst(_ range: Range<Int>, tag: String) throws {
        for number in range {
            try write(
                "burst-\(number % 10)/note-\(number).md",
                "Burst \(tag) note on topic \(number % 100): the word is w\(number % 100).")
        }
    }

    @Test("a burst of 1,000 file writes ends with the index equal to a fresh full index; queries go on")
    func burstOfWrites() throws {
        try write("seed.md", "A seed file before the burst.")
        let watch = try startWatch()
        try burst(0..<1000, tag: "first")
        let fresh = try freshListing()
        #expect(fresh.count == 1001)
        var failedQueries: [String] = []
        #expect(
            try eventually(timeout: 300) {
                let query = try runner.run(["search", "--index", index, "burst note", "--json"])
                if query.status == 2 { failedQueries.append(query.stderr) }
                return try listing(index) == fresh
            })
        #expect(failedQueries.isEmpty, "queries during updates: \(failedQueries)")
        watch.send(SIGINT)
        #expect(watch.wait() == 0, "\(watch.stderr)")
    }

    @Test("a watcher killed in the middle of a burst catches up when restarted")
    func killedMidBurst() throws {
        try write("seed.md", "A seed file before the burst.")
        let first = try startWatch(name: "first")
        // Killed once it has written a batch of the burst, while the writes go on.
        var killed = false
        for number in 0..<200 {
            try burst(number..<number + 1, tag: "killed")
            if !killed, number % 10 == 0,
                first.messages.contains(where: {
                    $0["type"] as? String == "batch" && ($0["data"] as? [String: Any])?["kind"] as? String == "changes"
                })
            {
                first.send(SIGKILL)
                killed = true
            }
            if number == 100 { usleep(1_500_000) }
        }
        first.send(SIGKILL)
        #expect(first.wait() == SIGKILL, "killed, not stopped")
        // Changes while nothing watches: more files, an edit, a deletion.
        try burst(200..<300, tag: "killed")
        try write("seed.md", "The seed file, edited while nothing watched.")
        try remove("burst-3")
        #expect(try runner.run(["status", "--index", index, "--integrity-check"]).stdout == "ok\n")
        let second = try startWatch(name: "second")
        let fresh = try freshListing()
        #expect(try eventually(timeout: 300) { try listing(index) == fresh })
        second.send(SIGTERM)
        #expect(second.wait() == 0, "\(second.stderr)")
    }

    #if os(Linux)
        @Test("a lost event queue (IN_Q_OVERFLOW) is answered by a rescan that leaves the index right")
        func queueOverflow() throws {
            let limit = try String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8)
            let queued = try #require(Int(limit.trimmingCharacters(in: .whitespacesAndNewlines)))
            try #require(queued <= 1 << 17, "a queue this long takes too many writes to fill")
            try write("seed.md", "A seed file before the flood.")
            let watch = try startWatch()
            watch.send(SIGSTOP)
            // Each rewrite queues two events (modified, closed) on a watched folder: enough to fill
            // the queue.
            for number in 0..<(queued / 2 + 2_000) {
                try write("note-\(number % 500).md", "Flood note \(number % 10).")
            }
            watch.send(SIGCONT)
            let fresh = try freshListing()
            #expect(fresh.count == 501)
            #expect(try eventually(timeout: 300) { try listing(index) == fresh })
            // The batch's line is printed after its transaction commits: the index can be right
            // a moment before the line saying how it got there.
            func kinds() -> [String] {
                watch.messages.compactMap { ($0["data"] as? [String: Any])?["kind"] as? String }
            }
            #expect(eventually(timeout: 60) { kinds().contains("rescan") }, "\(kinds())")
            watch.send(SIGTERM)
            #expect(watch.wait() == 0, "\(watch.stderr)")
        }
    #endif

    @Test("a watched folder deleted and made again is noticed: the watcher catches up and follows it again")
    func rootDeletedAndRestored() throws {
        try write("old/a.md", "The cat sat on the mat.")
        try write("old/b.md", "Rust has a borrow checker.")
        let watch = try startWatch()
        #expect(try eventually { try listing(index).count == 2 })

        try FileManager.default.removeItem(at: tree)
        Thread.sleep(forTimeInterval: 0.5)
        try write("new.md", "Penguins live in Antarctica.")
        #expect(try eventually { try listing(index) == ["new.md": ["Penguins live in Antarctica."]] }, "caught up")
        try write("later.md", "Zebras have stripes.")
        #expect(try eventually { try listing(index)["later.md"] != nil }, "watched again")
        #expect(try freshListing() == listing(index))
        watch.send(SIGTERM)
        #expect(watch.wait() == 0, "\(watch.stderr)")
    }

    @Test("--poll follows the tree too")
    func polling() throws {
        try write("a.md", "The cat sat on the mat.")
        let watch = try startWatch(["--poll", "0.5"])
        try write("b/c.md", "Penguins live in Antarctica.")
        try remove("a.md")
        #expect(try eventually { try listing(index) == ["b/c.md": ["Penguins live in Antarctica."]] })
        watch.send(SIGINT)
        #expect(watch.wait() == 0, "\(watch.stderr)")
    }

    @Test("a second writer fails at once naming the index and the holder, or waits with --wait")
    func secondWriter() throws {
        try write("a.md", "The only file.")
        let watch = try startWatch()
        let second = try runner.run(["index", "--index", index, tree.path])
        #expect(second.status == 2)
        #expect(second.stderrLines.count == 1)
        #expect(second.stderr.contains(index) && second.stderr.contains("pid \(watch.pid)"), "\(second.stderr)")
        let another = try runner.run(["watch", "--index", index, tree.path])
        #expect(another.status == 2 && another.stderr.contains("pid \(watch.pid)"), "\(another.stderr)")
        #expect(try runner.run(["search", "--index", index, "the only file", "--json"]).status == 0, "reads go on")
        let request = #"{"jsonrpc": "2.0", "id": 1, "method": "index", "params": {}}"#
        let served = try runner.run(["serve", "--stdio", "--index", index], text: request + "\n")
        #expect(served.stdout.contains("pid \(watch.pid)"), "serve's index takes the lock too: \(served.stdout)")

        let waiting = try BackgroundCommand(
            ["index", "--index", index, "--wait", tree.path], logs: folder, name: "wait")
        usleep(500_000)
        #expect(waiting.process.isRunning, "it waits for the lock")
        watch.send(SIGTERM)
        #expect(watch.wait() == 0)
        #expect(waiting.wait() == 0, "\(waiting.stderr)")
    }

    @Test("SIGTERM during index finishes the file in flight, exits 143, and a re-run completes the index")
    func terminatedIndex() throws {
        // 600 distinct sentences, then 900 files that repeat them: the run is stopped after its
        // first group of files is written, and the re-run embeds little.
        for number in 0..<1500 {
            try write(
                "f\(1000 + number).md", "Sentence \(number % 600) of the interrupted run, token t\(number % 600).")
        }
        let run = try BackgroundCommand(["index", "--index", index, tree.path, "--json"], logs: folder, name: "index")
        #expect(eventually(timeout: 300) { run.hasPrinted(type: "progress") || !run.process.isRunning })
        run.send(SIGTERM)
        #expect(run.wait() == 143, "\(run.stderr)")
        let summary = run.messages.last { $0["type"] as? String == "summary" }?["data"] as? [String: Any]
        #expect(summary?["interrupted"] as? Bool == true)
        #expect(try runner.run(["status", "--index", index, "--integrity-check"]).stdout == "ok\n")

        let rerun = try runner.run(["index", "--index", index, tree.path, "--json"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let finished =
            try JSONSerialization.jsonObject(with: Data((rerun.stdoutLines.last ?? "").utf8)) as? [String: Any]
        #expect(((finished?["data"] as? [String: Any])?["indexed"] as? Int ?? 0) > 0, "the stopped run left work")
        #expect(try listing(index).count == 1500)
    }
}
