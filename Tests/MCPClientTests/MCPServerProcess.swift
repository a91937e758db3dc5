import Foundation
import MCP
import TestSupport

// The SDK's transport takes the FileDescriptor of Apple's System where there is one.
#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// `semfind mcp` running as a child process, with the MCP SDK's stdio transport over its pipes
/// (as an agent starts it) and its stderr kept in a file.
final class MCPServerProcess {
    let transport: StdioTransport
    private let process = Process()
    private let requests = Pipe()
    private let replies = Pipe()
    private let errorLog: String

    init(arguments: [String], errorLog: String) throws {
        self.errorLog = errorLog
        try Data().write(to: URL(fileURLWithPath: errorLog))
        process.executableURL = BuiltBinary.url
        process.arguments = ["mcp"] + arguments
        process.standardInput = requests
        process.standardOutput = replies
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorLog))
        try process.run()
        transport = StdioTransport(
            input: FileDescriptor(rawValue: replies.fileHandleForReading.fileDescriptor),
            output: FileDescriptor(rawValue: requests.fileHandleForWriting.fileDescriptor))
    }

    /// What the server wrote on stderr so far.
    var stderr: String { (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? "" }

    /// Ends the server as a client does, by closing its standard input; returns its exit status.
    func stop() -> Int32 {
        try? requests.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
