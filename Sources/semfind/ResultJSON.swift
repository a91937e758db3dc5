import Foundation
import QueryEngine
import VectorStore

/// The JSON objects of search output, shared by `search --json` and `serve`
/// (share/semfind/schema/search.schema.json describes them).
enum ResultJSON {
    static let schemaVersion = 1

    static func begin(_ request: SearchRequest, _ response: SearchResponse, index: String) -> [String: Any] {
        var begin: [String: Any] = [
            "schema_version": schemaVersion, "query": request.query, "mode": request.mode.rawValue,
            "limit": request.limit, "index": index,
        ]
        if let augmentation = response.augmentation {
            begin["augmented_by"] = ["source": augmentation.source, "text": augmentation.text]
        }
        if let pieces = response.pieces { begin["query_pieces"] = pieces }
        return begin
    }

    /// One result; `shownPath` is the path as the reader should see it (relative or absolute).
    static func result(_ result: SearchResult, rank: Int, shownPath: String) -> [String: Any] {
        let hit = result.hit
        var data: [String: Any] = [
            "rank": rank, "path": shownPath, "absolute_path": hit.path, "first_line": hit.span.firstLine,
            "last_line": hit.span.lastLine, "first_byte": hit.span.bytes.lowerBound,
            "end_byte": hit.span.bytes.upperBound, "heading_path": hit.headingPath, "score": finite(result.score),
            "snippet": result.snippet.text,
            "highlights": result.snippet.highlights.map { [$0.lowerBound, $0.upperBound] }, "text": hit.text,
            "stale": result.stale, "format": hit.plugin,
        ]
        if let similarity = result.similarity { data["similarity"] = finite(similarity) }
        if let rank = result.keywordRank { data["keyword_rank"] = rank }
        return data
    }

    static func summary(_ response: SearchResponse, seconds: Double) -> [String: Any] {
        [
            "results": response.results.count, "elapsed_ms": seconds * 1000,
            "low_confidence": response.lowConfidence, "vanished": response.vanished,
        ]
    }

    static func status(_ status: IndexStatus) -> [String: Any] {
        [
            "index": status.path, "roots": status.roots, "files": status.files, "chunks": status.chunks,
            "vectors": status.vectors, "bytes_on_disk": status.bytesOnDisk, "model": status.modelName ?? "",
            "fingerprint": status.modelFingerprint ?? "", "dimension": status.dimension ?? 0,
            "index_kind": status.indexKind ?? "",
        ]
    }

    /// One line of JSON with sorted keys.
    static func line(_ object: [String: Any]) -> String {
        JSONText.encode(object) + "\n"
    }

    /// NaN and infinities have no JSON form; a score never should be one, but a line must not vanish.
    private static func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }
}
