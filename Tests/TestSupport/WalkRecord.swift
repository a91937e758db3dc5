import FileTyping
import FileWalk

/// What a walk reported, relative to one folder, in a form that compares and prints well.
public struct WalkRecord {
    public var files: [String] = []
    public var skipped: [String] = []
    public var walked: [WalkedFile] = []
    public var skips: [SkippedFile] = []

    /// Walks `roots`, typing files with libmagic as `semfind index` does, and records each
    /// event; paths are shown relative to `base`.
    public init(_ roots: [String], base: String, options: WalkOptions = .init()) throws {
        try self.init(walker: Walker(roots: roots, options: options, typer: FileTypeDetector()), base: base)
    }

    /// Walks with `walker` and records each event; paths are shown relative to `base`.
    public init(walker: Walker, base: String) throws {
        var record = self
        try walker.walk { event in
            switch event {
            case .file(let file):
                record.files.append(file.relativePath)
                record.walked.append(file)
            case .skipped(let skip):
                let shown = skip.path.hasPrefix(base + "/") ? String(skip.path.dropFirst(base.count + 1)) : skip.path
                record.skipped.append("\(shown): \(skip.reason.rawValue)")
                record.skips.append(skip)
            }
        }
        self = record
    }

    /// Walks the whole of `tree`.
    public init(_ tree: TempTree, options: WalkOptions = .init()) throws {
        try self.init([tree.root], base: tree.root, options: options)
    }
}
