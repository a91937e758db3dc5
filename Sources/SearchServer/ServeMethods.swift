import Indexer
import ResultOutput

/// `serve`'s methods: `search`, `status` and `index` (share/semfind/schema/serve.md).
public struct ServeMethods: JSONRPCMethods {
    var service: SearchService
    /// Indexes the folders a request names (nil: the index's own) with the server's indexing
    /// options; nil when the server watches the index (`serve --watch`), which then holds the
    /// writer lock and indexes every change anyway.
    let index: (([String]?) throws -> IndexSummary)?

    public init(service: SearchService, index: (([String]?) throws -> IndexSummary)?) {
        self.service = service
        self.index = index
    }

    public mutating func call(_ method: String, _ params: RequestParams) throws -> any Encodable {
        switch method {
        case "search": return try service.search(params).json
        case "status": return StatusReport(try service.status())
        case "index":
            guard let index else {
                throw JSONRPCError.semfind(
                    "this server watches the index (serve --watch): changes are indexed as they happen")
            }
            return IndexSummaryReport(try index(try params.strings("folders")))
        default: throw JSONRPCError.methodNotFound("no method \(method); use search, status or index")
        }
    }
}
