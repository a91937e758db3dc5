import Foundation
import Testing

/// `semfind bench search` as a user runs it: one JSON line per index kind, and the export that
/// `scripts/bench-faiss` reads.
@Suite("bench search, end to end")
struct BenchSearchCommandTests {
    let runner = CommandRunner()

    @Test("--json prints each index kind with its recall, and --export writes the vectors and parameters")
    func jsonAndExport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runner.run([
            "bench", "search", "--vectors", "3000", "--queries", "20", "--dimension", "32", "--threads", "1",
            "--json", "--export", folder.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try result.stdoutLines.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(rows.compactMap { $0["kind"] as? String } == ["flat-f32", "flat-int8", "flat-int8-raw", "ivf"])
        #expect(rows[0]["recall_at_10"] as? Double == 1, "the exact scan is its own ground truth")
        let ivf = try #require(rows.last)
        #expect(ivf["nlist"] as? Int == 219)
        #expect((ivf["recall_at_10"] as? Double ?? -1) > 0.5)
        #expect((ivf["nprobe"] as? Int ?? 0) >= 1)

        let base = try Data(contentsOf: folder.appendingPathComponent("base.npy"))
        #expect(base.count == 128 + 3000 * 32 * 4, "a 128-byte header, then 3,000 rows of 32 floats")
        let queries = try Data(contentsOf: folder.appendingPathComponent("queries.npy"))
        #expect(queries.count == 128 + 20 * 32 * 4)
        let params = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("params.json")))
                as? [String: Int])
        #expect(params["nlist"] == 219 && params["nprobe"] == ivf["nprobe"] as? Int)
        let exported = try String(contentsOf: folder.appendingPathComponent("semfind.jsonl"), encoding: .utf8)
        #expect(exported.split(separator: "\n").count == 4)
    }
}
