import Foundation
import TestSupport
import Testing

/// Files and folders the user may not read are reported and skipped, and the rest is indexed.
/// Permissions do not bind root, so as root the index runs as `nobody` through setpriv.
@Suite("Unreadable files, end to end")
struct UnreadableFilesTests {
    @Test("an unreadable file and an unlistable folder are reported with the reason; the rest is indexed")
    func unreadable() throws {
        let folder = TestScratch.root.path + "/semfind-unreadable-\(UUID().uuidString)"
        defer {
            _ = chmod(folder + "/tree/locked", 0o755)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder + "/tree/locked", withIntermediateDirectories: true)
        try Data("Open notes about the garden.\n".utf8).write(to: URL(fileURLWithPath: folder + "/tree/open.txt"))
        try Data("Secret notes.\n".utf8).write(to: URL(fileURLWithPath: folder + "/tree/secret.txt"))
        try Data("Inside a locked folder.\n".utf8).write(to: URL(fileURLWithPath: folder + "/tree/locked/inside.txt"))
        let tiny = try TinyBertModel()
        defer { tiny.remove() }
        try manager.copyItem(atPath: tiny.folder.path, toPath: folder + "/model")
        // Everyone may enter the folders and read the model; only two entries are made unreadable.
        for path in [folder, folder + "/tree", folder + "/model"] {
            try manager.setAttributes([.posixPermissions: 0o777], ofItemAtPath: path)
        }
        for name in try manager.subpathsOfDirectory(atPath: folder + "/model") {
            var isFolder: ObjCBool = false
            _ = manager.fileExists(atPath: folder + "/model/" + name, isDirectory: &isFolder)
            try manager.setAttributes(
                [.posixPermissions: isFolder.boolValue ? 0o755 : 0o644], ofItemAtPath: folder + "/model/" + name)
        }
        #expect(chmod(folder + "/tree/secret.txt", 0) == 0 && chmod(folder + "/tree/locked", 0) == 0)

        var runner = CommandRunner()
        if getuid() == 0 {
            let setpriv = "/usr/bin/setpriv"
            try #require(
                manager.isExecutableFile(atPath: setpriv),
                "running as root needs setpriv (util-linux) to drop to nobody")
            runner.launcher = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
            // The build folder may sit in a folder only root can enter (a fresh clone in mktemp -d).
            try manager.copyItem(atPath: CommandRunner.binary.path, toPath: folder + "/semfind")
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/semfind")
            runner.binary = URL(fileURLWithPath: folder + "/semfind")
        }
        let result = try runner.run([
            "index", folder + "/tree", "--index", folder + "/index.sqlite", "--model", folder + "/model", "--json",
        ])
        let messages = result.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        // Reported as failed (exit status 2, see the README), each with the system's reason.
        let failed = messages.filter { $0["type"] as? String == "failed" }.compactMap { $0["data"] as? [String: Any] }
        let reasons = Dictionary(
            failed.compactMap { item in (item["path"] as? String).map { ($0, item["message"] as? String ?? "") } },
            uniquingKeysWith: { first, _ in first })
        let denied = String(cString: strerror(EACCES))
        #expect(reasons[folder + "/tree/secret.txt"] == denied, "\(result.stdout) \(result.stderr)")
        #expect(reasons[folder + "/tree/locked"] == denied, "\(result.stdout)")
        #expect(result.status == 2)
        let summary = messages.last { $0["type"] as? String == "summary" }?["data"] as? [String: Any]
        #expect(summary?["indexed"] as? Int == 1, "open.txt is indexed: \(result.stderr)")
    }
}
