import SemfindCore
import Testing

@testable import ParserIsolation

/// The parse worker's pipe: frames, requests and replies survive the round trip, and what is
/// no frame is known as garbage at once.
@Suite("Parse worker protocol")
struct WorkerProtocolTests {
    @Test("a frame's length is known once its header is there; garbage is known at once")
    func frames() {
        let frame = WorkerFrame.frame([1, 2, 3])
        #expect(frame.count == WorkerFrame.headerLength + 3)
        #expect(WorkerFrame.length(atStartOf: Array(frame.prefix(4))) == nil)
        #expect(WorkerFrame.length(atStartOf: frame) == frame.count)
        #expect(Array(WorkerFrame.payload(of: frame)) == [1, 2, 3])
        #expect(WorkerFrame.length(atStartOf: Array("this is no reply\n".utf8)) == Int.max)
        #expect(WorkerFrame.length(atStartOf: [0x53]) == nil)
    }

    @Test("requests and replies decode to what was encoded")
    func roundTrips() throws {
        let request = ParseRequest(plugin: "pdf", bytes: [0, 255, 7])
        #expect(ParseRequest(decoding: request.encoded[...]) == request)
        let document = ParsedDocument(
            title: "Report",
            sections: [
                Section(
                    text: "Tides", headingPath: ["Report"],
                    span: SourceSpan(firstLine: 1, lastLine: 2, bytes: 0..<0, pages: 3...4), kind: .table)
            ], warnings: ["no text layer on page 5"])
        for reply in [ParseReply.document(document), .failure("empty file: not a PDF")] {
            #expect(ParseReply(decoding: reply.encoded[...]) == reply)
        }
        #expect(ParseReply(decoding: [7, 1, 2][...]) == nil)
        #expect(ParseReply(decoding: [0, 123][...]) == nil)
    }
}
