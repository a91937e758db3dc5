import Foundation
import ResultOutput
import SemfindCore
import Testing

/// The texts `embed` and `tokenize` read: one a line, or one `{"text": …}` object a line, in
/// batches, with a clear error for input they cannot read.
@Suite struct TextInputTests {
    /// A reader over `bytes`, as if they were standard input.
    private func input(_ bytes: String, jsonl: Bool) throws -> TextInput {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("text-input-\(UUID().uuidString)")
        try Data(bytes.utf8).write(to: path)
        return TextInput(jsonl: jsonl, stream: fopen(path.path, "r"))
    }

    @Test func linesInBatchesWithoutTheirLineEnds() throws {
        var reader = try input("first\r\nsecond\nthird\n", jsonl: false)
        #expect(try reader.next(limit: 2) == ["first", "second"])
        #expect(try reader.next(limit: 2) == ["third"])
        #expect(try reader.next(limit: 2) == [])
    }

    @Test func jsonLinesSkipBlankLines() throws {
        var reader = try input("{\"text\": \"a b\"}\n\n{\"text\": \"c\"}\n", jsonl: true)
        #expect(try reader.next(limit: 10) == ["a b", "c"])
    }

    @Test func namesTheLineThatIsNotAJSONText() throws {
        var reader = try input("{\"text\": \"a\"}\n{\"id\": 1}\n", jsonl: true)
        #expect { try reader.next(limit: 10) } throws: { error in
            (error as? SemfindError)?.message.contains("line 2 is not a JSON object") == true
        }
    }

    @Test func emptyInputIsAnError() throws {
        var reader = try input("", jsonl: false)
        #expect(throws: SemfindError.self) { try reader.next(limit: 10) }
    }
}
