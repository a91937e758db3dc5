import Foundation
import SemfindCore

/// The folders and files a user names to index or watch, as the walker takes them.
public enum RootPath {
    /// `path` with `~` expanded, made absolute against the working directory and standardized.
    ///
    /// - Throws: `SemfindError` `.invalidInput` when nothing exists there.
    public static func absolute(_ path: String) throws -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let url = URL(
            fileURLWithPath: expanded, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let standardized = url.standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: standardized) else {
            throw SemfindError(.invalidInput, "\(path): no such file or folder")
        }
        return standardized
    }
}
