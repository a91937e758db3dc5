import Foundation
import ResultOutput
import Testing

/// `semfind status` for people: one aligned line per key the report has, roots one per line.
@Suite struct StatusTextTests {
    private func report() throws -> StatusReport {
        let json = """
            {"index": "/i.sqlite", "roots": ["/a", "/b"], "files": 2, "files_by_plugin": {"markdown": 2},
             "chunks": 10, "vectors": 8, "unembedded": 2, "bytes_on_disk": 4096, "model": "m", "fingerprint": "f",
             "dimension": 384, "precision": "int8", "relevance_floor": 0.25, "index_kind": "flat"}
            """
        return try JSONDecoder().decode(StatusReport.self, from: Data(json.utf8))
    }

    @Test func linesInReadingOrderWithoutAbsentFields() throws {
        let lines = try report().text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "index               /i.sqlite")
        #expect(lines[1] == "roots               /a")
        #expect(lines[2] == "                    /b")
        #expect(
            lines.contains {
                $0.hasPrefix("embedded            80%") && $0.hasSuffix("run semfind index to embed them")
            })
        #expect(lines.contains { $0.hasPrefix("relevance_floor     0.25 (the similarity unrelated text reaches") })
        #expect(!lines.contains { $0.hasPrefix("encoder") || $0.hasPrefix("ivf_") })
        #expect(lines.last == "")
    }
}
