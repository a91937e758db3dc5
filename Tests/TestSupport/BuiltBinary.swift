import Foundation

/// The `semfind` executable that SwiftPM built beside the running test bundle, for tests that
/// run it as a user would.
public enum BuiltBinary {
    public static let url: URL = {
        let productsFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [productsFolder, productsFolder.deletingLastPathComponent()].map {
            $0.appendingPathComponent("semfind")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// The environment the tests run the binary in: the test process's own, with the servers
    /// that searches start by themselves turned off (`SEMFIND_AUTO_SERVER=0`), so that no
    /// search leaves one running. The tests of those servers turn them back on. The user's
    /// plugins file is out of reach (`XDG_CONFIG_HOME` names a folder that holds none): tests
    /// that declare formats give their own.
    public static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SEMFIND_AUTO_SERVER"] = "0"
        environment["XDG_CONFIG_HOME"] = TestScratch.root.path + "/no-user-config"
        environment["SEMFIND_PLUGINS"] = nil
        return environment
    }
}
