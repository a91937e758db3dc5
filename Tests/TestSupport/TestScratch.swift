import Foundation

/// Where tests put their temporary files: one folder per test process, removed when the process
/// exits, so that no run leaves models, indexes or trees behind in the system's temporary folder
/// (a test's own clean-up can be skipped by a failed expectation; this cannot).
public enum TestScratch {
    public static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("semfind-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit {
            let leftover = FileManager.default.temporaryDirectory.appendingPathComponent("semfind-tests-\(getpid())")
            try? FileManager.default.removeItem(at: leftover)
        }
        return root
    }()

    /// A new, empty folder for one test.
    public static func folder(_ prefix: String) throws -> URL {
        let folder = root.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A path for one test's file, in a new folder (so that SQLite's -wal and -shm files and a
    /// snapshot beside it go too).
    public static func file(_ prefix: String, named name: String) throws -> String {
        try folder(prefix).appendingPathComponent(name).path
    }
}
