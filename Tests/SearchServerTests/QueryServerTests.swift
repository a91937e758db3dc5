import Foundation
import Indexer
import ResultOutput
import SearchServer
import TestSupport
import Testing
import TextEncoder
import TextFormat

/// The warm socket in this process: typed requests in, a search's output out, and the server's
/// working directory never touched.
@Suite struct QueryServerTests {
    /// Two notes indexed with the tiny model, a server answering for them, and a socket to it.
    struct Served {
        let folder: String
        let index: String
        let server: QueryServer

        init() throws {
            let model = try TinyBertModel()
            folder = try TestScratch.folder("socket-notes").path
            try Data("the quick brown fox jumps over the lazy dog\n".utf8)
                .write(to: URL(fileURLWithPath: folder + "/fox.txt"))
            try Data("hello world, hello running world\n".utf8).write(to: URL(fileURLWithPath: folder + "/hello.txt"))
            index = try TestScratch.file("socket-index", named: "index.sqlite")
            let encoder = try SentenceEncoder(folder: model.folder, threads: 1)
            _ = try IndexPipeline(
                storePath: index, encoder: encoder, registry: FormatRegistry([TextFormat()]),
                options: IndexOptions(roots: [folder])
            ).run { _ in }
            server = try QueryServer(
                indexPath: index,
                encoder: SharedEncoder { try SentenceEncoder(folder: model.folder, threads: 1, precision: $0) })
            let server = server
            Thread.detachNewThread { server.run(answering: NSLock(), heard: {}) }
        }

        func ask(_ request: SocketRequest) -> SocketReply? {
            guard case .connected(let socket) = UnixSocket.connect(to: server.socketPath, timeoutSeconds: 10) else {
                return nil
            }
            defer { socket.close() }
            return socket.exchange(request)
        }

        func search(_ query: String, format: ResultPrinter.Format, mode: String = "keyword") -> SearchInvocation {
            SearchInvocation(
                query: query, mode: mode, limit: 5, minScore: nil, appliesFloor: true, maxPerFile: 3, folders: [],
                globs: [], types: [], context: nil, minPieces: 4, session: nil,
                output: SearchInvocation.Output(
                    format: format, colour: false, hyperlinks: false, contextLines: 0, folder: folder),
                timings: true)
        }
    }

    @Test("a search is answered as the asking process would print it, paths relative to its folder")
    func answers() throws {
        let served = try Served()
        let directory = FileManager.default.currentDirectoryPath
        let reply = try #require(
            served.ask(SocketRequest(index: served.index, search: served.search("fox", format: .json))))
        #expect(reply.status == 0)
        #expect(reply.stderr.contains("timings (warm server)"))
        let messages = try reply.stdout.split(separator: "\n").map {
            try JSONLine.decode(SearchMessage.self, from: Array($0.utf8))
        }
        let paths = messages.compactMap { message -> String? in
            if case .result(let record) = message { return record.path }
            return nil
        }
        #expect(paths == ["fox.txt"])
        #expect(FileManager.default.currentDirectoryPath == directory, "the server never changes directory")

        let nothing = try #require(
            served.ask(SocketRequest(index: served.index, search: served.search("zebra", format: .files))))
        #expect(nothing.status == 1 && nothing.stdout.isEmpty)
        let empty = try #require(
            served.ask(SocketRequest(index: served.index, search: served.search(" ", format: .human))))
        #expect(empty.status == 2 && empty.stderr.hasPrefix("semfind: error: the query is empty"))
    }

    @Test("a request for another index is declined, and the search runs by itself")
    func declines() throws {
        let served = try Served()
        #expect(
            served.ask(SocketRequest(index: served.index + "-other", search: served.search("fox", format: .json)))
                == nil)
    }
}
