import Foundation
import IndexStorage
import QueryEngine
import ResultOutput
import SemfindCore
import TestSupport
import Testing
import VectorStore

/// What each output format prints for one search, read back as a user's script or editor reads it.
@Suite struct ResultPrinterTests {
    /// A keyword search over two files of one folder: its request, its response and the folder.
    private func searched() throws -> (request: SearchRequest, response: SearchResponse, folder: String) {
        let folder = try TestScratch.folder("printer-corpus").path
        let store = try IndexStore(path: try TestScratch.file("printer-index", named: "index.sqlite"), create: true)
        try store.bindModel(fingerprint: { "m" }, signature: "s", name: "m", dimension: 2)
        let files = [
            ("logs.md", "rotate the logs weekly, and \"compress\" them\twith gzip", ["Ops", "Logs"]),
            ("disk.md", "when the disk is full, rotate the logs first", []),
        ]
        for (name, text, headings) in files {
            let path = folder + "/" + name
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            try store.replaceFile(
                FileRecord(
                    path: path, size: text.utf8.count, modified: 0, contentHash: name, plugin: "markdown",
                    pluginVersion: 1),
                root: folder,
                chunks: [
                    StoredChunk(
                        text: text, headingPath: headings,
                        span: SourceSpan(firstLine: 3, lastLine: 4, bytes: 0..<text.utf8.count), hash: name,
                        vector: [1, 0])
                ])
        }
        let engine = SearchEngine(store: store) { _ in throw SemfindError(.modelNotFound, "no model here") }
        let request = SearchRequest(query: "rotate logs weekly", mode: .keyword, limit: 5)
        return (request, try engine.search(request), folder)
    }

    private func printed(
        _ searched: (request: SearchRequest, response: SearchResponse, folder: String), _ format: ResultPrinter.Format,
        folder: String? = nil
    ) -> (out: String, err: String) {
        let (request, response, corpus) = searched
        let folder = folder ?? corpus
        let captured = CapturedConsole()
        var printer = ResultPrinter(format: format, colour: false, folder: folder)
        printer.console = captured.console
        printer.print(request: request, response: response, index: "/tmp/index.sqlite", seconds: 0.25)
        return (captured.out, captured.err)
    }

    @Test("JSON Lines decode to a begin, the results in rank order and a summary; paths relative to the folder")
    func jsonLines() throws {
        let search = try searched()
        let folder = search.folder
        let messages = try printed(search, .json).out.split(separator: "\n").map {
            try JSONLine.decode(SearchMessage.self, from: Array($0.utf8))
        }
        guard case .begin(let begin) = messages.first, case .summary(let summary) = messages.last else {
            Issue.record("no begin and summary: \(messages)")
            return
        }
        #expect(begin.query == "rotate logs weekly" && begin.mode == "keyword" && begin.limit == 5)
        #expect(begin.index == "/tmp/index.sqlite" && begin.schemaVersion == SearchBegin.currentSchemaVersion)
        let results = messages.compactMap { message -> SearchResultRecord? in
            if case .result(let record) = message { return record }
            return nil
        }
        #expect(results.map(\.rank) == [1, 2])
        #expect(results.first?.path == "logs.md" && results.first?.absolutePath == folder + "/logs.md")
        #expect(results.first?.headingPath == ["Ops", "Logs"] && results.first?.firstLine == 3)
        #expect(results.first?.text.contains("\"compress\" them\twith") == true, "text survives escaping")
        #expect(results.first?.similarity == nil && results.first?.keywordRank == 1)
        #expect(summary.results == 2 && summary.elapsedMilliseconds == 250)
    }

    @Test("the JSON writer: one line, keys sorted, slashes plain, hostile strings and numbers read back intact")
    func writer() throws {
        let hostile = "quote \" backslash \\ newline \n tab \t bell \u{7} nul \u{0} é 日本 😀 </script>"
        let value: JSONValue = [
            "b": [1, .number(2.5), .number(-0.001), true, false, .string(hostile)], "a": ["nested": ["x": 1]],
            "z": .number(1e-7),
        ]
        let line = JSONLine.encode(value)
        #expect(line.hasPrefix(#"{"a":{"nested":{"x":1}},"b":[1,2.5,"#) && line.hasSuffix("}\n"))
        #expect(line.filter { $0 == "\n" }.count == 1 && line.contains("</script>"))
        #expect(try JSONLine.decode(JSONValue.self, from: Array(line.utf8)) == value)
    }

    @Test(
        "vimgrep gives path:line:column:text, one line a passage; -l each file once, relative to the folder when under it"
    )
    func vimgrepAndFiles() throws {
        let search = try searched()
        let vimgrep = printed(search, .vimgrep).out
        #expect(vimgrep.hasPrefix("logs.md:3:1:rotate the logs weekly"), "\(vimgrep)")
        #expect(vimgrep.split(separator: "\n").count == 2)
        #expect(printed(search, .files, folder: search.folder + "/").out == "logs.md\ndisk.md\n")
        #expect(printed(search, .files, folder: "/elsewhere").out.hasPrefix(search.folder + "/logs.md\n"))
    }

    @Test("human output names each file once, then its passages' lines, headings and score")
    func human() throws {
        let lines = printed(try searched(), .human).out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "logs.md")
        #expect(lines.dropFirst().first?.hasPrefix("3-4  Ops › Logs  ") == true, "\(lines)")
        #expect(lines.contains("disk.md"))
    }
}
