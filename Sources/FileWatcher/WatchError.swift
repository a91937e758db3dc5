import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Failures of the event sources, as the `SemfindError` every command reports.
enum WatchError {
    static func system(_ call: String, _ number: Int32) -> SemfindError {
        SemfindError(.io, "watch: \(call) failed: \(String(cString: strerror(number)))")
    }
}
