import ChildProcess
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Children run for real (`/bin/sh`, `cat`, `sleep`, `yes`): exit statuses and signals as they
/// are, the deadline and the output cap enforced, limits applied, nothing left running.
@Suite("Child processes: status, signals, deadline, output cap, limits")
struct ChildProcessTests {
    func run(
        _ program: String, _ arguments: [String], input: String = "", limits: ProcessLimits = ProcessLimits(),
        seconds: Double = 10, outputLimit: Int = 1 << 20
    ) throws -> ProcessRun {
        try ChildProcess.run(
            executable: program, arguments: arguments, environment: ["PATH": "/usr/bin:/bin"],
            input: Array(input.utf8), limits: limits, deadline: .now + .milliseconds(Int(seconds * 1000)),
            outputLimit: outputLimit)
    }

    @Test("input reaches the child and its output comes back; its exit status is reported")
    func inputOutputAndStatus() throws {
        let echoed = try run("/bin/cat", [], input: "hello\nworld\n")
        #expect(String(decoding: echoed.output, as: UTF8.self) == "hello\nworld\n")
        #expect(echoed.termination.cause == .exited(0) && echoed.stoppedFor == nil)
        let failed = try run("/bin/sh", ["-c", "echo oops >&2; exit 3"])
        #expect(failed.termination.cause == .exited(3))
        #expect(String(decoding: failed.errorTail, as: UTF8.self) == "oops\n")
        #expect(failed.termination.description == "exited with status 3")
    }

    @Test("a child killed by a signal is reported with the signal's name")
    func signal() throws {
        let crashed = try run("/bin/sh", ["-c", "kill -SEGV $$"])
        #expect(crashed.termination.cause == .signaled(SIGSEGV))
        #expect(crashed.termination.description == "killed by SIGSEGV")
    }

    @Test("a child still running at the deadline is killed, with its process group")
    func deadline() throws {
        let started = ContinuousClock.now
        let slow = try run("/bin/sh", ["-c", "echo $$; sleep 30 & wait"], seconds: 0.5)
        // Not a speed check: a child left running would have slept its full 30 s.
        #expect(ContinuousClock.now - started < .seconds(25))
        #expect(slow.stoppedFor == .timedOut && slow.termination.cause == .signaled(SIGKILL))
        try expectGroupGone(printed: slow.output)
    }

    /// The shell that printed its pid (`echo $$`) led its own group; the sleep in it went with
    /// it: the group is empty. (Its orphaned member is reaped by init, a moment later.)
    func expectGroupGone(printed output: [UInt8]) throws {
        let group = try #require(
            pid_t(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        let gone = ContinuousClock.now + .seconds(2)
        while kill(-group, 0) == 0, ContinuousClock.now < gone { usleep(10_000) }
        #expect(kill(-group, 0) == -1 && errno == ESRCH)
    }

    /// Asks for a stop a moment from now, while the child runs, as Ctrl-C would: writes to the
    /// pipe whose other end is the stop descriptor.
    func stopSoon(writingTo descriptor: Int32) {
        Thread {
            usleep(200_000)
            _ = write(descriptor, "x", 1)
        }.start()
    }

    @Test("a run whose stop descriptor becomes readable kills the child and its group at once, before its deadline")
    func runStops() throws {
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        defer { for end in ends { close(end) } }
        stopSoon(writingTo: ends[1])
        let stopped = try ChildProcess.run(
            executable: "/bin/sh", arguments: ["-c", "echo $$; sleep 3600 & wait"], environment: [:],
            deadline: .now + .seconds(60), outputLimit: 100, stopDescriptor: ends[0])
        #expect(stopped.stoppedFor == .stopped && stopped.termination.cause == .signaled(SIGKILL))
        try expectGroupGone(printed: stopped.output)
    }

    @Test("a child that closed its output and runs on is killed at the deadline, or at a stop, and says which")
    func closedOutputRunsOn() throws {
        let runsOn = ["-c", "exec >&- 2>&-; sleep 3600"]
        let late = try run("/bin/sh", runsOn, seconds: 0.5)
        #expect(late.stoppedFor == .timedOut && late.termination.cause == .signaled(SIGKILL))
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        defer { for end in ends { close(end) } }
        stopSoon(writingTo: ends[1])
        let stopped = try ChildProcess.run(
            executable: "/bin/sh", arguments: runsOn, environment: [:], deadline: .now + .seconds(60),
            outputLimit: 100, stopDescriptor: ends[0])
        #expect(stopped.stoppedFor == .stopped && stopped.termination.cause == .signaled(SIGKILL))
    }

    @Test("output past the cap stops the child and is cut at the cap")
    func outputCap() throws {
        let endless = try run("/usr/bin/yes", [], outputLimit: 100_000)
        #expect(endless.stoppedFor == .outputTooLarge && endless.output.count == 100_000)
        #expect(endless.termination.cause == .signaled(SIGKILL))
    }

    @Test("the CPU-time limit ends a busy child with SIGXCPU")
    func cpuLimit() throws {
        let busy = try run("/bin/sh", ["-c", "while :; do :; done"], limits: ProcessLimits(cpuSeconds: 1))
        #expect(busy.termination.cause == .signaled(SIGXCPU) && busy.stoppedFor == nil)
    }

    @Test("the address-space limit and the absence of core dumps are set in the child")
    func limitsInChild() throws {
        let shown = try run("/bin/sh", ["-c", "ulimit -v; ulimit -c"], limits: ProcessLimits(addressSpace: 512 << 20))
        #expect(String(decoding: shown.output, as: UTF8.self) == "\(512 << 10)\n0\n")
    }

    @Test("a warm child answers request after request; bytes past an answer wait for the next")
    func warmExchanges() throws {
        let child = try ChildProcess(executable: "/bin/cat", arguments: [], environment: [:])
        let line: ([UInt8]) -> Int? = { output in output.firstIndex(of: 10).map { $0 + 1 } }
        let first = child.exchange(
            Array("one\ntwo\n".utf8), deadline: .now + .seconds(5), outputLimit: 100, answerLength: line)
        #expect(first.end == .answered && first.output == Array("one\n".utf8))
        let second = child.exchange([], deadline: .now + .seconds(5), outputLimit: 100, answerLength: line)
        #expect(second.end == .answered && second.output == Array("two\n".utf8))
        let silent = child.exchange([], deadline: .now + .milliseconds(200), outputLimit: 100, answerLength: line)
        #expect(silent.end == .timedOut)
        #expect(child.finish(deadline: .now + .seconds(5)).cause == .exited(0))
    }

    @Test("an exchange gives up when its stop descriptor becomes readable, before its deadline")
    func stopDescriptor() throws {
        let child = try ChildProcess(executable: "/bin/sleep", arguments: ["3600"], environment: [:])
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        defer { for end in ends { close(end) } }
        _ = write(ends[1], "x", 1)
        let stopped = child.exchange(
            Array("request\n".utf8), deadline: .now + .seconds(30), outputLimit: 100, stopDescriptor: ends[0])
        #expect(stopped.end == .stopped)
        #expect(child.kill().cause == .signaled(SIGKILL))
    }

    @Test("a program that cannot be started throws the system's reason")
    func missingProgram() throws {
        #expect(throws: (any Error).self) {
            try ChildProcess(executable: "/nonexistent/program", arguments: [], environment: [:])
        }
    }
}
