import FileWalk
import SemfindCore
import TestSupport
import Testing

@testable import FileTyping

@Suite("File typing with libmagic")
struct FileTypeDetectorTests {
    /// Deterministic noise with NUL bytes sprinkled in: nothing libmagic can mistake for text.
    static let noise: [UInt8] = {
        var state: UInt32 = 12345
        return (0..<4096).map { index in
            state = state &* 1_103_515_245 &+ 12345
            return index % 7 == 3 ? 0 : UInt8(truncatingIfNeeded: state >> 16)
        }
    }()

    @Test("binary noise is skipped as binary with its MIME type; text beside it is walked")
    func binarySkipped() throws {
        let tree = try TempTree()
        try tree.file("noise.bin", bytes: Self.noise)
        try tree.file("text.txt")
        let record = try WalkRecord(tree)
        #expect(record.files == ["text.txt"])
        #expect(record.skipped == ["noise.bin: binary"])
        #expect(record.skips.first?.detail == "application/octet-stream")
    }

    @Test("UTF-16LE with a BOM is text, and its charset is reported")
    func utf16() throws {
        let tree = try TempTree()
        let text = "Hello, wörld.\nSecond line.\n"
        try tree.file("wide.txt", bytes: [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let file = try #require(try WalkRecord(tree).walked.first)
        #expect(file.relativePath == "wide.txt")
        #expect(file.mimeType == "text/plain" && file.charset == "utf-16le")
    }

    @Test("HTML is typed text/html; UTF-8 text is utf-8")
    func htmlAndUTF8() throws {
        let tree = try TempTree()
        try tree.file(
            "page.html", "<!DOCTYPE html>\n<html><head><title>T</title></head><body><p>Hi</p></body></html>\n")
        try tree.file("café.txt", "Un café, s’il vous plaît.\n")
        let walked = try WalkRecord(tree).walked
        #expect(walked.map(\.relativePath) == ["café.txt", "page.html"])
        #expect(walked.map(\.mimeType) == ["text/plain", "text/html"])
        #expect(walked.map(\.charset) == ["utf-8", "us-ascii"])
    }

    @Test("a UTF-8 character cut by the end of the 64 KiB sample is not read as ISO-8859-1")
    func cutCharacter() throws {
        let detector = try FileTypeDetector()
        let size = detector.sampleSize
        let asciiThenCut = Array((String(repeating: "a", count: size - 1) + "é").utf8.prefix(size))
        #expect(try detector.type(ofSample: asciiThenCut, isTruncated: false).get().charset == "iso-8859-1")
        #expect(try detector.type(ofSample: asciiThenCut, isTruncated: true).get().charset == "us-ascii")

        let tree = try TempTree()
        try tree.file("ascii.txt", String(repeating: "a", count: size - 1) + "é and more\n")
        try tree.file("utf8.txt", "é" + String(repeating: "a", count: size - 3) + "é and more\n")
        #expect(try WalkRecord(tree).walked.map(\.charset) == ["us-ascii", "utf-8"])
    }

    @Test("only a cut multi-byte character is dropped from the end of a sample")
    func lengthWithoutCutCharacter() {
        let e = Array("é".utf8)
        let euro = Array("€".utf8)
        #expect(FileTypeDetector.lengthWithoutCutCharacter(Array("abc".utf8)) == 3)
        #expect(FileTypeDetector.lengthWithoutCutCharacter(Array("ab".utf8) + e) == 4)
        #expect(FileTypeDetector.lengthWithoutCutCharacter(Array("ab".utf8) + e.prefix(1)) == 2)
        #expect(FileTypeDetector.lengthWithoutCutCharacter(Array("ab".utf8) + euro.prefix(2)) == 2)
        #expect(FileTypeDetector.lengthWithoutCutCharacter(Array("ab".utf8) + euro) == 5)
        #expect(FileTypeDetector.lengthWithoutCutCharacter([0xFF, 0x80, 0x80, 0x80, 0x80]) == 5)
    }

    @Test("libmagic's answer is split into MIME type and charset")
    func parse() {
        #expect(
            FileTypeDetector.parse("text/html; charset=us-ascii")
                == .init(mimeType: "text/html", charset: "us-ascii"))
        #expect(
            FileTypeDetector.parse("application/octet-stream; charset=binary").isBinary)
        #expect(FileTypeDetector.parse("text/plain").charset == "binary")
        #expect(!FileTypeDetector.parse("text/x-c; charset=binary").isBinary)
    }

    @Test("a missing type database is a clear error naming the package to install")
    func missingDatabase() {
        let error = #expect(throws: SemfindError.self) {
            try FileTypeDetector(database: "/nonexistent/semfind/magic.mgc")
        }
        #expect(error?.code == .io)
        #expect(error?.message.contains("install libmagic-mgc") == true)
    }
}
