import FileWalk
import IndexBackends
import Indexer
import QueryEngine
import TextEncoder
import VectorStore

extension SearchService {
    /// `serve`'s `index` method: the folders a request names (else the index's own) indexed
    /// under the writer lock with the plugins `registry` gives and the options `options` makes
    /// for the roots, stopped after the file in flight by `stop`.
    public func indexer(
        registry: @escaping () throws -> FormatRegistry, options: @escaping ([String]) -> IndexOptions,
        stop: StopRequest
    ) -> ([String]?) throws -> IndexSummary {
        { folders in
            let roots = try folders.map { try $0.map(RootPath.absolute) } ?? status().roots
            guard !roots.isEmpty else { throw JSONRPCError.invalidParams("index needs folders (the index has none)") }
            let lock = try WriterLock(indexPath: indexPath, wait: false)
            defer { withExtendedLifetime(lock) {} }
            let pipeline = IndexPipeline(
                storePath: indexPath, encoder: try encoder.load(EncoderPrecision.of(indexAt: .sqlite(path: indexPath))),
                registry: try registry(), options: options(roots))
            return try pipeline.run(stop: stop) { _ in }
        }
    }
}
