import Foundation
import TestSupport
import Testing

/// File names that could break a line or drive the terminal, and arguments a parser could misread.
@Suite("Odd file names and arguments, end to end")
struct OddNamesAndArgumentsTests {
    @Test("names with a newline or an escape are printed escaped in human, -l and vimgrep output; JSON keeps them")
    func escapedNames() throws {
        let folder = try TestScratch.folder("sf-odd-names")
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        let names = ["two\nlines.md", "red\u{1B}[31m.md"]
        for (name, text) in zip(names, ["Sourdough starters need feeding.", "Sourdough loaves need steam."]) {
            try Data("# Bread\n\n\(text)\n".utf8).write(to: notes.appendingPathComponent(name))
        }
        var runner = CommandRunner()
        runner.environment["SEMFIND_MODEL"] = try InstalledModel.folder().path
        runner.environment["SEMFIND_INDEX"] = folder.appendingPathComponent("index.sqlite").path
        try #require(try runner.run(["index", notes.path]).status == 0)
        let shown = [notes.path + "/two\\nlines.md", notes.path + "/red\\x1B[31m.md"]

        let files = try runner.run(["sourdough", "-l", "--no-server"])
        #expect(Set(files.stdoutLines) == Set(shown), "\(files.stdout)")
        let vimgrep = try runner.run(["sourdough", "--vimgrep", "--no-server"])
        #expect(vimgrep.stdoutLines.count == 2)
        #expect(vimgrep.stdoutLines.allSatisfy { line in shown.contains { line.hasPrefix($0 + ":") } })
        let human = try runner.run(["sourdough", "--no-server"])
        #expect(!human.stdout.contains("\u{1B}"), "no raw escape reaches the terminal")
        #expect(shown.allSatisfy { human.stdoutLines.contains($0) }, "each file's heading line: \(human.stdout)")
        let json = try runner.run(["sourdough", "--json", "--no-server"])
        #expect(json.stdout.contains(#"two\nlines.md"#) && json.stdout.contains(#"red\u001b[31m.md"#), "\(json.stdout)")
    }

    @Test("a query word taken for an option gets the way to search for it; --min-score must be a number")
    func misreadArguments() throws {
        let runner = CommandRunner()
        for arguments in [["--rotate"], ["--rotate", "logs", "-k", "3"], ["search", "-x"]] {
            let result = try runner.run(arguments)
            #expect(result.status == 2)
            let word = arguments.first { $0.hasPrefix("-") && $0 != "-k" } ?? ""
            #expect(result.stderr.contains("semfind search -- \(word)"), "\(arguments): \(result.stderr)")
        }
        let known = try runner.run(["-k"])
        #expect(!known.stderr.contains("end the options"), "a known option is not a query word: \(known.stderr)")
        for value in ["nan", "inf", "-inf"] {
            let result = try runner.run(["logs", "--min-score=" + value])
            #expect(result.status == 2 && result.stderr.contains("--min-score must be a finite number"), "\(value)")
        }
    }
}
