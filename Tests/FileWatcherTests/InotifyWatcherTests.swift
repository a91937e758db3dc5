#if os(Linux)
    import FileWalk
    import Foundation
    import Testing

    @testable import FileWatcher

    /// The inotify source on a real temporary tree: events become debounced batches of paths.
    @Suite struct InotifyWatcherTests {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "semfind-inotify-\(UUID().uuidString)")

        func withTree(_ body: (InotifyWatcher) throws -> Void) throws {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("kept/inner"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("node_modules/pkg"), withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: root) }
            try body(InotifyWatcher(roots: [root.path], walk: WalkOptions(), stop: StopRequest()))
        }

        func write(_ relativePath: String) throws {
            let url = root.appendingPathComponent(relativePath)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("text\n".utf8).write(to: url)
        }

        /// The next batch that names `path`, within a generous number of batches.
        func batch(naming path: String, from watcher: InotifyWatcher) throws -> ChangeBatch? {
            for _ in 0..<20 {
                let deadline = DispatchTime.now().uptimeNanoseconds + 10_000_000_000
                guard let batch = try watcher.next(wakingBy: deadline), !batch.isEmpty else { return nil }
                if batch.paths.contains(path) { return batch }
            }
            return nil
        }

        @Test("ignored folders get no watch; files in new folders are named, folders included")
        func newFolders() throws {
            try withTree { watcher in
                #expect(watcher.watchCount == 3, "the root, kept and kept/inner, not node_modules")
                try FileManager.default.createDirectory(
                    at: root.appendingPathComponent("fresh"), withIntermediateDirectories: true)
                let first = try #require(try batch(naming: root.path + "/fresh", from: watcher))
                #expect(first.paths.contains(root.path + "/fresh"))
                try write("fresh/later.md")
                #expect(try batch(naming: root.path + "/fresh/later.md", from: watcher) != nil)
                #expect(watcher.watchCount == 4)
            }
        }

        @Test("a folder moved inside the tree keeps its watches under its new name")
        func movedFolder() throws {
            try withTree { watcher in
                try FileManager.default.moveItem(
                    at: root.appendingPathComponent("kept"), to: root.appendingPathComponent("moved"))
                let moved = try #require(try batch(naming: root.path + "/moved", from: watcher))
                #expect(moved.paths.contains(root.path + "/kept"))
                try write("moved/inner/new.md")
                #expect(try batch(naming: root.path + "/moved/inner/new.md", from: watcher) != nil)
                #expect(watcher.watchCount == 3)
            }
        }
    }
#endif
