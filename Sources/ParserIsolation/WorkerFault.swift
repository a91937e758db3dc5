#if DEBUG
    import Foundation

    /// Fault injection for the tests of isolation, compiled into debug builds only (release
    /// builds have none of it): with `SEMFIND_PARSE_WORKER_FAULTS=1` in its environment, the
    /// parse worker misbehaves for real when a file's bytes carry a marker —
    /// `semfind-fault:crash` (SIGSEGV), `semfind-fault:hang` (sleeps for ever),
    /// `semfind-fault:memory` (allocates and touches memory without end) or
    /// `semfind-fault:garbage` (writes bytes that are no reply).
    enum WorkerFault {
        static let isEnabled = ProcessInfo.processInfo.environment["SEMFIND_PARSE_WORKER_FAULTS"] == "1"

        static func inject(into bytes: [UInt8]) {
            guard isEnabled else { return }
            if contains(bytes, "semfind-fault:crash") { raise(SIGSEGV) }
            if contains(bytes, "semfind-fault:hang") { while true { sleep(3600) } }
            if contains(bytes, "semfind-fault:memory") {
                // Swift's allocator stops the process when the address-space limit refuses it.
                while true { memset(UnsafeMutableRawPointer.allocate(byteCount: 16 << 20, alignment: 16), 1, 16 << 20) }
            }
            if contains(bytes, "semfind-fault:garbage") {
                FileHandle.standardOutput.write(Data("this is no reply\n".utf8))
            }
        }

        private static func contains(_ bytes: [UInt8], _ marker: String) -> Bool {
            let pattern = Array(marker.utf8)
            guard bytes.count >= pattern.count else { return false }
            return (0...(bytes.count - pattern.count)).contains { start in
                bytes[start..<start + pattern.count].elementsEqual(pattern)
            }
        }
    }
#else
    /// Release builds inject no faults.
    enum WorkerFault {
        @inline(__always) static func inject(into bytes: [UInt8]) {}
    }
#endif
