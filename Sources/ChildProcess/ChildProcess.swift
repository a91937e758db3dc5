import CSystemCalls
import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program run as a child of this process, without a shell: its standard input, output and
/// error are this object's, it runs under `ProcessLimits` in a process group of its own, and it
/// is killed with its group when this object goes away, when `kill()` is called, or (Linux)
/// when the thread that started it ends — so no run leaves one behind.
///
/// Talk to it with `exchange` (write input while reading output, under a deadline and an output
/// cap); end it with `finish` or `kill`. One thread uses an instance at a time.
public final class ChildProcess {
    /// The child's process id, which is also its process group's.
    public let pid: pid_t
    /// Its end, once reaped.
    public private(set) var termination: Termination?
    /// The last bytes it wrote to standard error, at most `errorTailLimit` of them.
    public private(set) var errorTail: [UInt8] = []
    /// How much of standard error `errorTail` keeps.
    public static let errorTailLimit = 8192

    /// Our end of its standard input (a socket, so that writing to a child that went away
    /// fails with EPIPE instead of raising SIGPIPE); -1 once closed.
    var input: Int32
    /// Our ends of its standard output and error; -1 once they reached their end.
    var output: Int32
    var errors: Int32
    /// Output read past the end of the last answer, kept for the next exchange.
    var unread: [UInt8] = []

    /// Starts `executable` (a path; PATH is not searched) with `arguments` (without the program's
    /// name) and exactly `environment`. Throws the reason it could not start.
    public init(
        executable: String, arguments: [String], environment: [String: String], limits: ProcessLimits = ProcessLimits()
    ) throws(SystemCallError) {
        var inputPair: [Int32] = [-1, -1]
        var outputPair: [Int32] = [-1, -1]
        var errorPair: [Int32] = [-1, -1]
        func closeAll() { (inputPair + outputPair + errorPair).filter { $0 >= 0 }.forEach { _ = close($0) } }
        guard socketpair(AF_UNIX, Self.streamType, 0, &inputPair) == 0, Self.pipe(&outputPair), Self.pipe(&errorPair)
        else {
            let error = SystemCallError.current
            closeAll()
            throw error
        }
        let words = ([executable] + arguments).map { strdup($0) }
        let variables = environment.map { strdup("\($0.key)=\($0.value)") }
        defer { (words + variables).forEach { free($0) } }
        var cLimits = semfind_limits(
            cpu_seconds: Int64(limits.cpuSeconds ?? 0), address_space_bytes: Int64(limits.addressSpace ?? 0))
        var child: pid_t = 0
        let streams: [Int32] = [inputPair[1], outputPair[1], errorPair[1]]
        let status = (words + [nil]).withUnsafeBufferPointer { argv in
            (variables + [nil]).withUnsafeBufferPointer { envp in
                semfind_spawn_limited(executable, argv.baseAddress, envp.baseAddress, streams, &cLimits, &child)
            }
        }
        streams.forEach { _ = close($0) }
        guard status == 0 else {
            [inputPair[0], outputPair[0], errorPair[0]].forEach { _ = close($0) }
            throw SystemCallError(number: status)
        }
        pid = child
        input = inputPair[0]
        output = outputPair[0]
        errors = errorPair[0]
        for descriptor in [input, output, errors] {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
        #if canImport(Darwin)
            var on: Int32 = 1
            _ = setsockopt(input, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    deinit {
        if termination == nil { _ = kill() }
        [input, output, errors].filter { $0 >= 0 }.forEach { _ = close($0) }
    }

    /// Closes its standard input (a child reading to the end then sees it), leaving it running.
    public func closeInput() {
        guard input >= 0 else { return }
        _ = close(input)
        input = -1
    }

    /// Kills the child and its process group (SIGKILL) unless it has ended, and reaps it.
    @discardableResult
    public func kill() -> Termination {
        if let termination { return termination }
        _ = sendSignal(-pid, SIGKILL)
        return reap(blocking: true) ?? Termination(cause: .signaled(SIGKILL), peakMemory: 0)
    }

    /// Closes its input and gives it until `deadline` to exit; then kills it. Its end either way.
    public func finish(deadline: ContinuousClock.Instant) -> Termination {
        closeInput()
        while ContinuousClock.now < deadline {
            if let ended = reap(blocking: false) { return ended }
            usleep(2000)
        }
        return kill()
    }

    /// Reaps the child if it has ended (or waits for it), recording its end and the rest of its
    /// standard error; nil if it still runs.
    func reap(blocking: Bool) -> Termination? {
        if let termination { return termination }
        // First see it end without reaping it: while it is a zombie its pid, which names its
        // group, cannot be reused, so the group (a grandchild may live on) can be killed safely.
        var info = siginfo_t()
        var seen: Int32
        repeat {
            seen = waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT | (blocking ? 0 : WNOHANG))
        } while seen < 0 && errno == EINTR
        guard seen == 0, Self.childPid(of: info) == pid else { return nil }
        _ = sendSignal(-pid, SIGKILL)
        var status: Int32 = 0
        var usage = rusage()
        var reaped: pid_t
        repeat {
            reaped = wait4(pid, &status, 0, &usage)
        } while reaped < 0 && errno == EINTR
        guard reaped == pid else { return nil }
        let signal = status & 0x7f
        let cause: Termination.Cause = signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
        #if canImport(Darwin)
            let peak = Int(usage.ru_maxrss)
        #else
            let peak = Int(usage.ru_maxrss) * 1024
        #endif
        termination = Termination(cause: cause, peakMemory: peak)
        readErrors()
        return termination
    }

    /// Reads what standard error holds now into `errorTail`, without waiting.
    func readErrors() {
        guard errors >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(errors, $0.baseAddress, $0.count) }
            if count > 0 {
                errorTail += buffer[..<count]
                if errorTail.count > Self.errorTailLimit {
                    errorTail.removeFirst(errorTail.count - Self.errorTailLimit)
                }
            } else if count < 0, errno == EINTR {
                continue
            } else {
                if count == 0 {
                    _ = close(errors)
                    errors = -1
                }
                return
            }
        }
    }

    /// The pid `waitid` saw end (0 when, without waiting, none had).
    private static func childPid(of info: siginfo_t) -> pid_t {
        #if canImport(Glibc)
            info._sifields._sigchld.si_pid
        #else
            info.si_pid
        #endif
    }

    /// A pipe whose ends close on exec (the child gets its copies by dup2).
    private static func pipe(_ pair: inout [Int32]) -> Bool {
        #if canImport(Glibc)
            let made = Glibc.pipe(&pair) == 0
        #else
            let made = Darwin.pipe(&pair) == 0
        #endif
        return made && pair.allSatisfy { fcntl($0, F_SETFD, FD_CLOEXEC) == 0 }
    }

    #if canImport(Glibc)
        private static let streamType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    #else
        private static let streamType = SOCK_STREAM
    #endif
}

/// kill(2), by another name than `ChildProcess.kill()`.
private func sendSignal(_ pid: pid_t, _ signal: Int32) -> Int32 {
    #if canImport(Glibc)
        Glibc.kill(pid, signal)
    #else
        Darwin.kill(pid, signal)
    #endif
}
