import ArgumentParser
import QueryEngine
import ResultOutput
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
            let session = try QuerySession.required()
            let store = try IndexStore(path: location.path, create: false)
            print(SessionListing.text(try session.remembered(in: store)), terminator: "")
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clear", abstract: "Forget this session's queries.")

        @OptionGroup var location: IndexLocation

        func run() throws {
            let session = try QuerySession.required()
            let store = try IndexStore(path: location.path, create: false)
            let count = try store.clearSession(session.identity)
            print("forgot \(count) quer\(count == 1 ? "y" : "ies")")
        }
    }
}
