import Foundation
import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program without a shell, with a wall-clock deadline and a cap on its output: what a
/// declared format's command may cost one file.
///
/// The program gets `input` as standard input, keeps the process's environment, runs in a
/// process group of its own (so a deadline or the cap ends whatever it started too) with the
/// termination signals at their defaults, and inherits no descriptor of semfind's that is
/// close-on-exec. Standard output is collected; of standard error only the start, for the
/// first line of a failure.
struct BoundedCommand {
    /// Program and arguments; the program is looked up in `PATH` unless it contains a slash.
    let arguments: [String]
    /// Seconds the program may run before it is killed.
    let timeout: Double
    /// Bytes of standard output past which the program is killed.
    let outputLimit: Int

    /// How much of standard error is kept: enough for its first line.
    static let keptErrorBytes = 4096

    /// The program's standard output, read to its end.
    ///
    /// - Throws: `SemfindError` `.invalidInput` with one line: the program could not start, timed
    ///   out, wrote more than the cap, was killed by a signal, or exited with a status other than
    ///   0 (then with the first line of its standard error).
    func run(input: Int32) throws -> [UInt8] {
        let output = try Pipe.make()
        let errors = try Pipe.make()
        defer {
            close(output.read)
            close(errors.read)
        }
        let pid = try spawn(input: input, output: output.write, errors: errors.write)
        close(output.write)
        close(errors.write)
        var collected = Collected(limit: outputLimit)
        let deadline = Date(timeIntervalSinceNow: timeout)
        let ending = collect(output: output.read, errors: errors.read, into: &collected, until: deadline)
        let status = ending == nil ? wait(pid, until: deadline) : nil
        if status == nil {
            kill(-pid, SIGKILL)
            _ = Self.waitBlocking(pid)
        }
        if let ending { throw SemfindError(.invalidInput, describe(ending)) }
        guard let status else { throw SemfindError(.invalidInput, describe(.timedOut)) }
        if status & 0x7f != 0 {
            throw SemfindError(.invalidInput, "command was killed by signal \(status & 0x7f)")
        }
        let code = (status >> 8) & 0xff
        guard code == 0 else {
            let firstLine = String(decoding: collected.errors, as: UTF8.self).split(whereSeparator: \.isNewline).first
            let reason = firstLine.map { ": " + $0.trimmingCharacters(in: .whitespaces) } ?? ""
            throw SemfindError(.invalidInput, "command exited with status \(code)\(reason)")
        }
        return collected.output
    }

    /// Why a run was cut short.
    enum Ending {
        case timedOut
        case outputPassedLimit
    }

    private func describe(_ ending: Ending) -> String {
        switch ending {
        case .timedOut: "command timed out after \(Self.shown(seconds: timeout))"
        case .outputPassedLimit: "output passed \(Self.shown(bytes: outputLimit))"
        }
    }

    static func shown(seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }

    static func shown(bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : bytes % 1024 == 0 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }

    /// Output and the start of standard error, as they arrive.
    struct Collected {
        let limit: Int
        var output: [UInt8] = []
        var errors: [UInt8] = []
    }

    /// Reads both streams until they end (nil), the deadline passes or the output passes its cap.
    private func collect(output: Int32, errors: Int32, into collected: inout Collected, until deadline: Date)
        -> Ending?
    {
        var open = [output, errors]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !open.isEmpty {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return .timedOut }
            var polled = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polled, nfds_t(polled.count), Int32(min(left * 1000 + 1, 60_000)))
            guard ready > 0 else { continue }
            for entry in polled where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                guard count > 0 else {
                    open.removeAll { $0 == entry.fd }
                    continue
                }
                if entry.fd == output {
                    collected.output += buffer[..<count]
                    if collected.output.count > collected.limit { return .outputPassedLimit }
                } else if collected.errors.count < Self.keptErrorBytes {
                    collected.errors += buffer[..<min(count, Self.keptErrorBytes - collected.errors.count)]
                }
            }
        }
        return nil
    }

    /// The program's wait status once it exits, or nil when the deadline passes first (a
    /// program may close its output and go on running).
    private func wait(_ pid: pid_t, until deadline: Date) -> Int32? {
        var status: Int32 = 0
        // Most programs exit as their output ends: look again soon, then less often.
        var pause: UInt32 = 50
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return status }
            // Reaped elsewhere (SIGCHLD ignored): its output ended, and no status says otherwise.
            if result < 0, errno != EINTR { return 0 }
            guard deadline.timeIntervalSinceNow > 0 else { return nil }
            usleep(pause)
            pause = min(pause * 2, 5000)
        }
    }

    private static func waitBlocking(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return status
    }

    /// Starts the program in its own process group, standard streams on the given descriptors.
    private func spawn(input: Int32, output: Int32, errors: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, errors, 2)
        var defaults = sigset_t()
        var none = sigset_t()
        sigemptyset(&defaults)
        sigemptyset(&none)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard status == 0 else {
            throw SemfindError(.invalidInput, "cannot run \(arguments[0]): \(String(cString: strerror(status)))")
        }
        return pid
    }
}

/// A pipe whose two ends are close-on-exec (the child gets copies through dup2).
private struct Pipe {
    let read: Int32
    let write: Int32

    static func make() throws -> Pipe {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw SemfindError(.io, "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return Pipe(read: ends[0], write: ends[1])
    }
}
