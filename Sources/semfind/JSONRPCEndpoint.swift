import Foundation
import SemfindCore

/// The methods one JSON-RPC server answers: `serve`'s or `mcp`'s.
protocol JSONRPCMethods {
    /// The `result` of `method`, or a thrown `JSONRPCError` (any other error becomes -32000).
    mutating func call(_ method: String, _ params: RequestParams) throws -> [String: Any]
}

/// A JSON-RPC error object: a standard code and a one-line message.
struct JSONRPCError: Error {
    let code: Int
    let message: String

    static func parseError(_ message: String) -> JSONRPCError { JSONRPCError(code: -32700, message: message) }
    static func invalidRequest(_ message: String) -> JSONRPCError { JSONRPCError(code: -32600, message: message) }
    static func methodNotFound(_ message: String) -> JSONRPCError { JSONRPCError(code: -32601, message: message) }
    static func invalidParams(_ message: String) -> JSONRPCError { JSONRPCError(code: -32602, message: message) }
    /// semfind's own failures: no index, another model, an empty query...
    static func semfind(_ message: String) -> JSONRPCError { JSONRPCError(code: -32000, message: message) }
}

/// JSON-RPC 2.0 framing over newline-delimited messages: parses each line, hands the request to
/// `methods`, and turns the outcome into a response (none for a notification).
struct JSONRPCEndpoint<Methods: JSONRPCMethods> {
    var methods: Methods

    /// Answers every line of standard input on standard output until input ends, each while
    /// holding `answering` (so that whoever takes it ends the process between two responses).
    mutating func serveStandardIO(answering: NSLock = NSLock()) {
        while let line = readLine(strippingNewline: true) {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            answering.lock()
            defer { answering.unlock() }
            if let reply = handle(line) {
                FileHandle.standardOutput.write(Data(ResultJSON.line(reply).utf8))
            }
        }
    }

    mutating func handle(_ line: String) -> [String: Any]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: .fragmentsAllowed) else {
            return reply(id: NSNull(), error: .parseError("parse error: not JSON"))
        }
        guard let request = object as? [String: Any] else {
            let what = object is [Any] ? "a batch (array) is not supported; send one object per line" : "not an object"
            return reply(id: NSNull(), error: .invalidRequest("invalid request: \(what)"))
        }
        let id = request["id"].map(plainRequestID)
        if let id, !(id is String || id is Int || id is Double || id is NSNull) {
            return reply(id: id, error: .invalidRequest("invalid request: id must be a string, a number or null"))
        }
        guard request["jsonrpc"] as? String == "2.0", let method = request["method"] as? String else {
            return reply(id: id ?? NSNull(), error: .invalidRequest("invalid request: need jsonrpc 2.0 and a method"))
        }
        guard let params = RequestParams(request["params"]) else {
            return reply(id: id ?? NSNull(), error: .invalidParams("params must be a JSON object"))
        }
        let result: Result<[String: Any], JSONRPCError>
        do {
            result = .success(try methods.call(method, params))
        } catch let failure as JSONRPCError {
            result = .failure(failure)
        } catch let error as SemfindError {
            result = .failure(.semfind(error.message))
        } catch {
            result = .failure(.semfind("\(error)"))
        }
        guard let id else { return nil }
        switch result {
        case .success(let value): return ["jsonrpc": "2.0", "id": id, "result": value]
        case .failure(let failure): return reply(id: id, error: failure)
        }
    }

    private func reply(id: Any, error: JSONRPCError) -> [String: Any] {
        ["jsonrpc": "2.0", "id": id, "error": ["code": error.code, "message": error.message]]
    }
}

/// A request id as a Swift value (JSON numbers arrive as NSNumber, which a writer could
/// mistake for a boolean); an id of another kind (an object, an array) as it came, to be
/// echoed in the refusal.
private func plainRequestID(_ id: Any) -> Any {
    if let text = id as? String { return text }
    if let number = id as? NSNumber {
        let value = number.doubleValue
        return value.rounded() == value && abs(value) < 1e15 ? Int(value) : value
    }
    return id
}
