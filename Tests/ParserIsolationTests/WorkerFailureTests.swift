import ChildProcess
import Testing

@testable import ParserIsolation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a user reads when a worker gave no reply: one line naming the parser and the cause.
@Suite("Parse worker failures, as the file's reason")
struct WorkerFailureTests {
    let launch = WorkerLaunch(executable: "/bin/false", arguments: [], environment: [:], timeout: .seconds(30))

    func message(_ failure: WorkerFailure) -> String { failure.message(plugin: "pdf", launch: launch) }

    func ended(_ cause: Termination.Cause, peak: Int = 50 << 20, said: String = "") -> WorkerFailure {
        .ended(Termination(cause: cause, peakMemory: peak), errorTail: Array(said.utf8))
    }

    @Test("each way of ending reads as its cause")
    func messages() {
        #expect(message(.timedOut) == "the pdf parser took longer than 30 s: stopped")
        #expect(message(.unreadableReply) == "the pdf parser sent an unreadable reply")
        #expect(message(.stopped) == "the pdf parser was stopped: the run is stopping")
        #expect(message(ended(.signaled(SIGSEGV))) == "the pdf parser crashed (SIGSEGV)")
        #expect(message(ended(.signaled(SIGXCPU))) == "the pdf parser used more than 60 s of CPU time: stopped")
        #expect(message(ended(.exited(1))) == "the pdf parser exited with status 1 before answering")
        #expect(
            message(.couldNotStart("No such file or directory")).hasSuffix("could not start: No such file or directory")
        )
    }

    @Test("a death after a failed allocation, or with the address space nearly full, is running out of memory")
    func outOfMemory() {
        let oom = "the pdf parser ran out of memory (1 GiB limit)"
        #expect(message(ended(.signaled(SIGABRT), said: "Fatal error: failed to allocate 16777248 bytes")) == oom)
        #expect(message(ended(.signaled(SIGTRAP), said: "GLib-ERROR **: failed to allocate 5 bytes")) == oom)
        #expect(message(ended(.signaled(SIGABRT), said: "terminate called after throwing std::bad_alloc")) == oom)
        #expect(message(ended(.signaled(SIGSEGV), peak: 900 << 20)) == oom)
        #expect(message(ended(.exited(0), peak: 900 << 20)) != oom)
    }
}
