import Foundation

/// A throw-away folder for one test, built with POSIX calls so names may hold any bytes.
public final class TempTree {
    public let root: String

    public init() throws {
        let temporary = TestScratch.root.standardizedFileURL.path
        var template = Array((temporary + "/semfind-walk-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw TempTreeError.failed("mkdtemp") }
        root = String(cString: made)
    }

    deinit {
        do {
            try FileManager.default.removeItem(atPath: root)
        } catch {
            // FileManager gives up on paths longer than PATH_MAX; rm(1) does not.
            let remover = Process()
            remover.executableURL = URL(fileURLWithPath: "/bin/rm")
            remover.arguments = ["-rf", root]
            try? remover.run()
            remover.waitUntilExit()
        }
    }

    /// The absolute path of `relative`.
    public func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes a file (and its parent folders) holding `bytes`.
    public func file(_ relative: String, bytes: [UInt8]) throws {
        try folder((relative as NSString).deletingLastPathComponent)
        try Data(bytes).write(to: URL(fileURLWithPath: path(relative)))
    }

    /// Writes a file (and its parent folders) holding `text` as UTF-8.
    public func file(_ relative: String, _ text: String = "some text\n") throws {
        try file(relative, bytes: Array(text.utf8))
    }

    /// Makes a folder and its parents.
    public func folder(_ relative: String) throws {
        guard !relative.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    /// Makes a symbolic link at `relative` whose target is `target`, as written.
    public func link(_ relative: String, to target: String) throws {
        guard symlink(target, path(relative)) == 0 else { throw TempTreeError.failed("symlink \(relative)") }
    }

    /// Writes a file whose name, in the folder `parent`, is the raw bytes `name`.
    public func file(in parent: String, rawName name: [UInt8], _ text: String = "text\n") throws {
        try folder(parent)
        let bytes = Array(path(parent).utf8) + [0x2F] + name + [0]
        let descriptor = open(bytes.map { CChar(bitPattern: $0) }, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw TempTreeError.failed("open raw name") }
        defer { close(descriptor) }
        let written = Array(text.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == text.utf8.count else { throw TempTreeError.failed("write raw name") }
    }
}

public enum TempTreeError: Error {
    case failed(String)
}
