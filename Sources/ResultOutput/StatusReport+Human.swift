import QueryEngine

extension StatusReport {
    /// `semfind status` for people: a line per key, values aligned, the roots one per line.
    public var text: String {
        rows.map { key, value in
            var shown = value.joined(separator: "\n" + String(repeating: " ", count: 20))
            if key == "relevance_floor" {
                shown +=
                    " (the similarity unrelated text reaches in this index: searches leave out passages below it "
                    + "that only their meaning found)"
            }
            return "\(key.padding(toLength: 19, withPad: " ", startingAt: 0)) \(shown)\n"
        }.joined()
    }

    /// The lines of the human view, each a key and its value's lines (more than one only for
    /// the roots), in the order people read them; what the report lacks is left out.
    var rows: [(key: String, value: [String])] {
        let embedded = EmbeddingProgress(embedded: chunks - unembedded, chunks: chunks)
        let rows: [(String, [String]?)] = [
            ("index", [index]), ("roots", roots), ("files", ["\(files)"]),
            ("files_by_plugin", [CountList.text(filesByPlugin)]), ("chunks", ["\(chunks)"]),
            ("vectors", ["\(vectors)"]),
            (
                "embedded",
                [embedded.share + (unembedded > 0 ? "; the rest wait: run semfind index to embed them" : "")]
            ),
            ("bytes_on_disk", ["\(bytesOnDisk)"]), ("model", [model]),
            ("fingerprint", [fingerprint]), ("dimension", ["\(dimension)"]),
            ("encoder", encoder.map { [$0] }), ("precision", [precision]),
            ("relevance_floor", relevanceFloor.map { ["\($0)"] }), ("index_kind", [indexKind]),
            ("ivf_lists", ivfLists.map { ["\($0)"] }), ("ivf_probes", ivfProbes.map { ["\($0)"] }),
            ("ivf_recall_at_10", ivfRecallAt10.map { ["\($0)"] }),
            ("ivf_recall_queries", ivfRecallQueries.map { ["\($0)"] }),
            ("ivf_trained_vectors", ivfTrainedVectors.map { ["\($0)"] }),
        ]
        return rows.compactMap { key, value in value.map { (key, $0) } }
    }
}
