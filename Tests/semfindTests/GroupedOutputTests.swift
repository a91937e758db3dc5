import Foundation
import TestSupport
import Testing

/// How people read results: a file's passages under one heading line, at most a few per file,
/// the file's own lines around a passage on request, and paths that are hyperlinks on a
/// terminal and plain text anywhere else.
@Suite("Grouped human output, end to end")
struct GroupedOutputTests {
    let folder = TestScratch.root.path + "/semfind-grouped-\(UUID().uuidString)"
    var corpus: String { folder + "/sample" }

    /// A copy of the sample corpus (so that a test may change a file), indexed.
    func indexedRunner() throws -> CommandRunner {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SearchCommandTests.sample, toPath: corpus)
        var runner = CommandRunner()
        runner.environment["SEMFIND_MODEL"] = try InstalledModel.folder().path
        runner.environment["SEMFIND_INDEX"] = folder + "/index.sqlite"
        runner.environment["SEMFIND_SESSION"] = "test-\(UUID().uuidString)"
        runner.environment["TERM"] = "xterm-256color"
        runner.environment["NO_COLOR"] = nil
        let indexed = try runner.run(["index", corpus])
        try #require(indexed.status == 0, "\(indexed.stderr)")
        return runner
    }

    static let gitQuery = "how do I take back my last git commit"

    func resultPaths(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").compactMap { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            guard object?["type"] as? String == "result" else { return nil }
            return (object?["data"] as? [String: Any])?["absolute_path"] as? String
        }
    }

    /// Heading lines of human output: the lines that name a file (passage lines start with a
    /// line number, snippets with spaces).
    func headings(_ stdout: String) -> [String] {
        stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init).filter {
            !($0.first?.isNumber ?? true) && !$0.hasPrefix(" ") && $0 != "--"
        }
    }

    @Test("each file is one heading line, best file first, its passages under it; JSON stays one line a passage")
    func passagesAreGroupedByFile() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = try indexedRunner()
        let arguments = [Self.gitQuery, "--no-floor", "--no-session", "--max-per-file", "5"]
        let json = try runner.run(arguments + ["--json"])
        let paths = resultPaths(json.stdout)
        #expect(paths.count > Set(paths).count, "some file has several passages: \(paths)")
        var firstSeen: [String] = []
        for path in paths where !firstSeen.contains(path) { firstSeen.append(path) }
        let human = try runner.run(arguments)
        #expect(human.status == 0)
        #expect(headings(human.stdout) == firstSeen, "\(human.stdout)")
        let lines = human.stdoutLines
        let gitHeading = try #require(lines.firstIndex(of: corpus + "/notes/git-tips.md"))
        let passages = lines[(gitHeading + 1)...].prefix { !headings($0).contains($0) }.filter {
            $0.first?.isNumber == true
        }
        #expect(passages.count == paths.filter { $0.hasSuffix("git-tips.md") }.count, "\(human.stdout)")
    }

    @Test("a passage line says why when it is not obvious: the text a short query was read with")
    func contextReason() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = try indexedRunner()
        let human = try runner.run(["logs", "--context", "rotating the application logs every day", "--no-session"])
        #expect(human.status == 0, "\(human.stderr)")
        let passages = human.stdoutLines.filter { $0.first?.isNumber == true }
        #expect(
            !passages.isEmpty && passages.allSatisfy { $0.contains("context: rotating the application logs every day") }
        )
        let plain = try runner.run(["rotate the server logs", "--no-session"])
        #expect(!plain.stdout.contains("context: "))
    }

    @Test("--max-per-file caps a file's passages, in every output form")
    func maxPerFile() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = try indexedRunner()
        for most in [1, 2] {
            let json = try runner.run([Self.gitQuery, "--no-session", "--json", "--max-per-file", String(most)])
            let paths = resultPaths(json.stdout)
            #expect(!paths.isEmpty)
            #expect(Dictionary(grouping: paths) { $0 }.values.allSatisfy { $0.count <= most }, "\(paths)")
            #expect(paths.filter { $0.hasSuffix("git-tips.md") }.count == most, "git-tips.md has three passages")
        }
        #expect(try runner.run([Self.gitQuery, "--max-per-file", "0"]).status == 2)
    }

    @Test("-C N prints the file's own lines around each passage; a file changed since indexing gets its snippet")
    func contextLines() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = try indexedRunner()
        let file = corpus + "/notes/git-tips.md"
        let fileLines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
        let json = try runner.run([Self.gitQuery, "--no-session", "--json", "-k", "1"])
        let first = try #require(
            json.stdoutLines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                .first { $0["type"] as? String == "result" }?["data"] as? [String: Any])
        let firstLine = try #require(first["first_line"] as? Int)
        let lastLine = try #require(first["last_line"] as? Int)
        try #require(firstLine > 2)

        let human = try runner.run([Self.gitQuery, "--no-session", "-k", "1", "-C", "2"])
        let expected =
            (firstLine - 2..<firstLine).map { "\($0)-\(fileLines[$0 - 1])" }
            + (firstLine...lastLine).map { "\($0):\(fileLines[$0 - 1])" }
            + (lastLine + 1...lastLine + 2).map { "\($0)-\(fileLines[$0 - 1])" }
        #expect(Array(human.stdoutLines.dropFirst(2)) == expected, "\(human.stdout)")

        try Data((fileLines.joined(separator: "\n") + "\nOne more line.\n").utf8).write(to: URL(fileURLWithPath: file))
        let stale = try runner.run([Self.gitQuery, "--no-session", "-k", "1", "-C", "2"])
        #expect(stale.stdoutLines.count == 3, "heading, passage, snippet: \(stale.stdout)")
        #expect(stale.stdoutLines[1].contains("[changed since indexed]"))
        #expect(stale.stdoutLines[2].hasPrefix("    "))
    }

    @Test("paths are OSC 8 hyperlinks on a terminal; not in a pipe, with NO_COLOR, TERM=dumb or --no-hyperlinks")
    func hyperlinksOnlyOnATerminal() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = try indexedRunner()
        let link = "\u{1B}]8;;file://"
        let target = "\(link)\(Self.hostName())\(corpus)/notes/git-tips.md\u{1B}\\"

        let onTerminal = try throughTerminal(runner, [Self.gitQuery, "--no-session"])
        #expect(onTerminal.contains(target), "\(onTerminal.debugDescription)")
        #expect(onTerminal.contains("git-tips.md\u{1B}[0m\u{1B}]8;;\u{1B}\\"), "the link closes after the path")
        #expect(!(try throughTerminal(runner, [Self.gitQuery, "--no-session", "--no-hyperlinks"]).contains(link)))
        var plain = runner
        plain.environment["NO_COLOR"] = "1"
        #expect(!(try throughTerminal(plain, [Self.gitQuery, "--no-session"]).contains(link)))
        plain.environment["NO_COLOR"] = nil
        plain.environment["TERM"] = "dumb"
        #expect(!(try throughTerminal(plain, [Self.gitQuery, "--no-session"]).contains(link)))

        let piped = try runner.run([Self.gitQuery, "--no-session"])
        #expect(piped.status == 0)
        #expect(!piped.stdout.contains("\u{1B}"), "\(piped.stdout.debugDescription)")
    }

    /// What the binary prints when its output is a pseudo-terminal (util-linux `script`).
    func throughTerminal(_ runner: CommandRunner, _ arguments: [String]) throws -> String {
        let quoted = ([CommandRunner.binary.path] + arguments).map {
            "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
        }
        var terminal = runner
        terminal.launcher = []
        terminal.binary = URL(fileURLWithPath: "/usr/bin/script")
        let result = try terminal.run(["-qec", quoted.joined(separator: " "), "/dev/null"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count - 1)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
