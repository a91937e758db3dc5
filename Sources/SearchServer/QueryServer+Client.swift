import ResultOutput

extension QueryServer {
    /// Has the warm server of the index at `index` answer a search and prints its reply to
    /// `console`: the search's exit status, or nil when the asking process must search itself
    /// (no server, another user's socket, a search that `invocation` cannot build, a declined
    /// request). `invocation` is called only once a server has answered the connection.
    public static func answer(
        forIndex index: String, console: Console, invocation: () -> SearchInvocation?
    ) -> Int32? {
        let path = socketPath(forIndex: index)
        let socket: UnixSocket
        switch UnixSocket.connect(to: path, timeoutSeconds: 30) {
        case .none: return nil
        case .foreign(let owner):
            console.err(
                "semfind: warning: \(path) belongs to another user (uid \(owner)); not asked, searching alone\n")
            return nil
        case .connected(let connected): socket = connected
        }
        defer { socket.close() }
        guard let invocation = invocation(),
            let reply = socket.exchange(SocketRequest(index: index, search: invocation))
        else { return nil }
        console.out(reply.stdout)
        console.err(reply.stderr)
        return reply.status
    }
}
