import FileWalk
import IndexBackends
import Indexer
import QueryEngine
import TextEncoder
import VectorStore

extension SearchService {
    /// `serve`'s `index` method: the folders a request names (else the index's own) indexed
    /// under the writer lock (a SQLite index's; a PostgreSQL index's roots are claimed by the
    /// pipeline) with the plugins `registry` gives and the options `options` makes
    /// for the roots, stopped after the file in flight by `stop`.
    public func indexer(
        registry: @escaping () throws -> FormatRegistry, options: @escaping ([String]) -> IndexOptions,
        stop: StopRequest
    ) -> ([String]?) throws -> IndexSummary {
        { folders in
            let roots = try folders.map { try $0.map(RootPath.absolute) } ?? status().roots
            guard !roots.isEmpty else { throw JSONRPCError.invalidParams("index needs folders (the index has none)") }
            let lock = try index.sqlitePath.map { try WriterLock(indexPath: $0, wait: false) }
            defer { withExtendedLifetime(lock) {} }
            let pipeline = IndexPipeline(
                index: index, encoder: try encoder.load(EncoderPrecision.of(indexAt: index)),
                registry: try registry(), options: options(roots))
            return try pipeline.run(stop: stop) { _ in }
        }
    }
}
