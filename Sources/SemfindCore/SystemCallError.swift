#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed system call's `errno`, with the system's own text for it ("Permission denied").
public struct SystemCallError: Error, Sendable, Equatable {
    /// The `errno` value.
    public let number: Int32

    public init(number: Int32) { self.number = number }

    /// The error in force right now, read from `errno`.
    public static var current: SystemCallError { SystemCallError(number: errno) }

    /// The system's description of `number`.
    public var message: String {
        guard let text = strerror(number) else { return "error \(number)" }
        return String(cString: text)
    }

    /// Whether the path (or a folder on the way to it) no longer exists.
    public var isMissing: Bool { number == ENOENT }
}
