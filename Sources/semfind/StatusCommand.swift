import ArgumentParser
import ResultOutput
import VectorStore

/// `--list-chunks`' line for one file.
private struct ChunkListing: Encodable {
    let path: String
    let chunks: [String]
}

/// `semfind status`: what an index holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show an index: roots, files, chunks, vectors, size, model and index kind.")

    @OptionGroup var location: IndexLocation

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    /// For tests that compare two indexes: one JSON line per file, its path and chunk texts.
    @Flag(name: .long, help: .hidden)
    var listChunks = false

    /// For tests of crash safety: SQLite's integrity check, "ok" or its findings (exit 2).
    @Flag(name: .long, help: .hidden)
    var integrityCheck = false

    func run() throws {
        let store = try IndexStore(path: location.path, create: false)
        if listChunks {
            for file in try store.chunkTextsByFile() {
                print(JSONLine.encode(ChunkListing(path: file.path, chunks: file.chunks)), terminator: "")
            }
            return
        }
        if integrityCheck {
            let result = try store.integrityCheck()
            print(result)
            if result != "ok" { throw ExitCode(2) }
            return
        }
        let report = StatusReport(try store.status())
        print(json ? JSONLine.encode(report) : report.text, terminator: "")
    }
}
