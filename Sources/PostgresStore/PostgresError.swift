import Foundation

/// A failed PostgreSQL call, as the server or libpq reported it: the SQLSTATE and the first line
/// of the message. It travels as the `cause` of the `SemfindError` a person reads, so a caller
/// can branch on the code without parsing the message. Neither holds a password: semfind never
/// has one (libpq reads it from its password file or environment) and libpq's messages name
/// only the user, host and port.
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The five-character SQLSTATE ("28P01" invalid password, "42P01" undefined table, …).
    /// A connection that fails before the server answers has "08001", the standard's
    /// "unable to establish connection": libpq keeps the server's own code of a refused login
    /// to itself.
    public let sqlState: String
    /// The message's first line (libpq's continuation lines are hints about a server that may
    /// be down).
    public let message: String

    /// The SQLSTATE of a connection that could not be made.
    public static let connectionFailed = "08001"

    public init(sqlState: String, message: String) {
        self.sqlState = sqlState
        self.message = Self.firstLine(of: message)
    }

    public var description: String { "PostgreSQL \(sqlState): \(message)" }

    static func firstLine(of text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.trimmingCharacters(in: .whitespaces)
    }
}
