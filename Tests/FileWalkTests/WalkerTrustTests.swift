import FileTyping
import Foundation
import TestSupport
import Testing

@testable import FileWalk

@Suite("Walker: links that leave the root, files changed between the walk and the read")
struct WalkerTrustTests {
    @Test("a link inside the root is followed; links to files and folders outside it are reported, not followed")
    func linksLeavingTheRoot() throws {
        let tree = try TempTree()
        let outside = try TempTree()
        try outside.file("secret.txt", "the owner's other files\n")
        try outside.file("etc/passwd.txt", "not ours to index\n")
        try tree.file("notes/real.md", "# Real\n")
        try tree.link("inside.md", to: "notes/real.md")
        try tree.link("up", to: "notes")
        try tree.link("file-out.txt", to: outside.path("secret.txt"))
        try tree.link("folder-out", to: outside.path("etc"))
        try tree.link("relative-out", to: "../" + PathText.lastComponent(outside.root))
        let record = try WalkRecord(tree)
        #expect(record.files == ["inside.md", "notes/real.md"])
        #expect(
            record.skipped == [
                "file-out.txt: link leaves the folder", "folder-out: link leaves the folder",
                "relative-out: link leaves the folder", "up: symlink loop",
            ])
        let resolvedRoot = try #require(SystemPaths.resolved(PathText.cPath(tree.root)))
        let resolvedOutside = try #require(SystemPaths.resolved(PathText.cPath(outside.path("secret.txt"))))
        #expect(
            record.skips.first?.detail
                == "leads to \(resolvedOutside), outside \(resolvedRoot); not followed (--follow follows it)")
    }

    @Test("--follow follows links out of the root, but never into /proc, /sys or /dev")
    func systemFoldersNeverRead() throws {
        let tree = try TempTree()
        let outside = try TempTree()
        try outside.file("shared.txt", "followed on request\n")
        try tree.link("shared.txt", to: outside.path("shared.txt"))
        try tree.link("environ", to: "/proc/self/environ")
        try tree.link("proc", to: "/proc/self")
        try tree.link("zero", to: "/dev/zero")
        try tree.link("kernel", to: "/sys/kernel")
        for options in [WalkOptions(), WalkOptions(followsLinksOutside: true)] {
            let record = try WalkRecord(tree, options: options)
            let refused = record.skips.filter { $0.detail.hasSuffix("which semfind never reads") }
            #expect(refused.map { PathText.lastComponent($0.path) } == ["environ", "kernel", "proc", "zero"])
            #expect(record.files == (options.followsLinksOutside ? ["shared.txt"] : []))
        }
        #expect(throws: (any Error).self) { try Walker(roots: ["/proc/self"], typer: nil) }
    }

    @Test("a file swapped for a FIFO between the walk and the read is skipped at once, never read")
    func swappedForFIFO() throws {
        let tree = try TempTree()
        try tree.file("a.txt", "was a file\n")
        let record = try walkSwapping(tree, "a.txt") { path in
            #expect(unlink(path) == 0 && mkfifo(path, 0o644) == 0)
        }
        #expect(record.skipped == ["a.txt: not a regular file"])
    }

    @Test("a file swapped for a link to /dev/zero is skipped as replaced: nothing is read")
    func swappedForLinkToZero() throws {
        let tree = try TempTree()
        try tree.file("a.txt", "was a file\n")
        let record = try walkSwapping(tree, "a.txt") { path in
            #expect(unlink(path) == 0 && symlink("/dev/zero", path) == 0)
        }
        #expect(record.skipped == ["a.txt: vanished"])
        #expect(record.skips.first?.detail == "replaced during the walk; not read")
    }

    @Test("a file replaced by another, or removed, before the read is reported as vanished")
    func replacedOrRemoved() throws {
        let tree = try TempTree()
        try tree.file("renamed.txt", "first\n")
        try tree.file("removed.txt", "second\n")
        try tree.file("elsewhere.txt", "replacement\n")
        let record = try walkSwapping(tree, "renamed.txt", "removed.txt") { path in
            if path.hasSuffix("renamed.txt") {
                #expect(rename(tree.path("elsewhere.txt"), path) == 0)
            } else {
                #expect(unlink(path) == 0)
            }
        }
        #expect(record.skipped == ["removed.txt: vanished", "renamed.txt: vanished"])
        #expect(record.skips.map(\.detail) == ["removed during the walk", "replaced during the walk; not read"])
    }

    @Test("a file that grows past the size limit after the walk looked at it is skipped, not read whole")
    func grewPastTheLimit() throws {
        let tree = try TempTree()
        try tree.file("log.txt", "short\n")
        for step in [Walker.ReadStep.opening, .typed] {
            try tree.file("log.txt", "short\n")
            let record = try walkSwapping(tree, "log.txt", at: step, options: WalkOptions(maxFileSize: 100)) { path in
                let handle = try #require(FileHandle(forWritingAtPath: path))
                handle.seekToEndOfFile()
                handle.write(Data(repeating: 0x61, count: 1000))
                try handle.close()
            }
            #expect(record.skipped == ["log.txt: too large"])
            let amount = step == .opening ? "1006 bytes" : "grew past 100 bytes while it was read"
            #expect(
                record.skips.first?.detail
                    == "\(amount), over the limit of 100 bytes (raise it with --max-file-size)")
        }
    }

    @Test("a changed file is yielded with the bytes that were typed: its whole content, read once")
    func contentComesWithTheFile() throws {
        let tree = try TempTree()
        let text = String(repeating: "a line of notes\n", count: 10_000)
        try tree.file("long.txt", text)
        let record = try WalkRecord(tree)
        #expect(record.walked.first?.content == Array(text.utf8))
    }

    /// Walks `tree`, running `swap` on each named file when its reading reaches `step` (by
    /// default: just before the walker opens it).
    private func walkSwapping(
        _ tree: TempTree, _ names: String..., at step: Walker.ReadStep = .opening, options: WalkOptions = .init(),
        swap: @escaping (String) throws -> Void
    ) throws -> WalkRecord {
        let paths = Set(names.map(tree.path))
        var walker = try Walker(roots: [tree.root], options: options, typer: FileTypeDetector())
        walker.readStepObserver = { path, reached in
            if reached == step && paths.contains(path) { try? swap(path) }
        }
        return try WalkRecord(walker: walker, base: tree.root)
    }
}
