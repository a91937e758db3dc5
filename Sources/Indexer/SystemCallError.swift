#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed system call's `errno`, with the system's own text for it ("Permission denied").
struct SystemCallError: Error, Sendable, Equatable {
    /// The `errno` value.
    let number: Int32

    /// The error in force right now, read from `errno`.
    static var current: SystemCallError { SystemCallError(number: errno) }

    /// The system's description of `number`.
    var message: String {
        guard let text = strerror(number) else { return "error \(number)" }
        return String(cString: text)
    }

    /// Whether the path (or a folder on the way to it) no longer exists.
    var isMissing: Bool { number == ENOENT }
}
