import SemfindCore
import TestSupport
import Testing

@testable import FileWalk

/// A typer that calls a sample binary when it starts with "BIN", and remembers what it was shown.
private final class RecordingTyper: FileTyper {
    let sampleSize = 4
    private(set) var samples: [(text: String, isTruncated: Bool)] = []

    func type(ofSample sample: [UInt8], isTruncated: Bool) -> Result<FileType, SemfindError> {
        let text = String(decoding: sample, as: UTF8.self)
        samples.append((text, isTruncated))
        if text == "FAIL" { return .failure(SemfindError(.io, "cannot type this one")) }
        let isBinary = text.hasPrefix("BIN")
        return .success(FileType(mimeType: isBinary ? "application/x-test" : "text/x-test", charset: "binary"))
    }
}

@Suite("Walker: typing through the typer it is given")
struct WalkerTypingTests {
    @Test("the typer sees each file's first sampleSize bytes and whether the file goes on")
    func typerSeesSample() throws {
        let tree = try TempTree()
        try tree.file("long.txt", "abcdefgh")
        try tree.file("short.txt", "ab")
        let typer = RecordingTyper()
        var walker = try Walker(roots: [tree.root], typer: typer)
        var opened: [String] = []
        walker.readStepObserver = { path, step in if step == .opening { opened.append(path) } }
        let walked = try WalkRecord(walker: walker, base: tree.root).walked
        #expect(opened == [tree.path("long.txt"), tree.path("short.txt")])
        #expect(typer.samples.map(\.text) == ["abcd", "ab"])
        #expect(typer.samples.map(\.isTruncated) == [true, false])
        #expect(walked.map(\.mimeType) == ["text/x-test", "text/x-test"])
        #expect(walked.map { $0.content.map { String(decoding: $0, as: UTF8.self) } } == ["abcdefgh", "ab"])
    }

    @Test("plainly text files of the extensions named are typed text/plain without the typer; the rest are not")
    func plainTextSparesTheTyper() throws {
        let tree = try TempTree()
        try tree.file("notes.txt", "abcdefgh")
        try tree.file("nul.txt", bytes: [0x61, 0x00, 0x62])
        try tree.file("other.dat", "abc")
        var options = WalkOptions()
        options.plainTextExtensions = ["txt"]
        let typer = RecordingTyper()
        let walked = try WalkRecord(walker: Walker(roots: [tree.root], options: options, typer: typer), base: tree.root)
            .walked
        #expect(typer.samples.map(\.text) == ["a\0b", "abc"], "nul.txt and other.dat only")
        #expect(walked.map(\.relativePath) == ["notes.txt", "nul.txt", "other.dat"])
        #expect(walked.map(\.mimeType) == ["text/plain", "text/x-test", "text/x-test"])
        #expect(walked[0].charset == "us-ascii")
        #expect(walked[0].content.map { String(decoding: $0, as: UTF8.self) } == "abcdefgh", "read whole as before")
    }

    @Test("a binary verdict skips the file unless binaryFormats claims it; a typer's failure is reported")
    func binaryAndFailure() throws {
        let tree = try TempTree()
        try tree.file("blob.dat", "BINARY")
        try tree.file("kept.pdf", "BINARY")
        try tree.file("odd.txt", "FAIL")
        var options = WalkOptions()
        options.binaryFormats = BinaryFormats(extensions: ["pdf"])
        let walker = try Walker(roots: [tree.root], options: options, typer: RecordingTyper())
        let record = try WalkRecord(walker: walker, base: tree.root)
        #expect(record.files == ["kept.pdf"])
        #expect(record.skipped == ["blob.dat: binary", "odd.txt: unreadable"])
        #expect(record.skips.map(\.detail) == ["application/x-test", "cannot type this one"])
    }

    @Test("without a typer, files are yielded sized and dated from the walk's look: never opened, read or typed")
    func noTyper() throws {
        let tree = try TempTree()
        try tree.file("a.txt", "hello\n")
        try tree.file("big.txt", "more than ten bytes\n")
        var walker = try Walker(roots: [tree.root], options: WalkOptions(maxFileSize: 10), typer: nil)
        var opened: [String] = []
        walker.readStepObserver = { path, _ in opened.append(path) }
        let record = try WalkRecord(walker: walker, base: tree.root)
        #expect(opened.isEmpty)
        #expect(record.skipped == ["big.txt: too large"])
        let file = try #require(record.walked.first)
        #expect(file.size == 6 && file.modified > 0)
        #expect(file.content == nil && file.mimeType.isEmpty && file.charset.isEmpty && !file.knownUnchanged)
    }
}
