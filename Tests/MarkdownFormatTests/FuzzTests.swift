import SemfindCore
import Testing

@testable import MarkdownFormat

/// Random documents from Markdown's sharp edges and raw bytes: parsing must not crash and its
/// spans must stay sound. The generator is seeded, so a failure reproduces.
@Suite("Markdown on arbitrary input")
struct FuzzTests {
    /// SplitMix64: a tiny deterministic generator, so a failing document can be regenerated.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "#", "# ", "## h", "```", "~~~", "``", "`", "---", "===", "***", "- ", "* ", "+ ", "1. ", "2) ", "> ",
        "|", "| - |", ":-:", "[", "]", "(", ")", "![", "](", "<", ">", "<b>", "<!--", "-->", "&", "&amp;", "&#",
        ";", "\\", "*", "_", "~~", "\n", "\n", "\n", "\r\n", "\r", " ", "    ", "\t", "word", "é", "😀",
        "title: T", "[x]: /u",
    ]

    func document(_ generator: inout SeededGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0...120, using: &generator) {
            if Int.random(in: 0..<20, using: &generator) == 0 {
                bytes.append(UInt8.random(in: 0...255, using: &generator))
            } else {
                bytes += Array(Self.pieces.randomElement(using: &generator).map { Array($0.utf8) } ?? [])
            }
        }
        return bytes
    }

    @Test("spans lie inside the input, in file order, each starting at a line start")
    func arbitraryDocuments() {
        var generator = SeededGenerator(state: 2024)
        for _ in 0..<3_000 {
            var bytes = document(&generator)
            if Bool.random(using: &generator) { bytes.insert(contentsOf: Array("---\n".utf8), at: 0) }
            let parsed = MarkdownFormat().parse(bytes)
            var previousLastLine = 0
            for section in parsed.sections {
                let span = section.span
                #expect(span.bytes.lowerBound >= 0 && span.bytes.upperBound <= bytes.count, "\(bytes)")
                #expect(span.firstLine > previousLastLine, "\(bytes)")
                #expect(span.bytes.lowerBound == 0 || [0x0A, 0x0D].contains(bytes[span.bytes.lowerBound - 1]))
                #expect(!section.text.isEmpty)
                previousLastLine = span.lastLine
            }
        }
    }

    @Test("UTF-16 input of any bytes parses, with even spans inside the input")
    func arbitraryUTF16() {
        var generator = SeededGenerator(state: 16)
        for _ in 0..<500 {
            let bytes: [UInt8] = [0xFF, 0xFE] + document(&generator).flatMap { [$0, 0] }
            for section in MarkdownFormat().parse(bytes).sections {
                #expect(section.span.bytes.lowerBound % 2 == 0 && section.span.bytes.upperBound % 2 == 0)
                #expect(section.span.bytes.upperBound <= bytes.count)
            }
        }
    }
}
