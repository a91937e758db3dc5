import Foundation

/// Another local user, for the tests of what one user's semfind must not let another do.
/// Only root can act as another user; the tests that need one are skipped otherwise, saying why.
enum SecondUser {
    /// `nobody`, whom every Linux system has.
    static let id: uid_t = 65534

    /// Why a second user cannot be had here, or nil when one can.
    static var unavailable: String? {
        if getuid() != 0 { return "acting as a second user needs root (CI runs as root)" }
        if !FileManager.default.isExecutableFile(atPath: setpriv) { return "setpriv (util-linux) is missing" }
        return nil
    }

    /// Whether the tests that need a second user run; prints why not when they do not.
    static var isAvailable: Bool {
        guard let reason = unavailable else { return true }
        print("skipped: \(reason)")
        return false
    }

    private static let setpriv = "/usr/bin/setpriv"

    /// The words that run a program as the second user.
    static let launcher = [setpriv, "--reuid=\(id)", "--regid=\(id)", "--clear-groups"]

    /// Runs `arguments` as the second user and returns its exit status.
    @discardableResult
    static func run(_ arguments: [String]) throws -> Int32 {
        try start(arguments).waitUntilExitStatus()
    }

    /// Starts `arguments` as the second user, output discarded.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: setpriv)
        process.arguments = Array(launcher.dropFirst()) + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}

extension Process {
    /// Waits for the process and returns its exit status.
    func waitUntilExitStatus() -> Int32 {
        waitUntilExit()
        return terminationStatus
    }
}
