import FileTyping
import Foundation
import TestSupport
import Testing

@testable import FileWalk

@Suite("Walker: links, special files, odd names, depth, size, errors")
struct WalkerEdgeCaseTests {
    @Test("links back to an ancestor are reported once each and the walk finishes")
    func symlinkLoops() throws {
        let tree = try TempTree()
        try tree.file("a/file.txt")
        try tree.folder("a/b")
        try tree.link("a/b/up", to: "../..")
        try tree.link("a/self", to: ".")
        try tree.link("l1", to: "l2")
        try tree.link("l2", to: "l1")
        let record = try WalkRecord(tree)
        #expect(record.files == ["a/file.txt"])
        #expect(
            record.skipped == ["a/b/up: symlink loop", "a/self: symlink loop", "l1: symlink loop", "l2: symlink loop"])
        #expect(record.skips.first?.detail == "leads back to \(tree.root), which contains it; not followed")
    }

    @Test("with --follow, links to files and folders are followed; a folder reached twice is walked once")
    func symlinksFollowed() throws {
        let tree = try TempTree()
        let other = try TempTree()
        try tree.file("real.txt", "twelve bytes")
        try tree.link("link.txt", to: "real.txt")
        try other.file("d/x.md", "# X\n")
        try tree.link("d", to: other.path("d"))
        try tree.link("e", to: other.path("d"))
        let record = try WalkRecord(tree, options: WalkOptions(followsLinksOutside: true))
        #expect(record.files == ["d/x.md", "link.txt", "real.txt"])
        #expect(record.skipped == ["e: symlink loop"])
        #expect(record.skips.first?.detail == "leads to \(tree.path("d")), which is walked already; not followed")
        let link = try #require(record.walked.first { $0.relativePath == "link.txt" })
        #expect(link.path == tree.path("link.txt") && link.size == 12)
    }

    @Test("a dangling link is unreadable; the walk goes on")
    func danglingLink() throws {
        let tree = try TempTree()
        try tree.link("gone", to: "nowhere")
        try tree.file("here.txt")
        let record = try WalkRecord(tree)
        #expect(record.files == ["here.txt"])
        #expect(record.skipped == ["gone: unreadable"])
        #expect(record.skips.first?.detail == "dangling symbolic link: its target does not exist")
    }

    @Test("entries removed during the walk are reported as vanished")
    func vanished() throws {
        let tree = try TempTree()
        for name in ["a.txt", "b.txt", "c/d.txt", "e.txt"] { try tree.file(name) }
        var files: [String] = []
        var skipped: [String] = []
        try Walker(roots: [tree.root], typer: FileTypeDetector()).walk { event in
            switch event {
            case .file(let file):
                files.append(file.relativePath)
                if file.relativePath == "a.txt" {
                    try FileManager.default.removeItem(atPath: tree.path("b.txt"))
                    try FileManager.default.removeItem(atPath: tree.path("c"))
                }
            case .skipped(let skip): skipped.append("\(skip.path): \(skip.reason.rawValue)")
            }
        }
        #expect(files == ["a.txt", "e.txt"])
        #expect(skipped == ["\(tree.path("b.txt")): vanished", "\(tree.path("c")): vanished"])
    }

    /// Root reads everything, so as root this runs in `semfindTests.UnreadableFilesTests`
    /// instead, through the binary run as nobody.
    @Test("a folder that cannot be listed and a file that cannot be read are unreadable", .enabled(if: getuid() != 0))
    func permissionDenied() throws {
        let tree = try TempTree()
        try tree.file("locked/inside.txt")
        try tree.file("secret.txt")
        try tree.file("open.txt")
        #expect(chmod(tree.path("locked"), 0) == 0 && chmod(tree.path("secret.txt"), 0) == 0)
        defer { _ = chmod(tree.path("locked"), 0o755) }
        let record = try WalkRecord(tree)
        #expect(record.files == ["open.txt"])
        #expect(record.skipped == ["locked: unreadable", "secret.txt: unreadable"])
        #expect(record.skips.map(\.detail) == [String(cString: strerror(EACCES)), String(cString: strerror(EACCES))])
    }

    @Test("a path longer than PATH_MAX is unreadable, not a crash")
    func pathTooLong() throws {
        let tree = try TempTree()
        try tree.file("top.txt")
        let component = String(repeating: "x", count: 200)
        var descriptor = open(tree.root, O_RDONLY)
        for _ in 0..<(Int(PATH_MAX) / 200 + 2) {
            #expect(mkdirat(descriptor, component, 0o755) == 0)
            let next = openat(descriptor, component, O_RDONLY)
            close(descriptor)
            descriptor = next
        }
        close(descriptor)
        let record = try WalkRecord(tree)
        #expect(record.files == ["top.txt"])
        #expect(record.skips.map(\.reason) == [.unreadable])
        #expect(record.skips.first?.detail == String(cString: strerror(ENAMETOOLONG)))
    }

    @Test("a FIFO is not a regular file and is never opened")
    func fifo() throws {
        let tree = try TempTree()
        #expect(mkfifo(tree.path("pipe"), 0o644) == 0)
        try tree.link("to-pipe", to: "pipe")
        try tree.file("z.txt")
        let record = try WalkRecord(tree)
        #expect(record.files == ["z.txt"])
        #expect(record.skipped == ["pipe: not a regular file", "to-pipe: not a regular file"])
        #expect(record.skips.first?.detail == "a FIFO")
    }

    @Test("a name with a newline is walked; a name with a 0xFF byte is reported escaped")
    func oddNames() throws {
        let tree = try TempTree()
        try tree.file("line\nbreak.txt")
        try tree.file(in: "sub", rawName: Array("bad".utf8) + [0xFF] + Array(".txt".utf8))
        try tree.file(in: "sub", rawName: Array("ignored".utf8) + [0xFE])
        try tree.file("sub/.gitignore", "ignored*\n")
        let record = try WalkRecord(tree)
        #expect(record.files == ["line\nbreak.txt"])
        #expect(record.skipped == ["sub/bad\\xFF.txt: name is not valid UTF-8"])
        #expect(record.skips.first?.detail == "bad\\xFF.txt: rename it to index it")
    }

    @Test("a 500-deep chain of folders is walked to its leaf")
    func deepChain() throws {
        let tree = try TempTree()
        let chain = String(repeating: "d/", count: 500)
        try tree.file(chain + "leaf.txt", "deep\n")
        let record = try WalkRecord(tree)
        #expect(record.files == [chain + "leaf.txt"])
        #expect(record.skipped.isEmpty)
    }

    @Test("files over maxFileSize are skipped with the limit and the flag; empty files are walked")
    func tooLarge() throws {
        let tree = try TempTree()
        try tree.file("big.txt", "eleven char")
        try tree.file("empty.txt", "")
        try tree.file("small.txt", "ten chars!")
        let record = try WalkRecord(tree, options: WalkOptions(maxFileSize: 10))
        #expect(record.files == ["empty.txt", "small.txt"])
        #expect(record.skipped == ["big.txt: too large"])
        #expect(record.skips.first?.detail == "11 bytes, over the limit of 10 bytes (raise it with --max-file-size)")
        let empty = try #require(record.walked.first)
        #expect(empty.size == 0 && empty.mimeType == "text/plain" && empty.charset == "us-ascii")
    }
}
