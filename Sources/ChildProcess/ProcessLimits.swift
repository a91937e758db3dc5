/// What a child process may use: CPU time and address space (set in the child before it
/// runs), and wall-clock time (the parent's deadline on each exchange). Core dumps are always
/// off.
public struct ProcessLimits: Sendable, Equatable {
    /// Seconds of CPU time before the child gets SIGXCPU (RLIMIT_CPU's soft limit); nil for none.
    public var cpuSeconds: Int?
    /// Bytes of address space (RLIMIT_AS): allocations past it fail; nil for none.
    public var addressSpace: Int?

    public init(cpuSeconds: Int? = nil, addressSpace: Int? = nil) {
        self.cpuSeconds = cpuSeconds
        self.addressSpace = addressSpace
    }
}
