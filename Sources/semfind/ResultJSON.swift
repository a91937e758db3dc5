import Foundation
import IndexStorage
import QueryEngine
import VectorStore

/// The JSON objects of search output, shared by `search --json` and `serve`
/// (share/semfind/schema/search.schema.json describes them).
enum ResultJSON {
    /// 2: results of paged formats (PDF) have `page_start` and `page_end`, and their lines count
    /// within those pages.
    static let schemaVersion = 2

    static func begin(_ request: SearchRequest, _ response: SearchResponse, index: String) -> [String: Any] {
        var begin: [String: Any] = [
            "schema_version": schemaVersion, "query": request.query, "mode": request.mode.rawValue,
            "limit": request.limit, "index": index,
        ]
        if let augmentation = response.augmentation {
            begin["augmented_by"] = ["source": augmentation.source, "text": augmentation.text]
        }
        if let pieces = response.pieces { begin["query_pieces"] = pieces }
        if let floor = response.relevanceFloor { begin["relevance_floor"] = finite(floor) }
        return begin
    }

    /// One result; `shownPath` is the path as the reader should see it (relative or absolute).
    static func result(_ result: SearchResult, rank: Int, shownPath: String) -> [String: Any] {
        let hit = result.hit
        let snippet = result.snippet
        var data: [String: Any] = [
            "rank": rank, "path": shownPath, "absolute_path": hit.path, "first_line": hit.span.firstLine,
            "last_line": hit.span.lastLine, "first_byte": hit.span.bytes.lowerBound,
            "end_byte": hit.span.bytes.upperBound, "heading_path": hit.headingPath, "score": finite(result.score),
            "snippet": snippet.text,
            "highlights": snippet.highlights.map { [$0.lowerBound, $0.upperBound] }, "text": hit.text,
            "stale": result.stale, "format": hit.plugin,
        ]
        if let pages = hit.span.pages {
            data["page_start"] = pages.lowerBound
            data["page_end"] = pages.upperBound
        }
        if let similarity = result.similarity { data["similarity"] = finite(similarity) }
        if let rank = result.keywordRank { data["keyword_rank"] = rank }
        return data
    }

    /// `below_floor` is present when the relevance floor applied (as `begin`'s `relevance_floor`);
    /// `embedded_chunks` and `indexed_chunks` while some of the index's chunks wait for vectors.
    static func summary(_ response: SearchResponse, seconds: Double) -> [String: Any] {
        var summary: [String: Any] = [
            "results": response.results.count, "elapsed_ms": seconds * 1000,
            "low_confidence": response.lowConfidence, "vanished": response.vanished,
        ]
        if response.relevanceFloor != nil { summary["below_floor"] = response.belowFloor }
        if let embedding = response.embedding {
            summary["embedded_chunks"] = embedding.embedded
            summary["indexed_chunks"] = embedding.chunks
        }
        return summary
    }

    /// `semfind status --json`: `files_by_plugin` counts the files each plugin read (by its name);
    /// `encoder` (the encoder's arithmetic) and `relevance_floor` are present once there are vectors and once it was measured; the IVF figures (`ivf_lists`, `ivf_probes`, `ivf_recall_at_10`,
    /// `ivf_recall_queries`, `ivf_trained_vectors`) are present only when `index_kind` is "ivf".
    static func status(_ status: IndexStatus) -> [String: Any] {
        var fields: [String: Any] = [
            "index": status.path, "roots": status.roots, "files": status.files,
            "files_by_plugin": status.filesByPlugin, "chunks": status.chunks,
            "vectors": status.vectors, "unembedded": status.unembedded, "bytes_on_disk": status.bytesOnDisk,
            "model": status.modelName ?? "",
            "fingerprint": status.modelFingerprint ?? "", "dimension": status.dimension ?? 0,
            "precision": status.precision.rawValue,
            "index_kind": status.vectorIndex.kind.rawValue,
        ]
        fields["encoder"] = status.encoderPrecision
        let ivf = status.vectorIndex
        let figures: [(String, Any?)] = [
            ("ivf_lists", ivf.lists), ("ivf_probes", ivf.probes), ("ivf_recall_at_10", ivf.recall),
            ("ivf_recall_queries", ivf.recallQueries), ("ivf_trained_vectors", ivf.trainedRows),
        ]
        for (key, value) in figures { fields[key] = value }
        if let floor = status.relevanceFloor { fields["relevance_floor"] = floor.similarity }
        return fields
    }

    /// One line of JSON with sorted keys.
    static func line(_ object: [String: Any]) -> String {
        JSONText.encode(object) + "\n"
    }

    /// NaN and infinities have no JSON form; a score never should be one, but a line must not vanish.
    private static func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }
}
