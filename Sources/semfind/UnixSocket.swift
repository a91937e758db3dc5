import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A Unix-domain stream socket, for the warm query server beside an index and the searches
/// that ask it. Every call reports failure by returning nil or false: a search that cannot
/// reach a server answers by itself.
struct UnixSocket {
    let descriptor: Int32

    /// The longest path a socket address holds.
    static let maximumPathBytes = MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1

    /// Connects to the socket at `path`, with replies awaited at most `timeoutSeconds`.
    static func connect(to path: String, timeoutSeconds: Int) -> UnixSocket? {
        guard var address = address(path), let socket = make() else { return nil }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        _ = setsockopt(
            socket.descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(socket.descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            socket.close()
            return nil
        }
        return socket
    }

    /// A socket listening at `path` (which must not exist).
    static func listen(at path: String) throws -> UnixSocket {
        guard var address = address(path) else {
            throw SemfindError(
                .invalidInput,
                "\(path) is longer than a socket path may be (\(maximumPathBytes) bytes); use an index at a shorter path"
            )
        }
        guard let socket = make() else {
            throw SemfindError(.io, "cannot make a socket: \(SystemCallError.current.message)")
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket.descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, systemListen(socket.descriptor, 16) == 0 else {
            let reason = SystemCallError.current.message
            socket.close()
            throw SemfindError(.io, "cannot listen at \(path): \(reason)")
        }
        return socket
    }

    /// The next connection, waiting for one; nil when the socket failed.
    func accept() -> UnixSocket? {
        while true {
            let connection = systemAccept(descriptor, nil, nil)
            if connection >= 0 { return UnixSocket(descriptor: connection) }
            if errno != EINTR { return nil }
        }
    }

    /// Bytes up to the first newline (not included) or the end, at most `limit`; nil on failure.
    func readLine(limit: Int) -> [UInt8]? {
        var line: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while line.count <= limit {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return line }
            if let newline = chunk[..<count].firstIndex(of: 0x0A) {
                line += chunk[..<newline]
                return line
            }
            line += chunk[..<count]
        }
        return nil
    }

    /// Writes all of `bytes`; false when the other side went away.
    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    func close() { _ = systemClose(descriptor) }

    private static func make() -> UnixSocket? {
        #if os(Linux)
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
            let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        return descriptor >= 0 ? UnixSocket(descriptor: descriptor) : nil
    }

    private static func address(_ path: String) -> sockaddr_un? {
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumPathBytes else { return nil }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        return address
    }
}

// The system calls under names that the methods above do not shadow.
private let systemConnect = connect
private let systemListen = listen
private let systemAccept = accept
private let systemWrite = write
private let systemClose = close
