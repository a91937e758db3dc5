import Foundation
import SemfindCore

/// A format the user declared in the plugins file: a command turns the file into text,
/// markdown, HTML or sections, and the plugin of that output reads it.
///
/// The command runs without a shell (`BoundedCommand`) on the bytes semfind checked: on its
/// standard input, and in a private copy (`PrivateCopy`) at the path that replaces `{path}` in
/// its arguments. Its failure is the file's, with the reason.
public struct CommandFormat: FormatPlugin {
    public let name: String
    /// The entry's own `version` string, if it has one.
    public let declaredVersion: String?
    /// Program and arguments, `{path}` standing for the copy's path.
    public let command: [String]
    public let output: CommandOutput
    public let mimeTypes: Set<String>
    public let extensions: Set<String>
    public let readsBinary: Bool
    /// Seconds the command may run on one file.
    public let timeout: Double
    /// Bytes of output past which the command is stopped.
    public let outputLimit: Int

    /// What `{path}` in an argument stands for.
    public static let pathPlaceholder = "{path}"
    public static let defaultTimeout = 30.0
    public static let defaultOutputLimit = 64 << 20

    public init(
        name: String, declaredVersion: String?, command: [String], output: CommandOutput,
        mimeTypes: Set<String>, extensions: Set<String>, readsBinary: Bool, timeout: Double = defaultTimeout,
        outputLimit: Int = defaultOutputLimit
    ) {
        precondition(!command.isEmpty, "a declared format has a command")
        self.name = name
        self.declaredVersion = declaredVersion
        self.command = command
        self.output = output
        self.mimeTypes = mimeTypes
        self.extensions = extensions
        self.readsBinary = readsBinary
        self.timeout = timeout
        self.outputLimit = outputLimit
    }

    /// A stable hash of what decides the output, the name, version string, command line and
    /// output kind (48 bits: exact in JSON), so that changing any of them re-reads exactly this
    /// entry's files. The timeout and output cap decide only whether a file fails: not in it.
    public var version: Int {
        let identity = ([name, declaredVersion ?? "", output.rawValue] + command).joined(separator: "\u{0}")
        return Int(XXHash64.hash(Array(identity.utf8)) >> 16)
    }

    public func parse(_ bytes: [UInt8]) throws -> ParsedDocument {
        try parse(bytes, stopDescriptor: -1)
    }

    /// What the command makes of `bytes`; once `stopDescriptor` (the run's `StopRequest` wake
    /// descriptor) becomes readable, the command is killed and the file fails at once, instead of
    /// when its timeout runs out.
    public func parse(_ bytes: [UInt8], stopDescriptor: Int32) throws -> ParsedDocument {
        // A file to name only for a command that names one; standard input gets the bytes either way.
        let copy = command.contains { $0.contains(Self.pathPlaceholder) } ? try PrivateCopy(bytes) : nil
        defer { copy?.remove() }
        let arguments = command.map { $0.replacingOccurrences(of: Self.pathPlaceholder, with: copy?.path ?? "") }
        do {
            let printed = try BoundedCommand(arguments: arguments, timeout: timeout, outputLimit: outputLimit)
                .run(input: bytes, stopDescriptor: stopDescriptor)
            return try output.parse(printed)
        } catch let error as SemfindError {
            throw SemfindError(error.code, "\(name) plugin: \(error.message)")
        }
    }
}
