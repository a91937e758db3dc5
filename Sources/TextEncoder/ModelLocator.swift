import Foundation
import SemfindCore

/// Finds a model folder: `--model PATH` (or `--model NAME`, a bare name looked up in the models
/// folders below before the current folder), then `SEMFIND_MODEL`, then
/// `$XDG_DATA_HOME/semfind/models/<name>` (default `~/.local/share/…`), then
/// `share/semfind/models/<name>` beside the executable's prefix.
public struct ModelLocator: Sendable {
    public static let defaultModelName = "all-MiniLM-L6-v2"

    public var environment: [String: String]
    public var executableURL: URL?

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executableURL: URL? = Bundle.main.executableURL
    ) {
        self.environment = environment
        self.executableURL = executableURL
    }

    /// The folders tried, in order, for a model called `name`.
    public func candidates(explicit: String?, name: String = defaultModelName) -> [URL] {
        if let explicit {
            guard Self.isBareName(explicit) else { return [URL(fileURLWithPath: explicit)] }
            return installed(name: explicit) + [URL(fileURLWithPath: explicit)]
        }
        if let fromEnvironment = environment["SEMFIND_MODEL"], !fromEnvironment.isEmpty {
            return [URL(fileURLWithPath: fromEnvironment)]
        }
        return installed(name: name)
    }

    /// The folder `semfind model install` puts models in: `models` in the data home.
    public var modelsFolder: URL {
        URL(fileURLWithPath: DataHome.folder(environment: environment) + "/models")
    }

    /// Where a model called `name` is installed: the data home's models folder, then the one
    /// beside the executable's prefix.
    func installed(name: String) -> [URL] {
        var folders = [modelsFolder.appendingPathComponent(name)]
        if let executableURL {
            let prefix = executableURL.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            folders.append(prefix.appendingPathComponent("share/semfind/models/\(name)"))
        }
        return folders
    }

    /// A model's name rather than a path: no slash, and not `.` or `..`.
    static func isBareName(_ text: String) -> Bool {
        !text.contains("/") && text != "." && text != ".." && !text.isEmpty
    }

    /// The first candidate that holds a `model.safetensors`, or an error that lists where it looked.
    public func locate(explicit: String?, name: String = defaultModelName) throws -> URL {
        let folders = candidates(explicit: explicit, name: name)
        for folder in folders
        where FileManager.default.fileExists(atPath: folder.appendingPathComponent("model.safetensors").path) {
            return folder
        }
        let looked = folders.map(\.path).joined(separator: ", ")
        if explicit != nil || environment["SEMFIND_MODEL"].map({ !$0.isEmpty }) == true {
            throw SemfindError(
                .modelNotFound,
                "no model.safetensors in \(looked); point --model or SEMFIND_MODEL at a sentence-transformers folder")
        }
        throw SemfindError(
            .modelNotFound, "no model found (looked in \(looked)); install it with semfind model install \(name)")
    }
}
