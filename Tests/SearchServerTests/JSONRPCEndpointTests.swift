import ResultOutput
import SearchServer
import SemfindCore
import Testing

/// JSON-RPC framing as a client sees it: each line answered with a typed response, or not at all.
@Suite struct JSONRPCEndpointTests {
    /// Methods that answer `double` with twice `n`, and fail as asked.
    struct Doubler: JSONRPCMethods {
        struct Doubled: Codable { let twice: Int }

        mutating func call(_ method: String, _ params: RequestParams) throws -> any Encodable {
            switch method {
            case "double": return Doubled(twice: 2 * (try params.integer("n") ?? 0))
            case "fail": throw SemfindError(.invalidInput, "the index is missing")
            default: throw JSONRPCError.methodNotFound("no method \(method)")
            }
        }
    }

    /// A response line read back.
    struct Reply: Decodable {
        let jsonrpc: String
        let id: JSONValue
        let result: Doubler.Doubled?
        let error: JSONRPCError?
    }

    private func reply(_ line: String) throws -> Reply? {
        var endpoint = JSONRPCEndpoint(methods: Doubler())
        return try endpoint.handle(line).map { try JSONLine.decode(Reply.self, from: Array(JSONLine.encode($0).utf8)) }
    }

    @Test("a request is answered with its id and typed result; a notification is not answered")
    func answers() throws {
        let answer = try #require(try reply(#"{"jsonrpc": "2.0", "id": "a", "method": "double", "params": {"n": 21}}"#))
        #expect(answer.jsonrpc == "2.0" && answer.id == .string("a") && answer.result?.twice == 42)
        #expect(
            try reply(#"{"jsonrpc": "2.0", "id": 7, "method": "double", "params": {"n": 2.0}}"#)?.result?.twice == 4)
        #expect(try reply(#"{"jsonrpc": "2.0", "method": "double", "params": {"n": 1}}"#) == nil)
    }

    @Test("errors carry the standard codes, and the id when there is one")
    func errors() throws {
        let cases: [(String, Int, JSONValue)] = [
            ("not json", -32700, .null),
            (#"[{"jsonrpc": "2.0", "id": 1, "method": "double"}]"#, -32600, .null),
            ("42", -32600, .null),
            (#"{"jsonrpc": "2.0", "id": {"n": 1}, "method": "double"}"#, -32600, ["n": 1]),
            (#"{"jsonrpc": "1.0", "id": 1, "method": "double"}"#, -32600, 1),
            (#"{"jsonrpc": "2.0", "id": 2, "method": "halve"}"#, -32601, 2),
            (#"{"jsonrpc": "2.0", "id": 3, "method": "double", "params": [1]}"#, -32602, 3),
            (#"{"jsonrpc": "2.0", "id": 4, "method": "fail"}"#, -32000, 4),
        ]
        for (line, code, id) in cases {
            let answer = try #require(try reply(line), "\(line)")
            #expect(answer.error?.code == code && answer.id == id && answer.result == nil, "\(line)")
        }
    }

    @Test("a parameter of the wrong type is refused by name, never read as absent; null is absent")
    func parameterTypes() throws {
        let wrong = try reply(#"{"jsonrpc": "2.0", "id": 1, "method": "double", "params": {"n": "ten"}}"#)
        #expect(wrong?.error == JSONRPCError.invalidParams("n must be a whole number"))
        let fraction = try reply(#"{"jsonrpc": "2.0", "id": 1, "method": "double", "params": {"n": 1.5}}"#)
        #expect(fraction?.error?.code == -32602)
        let null = try reply(#"{"jsonrpc": "2.0", "id": 1, "method": "double", "params": {"n": null}}"#)
        #expect(null?.result?.twice == 0)
        let params = try #require(RequestParams(["on": true, "names": ["a", 1], "x": 2]))
        #expect(throws: JSONRPCError.invalidParams("on must be a number")) { try params.number("on") }
        #expect(throws: JSONRPCError.invalidParams("names must be a list of strings")) { try params.strings("names") }
        #expect(throws: JSONRPCError.invalidParams("x must be true or false")) { try params.boolean("x") }
        #expect(try params.number("x") == 2)
    }
}
