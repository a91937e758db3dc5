import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How an exchange with a child ended.
public enum ExchangeEnd: Sendable, Equatable {
    /// Its output began with a whole answer (`answerLength` said how long).
    case answered
    /// It closed its standard output (it has exited, most likely) before answering.
    case outputEnded
    /// The deadline passed first.
    case timedOut
    /// It wrote more than the output limit without a whole answer.
    case outputTooLarge
    /// The caller's stop descriptor became readable first (the run is stopping).
    case stopped
}

extension ChildProcess {
    /// Writes `input` to the child's standard input while reading its standard output and
    /// error, until the output holds a whole answer, the output ends, `deadline` passes or the
    /// output exceeds `outputLimit` bytes. `answerLength` looks at the output read so far and
    /// returns the length of the whole answer at its start (beyond `outputLimit` when the output
    /// can be no answer), or nil while it is incomplete (always nil to read to the end). Returns how it ended and the output: the answer, or all that was
    /// read. Bytes after an answer are kept for the next exchange. With `closingInput`, the
    /// input is closed once written (a program that reads to its end). With a `stopDescriptor`
    /// (a `StopRequest`'s wake descriptor), the exchange gives up as soon as it becomes readable.
    public func exchange(
        _ input: [UInt8], closingInput: Bool = false, deadline: ContinuousClock.Instant, outputLimit: Int,
        stopDescriptor: Int32 = -1, answerLength: ([UInt8]) -> Int? = { _ in nil }
    ) -> (end: ExchangeEnd, output: [UInt8]) {
        var received = unread
        unread = []
        var written = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let length = answerLength(received)
            if let length, length <= received.count {
                unread = Array(received[length...])
                return (.answered, Array(received[..<length]))
            }
            if received.count > outputLimit || length ?? 0 > outputLimit { return (.outputTooLarge, received) }
            if written == input.count, closingInput { closeInput() }
            guard output >= 0 else { return (.outputEnded, received) }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return (.timedOut, received) }
            var watched = [pollfd(fd: output, events: Int16(POLLIN), revents: 0)]
            if errors >= 0 { watched.append(pollfd(fd: errors, events: Int16(POLLIN), revents: 0)) }
            let writing = written < input.count && self.input >= 0
            if writing { watched.append(pollfd(fd: self.input, events: Int16(POLLOUT), revents: 0)) }
            if stopDescriptor >= 0 { watched.append(pollfd(fd: stopDescriptor, events: Int16(POLLIN), revents: 0)) }
            let milliseconds = Int32(min(remaining / .milliseconds(1), 60_000).rounded(.up))
            guard poll(&watched, nfds_t(watched.count), max(1, milliseconds)) > 0 else { continue }
            if stopDescriptor >= 0, (watched.last?.revents ?? 0) != 0 { return (.stopped, received) }
            if writing, let inputPoll = watched.first(where: { $0.fd == self.input }), inputPoll.revents != 0 {
                written += sendInput(input, from: written)
            }
            if errors >= 0, watched.count > 1, watched[1].revents != 0 { readErrors() }
            if watched[0].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
                if count > 0 {
                    received += buffer[..<count]
                } else if count == 0 {
                    _ = close(output)
                    output = -1
                }
            }
        }
    }

    /// Sends what it can of `bytes` from `offset` without waiting: how many bytes went. A child
    /// that closed its input takes the rest as sent (it will not read it).
    private func sendInput(_ bytes: [UInt8], from offset: Int) -> Int {
        #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)
        #else
            let flags = MSG_DONTWAIT
        #endif
        let sent = bytes.withUnsafeBytes { all -> Int in
            guard let start = all.baseAddress else { return 0 }
            #if canImport(Glibc)
                return Glibc.send(input, start + offset, all.count - offset, flags)
            #else
                return Darwin.send(input, start + offset, all.count - offset, flags)
            #endif
        }
        if sent >= 0 { return sent }
        if errno == EAGAIN || errno == EINTR { return 0 }
        closeInput()
        return bytes.count - offset
    }
}
