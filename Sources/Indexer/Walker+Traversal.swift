import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The depth-first traversal: an explicit stack of folders, so depth costs heap, not call stack.
extension Walker {
    typealias Visit = (WalkEvent) throws -> Void
    typealias Visited = [FileStatus.Identity: String]
    /// Told of each folder the walk enters; when given, files are not looked at.
    typealias Enter = (String) throws -> Void

    /// Walks one root: a folder and everything below it, or a single file.
    func walk(root: String, visited: inout Visited, enter: Enter? = nil, _ visit: Visit) throws {
        if let focus = options.focus, !focus.includes(root) { return }
        let status: FileStatus
        switch FileStatus.ofTarget(PathText.cPath(root)) {
        case .success(let found): status = found
        case .failure(let error):
            try visit(.skipped(Self.skipped(root, error)))
            return
        }
        switch status.kind {
        case .directory:
            // A root inside a root given earlier has been walked already.
            guard visited[status.identity] == nil else { return }
            visited[status.identity] = root
            var stack: [PendingFolder] = []
            let rootFolder = try pendingFolder(
                path: root, cPath: PathText.cPath(root), relativePath: "", identity: status.identity,
                rules: .defaults, enter: enter, visit)
            if let rootFolder { stack.append(rootFolder) }
            while var folder = stack.popLast() {
                guard folder.next < folder.names.count else { continue }
                let name = folder.names[folder.next]
                folder.next += 1
                stack.append(folder)
                try visitEntry(name, in: folder, root: root, stack: &stack, visited: &visited, enter: enter, visit)
            }
        case .regular:
            guard enter == nil else { return }
            try visitFile(
                root: root, path: root, cPath: PathText.cPath(root), relativePath: PathText.lastComponent(root),
                visit)
        default:
            try visit(.skipped(SkippedFile(path: root, reason: .notRegular, detail: "a \(status.kind.rawValue)")))
        }
    }

    /// Looks at one entry of `folder`: leaves it out, reports it, yields it, or pushes it.
    private func visitEntry(
        _ name: [UInt8], in folder: PendingFolder, root: String, stack: inout [PendingFolder],
        visited: inout Visited, enter: Enter?, _ visit: Visit
    ) throws {
        if name.first == UInt8(ascii: ".") && !options.includeHidden { return }
        let text = PathText.decoded(name)
        if let text, Self.versionControlFolders.contains(text) { return }
        let shown = text ?? PathText.escaped(name)
        let path = PathText.joined(folder.path, shown)
        if let focus = options.focus, !focus.includes(path) { return }
        let relativePath = PathText.joined(folder.relativePath, shown)
        let cPath = PathText.cPath(folder.path, name)

        let link = FileStatus.ofLink(cPath)
        var target = link
        if case .success(let status) = link, status.kind == .symbolicLink { target = FileStatus.ofTarget(cPath) }
        let isDirectory = (try? target.get())?.kind == .directory
        // A name that is not UTF-8 is matched with its bad bytes as U+FFFD, so "*.bin" still covers it.
        let matchedPath =
            text == nil ? PathText.joined(folder.relativePath, String(decoding: name, as: UTF8.self)) : relativePath
        if folder.rules.isIgnored(matchedPath, isDirectory: isDirectory) { return }

        guard text != nil else {
            guard enter == nil else { return }
            try visit(
                .skipped(SkippedFile(path: path, reason: .invalidName, detail: "\(shown): rename it to index it")))
            return
        }
        let status: FileStatus
        switch (link, target) {
        case (.failure(let error), _):
            try visit(.skipped(Self.skipped(path, error)))
            return
        case (_, .failure(let error)):
            try visit(.skipped(Self.skippedLink(path, error)))
            return
        case (_, .success(let found)):
            status = found
        }

        switch status.kind {
        case .directory:
            if let earlier = visited[status.identity] {
                let isAncestor = stack.contains { $0.identity == status.identity }
                let detail =
                    isAncestor
                    ? "leads back to \(earlier), which contains it; not followed"
                    : "leads to \(earlier), which is walked already; not followed"
                try visit(.skipped(SkippedFile(path: path, reason: .symlinkLoop, detail: detail)))
                return
            }
            visited[status.identity] = path
            let child = try pendingFolder(
                path: path, cPath: cPath, relativePath: relativePath, identity: status.identity, rules: folder.rules,
                enter: enter, visit)
            if let child { stack.append(child) }
        case .regular:
            guard enter == nil else { return }
            try visitFile(root: root, path: path, cPath: cPath, relativePath: relativePath, visit)
        default:
            try visit(.skipped(SkippedFile(path: path, reason: .notRegular, detail: "a \(status.kind.rawValue)")))
        }
    }

