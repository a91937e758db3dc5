import Foundation

/// The search side of the warm server: hands a search to `semfind serve --socket` when one
/// answers for the index, so that a query skips loading the model and the vectors.
enum QueryClient {
    struct Reply {
        let stdout: String
        let stderr: String
        let status: Int32
    }

    /// The server's answer to a search with these arguments, or nil when no server answers
    /// (none runs, it is busy past the timeout, or it declines): the caller then searches itself.
    static func ask(index: String, arguments: [String], session: String?, colour: Bool) -> Reply? {
        guard let socket = UnixSocket.connect(to: QueryServer.socketPath(forIndex: index), timeoutSeconds: 30)
        else { return nil }
        defer { socket.close() }
        var request: [String: Any] = [
            "arguments": arguments, "directory": FileManager.default.currentDirectoryPath, "colour": colour,
        ]
        if let session { request["session"] = session }
        guard socket.write(Array(ResultJSON.line(request).utf8)),
            let line = socket.readLine(limit: 256 << 20),
            let reply = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
            let status = reply["status"] as? Int
        else { return nil }
        return Reply(
            stdout: reply["stdout"] as? String ?? "", stderr: reply["stderr"] as? String ?? "", status: Int32(status))
    }
}
