import Indexer
import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The child's side of isolated parsing (`semfind parse-worker`): reads requests on standard
/// input, has the named plugin parse the bytes, and writes each reply on standard output, until
/// its input ends. Before each request it allows itself `cpuSeconds` more of CPU time
/// (RLIMIT_CPU's soft limit), so that a warm worker's budget is per file.
public struct ParseWorker {
    let registry: FormatRegistry
    let cpuSeconds: Int

    public init(registry: FormatRegistry, cpuSeconds: Int) {
        self.registry = registry
        self.cpuSeconds = cpuSeconds
    }

    /// Serves requests until standard input ends (or standard output is gone).
    public func serve() {
        var reader = FrameReader(descriptor: STDIN_FILENO)
        while let payload = reader.next() {
            allowMoreTime()
            let reply: ParseReply
            if let request = ParseRequest(decoding: payload[...]) {
                WorkerFault.inject(into: request.bytes)
                reply = parse(request)
            } else {
                reply = .failure("the parse worker got an unreadable request")
            }
            guard writeAll(WorkerFrame.frame(reply.encoded)) else { return }
        }
    }

    private func parse(_ request: ParseRequest) -> ParseReply {
        guard let plugin = registry.plugins.first(where: { $0.name == request.plugin }) else {
            return .failure("the parse worker has no \(request.plugin) plugin")
        }
        do {
            return .document(try plugin.parse(request.bytes))
        } catch let error as SemfindError {
            return .failure(error.message)
        } catch {
            return .failure("\(plugin.name) parser failed: \(error)")
        }
    }

    private func allowMoreTime() {
        var usage = rusage()
        guard getrusage(ownUsage, &usage) == 0 else { return }
        let used = Int(usage.ru_utime.tv_sec) + Int(usage.ru_stime.tv_sec) + 1
        var limit = rlimit()
        guard getrlimit(cpuResource, &limit) == 0 else { return }
        limit.rlim_cur = rlim_t(used + cpuSeconds)
        _ = setrlimit(cpuResource, &limit)
    }

    /// Writes all of `bytes` to standard output; false when it is gone.
    private func writeAll(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }
}

#if canImport(Glibc)
    private let cpuResource = __rlimit_resource_t(RLIMIT_CPU.rawValue)
    private let ownUsage = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
    private let cpuResource = RLIMIT_CPU
    private let ownUsage = RUSAGE_SELF
#endif