    /// Lists a folder and reads its ignore files; `nil` (after reporting why) when it cannot be listed.
    private func pendingFolder(
        path: String, cPath: [CChar], relativePath: String, identity: FileStatus.Identity, rules inherited: IgnoreRules,
        enter: Enter?, _ visit: Visit
    ) throws -> PendingFolder? {
        try enter?(path)
        let names: [[UInt8]]
        switch DirectoryListing.names(in: cPath) {
        case .success(let found): names = found
        case .failure(let error):
            try visit(.skipped(Self.skipped(path, error)))
            return nil
        }
        var rules = inherited
        for fileName in IgnoreRules.fileNames where names.contains(Array(fileName.utf8)) {
            let filePath = PathText.joined(path, fileName)
            switch FileReader.prefix(of: PathText.cPath(filePath), limit: 1 << 20) {
            case .success(let prefix):
                rules = rules.adding(contentsOf: String(decoding: prefix.bytes, as: UTF8.self), base: relativePath)
            case .failure(.system(let error)):
                let detail = "\(error.message); the ignore rules in it are not applied"
                try visit(.skipped(SkippedFile(path: filePath, reason: .unreadable, detail: detail)))
            case .failure(.notRegular(let kind)):
                let detail = "a \(kind.rawValue), not a file of ignore rules; not applied"
                try visit(.skipped(SkippedFile(path: filePath, reason: .unreadable, detail: detail)))
            }
        }
        return PendingFolder(
            path: path, relativePath: relativePath, identity: identity, rules: rules, names: names)
    }

    /// Reads, sizes and types one regular file, then yields it or reports why not.
    private func visitFile(root: String, path: String, cPath: [CChar], relativePath: String, _ visit: Visit) throws {
        if options.detectTypes, let isKnown, case .success(let status) = FileStatus.ofTarget(cPath),
            status.kind == .regular, status.size <= options.maxFileSize, isKnown(path, status)
        {
            let file = WalkedFile(
                root: root, path: path, relativePath: relativePath, size: status.size, modified: status.modified,
                mimeType: "", charset: "", knownUnchanged: true)
            return try visit(.file(file))
        }
        let prefix: FileReader.Prefix
        switch FileReader.prefix(of: cPath, limit: options.detectTypes ? FileTypeDetector.sampleSize : 0) {
        case .success(let found): prefix = found
        case .failure(.system(let error)):
            try visit(.skipped(Self.skipped(path, error)))
            return
        case .failure(.notRegular(let kind)):
            try visit(.skipped(SkippedFile(path: path, reason: .notRegular, detail: "a \(kind.rawValue)")))
            return
        }
        let size = prefix.status.size
        guard size <= options.maxFileSize else {
            let detail = "\(size) bytes, over the limit of \(options.maxFileSize) bytes (raise it with --max-file-size)"
            try visit(.skipped(SkippedFile(path: path, reason: .tooLarge, detail: detail)))
            return
        }
        guard options.detectTypes else {
            let file = WalkedFile(
                root: root, path: path, relativePath: relativePath, size: size, modified: prefix.status.modified,
                mimeType: "", charset: "")
            return try visit(.file(file))
        }
        switch detector.type(ofSample: prefix.bytes, isTruncated: size > prefix.bytes.count) {
        case .failure(let error):
            try visit(.skipped(SkippedFile(path: path, reason: .unreadable, detail: error.message)))
        case .success(let type) where type.isBinary:
            try visit(.skipped(SkippedFile(path: path, reason: .binary, detail: type.mimeType)))
        case .success(let type):
            let file = WalkedFile(
                root: root, path: path, relativePath: relativePath, size: size, modified: prefix.status.modified,
                mimeType: type.mimeType, charset: type.charset)
            try visit(.file(file))
        }
    }

    /// The report for a path that could not be examined: gone, or unreadable with the system's reason.
    static func skipped(_ path: String, _ error: SystemCallError) -> SkippedFile {
        if error.isMissing { return SkippedFile(path: path, reason: .vanished, detail: "removed during the walk") }
        return SkippedFile(path: path, reason: .unreadable, detail: error.message)
    }

    /// The report for a symbolic link whose target cannot be examined.
    static func skippedLink(_ path: String, _ error: SystemCallError) -> SkippedFile {
        switch error.number {
        case ELOOP:
            return SkippedFile(path: path, reason: .symlinkLoop, detail: "its chain of symbolic links never ends")
        case ENOENT, ENOTDIR:
            return SkippedFile(
                path: path, reason: .unreadable, detail: "dangling symbolic link: its target does not exist")
        default:
            return SkippedFile(path: path, reason: .unreadable, detail: error.message)
        }
    }
}
