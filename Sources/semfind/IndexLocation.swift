import ArgumentParser
import IndexBackends

/// `--index PATH`, shared by every command that reads or writes an index.
struct IndexLocation: ParsableArguments {
    @Option(name: .long, help: "Index database (default: $SEMFIND_INDEX, then ~/.local/share/semfind/index.sqlite).")
    var index: String?

    var path: String { IndexAddress.sqlitePath(named: index) }

    /// Refuses a PostgreSQL index, which this command does not open (`AnyIndexLocation`).
    func validate() throws {
        guard case .sqlite = try IndexAddress(named: index) else {
            throw ValidationError("this command opens a SQLite index only; give a SQLite index path")
        }
    }
}

/// `--index PATH` or `--index postgresql://…`: a command that opens either backend.
struct AnyIndexLocation: ParsableArguments {
    @Option(
        name: .long,
        help: "Index database or postgresql://host/db?schema=NAME (default: $SEMFIND_INDEX, then the default index).")
    var index: String?

    /// A PostgreSQL index named by `--index` or `$SEMFIND_INDEX`, or a SQLite index's path.
    func address() throws -> IndexAddress { try IndexAddress(named: index) }
}
