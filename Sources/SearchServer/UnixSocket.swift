import Dispatch
import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A Unix-domain stream socket, for the warm query server beside an index and the searches
/// that ask it. Every call reports failure by returning nil or false: a search that cannot
/// reach a server answers by itself.
public struct UnixSocket: Sendable {
    let descriptor: Int32

    /// The longest path a socket address holds.
    public static let maximumPathBytes = MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1

    /// Connects to the socket at `path`, with replies awaited at most `timeoutSeconds`.
    /// Only to a socket of this user's, answered by a process of this user's: anything else at
    /// `path` is `.foreign` and not written to (in a shared folder, another user could listen there).
    public static func connect(to path: String, timeoutSeconds: Int) -> Connection {
        guard case .success(let status) = FileStatus.ofLink(Array(path.utf8CString)) else { return .none }
        guard status.kind == .socket, status.owner == geteuid() else { return .foreign(owner: status.owner) }
        guard var address = address(path), let socket = make() else { return .none }
        _ = socket.setReceiveTimeout(nanoseconds: UInt64(timeoutSeconds) * 1_000_000_000)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(socket.descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            socket.close()
            return .none
        }
        let peer = socket.peerUserID()
        guard peer == geteuid() else {
            socket.close()
            return .foreign(owner: peer ?? status.owner)
        }
        return .connected(socket)
    }

    /// What `connect` found at a socket's path.
    public enum Connection {
        /// Nothing listening (no socket, or a dead one).
        case none
        /// A socket of another user's (or served by one): not used.
        case foreign(owner: uid_t)
        case connected(UnixSocket)
    }

    /// A socket listening at `path` (which must not exist).
    public static func listen(at path: String) throws -> UnixSocket {
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
    public func accept() -> UnixSocket? {
        while true {
            let connection = systemAccept(descriptor, nil, nil)
            if connection >= 0 { return UnixSocket(descriptor: connection) }
            if errno != EINTR { return nil }
        }
    }

    /// The user id of the process at the other end (`SO_PEERCRED`; `getpeereid` on BSDs),
    /// nil when the system does not say.
    public func peerUserID() -> uid_t? {
        #if os(Linux)
            // struct ucred: pid, uid, gid (Swift's Glibc module does not export the struct).
            var credentials = [UInt32](repeating: 0, count: 3)
            var length = socklen_t(MemoryLayout<UInt32>.size * 3)
            let status = credentials.withUnsafeMutableBytes {
                getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, $0.baseAddress, &length)
            }
            return status == 0 ? credentials[1] : nil
        #else
            var user = uid_t()
            var group = gid_t()
            return getpeereid(descriptor, &user, &group) == 0 ? user : nil
        #endif
    }

    /// Bytes up to the first newline (not included) or the end, at most `limit`; nil on failure
    /// or when `deadlineSeconds` (when given) pass before the line is complete.
    public func readLine(limit: Int, deadlineSeconds: Double? = nil) -> [UInt8]? {
        var line: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let deadline = deadlineSeconds.map { DispatchTime.now().uptimeNanoseconds + UInt64($0 * 1e9) }
        while line.count <= limit {
            if let deadline {
                let now = DispatchTime.now().uptimeNanoseconds
                guard now < deadline, setReceiveTimeout(nanoseconds: deadline - now) else { return nil }
            }
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

    /// Writes all of `bytes`; false when the other side went away (without SIGPIPE, which would
    /// end a search whose server stopped before reading its request).
    public func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Self.noSignal) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    public func close() { _ = systemClose(descriptor) }

    /// Makes each read wait at most `nanoseconds`.
    private func setReceiveTimeout(nanoseconds: UInt64) -> Bool {
        var timeout = timeval(
            tv_sec: Int(nanoseconds / 1_000_000_000), tv_usec: max(1, Int(nanoseconds % 1_000_000_000 / 1000)))
        return setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size)) == 0
    }

    private static func make() -> UnixSocket? {
        #if os(Linux)
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
            let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
            var on: Int32 = 1
            if descriptor >= 0 {
                _ = setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
            }
        #endif
        return descriptor >= 0 ? UnixSocket(descriptor: descriptor) : nil
    }

    /// `send`'s flag that turns SIGPIPE into EPIPE (elsewhere, `SO_NOSIGPIPE` is set on the socket).
    #if os(Linux)
        private static let noSignal = Int32(MSG_NOSIGNAL)
    #else
        private static let noSignal: Int32 = 0
    #endif

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
private let systemClose = close
