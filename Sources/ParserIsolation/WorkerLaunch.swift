import ChildProcess

/// How to start a parse worker and what it may use: the program (this executable, with the
/// arguments that make it one), its environment, and the limits on each file it parses.
public struct WorkerLaunch: Sendable {
    public var executable: String
    public var arguments: [String]
    public var environment: [String: String]
    /// Wall-clock time for one file, from the request to the reply.
    public var timeout: Duration
    /// CPU seconds for one file (the worker renews RLIMIT_CPU per request).
    public var cpuSeconds: Int
    /// The worker's address space (RLIMIT_AS).
    public var addressSpace: Int
    /// The most bytes a reply may have.
    public var replyLimit: Int

    /// CPU seconds per file unless told otherwise: twice the default wall-clock time, so that
    /// the parent's deadline, which says more, usually comes first.
    public static let defaultCPUSeconds = 60

    public init(
        executable: String, arguments: [String], environment: [String: String], timeout: Duration = .seconds(30),
        cpuSeconds: Int = defaultCPUSeconds, addressSpace: Int = 1 << 30, replyLimit: Int = 512 << 20
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.timeout = timeout
        self.cpuSeconds = cpuSeconds
        self.addressSpace = addressSpace
        self.replyLimit = replyLimit
    }

    var limits: ProcessLimits { ProcessLimits(cpuSeconds: cpuSeconds, addressSpace: addressSpace) }
}
