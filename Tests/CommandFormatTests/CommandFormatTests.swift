import Foundation
import SemfindCore
import Testing

@testable import CommandFormat

/// Declared formats run for real, with small programs every Debian system has: the bytes reach
/// the command on standard input and at `{path}`, each output kind is read by its parser, and a
/// command that hangs, floods, fails or is missing costs the file, with the reason.
@Suite("Declared formats' commands")
struct CommandFormatTests {
    static func format(
        _ command: [String], output: CommandOutput = .text, timeout: Double = 10, outputLimit: Int = 1 << 20
    ) -> CommandFormat {
        CommandFormat(
            name: "test", declaredVersion: nil, command: command, output: output, mimeTypes: [],
            extensions: ["x"], readsBinary: false, timeout: timeout, outputLimit: outputLimit)
    }

    static func failure(_ format: CommandFormat, _ input: String = "text\n") -> String? {
        do {
            _ = try format.parse(Array(input.utf8))
            return nil
        } catch let error as SemfindError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test("the checked bytes reach the command on standard input and at {path}, a private copy removed after")
    func input() throws {
        let upper = try Self.format(["tr", "a-z", "A-Z"]).parse(Array("first paragraph\n\nsecond one\n".utf8))
        #expect(upper.sections.map(\.text) == ["FIRST PARAGRAPH", "SECOND ONE"])
        let atPath = try Self.format(["cat", "{path}"]).parse(Array("from the copy\n".utf8))
        #expect(atPath.sections.map(\.text) == ["from the copy"])
        let described = try Self.format(["stat", "--format", "%a %n", "{path}"]).parse([0x41])
        let fields = try #require(described.sections.first).text.split(separator: " ")
        #expect(fields.first == "600", "the copy is the owner's alone")
        #expect(!FileManager.default.fileExists(atPath: String(fields.last ?? "")), "the copy is removed")
    }

    @Test("markdown and HTML output are read by their parsers; spans are the output's lines, without bytes")
    func parsedOutput() throws {
        let markdown = try Self.format(["sed", "-e", "s/^= \\(.*\\)/# \\1/"], output: .markdown)
            .parse(Array("= Tides\n\nSpring tides reach four metres.\n".utf8))
        let section = try #require(markdown.sections.first)
        #expect(section.text == "Spring tides reach four metres." && section.headingPath == ["Tides"])
        #expect(section.span == SourceSpan(firstLine: 3, lastLine: 3, bytes: 0..<0))
        let html = try Self.format(["cat"], output: .html)
            .parse(Array("<html><body><h2>Moorings</h2><p>Buoys are inspected yearly.</p></body></html>".utf8))
        #expect(html.sections.map(\.headingPath) == [["Moorings"]])
    }

    @Test("sections output: one JSON object a line with text, heading path, lines and kind")
    func sections() throws {
        let lines = """
            {"text": "Spring tides.", "heading_path": ["Tides"], "first_line": 4, "last_line": 6}

            {"text": "let x = 1", "kind": "code", "first_line": 9}
            {"text": "   "}
            """
        let document = try Self.format(["cat"], output: .sections).parse(Array(lines.utf8))
        #expect(
            document.sections == [
                Section(
                    text: "Spring tides.", headingPath: ["Tides"],
                    span: SourceSpan(firstLine: 4, lastLine: 6, bytes: 0..<0)),
                Section(
                    text: "let x = 1", headingPath: [], span: SourceSpan(firstLine: 9, lastLine: 9, bytes: 0..<0),
                    kind: .code),
            ])
        let broken = Self.failure(Self.format(["cat"], output: .sections), "{\"text\": \"a\"}\nnot json\n")
        #expect(
            broken
                == "test plugin: sections output line 2: not a section object (text, heading_path, first_line, last_line, kind)"
        )
    }

    @Test("a hang, a flood, a failure and a missing program each fail the file with the reason")
    func failures() {
        let started = Date()
        #expect(
            Self.failure(Self.format(["sleep", "1000"], timeout: 0.5)) == "test plugin: command timed out after 0.5 s")
        // Not a speed check: left alone, the command would sleep 1,000 s.
        #expect(Date().timeIntervalSince(started) < 120, "the hang is cut at its deadline")
        #expect(Self.failure(Self.format(["yes"], outputLimit: 1 << 20)) == "test plugin: output passed 1 MiB")
        let failed = Self.failure(Self.format(["ls", "/no/such/folder"]))
        // The program prints its own path found in PATH, e.g. "/usr/bin/ls: cannot access …".
        #expect(failed?.hasPrefix("test plugin: command exited with status 2: ") == true, "\(failed ?? "")")
        #expect(failed?.contains("ls: cannot access '/no/such/folder'") == true, "\(failed ?? "")")
        #expect(
            Self.failure(Self.format(["no-such-program-semfind"]))
                == "test plugin: cannot run no-such-program-semfind: No such file or directory")
    }

    @Test("at the deadline the whole process group goes, not only the command")
    func processGroup() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("semfind-group-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The shell leaves at once; the sleep it started keeps the output open and runs on.
        let script = "sleep 1000 & echo $! > \(folder)/pid"
        #expect(
            Self.failure(Self.format(["sh", "-c", script], timeout: 0.5))
                == "test plugin: command timed out after 0.5 s")
        let pid = try #require(
            Int32(
                try String(contentsOfFile: folder + "/pid", encoding: .utf8).trimmingCharacters(
                    in: .whitespacesAndNewlines)))
        var gone = false
        for _ in 0..<100 where !gone {
            gone = kill(pid, 0) != 0
            if !gone { usleep(20_000) }
        }
        #expect(gone, "the background sleep \(pid) was killed with its group")
    }
}
