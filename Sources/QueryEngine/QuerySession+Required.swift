import SemfindCore

extension QuerySession {
    /// The session of this process, for a command that works on it (`semfind session`).
    ///
    /// - Throws: `SemfindError` `.invalidInput` when there is none (no terminal, no
    ///   `SEMFIND_SESSION`).
    public static func required() throws -> QuerySession {
        guard let session = current() else {
            throw SemfindError(.invalidInput, "no session here (no terminal); set SEMFIND_SESSION to name one")
        }
        return session
    }
}
