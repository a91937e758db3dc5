import Foundation
import TestSupport
import Testing

/// A mark put in a command's environment, which every process it starts inherits: a test finds
/// by it the processes of its own run (the run, parse workers, declared commands), to see that
/// none is left running.
struct RunMark {
    static let variable = "SEMFIND_TEST_RUN_MARK"
    let value = UUID().uuidString

    /// The ids of the running processes whose environment carries this mark.
    func processes() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { entry in
            guard Int(entry) != nil, let environment = FileManager.default.contents(atPath: "/proc/\(entry)/environ")
            else { return false }
            return String(decoding: environment, as: UTF8.self).contains("\(Self.variable)=\(value)")
        }
    }
}

extension RunMark {
    /// Starts `semfind` with `arguments` in the background, with this mark and `environment`,
    /// logging in `folder`, and waits (at most 30 s) until the run and one child of it (a parse
    /// worker, a declared command) both run.
    func startWithChild(
        _ arguments: [String], logs folder: String, environment: [String: String] = BuiltBinary.environment
    ) throws -> BackgroundCommand {
        var marked = environment
        marked[Self.variable] = value
        let run = try BackgroundCommand(
            arguments, logs: URL(fileURLWithPath: folder), name: "index", environment: marked)
        let appeared = Date().addingTimeInterval(30)
        while processes().count < 2, Date() < appeared { usleep(20_000) }
        #expect(processes().count == 2, "the run and its child")
        return run
    }
}
