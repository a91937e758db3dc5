import FileTyping
import Foundation
import SemfindCore
import TestSupport
import Testing

@testable import FileWalk

@Suite("Walker: order, ignore files, hidden and skipped folders")
struct WalkerTests {
    @Test("entries come depth-first in byte order of their names")
    func byteOrder() throws {
        let tree = try TempTree()
        for name in ["B.txt", "a.txt", "a b.txt", "a-b.txt", "ä.txt", "sub/z", "sub.txt"] { try tree.file(name) }
        let record = try WalkRecord(tree)
        #expect(record.files == ["B.txt", "a b.txt", "a-b.txt", "a.txt", "sub/z", "sub.txt", "ä.txt"])
        #expect(record.skipped.isEmpty)
    }

    @Test("a walked file carries its root, paths, size, mtime and type")
    func walkedFileFields() throws {
        let tree = try TempTree()
        try tree.file("notes/today.txt", "hello, world\n")
        let record = try WalkRecord(tree)
        let file = try #require(record.walked.first)
        var status = stat()
        #expect(stat(tree.path("notes/today.txt"), &status) == 0)
        #if canImport(Darwin)
            let time = status.st_mtimespec
        #else
            let time = status.st_mtim
        #endif
        let mtime = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        #expect(
            file
                == WalkedFile(
                    root: tree.root, path: tree.path("notes/today.txt"), relativePath: "notes/today.txt", size: 13,
                    modified: mtime, mimeType: "text/plain", charset: "us-ascii", content: Array("hello, world\n".utf8))
        )
    }

    @Test("a file the caller knows at its size and time is yielded untyped and unread; others are typed")
    func knownFilesSkipTyping() throws {
        let tree = try TempTree()
        try tree.file("known.txt", "as indexed\n")
        try tree.file("changed.txt", "edited since\n")
        var walker = try Walker(roots: [tree.root], typer: FileTypeDetector())
        var asked: [String] = []
        walker.isKnown = { path, status in
            asked.append(path)
            return path.hasSuffix("known.txt") && status.size == 11
        }
        var files: [WalkedFile] = []
        try walker.walk { event in
            if case .file(let file) = event { files.append(file) }
        }
        #expect(asked.sorted() == [tree.path("changed.txt"), tree.path("known.txt")])
        let known = try #require(files.first { $0.relativePath == "known.txt" })
        #expect(known.knownUnchanged && known.mimeType.isEmpty && known.size == 11)
        let changed = try #require(files.first { $0.relativePath == "changed.txt" })
        #expect(!changed.knownUnchanged && changed.mimeType == "text/plain")
    }

    @Test("nested .gitignore: negation, anchoring to its own folder, * not crossing /")
    func nestedGitignore() throws {
        let tree = try TempTree()
        try tree.file(".gitignore", "# build output\n*.log\n!keep.log\n/build\ndocs/*.tmp\n\n")
        let kept = ["a.txt", "keep.log", "src/build/x.txt", "docs/sub/b.tmp", "src/debug.log", "src/deep/gen.txt"]
        let ignored = ["debug.log", "build/out.txt", "docs/a.tmp", "src/gen.txt", "src/deep/trace.log"]
        for name in kept + ignored { try tree.file(name) }
        try tree.file("src/.gitignore", "!debug.log\n/gen.txt\n")
        let record = try WalkRecord(tree)
        #expect(
            record.files == [
                "a.txt", "docs/sub/b.tmp", "keep.log", "src/build/x.txt", "src/debug.log", "src/deep/gen.txt",
            ])
        #expect(record.skipped.isEmpty)
    }

    @Test("a trailing / matches folders only")
    func directoryOnly() throws {
        let tree = try TempTree()
        try tree.file(".gitignore", "cache/\nlogs\n")
        for name in ["cache/x.txt", "sub/cache", "logs", "sub/logs/y.txt", "z.txt"] { try tree.file(name) }
        #expect(try WalkRecord(tree).files == ["sub/cache", "z.txt"])
    }

    @Test("** across folders; a file inside an excluded folder cannot be re-included")
    func doubleStar() throws {
        let tree = try TempTree()
        try tree.file(".gitignore", "**/tmp\nlib/**/gen\nvendor/**\n!vendor/keep.txt\na**b.txt\nout/\n!out/keep.txt\n")
        let ignored = [
            "tmp/1.txt", "x/y/tmp", "lib/gen/1.txt", "lib/a/b/gen/2.txt", "vendor/x.txt", "vendor/sub/y.txt",
            "axyb.txt", "out/keep.txt",
        ]
        for name in ignored + ["lib/a/gen.txt", "vendor/keep.txt", "a/b.txt"] { try tree.file(name) }
        #expect(try WalkRecord(tree).files == ["a/b.txt", "lib/a/gen.txt", "vendor/keep.txt"])
    }

    @Test(".semfindignore beats .ignore beats .gitignore; a deeper folder beats all three")
    func precedence() throws {
        let tree = try TempTree()
        try tree.file(".gitignore", "*.md\n")
        try tree.file(".ignore", "!notes.md\n*.txt\n")
        try tree.file(".semfindignore", "!keep.txt\nsecret.txt\n")
        try tree.file("sub/.gitignore", "!secret.txt\n")
        for name in ["a.md", "notes.md", "a.txt", "keep.txt", "secret.txt", "sub/secret.txt"] { try tree.file(name) }
        #expect(try WalkRecord(tree).files == ["keep.txt", "notes.md", "sub/secret.txt"])
    }

    @Test("hidden entries are left out unless asked for; VCS folders always are")
    func hiddenAndVersionControl() throws {
        let tree = try TempTree()
        let names = [
            ".config/a.txt", ".hidden.txt", "visible.txt", ".git/config", "sub/.git/HEAD", ".hg/store",
            "CVS/Entries", "_darcs/format", ".svn/entries", ".bzr/branch",
        ]
        for name in names { try tree.file(name) }
        let plain = try WalkRecord(tree)
        #expect(plain.files == ["visible.txt"])
        #expect(plain.skipped.isEmpty)
        let withHidden = try WalkRecord(tree, options: WalkOptions(includeHidden: true))
        #expect(withHidden.files == [".config/a.txt", ".hidden.txt", "visible.txt"])
        #expect(withHidden.skipped.isEmpty)
    }

    @Test("node_modules and __pycache__ folders are left out unless an ignore file re-includes them")
    func dependencyFolders() throws {
        let tree = try TempTree()
        let names = ["node_modules/pkg/index.js", "src/node_modules/x.js", "src/__pycache__/m.txt", "src/main.py"]
        for name in names + ["node_modules.txt"] { try tree.file(name) }
        #expect(try WalkRecord(tree).files == ["node_modules.txt", "src/main.py"])
        try tree.file(".semfindignore", "!node_modules/\n")
        #expect(
            try WalkRecord(tree).files == [
                "node_modules/pkg/index.js", "node_modules.txt", "src/main.py", "src/node_modules/x.js",
            ])
    }

    @Test("roots: made absolute and standardized, walked in order, a file root walks that file")
    func roots() throws {
        let tree = try TempTree()
        try tree.file("b/two.txt")
        try tree.file("a/one.txt")
        let walker = try Walker(roots: [tree.root + "/./b/../b/", tree.path("a/one.txt")], typer: nil)
        #expect(walker.roots == [tree.path("b"), tree.path("a/one.txt")])
        var files: [WalkedFile] = []
        try walker.walk { if case .file(let file) = $0 { files.append(file) } }
        #expect(files.map(\.relativePath) == ["two.txt", "one.txt"])
        #expect(files.map(\.root) == [tree.path("b"), tree.path("a/one.txt")])
        #expect(files.map(\.path) == [tree.path("b/two.txt"), tree.path("a/one.txt")])
    }

    @Test("a root that does not exist is refused with a clear message")
    func missingRoot() throws {
        let tree = try TempTree()
        let error = #expect(throws: SemfindError.self) { try Walker(roots: [tree.path("nope")], typer: nil) }
        #expect(error?.code == .invalidInput)
        #expect(error?.message == "\(tree.path("nope")): no such file or folder")
    }

    @Test("an error thrown by the callback stops the walk")
    func callbackStops() throws {
        let tree = try TempTree()
        for name in ["a.txt", "b.txt", "c.txt"] { try tree.file(name) }
        var seen: [String] = []
        #expect(throws: TempTreeError.self) {
            try Walker(roots: [tree.root], typer: FileTypeDetector()).walk { event in
                if case .file(let file) = event { seen.append(file.relativePath) }
                if seen.count == 2 { throw TempTreeError.failed("stop") }
            }
        }
        #expect(seen == ["a.txt", "b.txt"])
    }
}
