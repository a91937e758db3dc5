import Foundation
import ResultOutput
import SemfindCore

/// The methods one JSON-RPC server answers: `serve`'s or `mcp`'s.
public protocol JSONRPCMethods {
    /// The `result` of `method`, or a thrown `JSONRPCError` (any other error becomes -32000).
    mutating func call(_ method: String, _ params: RequestParams) throws -> any Encodable
}

/// A JSON-RPC error object: a standard code and a one-line message.
public struct JSONRPCError: Error, Codable, Equatable {
    public let code: Int
    public let message: String

    public static func parseError(_ message: String) -> JSONRPCError { JSONRPCError(code: -32700, message: message) }
    public static func invalidRequest(_ message: String) -> JSONRPCError {
        JSONRPCError(code: -32600, message: message)
    }
    public static func methodNotFound(_ message: String) -> JSONRPCError {
        JSONRPCError(code: -32601, message: message)
    }
    public static func invalidParams(_ message: String) -> JSONRPCError { JSONRPCError(code: -32602, message: message) }
    /// semfind's own failures: no index, another model, an empty query...
    public static func semfind(_ message: String) -> JSONRPCError { JSONRPCError(code: -32000, message: message) }
}

/// One response line: `result` or `error`, for the request `id`.
public struct JSONRPCResponse: Encodable {
    public let id: JSONValue
    public let outcome: Result<any Encodable, JSONRPCError>

    private enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("2.0", forKey: .jsonrpc)
        try container.encode(id, forKey: .id)
        switch outcome {
        case .success(let result): try container.encode(result, forKey: .result)
        case .failure(let error): try container.encode(error, forKey: .error)
        }
    }
}

/// JSON-RPC 2.0 framing over newline-delimited messages: parses each line, hands the request to
/// `methods`, and turns the outcome into a response (none for a notification).
public struct JSONRPCEndpoint<Methods: JSONRPCMethods> {
    public var methods: Methods

    public init(methods: Methods) { self.methods = methods }

    /// Answers every line of standard input on standard output until input ends, each while
    /// holding `answering` (so that whoever takes it ends the process between two responses).
    public mutating func serveStandardIO(answering: NSLock = NSLock()) {
        while let line = readLine(strippingNewline: true) {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            answering.lock()
            defer { answering.unlock() }
            if let reply = handle(line) {
                FileHandle.standardOutput.write(Data(JSONLine.encode(reply).utf8))
            }
        }
    }

    public mutating func handle(_ line: String) -> JSONRPCResponse? {
        guard let message = try? JSONLine.decode(JSONValue.self, from: Array(line.utf8)) else {
            return JSONRPCResponse(id: .null, outcome: .failure(.parseError("parse error: not JSON")))
        }
        guard case .object(let request) = message else {
            let what =
                if case .array = message { "a batch (array) is not supported; send one object per line" } else {
                    "not an object"
                }
            return JSONRPCResponse(id: .null, outcome: .failure(.invalidRequest("invalid request: \(what)")))
        }
        let id = request["id"]
        switch id {
        case nil, .string, .integer, .number, .null: break
        case let other?:
            let refusal = JSONRPCError.invalidRequest("invalid request: id must be a string, a number or null")
            return JSONRPCResponse(id: other, outcome: .failure(refusal))
        }
        guard request["jsonrpc"] == .string("2.0"), case .string(let method) = request["method"] else {
            let refusal = JSONRPCError.invalidRequest("invalid request: need jsonrpc 2.0 and a method")
            return JSONRPCResponse(id: id ?? .null, outcome: .failure(refusal))
        }
        guard let params = RequestParams(request["params"]) else {
            return JSONRPCResponse(id: id ?? .null, outcome: .failure(.invalidParams("params must be a JSON object")))
        }
        let outcome: Result<any Encodable, JSONRPCError>
        do {
            outcome = .success(try methods.call(method, params))
        } catch let failure as JSONRPCError {
            outcome = .failure(failure)
        } catch let error as SemfindError {
            outcome = .failure(.semfind(error.message))
        } catch {
            outcome = .failure(.semfind("\(error)"))
        }
        return id.map { JSONRPCResponse(id: $0, outcome: outcome) }
    }
}
