import ResultOutput

/// What a search process sends the warm server at `INDEX.sock`: one JSON line, the search for
/// the index it means (a server of another index declines it).
public struct SocketRequest: Codable, Sendable, Equatable {
    /// The index's absolute path.
    public let index: String
    public let search: SearchInvocation

    public init(index: String, search: SearchInvocation) {
        self.index = index
        self.search = search
    }
}

/// The server's one-line answer: the search's output and exit status, or `declined` (status
/// -1), which sends the search back to run by itself (a request of another index, or one this
/// server cannot read: a client of another semfind version).
public struct SocketReply: Codable, Sendable, Equatable {
    public let stdout: String
    public let stderr: String
    public let status: Int32

    public init(stdout: String, stderr: String, status: Int32) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }

    public static let declined = SocketReply(stdout: "", stderr: "", status: -1)

    public var isDeclined: Bool { status < 0 }
}

extension UnixSocket {
    /// Sends `request` to the server at the other end and reads its reply: nil when the
    /// exchange fails or the server declines, and the search must run by itself.
    public func exchange(_ request: SocketRequest) -> SocketReply? {
        guard write(Array(JSONLine.encode(request).utf8)), let line = readLine(limit: 256 << 20),
            let reply = try? JSONLine.decode(SocketReply.self, from: line), !reply.isDeclined
        else { return nil }
        return reply
    }
}
