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
}
