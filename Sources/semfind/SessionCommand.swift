import ArgumentParser
import Foundation
import QueryEngine
import ResultOutput
import SemfindCore
import VectorStore

/// `semfind session show|clear`: the recent queries that give short queries their context.
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Show or forget this shell session's recent queries.",
        discussion: """
            A session is $SEMFIND_SESSION when set, else this terminal and shell. Queries are kept in the index \
            for an hour (the last 50); a short query is read with those of the last 15 minutes.
            """,
        subcommands: [Show.self, Clear.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "List this session's recent queries, newest first.")

        @OptionGroup var location: IndexLocation

        func run() throws {
            let session = try currentSession()
            let store = try IndexStore(path: location.path, create: false)
            let queries = try session.remembered(in: store)
            var out = OutputWriter()
            for query in queries {
                let when = Date(timeIntervalSince1970: TimeInterval(query.askedAt)).formatted(
                    date: .omitted, time: .standard)
                out.write("\(when)  \(query.text)\n")
            }
            out.flush()
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clear", abstract: "Forget this session's queries.")

        @OptionGroup var location: IndexLocation

        func run() throws {
            let session = try currentSession()
            let store = try IndexStore(path: location.path, create: false)
            let count = try store.clearSession(session.identity)
            print("forgot \(count) quer\(count == 1 ? "y" : "ies")")
        }
    }
}

private func currentSession() throws -> QuerySession {
    guard let session = QuerySession.current() else {
        throw SemfindError(.invalidInput, "no session here (no terminal); set SEMFIND_SESSION to name one")
    }
    return session
}
