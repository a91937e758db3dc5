import ArgumentParser
import Foundation
import PostgresStore
import VectorStore

/// `--index PATH`, shared by every command that reads or writes an index.
struct IndexLocation: ParsableArguments {
    @Option(name: .long, help: "Index database (default: $SEMFIND_INDEX, then ~/.local/share/semfind/index.sqlite).")
    var index: String?

    var path: String { Self.resolve(index) }

    /// Refuses a PostgreSQL index, which only `semfind status` opens so far (`AnyIndexLocation`).
    func validate() throws {
        let named = index ?? IndexStore.defaultPath()
        guard !PostgresAddress.isPostgresURI(named) else {
            throw ValidationError("only semfind status opens a PostgreSQL index so far; give a SQLite index path")
        }
    }

    /// The index a command uses when given `index` (nil: the default).
    static func resolve(_ index: String?) -> String {
        URL(fileURLWithPath: index ?? IndexStore.defaultPath()).standardizedFileURL.path
    }
}

/// `--index PATH` or `--index postgresql://…`: a command that opens either backend.
struct AnyIndexLocation: ParsableArguments {
    @Option(
        name: .long,
        help: "Index database or postgresql://host/db?schema=NAME (default: $SEMFIND_INDEX, then the default index).")
    var index: String?

    /// A PostgreSQL index named by `--index` or `$SEMFIND_INDEX`, or a SQLite index's path.
    enum Backend {
        case sqlite(path: String)
        case postgres(PostgresAddress)
    }

    func backend() throws -> Backend {
        let named = index ?? IndexStore.defaultPath()
        if PostgresAddress.isPostgresURI(named) { return .postgres(try PostgresAddress(named)) }
        return .sqlite(path: IndexLocation.resolve(index))
    }
}
