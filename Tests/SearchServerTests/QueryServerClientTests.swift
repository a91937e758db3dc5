import Foundation
import ResultOutput
import SearchServer
import SemfindCore
import TestSupport
import Testing

/// The asking side of the warm socket: a search handed to the index's server and its reply
/// printed, or nil, so that the process searches by itself.
@Suite struct QueryServerClientTests {
    @Test func aServedSearchIsPrintedWithItsStatus() throws {
        let served = try QueryServerTests.Served()
        let captured = CapturedConsole()
        let status = QueryServer.answer(forIndex: served.index, console: captured.console) {
            served.search("fox", format: .files)
        }
        #expect(status == 0)
        #expect(captured.out == "fox.txt\n")
    }

    @Test func withoutAServerTheSearchIsNeitherBuiltNorAnswered() throws {
        let index = try TestScratch.file("no-server", named: "index.sqlite")
        var built = false
        let status = QueryServer.answer(forIndex: index, console: CapturedConsole().console) {
            built = true
            return nil
        }
        #expect(status == nil)
        #expect(!built)
    }

    @Test func theContextFileFollowsTheGivenContext() throws {
        let file = try TestScratch.file("context", named: "cursor.txt")
        try Data("around the cursor".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try SearchInvocation.context(given: "typed", file: file) == "typed\naround the cursor")
        #expect(try SearchInvocation.context(given: nil, file: file) == "around the cursor")
        #expect(try SearchInvocation.context(given: "typed", file: nil) == "typed")
        #expect(throws: SemfindError.self) { try SearchInvocation.context(given: nil, file: file + ".missing") }
    }
}
