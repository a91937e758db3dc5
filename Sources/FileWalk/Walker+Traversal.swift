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
            let resolvedRoot = SystemPaths.resolved(PathText.cPath(root)) ?? root
            while var folder = stack.popLast() {
                guard folder.next < folder.names.count else { continue }
                let name = folder.names[folder.next]
                folder.next += 1
                stack.append(folder)
                let entry = Entry(root: root, resolvedRoot: resolvedRoot, folder: folder, name: name)
                try visitEntry(entry, stack: &stack, visited: &visited, enter: enter, visit)
            }
        case .regular:
            guard enter == nil else { return }
            let file = FileToRead(
                path: root, cPath: PathText.cPath(root), relativePath: PathText.lastComponent(root),
                followsLink: true, status: status)
            try visitFile(root: root, file, visit)
        default:
            try visit(.skipped(SkippedFile(path: root, reason: .notRegular, detail: "a \(status.kind.rawValue)")))
        }
    }

    /// One name listed in a folder, with the root the folder is under.
    private struct Entry {
        let root: String
        /// The root with every symbolic link on its way resolved: where links may lead.
        let resolvedRoot: String
        let folder: PendingFolder
        let name: [UInt8]
    }

    /// A regular file the walk decided to read: how to open it and what it must turn out to be.
    private struct FileToRead {
        let path: String
        let cPath: [CChar]
        let relativePath: String
        /// The path is a symbolic link the walk chose to follow.
        let followsLink: Bool
        /// The file as the walk examined it (its target, for a link); another file found at the
        /// path is not read.
        let status: FileStatus
    }

    /// Looks at one entry of its folder: leaves it out, reports it, yields it, or pushes it.
    private func visitEntry(
        _ entry: Entry, stack: inout [PendingFolder], visited: inout Visited, enter: Enter?, _ visit: Visit
    ) throws {
        let (folder, name, root) = (entry.folder, entry.name, entry.root)
        if name.first == UInt8(ascii: ".") && !options.includeHidden { return }
        let text = PathText.decoded(name)
        if let text, Self.versionControlFolders.contains(text) { return }
        let shown = text ?? PathText.escaped(name)
        let path = PathText.joined(folder.path, shown)
        if let focus = options.focus, !focus.includes(path) { return }
        if options.excludedFiles.contains(path) { return }
        let relativePath = PathText.joined(folder.relativePath, shown)
        let cPath = PathText.cPath(folder.path, name)

        let link = FileStatus.ofLink(cPath)
        var target = link
        let isLink = (try? link.get())?.kind == .symbolicLink
        if isLink { target = FileStatus.ofTarget(cPath) }
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
        if isLink, let refusal = linkRefusal(cPath, resolvedRoot: entry.resolvedRoot) {
            guard enter == nil else { return }
            try visit(.skipped(SkippedFile(path: path, reason: .linkLeavesRoot, detail: refusal)))
            return
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
            let file = FileToRead(
                path: path, cPath: cPath, relativePath: relativePath, followsLink: isLink, status: status)
            try visitFile(root: root, file, visit)
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
            case .failure(let failure):
                let reason = Self.skipped(filePath, failure).detail
                let detail = "\(reason); the ignore rules in it are not applied"
                try visit(.skipped(SkippedFile(path: filePath, reason: .unreadable, detail: detail)))
            }
        }
        return PendingFolder(
            path: path, relativePath: relativePath, identity: identity, rules: rules, names: names)
    }

    /// Why the symbolic link at `cPath` is not followed, or `nil` when it may be: its target
    /// must stay inside the root (unless `followsLinksOutside`) and never be in /proc, /sys, /dev.
    private func linkRefusal(_ cPath: [CChar], resolvedRoot: String) -> String? {
        guard let target = SystemPaths.resolved(cPath) else { return nil }
        if SystemPaths.contains(target) { return "leads to \(target), which semfind never reads" }
        let inside = target == resolvedRoot || target.hasPrefix(resolvedRoot == "/" ? "/" : resolvedRoot + "/")
        guard !inside && !options.followsLinksOutside else { return nil }
        return "leads to \(target), outside \(resolvedRoot); not followed (--follow follows it)"
    }

    /// Yields one regular file, or reports why not. Without a typer, or when the caller knows it
    /// at its size and time, the walk's look at it is all: it is not opened. Otherwise it is
    /// opened, checked, sized, typed and read from one descriptor.
    private func visitFile(root: String, _ entry: FileToRead, _ visit: Visit) throws {
        let (path, looked) = (entry.path, entry.status)
        guard let typer else {
            guard looked.size <= options.maxFileSize else { return try visit(.skipped(tooLarge(path, looked.size))) }
            return try visit(.file(unread(root: root, entry, knownUnchanged: false)))
        }
        if let isKnown, looked.size <= options.maxFileSize, isKnown(path, looked) {
            return try visit(.file(unread(root: root, entry, knownUnchanged: true)))
        }
        readStepObserver?(path, .opening)
        let reader: FileReader
        switch FileReader.opening(entry.cPath, followingLink: entry.followsLink, expected: looked.identity) {
        case .success(let opened): reader = opened
        case .failure(let failure):
            return try visit(.skipped(Self.skipped(path, failure)))
        }
        let size = reader.status.size
        guard size <= options.maxFileSize else {
            return try visit(.skipped(tooLarge(path, size)))
        }
        var bytes: [UInt8] = []
        if case .failure(let failure) = reader.readBytes(into: &bytes, upTo: typer.sampleSize) {
            return try visit(.skipped(Self.skipped(path, failure)))
        }
        let type: FileType
        let isTruncated = size > bytes.count
        let namedText = PathText.fileExtension(of: path).map(options.plainTextExtensions.contains) == true
        switch (namedText ? PlainText.type(of: bytes, isTruncated: isTruncated) : nil).map(Result.success)
            ?? typer.type(ofSample: bytes, isTruncated: isTruncated)
        {
        case .failure(let error):
            return try visit(.skipped(SkippedFile(path: path, reason: .unreadable, detail: error.message)))
        case .success(let found)
        where found.isBinary && !options.binaryFormats.claims(mimeType: found.mimeType, path: path):
            return try visit(.skipped(SkippedFile(path: path, reason: .binary, detail: found.mimeType)))
        case .success(let found): type = found
        }
        readStepObserver?(path, .typed)
        // One byte past the limit tells a file that grew over it since it was sized.
        if case .failure(let failure) = reader.readBytes(into: &bytes, upTo: options.maxFileSize + 1) {
            return try visit(.skipped(Self.skipped(path, failure)))
        }
        guard bytes.count <= options.maxFileSize else {
            return try visit(.skipped(tooLarge(path, bytes.count, grew: true)))
        }
        let file = WalkedFile(
            root: root, path: path, relativePath: entry.relativePath, size: bytes.count,
            modified: reader.status.modified, mimeType: type.mimeType, charset: type.charset, content: bytes)
        try visit(.file(file))
    }

    /// A file as the walk looked at it, sized and dated but neither opened nor typed.
    private func unread(root: String, _ entry: FileToRead, knownUnchanged: Bool) -> WalkedFile {
        WalkedFile(
            root: root, path: entry.path, relativePath: entry.relativePath, size: entry.status.size,
            modified: entry.status.modified, mimeType: "", charset: "", knownUnchanged: knownUnchanged)
    }

    /// The report for a file over the size limit (`grew`: it was under it when it was sized).
    private func tooLarge(_ path: String, _ size: Int, grew: Bool = false) -> SkippedFile {
        let amount = grew ? "grew past \(options.maxFileSize) bytes while it was read" : "\(size) bytes"
        let detail = "\(amount), over the limit of \(options.maxFileSize) bytes (raise it with --max-file-size)"
        return SkippedFile(path: path, reason: .tooLarge, detail: detail)
    }

    /// The report for a file that could not be opened or read.
    static func skipped(_ path: String, _ failure: FileReader.Failure) -> SkippedFile {
        switch failure {
        case .system(let error):
            return skipped(path, error)
        case .notRegular(let kind):
            return SkippedFile(path: path, reason: .notRegular, detail: "a \(kind.rawValue)")
        case .replaced:
            return SkippedFile(path: path, reason: .vanished, detail: "replaced during the walk; not read")
        case .systemFile:
            return SkippedFile(
                path: path, reason: .linkLeavesRoot, detail: "in /proc, /sys or /dev, which semfind never reads")
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
