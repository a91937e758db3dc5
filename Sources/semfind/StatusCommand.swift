import ArgumentParser
import IndexStorage
import PostgresStore
import ResultOutput
import SemfindCore
import VectorStore

/// `semfind status`: what an index holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show an index: roots, files, chunks, vectors, size, model and index kind.")

    @OptionGroup var location: AnyIndexLocation

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    /// For tests that compare two indexes: one JSON line per file, its path and chunk texts.
    @Flag(name: .long, help: .hidden)
    var listChunks = false

    /// For tests of crash safety: SQLite's integrity check, "ok" or its findings (exit 2).
    @Flag(name: .long, help: .hidden)
    var integrityCheck = false

    func run() throws {
        let status: IndexStatus
        switch try location.address() {
        case .postgres(let address):
            guard !listChunks, !integrityCheck else {
                throw SemfindError(.invalidInput, "--list-chunks and --integrity-check read a SQLite index")
            }
            status = try PostgresStore(address: address, create: false).status()
        case .sqlite(let path):
            guard let sqliteStatus = try sqliteAnswer(path) else { return }
            status = sqliteStatus
        }
        let report = StatusReport(status)
        print(json ? JSONLine.encode(report) : report.text, terminator: "")
    }

    /// The SQLite index's status, or nil when a hidden test flag printed its own answer
    /// (`--list-chunks`, `--integrity-check`).
    private func sqliteAnswer(_ path: String) throws -> IndexStatus? {
        let store = try IndexStore(path: path, create: false)
        if listChunks {
            for file in try store.chunkTextsByFile() {
                print(JSONLine.encode(ChunkListing(file)), terminator: "")
            }
            return nil
        }
        if integrityCheck {
            let result = try store.integrityCheck()
            print(result)
            if result != "ok" { throw ExitCode(2) }
            return nil
        }
        return try store.status()
    }
}
