import SemfindCore

/// Where a PostgreSQL index lives: a libpq connection URI with one parameter of semfind's own,
/// `schema`, the schema that holds the index's tables (`postgresql://host/db?schema=notes`;
/// `semfind` when left out), so that one database can hold several indexes.
///
/// The password never comes in the URI: libpq reads it from the password file (`~/.pgpass`,
/// `PGPASSFILE`, or `passfile=` in the URI) or `PGPASSWORD`, so that it is neither printed in
/// a message nor kept in a shell's history or an index's configuration. A URI with one is refused.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    /// The URI as given (without a password, which is refused): what messages name.
    public let uri: String
    /// The schema of the index's tables.
    public let schema: String
    /// What libpq connects with: the URI without `schema`, with a connect timeout unless it sets one.
    let connectionString: String

    /// The schema an index goes to when the URI names none.
    public static let defaultSchema = "semfind"
    /// Seconds to wait for an unreachable server before giving up, unless the URI says.
    static let connectTimeout = 10

    /// Whether `text` names a PostgreSQL index rather than a SQLite file.
    public static func isPostgresURI(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Reads a connection URI.
    ///
    /// - Throws: `SemfindError` `.invalidInput` for a text that is not a PostgreSQL URI, one that
    ///   holds a password, or a schema name that is not a plain lowercase identifier.
    public init(_ text: String) throws {
        guard Self.isPostgresURI(text) else {
            throw SemfindError(.invalidInput, "\(text) is not a PostgreSQL URI; write postgresql://host/database")
        }
        let (base, query) = Self.split(text, at: "?")
        var parameters = query.map { $0.split(separator: "&", omittingEmptySubsequences: true).map(String.init) } ?? []
        let authority = Self.split(String(base.drop { $0 != "/" }.dropFirst(2)), at: "/").0
        let userInfo = authority.contains("@") ? Self.split(authority, at: "@").0 : ""
        if userInfo.contains(":") || parameters.contains(where: { $0.hasPrefix("password=") }) {
            throw SemfindError(
                .invalidInput,
                "a PostgreSQL URI must not hold the password; put it in ~/.pgpass (or PGPASSFILE, PGPASSWORD) instead")
        }
        var schema = Self.defaultSchema
        if let index = parameters.firstIndex(where: { $0.hasPrefix("schema=") }) {
            schema = String(parameters.remove(at: index).dropFirst("schema=".count))
        }
        guard Self.isPlainIdentifier(schema) else {
            throw SemfindError(
                .invalidInput,
                "schema=\(schema) is not a schema name semfind uses; choose lowercase letters, digits and _ (at most 63)"
            )
        }
        if !parameters.contains(where: { $0.hasPrefix("connect_timeout=") }) {
            parameters.append("connect_timeout=\(Self.connectTimeout)")
        }
        uri = text
        self.schema = schema
        connectionString = base + "?" + parameters.joined(separator: "&")
    }

    public var description: String { uri }

    /// A name that needs no quoting in SQL: lowercase letters, digits and underscores, not
    /// starting with a digit, at most 63 bytes (PostgreSQL's limit).
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 63 else { return false }
        let digits: ClosedRange<Unicode.Scalar> = "0"..."9"
        let allowed = { (c: Unicode.Scalar) in ("a"..."z").contains(c) || digits.contains(c) || c == "_" }
        return !digits.contains(first) && name.unicodeScalars.allSatisfy(allowed)
    }

    private static func split(_ text: String, at separator: Character) -> (String, String?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }
}
